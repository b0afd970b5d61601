// Reads and writes search postings through their buckets (postings.ts), inside the caller's transaction.
import { db } from '../db';
import { bucketOf, getPosting, type SearchBucket, type SearchPosting, setPosting } from './postings';

/** The rows of `terms` in one branch (undefined where there is none), reading each bucket once. */
export async function readPostings(
  branchId: string,
  terms: readonly string[],
): Promise<(SearchPosting | undefined)[]> {
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
  const byBucket = new Map<number, SearchBucket>(
    buckets.map((bucket, i) => [bucket, stored[i] ?? { branchId, bucket }]),
  );
  for (const row of puts) setPosting(byBucket.get(bucketOf(row.term))!, row);
  for (const term of deletes) {
    const b = byBucket.get(bucketOf(term))!;
    if (b.lists) delete b.lists[term];
  }
  const keep: SearchBucket[] = [];
  const drop: [string, number][] = [];
  for (const b of byBucket.values()) {
    if (b.directory || Object.keys(b.lists ?? {}).length > 0) keep.push(b);
    else drop.push([branchId, b.bucket]);
  }
  if (keep.length > 0) await db.searchBuckets.bulkPut(keep);
  if (drop.length > 0) await db.searchBuckets.bulkDelete(drop);
}
