// Packed storage for the two bulk tables (schema v4): audit entries in pages, learning entries in branch-months.
import type { AuditEntry, Learning } from '../../../shared/schemas/entities';

/*
 * Why: a large organ holds ≈ 260,000 audit entries and ≈ 200,000 learning entries. As one IndexedDB record each (with
 * three or four index entries) they made a restore write for 50 s; Chromium writes records one request at a time
 * (≈ 10,000–20,000 a second here), while the same entries in arrays of a few hundred write 20–100 times faster (in
 * the organ restore: audit 32.6 s → 0.3 s, learning 19.9 s → 1.1 s; docs/performance.md). Both tables are read by branch and by time only, so grouping by branch loses no query:
 * - audit: append-only, read as "a branch's latest changes", "a branch's changes since a date" and "one record's
 *   history" (a filter over its branch's pages: tens of records even for a large branch);
 * - learning: read as "a branch's entries between two dates" (the year matrix, the dossier).
 * The backup format is unchanged: a backup still has one JSON line per audit or learning entry.
 */

/** The backup tables stored packed, and the table that holds each (a backup still has one line per entry). */
export const PACKED_STORAGE: Readonly<Record<'audit' | 'learning', string>> = {
  audit: 'auditPages',
  learning: 'learningMonths',
};

/** Entries per audit page: large enough to write quickly, small enough that appending one rewrites little. */
export const AUDIT_PAGE_ENTRIES = 256;

/** A page of one branch's audit log (primary key `[branchId+page]`), entries in the order they were written. */
export interface AuditPage {
  branchId: string;
  page: number;
  /** `at` of the first and last entry: a branch's changes since a date skip older pages without reading entries. */
  firstAt: string;
  lastAt: string;
  entries: AuditEntry[];
}

/** One branch's learning entries of one month (primary key `[branchId+month]`), sorted by date then id. */
export interface LearningMonth {
  branchId: string;
  /** `YYYY-MM` of the entries' dates. */
  month: string;
  entries: Learning[];
}

export const monthOf = (date: string): string => date.slice(0, 7);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order of a month's entries: by date, then by id (the order the v3 `[branchId+date]` index listed them in). */
export function compareLearning(a: Pick<Learning, 'date' | 'id'>, b: Pick<Learning, 'date' | 'id'>): number {
  return byText(a.date, b.date) || byText(a.id, b.id);
}

/**
 * Pages for entries of branches that have no stored pages yet (restore, migration): per branch, entries in time order
 * (ties keep their input order), cut into full pages numbered from 0.
 */
export function packAudit(entries: Iterable<AuditEntry>): AuditPage[] {
  const byBranch = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    let list = byBranch.get(e.branchId);
    if (!list) byBranch.set(e.branchId, (list = []));
    list.push(e);
  }
  const pages: AuditPage[] = [];
  for (const [branchId, list] of byBranch) {
    list.sort((a, b) => byText(a.at, b.at));
    for (let i = 0; i < list.length; i += AUDIT_PAGE_ENTRIES) {
      const slice = list.slice(i, i + AUDIT_PAGE_ENTRIES);
      pages.push({
        branchId,
        page: i / AUDIT_PAGE_ENTRIES,
        firstAt: slice[0]!.at,
        lastAt: slice[slice.length - 1]!.at,
        entries: slice,
      });
    }
  }
  return pages;
}

/** Branch-months for entries of branches that have no stored months yet (restore, migration). */
export function packLearning(entries: Iterable<Learning>): LearningMonth[] {
  const byKey = new Map<string, LearningMonth>();
  for (const e of entries) {
    const month = monthOf(e.date);
    const key = `${e.branchId}\u0000${month}`;
    let row = byKey.get(key);
    if (!row) byKey.set(key, (row = { branchId: e.branchId, month, entries: [] }));
    row.entries.push(e);
  }
  for (const row of byKey.values()) row.entries.sort(compareLearning);
  return [...byKey.values()];
}
