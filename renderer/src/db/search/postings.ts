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
> & {
  attendeeIds?: readonly string[];
  /** Listed under its kind and venue since v5 (older callers without them simply add no such term). */
  kind?: string;
  venueId?: string;
};

/**
 * The term under which a meeting is listed for each person who attended (the 「按人员」 filter). Never a bigram:
 * bigrams are one or two characters of normalised text, which has no punctuation. It replaced the meetings'
 * multi-entry *attendeeIds index in v4 (≈ 460,000 index entries on a large organ, written on every restore).
 */
export const attendeeTerm = (memberId: string): string => `人:${memberId}`;

/**
 * The terms under which a meeting is listed by kind and by venue (the 「类型」 and 「阵地」 filters, a venue's records).
 * They replaced the [branchId+kind+date] and [branchId+venueId+date] indexes in v5: each index entry cost the
 * browser's IndexedDB backend ≈ 30 µs to write on a restore (docs/performance.md), a list entry here almost nothing.
 */
export const kindTerm = (kind: string): string => `类:${kind}`;
export const venueTerm = (venueId: string): string => `地:${venueId}`;

/** Every term a meeting is listed under: the bigrams of its text, one per attendee, its kind and its venue. */
export function termsOf(m: Searchable): string[] {
  const terms = [...searchTermsOf(searchableTexts(m)), ...[...new Set(m.attendeeIds ?? [])].map(attendeeTerm)];
  if (m.kind) terms.push(kindTerm(m.kind));
  if (m.venueId) terms.push(venueTerm(m.venueId));
  return terms;
}

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
  return { branchId: m.branchId, entry: entryOf(m), terms: termsOf(m) };
}

/**
 * Collects meetings one at a time (a streaming restore keeps only their terms, not their text) and produces the same
 * rows as if it had seen them all at once: slots are numbered in arrival order and renumbered into directory order
 * (newest first) at the end.
 */
export class PostingsAccumulator {
  private readonly branches = new Map<string, { entries: string[]; lists: Map<string, number[]> }>();

  add(m: Searchable): void {
    let branch = this.branches.get(m.branchId);
    if (!branch) this.branches.set(m.branchId, (branch = { entries: [], lists: new Map() }));
    const slot = branch.entries.length;
    branch.entries.push(entryOf(m));
    for (const term of termsOf(m)) {
      let list = branch.lists.get(term);
      if (!list) branch.lists.set(term, (list = []));
      list.push(slot);
    }
  }

  /** Per branch a directory (entries newest first) and a slot list per term, ascending. */
  rows(): SearchPosting[] {
    return [...this.branches.keys()].flatMap((branchId) => this.branchRows(branchId));
  }

  /**
   * The stored form (buckets), built one branch at a time and each branch's lists dropped as soon as its buckets
   * exist: at most one branch's rows are held beside the packed result (a restore of a large organ: ≈ 80 MB of lists
   * instead of ≈ 140 MB with every row at once).
   */
  takeBuckets(): SearchBucket[] {
    const out: SearchBucket[] = [];
    for (const branchId of [...this.branches.keys()]) {
      out.push(...toBuckets(this.branchRows(branchId)));
      this.branches.delete(branchId);
    }
    return out;
  }

  private branchRows(branchId: string): SearchPosting[] {
    const { entries, lists } = this.branches.get(branchId)!;
    const order = entries.map((_, i) => i);
    order.sort((a, b) => (entries[a]! < entries[b]! ? 1 : entries[a]! > entries[b]! ? -1 : 0));
    const slotOf = new Uint32Array(entries.length);
    order.forEach((arrival, slot) => (slotOf[arrival] = slot));
    const out: SearchPosting[] = [{ branchId, term: DIRECTORY_TERM, entries: order.map((i) => entries[i]!) }];
    for (const [term, arrivals] of lists) {
      out.push({ branchId, term, slots: arrivals.map((a) => slotOf[a]!).sort((a, b) => a - b) });
    }
    return out;
  }
}

/**
 * Builds every row for a batch of meetings in memory (restore, migration): per branch a directory (entries newest
 * first) and a slot list per term. The branches must have no stored rows yet (restore writes new branches only).
 */
export function buildPostings(meetings: Iterable<Searchable>): SearchPosting[] {
  const acc = new PostingsAccumulator();
  for (const m of meetings) acc.add(m);
  return acc.rows();
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

// ── storage: the rows above kept in a few buckets per branch ────────────────────

/** Buckets per branch. A branch's lists are spread over them by a hash of the term. */
export const POSTING_BUCKETS = 64;
/** The bucket that holds a branch's directory. */
export const DIRECTORY_BUCKET = -1;

/**
 * A row of `searchBuckets` (primary key `[branchId+bucket]`, schema v4): the directory, or the lists of the terms
 * that hash to `bucket`. Why buckets: a large organ has ≈ 120,000 (branch, term) lists, and IndexedDB writes one
 * record per request (≈ 15,000 a second here), so a restore spent 8 s writing them; 64 buckets per branch write in a
 * fraction of a second. A search reads one bucket per bigram of its query, a few tens of kilobytes each.
 */
export interface SearchBucket {
  branchId: string;
  bucket: number;
  directory?: string[];
  /**
   * The bucket's lists packed into two typed arrays: list i is `slots[offsets[i] … offsets[i + 1])` of `terms[i]`.
   * IndexedDB clones a typed array as one block of bytes, while plain arrays (≈ 6 million numbers on a large organ)
   * are cloned value by value; writing them took 1.6 s, and 2.2 s as one small typed array per list.
   */
  terms?: string[];
  offsets?: Uint32Array;
  slots?: Uint32Array;
}

/** FNV-1a over the term's UTF-16 code units: stable across builds, so stored buckets stay where terms look for them. */
export function bucketOf(term: string): number {
  if (term === DIRECTORY_TERM) return DIRECTORY_BUCKET;
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % POSTING_BUCKETS;
}

/** A bucket's lists as a map of term → slots (to change them). */
export function listsOf(bucket: SearchBucket | undefined): Map<string, number[]> {
  const lists = new Map<string, number[]>();
  const { terms = [], offsets, slots } = bucket ?? {};
  if (!offsets || !slots) return lists;
  terms.forEach((term, i) => lists.set(term, Array.from(slots.subarray(offsets[i]!, offsets[i + 1]!))));
  return lists;
}

/** `bucket` with its lists replaced by `lists` (packed; empty lists are dropped). */
export function withLists(bucket: SearchBucket, lists: ReadonlyMap<string, readonly number[]>): SearchBucket {
  const { terms: _t, offsets: _o, slots: _s, ...rest } = bucket;
  const kept = [...lists].filter(([, list]) => list.length > 0);
  if (kept.length === 0) return rest;
  const offsets = new Uint32Array(kept.length + 1);
  kept.forEach(([, list], i) => (offsets[i + 1] = offsets[i]! + list.length));
  const slots = new Uint32Array(offsets[kept.length]!);
  kept.forEach(([, list], i) => slots.set(list, offsets[i]!));
  return { ...rest, terms: kept.map(([term]) => term), offsets, slots };
}

/** Whether a bucket holds nothing (and can be deleted). */
export const isEmptyBucket = (b: SearchBucket): boolean => !b.directory && !(b.terms && b.terms.length > 0);

/** The row of `term` in its bucket, if the bucket has it. */
export function getPosting(bucket: SearchBucket | undefined, term: string): SearchPosting | undefined {
  if (!bucket) return undefined;
  if (term === DIRECTORY_TERM) {
    return bucket.directory ? { branchId: bucket.branchId, term, entries: bucket.directory } : undefined;
  }
  const i = bucket.terms?.indexOf(term) ?? -1;
  if (i < 0 || !bucket.offsets || !bucket.slots) return undefined;
  return {
    branchId: bucket.branchId,
    term,
    slots: Array.from(bucket.slots.subarray(bucket.offsets[i]!, bucket.offsets[i + 1]!)),
  };
}

/** The buckets holding `rows` (restore, migration: branches with no stored buckets yet). */
export function toBuckets(rows: Iterable<SearchPosting>): SearchBucket[] {
  const buckets = new Map<string, { bucket: SearchBucket; lists: Map<string, number[]> }>();
  for (const row of rows) {
    const bucket = bucketOf(row.term);
    const key = `${row.branchId}\u0000${bucket}`;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { bucket: { branchId: row.branchId, bucket }, lists: new Map() }));
    if (row.term === DIRECTORY_TERM) b.bucket.directory = row.entries ?? [];
    else b.lists.set(row.term, row.slots ?? []);
  }
  return [...buckets.values()].map(({ bucket, lists }) => withLists(bucket, lists));
}

/** The rows stored in `buckets` (tests, checks: compare with buildPostings through decodePostings). */
export function fromBuckets(buckets: Iterable<SearchBucket>): SearchPosting[] {
  const rows: SearchPosting[] = [];
  for (const b of buckets) {
    if (b.directory) rows.push({ branchId: b.branchId, term: DIRECTORY_TERM, entries: b.directory });
    for (const [term, slots] of listsOf(b)) rows.push({ branchId: b.branchId, term, slots });
  }
  return rows;
}
