// Branch-scoped search postings: per branch a directory of its meetings, and per (branch, bigram) the slots holding it.
import { searchTermsOf } from '../../../../shared/search/bigrams';
import type { Meeting } from '../../../../shared/schemas/entities';

/** The `term` of a branch's directory row: never a bigram (normalised text has no empty term). */
export const DIRECTORY_TERM = '';

/**
 * A row of `searchPostings` (primary key `[branchId+term]`). Two kinds share the table, both per branch:
 * - the directory (`term === DIRECTORY_TERM`): `entries[slot]` = `date + ' ' + id` of a meeting ('' = freed slot);
 * - a posting (`term` = a bigram): `slots`, ascending, of the meetings whose text contains the bigram.
 * Small integers instead of ids make the lists ≈ 12× smaller to write (a meeting has ≈ 257 bigrams), and the dates in
 * the directory let a search order and page its candidates before reading any meeting row. Derived data: never
 * exported, rebuilt on restore and by migration 003.
 */
export interface SearchPosting {
  branchId: string;
  term: string;
  slots?: number[];
  entries?: string[];
}

type Searchable = Pick<
  Meeting,
  'id' | 'branchId' | 'date' | 'topic' | 'agenda' | 'content' | 'speeches' | 'resolutions'
>;

/** The text a search looks through: the same fields feed the postings and the confirming substring test. */
export function searchableTexts(
  m: Pick<Meeting, 'topic' | 'agenda' | 'content' | 'speeches' | 'resolutions'>,
): string[] {
  return [m.topic, m.agenda, m.content, m.speeches, m.resolutions];
}

/** A directory entry: the fixed-width ISO date first, so string order is (date, id) order. */
export function entryOf(m: Pick<Meeting, 'id' | 'date'>): string {
  return `${m.date} ${m.id}`;
}

export function idOfEntry(entry: string): string {
  return entry.slice(entry.indexOf(' ') + 1);
}

/** Descending (newest first, ties by id descending), the order of every meeting list. */
export function sortEntriesDesc(entries: string[]): string[] {
  return entries.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** What one meeting contributes to the postings of its branch: its directory entry and its bigrams. */
export interface PostingContribution {
  branchId: string;
  entry: string;
  terms: string[];
}

export function contributionOf(m: Searchable): PostingContribution {
  return { branchId: m.branchId, entry: entryOf(m), terms: searchTermsOf(searchableTexts(m)) };
}

/**
 * Builds every row for a batch of meetings in memory (restore, migration): per branch a directory (entries newest
 * first) and a slot list per bigram. The branches must have no stored rows yet (restore writes new branches only).
 */
export function buildPostings(meetings: Iterable<Searchable>): SearchPosting[] {
  const byBranch = new Map<string, Searchable[]>();
  for (const m of meetings) {
    let list = byBranch.get(m.branchId);
    if (!list) byBranch.set(m.branchId, (list = []));
    list.push(m);
  }
  const out: SearchPosting[] = [];
  for (const [branchId, list] of byBranch) {
    const withEntries = list.map((m) => ({ m, entry: entryOf(m) }));
    withEntries.sort((a, b) => (a.entry < b.entry ? 1 : a.entry > b.entry ? -1 : 0));
    out.push({ branchId, term: DIRECTORY_TERM, entries: withEntries.map((x) => x.entry) });
    const slots = new Map<string, number[]>();
    withEntries.forEach(({ m }, slot) => {
      for (const term of searchTermsOf(searchableTexts(m))) {
        let s = slots.get(term);
        if (!s) slots.set(term, (s = []));
        s.push(slot); // ascending: slots are visited in order
      }
    });
    for (const [term, s] of slots) out.push({ branchId, term, slots: s });
  }
  return out;
}

/** Intersects slot lists, the shortest first. */
export function intersectSlots(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return [];
  const ordered = [...lists].sort((a, b) => a.length - b.length);
  let result = [...ordered[0]!];
  for (const list of ordered.slice(1)) {
    if (result.length === 0) break;
    const set = new Set(list);
    result = result.filter((s) => set.has(s));
  }
  return result;
}

/** Adds `slot` to an ascending list (once). */
export function withSlot(slots: readonly number[], slot: number): number[] {
  if (slots.includes(slot)) return [...slots];
  const next = [...slots, slot];
  return next.sort((a, b) => a - b);
}

/**
 * Readable form of stored rows, independent of slot numbering: branch → bigram → entries (sorted descending). Two
 * sets of rows describe the same index exactly when their decoded forms are equal (tests, checks).
 */
export function decodePostings(rows: readonly SearchPosting[]): Record<string, Record<string, string[]>> {
  const directories = new Map(rows.filter((r) => r.term === DIRECTORY_TERM).map((r) => [r.branchId, r.entries ?? []]));
  const out: Record<string, Record<string, string[]>> = {};
  for (const row of rows) {
    if (row.term === DIRECTORY_TERM) continue;
    const entries = directories.get(row.branchId) ?? [];
    (out[row.branchId] ??= {})[row.term] = sortEntriesDesc((row.slots ?? []).map((s) => entries[s] ?? `?${s}`));
  }
  return out;
}
