// Reads and writes search postings through their buckets (postings.ts), inside the caller's transaction.
import { db } from '../db';
import {
  bucketOf,
  DIRECTORY_TERM,
  getPosting,
  isEmptyBucket,
  listsOf,
  type SearchBucket,
  type SearchPosting,
  withLists,
} from './postings';

/** The rows of `terms` in one branch (undefined where there is none), reading each bucket once. */
export async function readPostings(branchId: string, terms: readonly string[]): Promise<(SearchPosting | undefined)[]> {
  const buckets = [...new Set(terms.map(bucketOf))];
  const stored = await db.searchBuckets.bulkGet(buckets.map((b): [string, number] => [branchId, b]));
  const byBucket = new Map(buckets.map((b, i) => [b, stored[i]]));
  return terms.map((term) => getPosting(byBucket.get(bucketOf(term)), term));
}

/** Stores `puts` and removes the lists of `deletes` in one branch; a bucket left empty is deleted. */
export async function writePostings(
  branchId: string,
  puts: readonly SearchPosting[],
  deletes: readonly string[],
): Promise<void> {
  const buckets = [...new Set([...puts.map((p) => p.term), ...deletes].map(bucketOf))];
  if (buckets.length === 0) return;
  const stored = await db.searchBuckets.bulkGet(buckets.map((b): [string, number] => [branchId, b]));
  const changes = new Map<number, { bucket: SearchBucket; lists: Map<string, number[]> }>(
    buckets.map((bucket, i) => {
      const b = stored[i] ?? { branchId, bucket };
      return [bucket, { bucket: b, lists: listsOf(b) }];
    }),
  );
  for (const row of puts) {
    const c = changes.get(bucketOf(row.term))!;
    if (row.term === DIRECTORY_TERM) c.bucket = { ...c.bucket, directory: row.entries ?? [] };
    else c.lists.set(row.term, row.slots ?? []);
  }
  for (const term of deletes) changes.get(bucketOf(term))!.lists.delete(term);
  const keep: SearchBucket[] = [];
  const drop: [string, number][] = [];
  for (const { bucket, lists } of changes.values()) {
    const next = withLists(bucket, lists);
    if (isEmptyBucket(next)) drop.push([branchId, next.bucket]);
    else keep.push(next);
  }
  if (keep.length > 0) await db.searchBuckets.bulkPut(keep);
  if (drop.length > 0) await db.searchBuckets.bulkDelete(drop);
}
