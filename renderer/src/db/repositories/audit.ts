// The audit log: written inside the same transaction as the change it records, read per record or per branch.
import Dexie from 'dexie';
import { auditEntrySchema, isRenumbering, type AuditEntry } from '../../../../shared/schemas/entities';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { AUDIT_PAGE_ENTRIES, type AuditPage } from '../packed';

/** The audit `entity` names: one per kind of record, singular. */
export type AuditEntity =
  | 'branch'
  | 'member'
  | 'venue'
  | 'venueCheck'
  | 'meeting'
  | 'responsibility'
  | 'standard'
  | 'assessment'
  | 'memberEvaluation'
  | 'learning'
  | 'campaign'
  | 'competition'
  | 'attachment';

export interface AuditInput {
  entity: AuditEntity;
  entityId: string;
  action: AuditEntry['action'];
  /** The owning branch ('' for records outside any branch, such as standards). */
  branchId?: string;
  /** Why (required by the UI for amendments of finalised records). */
  reason?: string;
  /** A short Chinese description of what changed. */
  summary?: string;
  /** A 更正's fields with their previous (and new) values. */
  changes?: AuditEntry['changes'];
}

/** A branch's pages, first to last (`[branchId+page]` is the primary key). */
const pagesOf = (branchId: string) =>
  db.auditPages.where('[branchId+page]').between([branchId, Dexie.minKey], [branchId, Dexie.maxKey]);

/**
 * Appends one audit entry to its branch's last page (a new page when that one is full). Must run inside a read-write
 * transaction that includes `db.auditPages`, so that the change and its log entry commit or roll back together; it
 * refuses to run anywhere else.
 */
export async function writeAudit(input: AuditInput): Promise<AuditEntry> {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite' || !tx.storeNames.includes('auditPages')) {
    throw new Error('审计日志必须与所记录的修改在同一事务中写入');
  }
  const entry = auditEntrySchema.parse({ ...input, id: newId(), at: nowIso() });
  const last = await pagesOf(entry.branchId).last();
  if (last && last.entries.length < AUDIT_PAGE_ENTRIES) {
    last.entries.push(entry);
    // `at` comes from the clock, which can be set back: the page's range must still cover every entry in it.
    if (entry.at > last.lastAt) last.lastAt = entry.at;
    if (entry.at < last.firstAt) last.firstAt = entry.at;
    await db.auditPages.put(last);
  } else {
    const page: AuditPage = {
      branchId: entry.branchId,
      page: last ? last.page + 1 : 0,
      firstAt: entry.at,
      lastAt: entry.at,
      entries: [entry],
    };
    await db.auditPages.add(page);
  }
  return entry;
}

const byAt = (a: AuditEntry, b: AuditEntry) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

/**
 * One record's history, oldest first. With `branchId` (the record's branch; '' for standards) only that branch's
 * pages are read; without it, every page (for tests and tools, not for screens of a large database).
 */
export async function listAudit(entity: AuditEntity, entityId: string, branchId?: string): Promise<AuditEntry[]> {
  const pages = branchId === undefined ? db.auditPages.toCollection() : pagesOf(branchId);
  const found: AuditEntry[] = [];
  await pages.each((page) => {
    for (const e of page.entries) if (e.entityId === entityId && e.entity === entity) found.push(e);
  });
  return found.sort(byAt);
}

/** A branch's changes at or after `since` (an ISO instant or date), oldest first. */
export async function listAuditSince(branchId: string, since: string): Promise<AuditEntry[]> {
  const found: AuditEntry[] = [];
  await pagesOf(branchId)
    .filter((page) => page.lastAt >= since)
    .each((page) => {
      for (const e of page.entries) if (e.at >= since) found.push(e);
    });
  return found.sort(byAt);
}

/**
 * A branch's entries before `before` that `keep` wants, oldest first: what a 卷宗 that reads the log only from its
 * period (listAuditSince) still needs — when a record it cites was deleted, the 届期 a later 换届 replaced. One pass
 * over the pages that start before `before`.
 */
export async function listAuditBefore(
  branchId: string,
  before: string,
  keep: (entry: AuditEntry) => boolean,
): Promise<AuditEntry[]> {
  const found: AuditEntry[] = [];
  await pagesOf(branchId)
    .filter((page) => page.firstAt < before)
    .each((page) => {
      for (const e of page.entries) if (e.at < before && keep(e)) found.push(e);
    });
  return found.sort(byAt);
}

/** A branch's most recent changes, newest first: read from the last page backwards until `limit` are certain. */
export async function listRecentAudit(branchId: string, limit = 50): Promise<AuditEntry[]> {
  const found: AuditEntry[] = [];
  let oldestNeeded = '';
  await pagesOf(branchId)
    .reverse()
    .until((page) => found.length >= limit && page.lastAt < oldestNeeded)
    .each((page) => {
      found.push(...page.entries);
      found.sort((a, b) => byAt(b, a));
      found.length = Math.min(found.length, Math.max(limit, 0));
      oldestNeeded = found[found.length - 1]?.at ?? '';
    });
  return found;
}

/** What the 操作日志 can be narrowed to. */
export interface AuditFilter {
  /** The China calendar year the change was made in. */
  year?: number;
  /** Only these actions (e.g. 更正 and 删除). */
  actions?: readonly AuditEntry['action'][];
  /**
   * With `actions`: also the restores that replaced the branch's data (替换本机的同一支部, 覆盖全部), not those that
   * added it (作为新支部导入): an inspector looking for records that disappeared must see the branch was swapped.
   */
  replacements?: boolean;
}

/** A restore entry that replaced the branch's data rather than adding the branch (restore.ts, replace.ts word them). */
const replacedBranch = (e: AuditEntry) => e.action === 'restore' && !e.summary.includes('作为新支部导入');

/** The instant a China calendar year starts (UTC+8, no daylight saving), as the log's `at` is written. */
const chinaYearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000).toISOString();

/**
 * A branch's changes matching `filter`, newest first, at most `limit` of them, and how many match in all. Every page
 * of the branch is read (≈ 35 for 8,700 entries); a page wholly outside the year is passed over by its firstAt/lastAt
 * without looking at its entries. Pages are not assumed to be in time order: the clock can be set back.
 */
export async function findAudit(
  branchId: string,
  filter: AuditFilter,
  limit: number,
): Promise<{ entries: AuditEntry[]; total: number }> {
  const from = filter.year === undefined ? '' : chinaYearStart(filter.year);
  const to = filter.year === undefined ? '\uffff' : chinaYearStart(filter.year + 1);
  const actions = filter.actions && filter.actions.length > 0 ? new Set(filter.actions) : undefined;
  const found: AuditEntry[] = [];
  await pagesOf(branchId).each((page) => {
    if (page.lastAt < from || page.firstAt >= to) return;
    for (const e of page.entries) {
      // A renumbering is no 更正 whatever older builds logged it as (isRenumbering): it counts as the 修改 it is.
      const action = isRenumbering(e) ? 'update' : e.action;
      const kept = !actions || actions.has(action) || (filter.replacements === true && replacedBranch(e));
      if (e.at >= from && e.at < to && kept) found.push(e);
    }
  });
  found.sort((a, b) => byAt(b, a));
  return { entries: found.slice(0, Math.max(limit, 0)), total: found.length };
}

/** Every entry of the log (backup, tests). */
export async function allAuditEntries(): Promise<AuditEntry[]> {
  const pages = await db.auditPages.toArray();
  return pages.flatMap((p) => p.entries);
}

/** How many entries the log holds. */
export async function countAudit(): Promise<number> {
  let n = 0;
  await db.auditPages.each((p) => {
    n += p.entries.length;
  });
  return n;
}
