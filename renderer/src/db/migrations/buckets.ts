// Search lists rebuilt inside an upgrade (migrations 003–005): branch by branch, after clearing them.
import Dexie, { type Transaction } from 'dexie';
import type { Meeting } from '../../../../shared/schemas/entities';
import { buildPostings, toBuckets } from '../search/postings';

/**
 * Every branch's meetings inside an upgrade, one branch in memory at a time. `branchIndex` is a meetings index whose
 * keys start with the branch id (the indexes differ between schema versions); its distinct first parts name every
 * branch that has meetings, even one whose branch row is gone.
 */
export async function* meetingsByBranch(tx: Transaction, branchIndex: string): AsyncGenerator<Meeting[]> {
  const meetings = tx.table('meetings');
  const keys = await meetings.orderBy(branchIndex).uniqueKeys();
  for (const branchId of new Set(keys.map((k) => String((k as unknown[])[0])))) {
    const rows = (await meetings
      .where('[branchId+date]')
      .between([branchId, Dexie.minKey], [branchId, Dexie.maxKey])
      .toArray()) as Meeting[];
    if (rows.length > 0) yield rows;
  }
}

/** Clears `searchBuckets` and builds every branch's from its meetings; an interrupted upgrade re-runs to the same. */
export async function rebuildSearchBuckets(tx: Transaction, branchIndex: string): Promise<void> {
  const buckets = tx.table('searchBuckets');
  await buckets.clear();
  for await (const rows of meetingsByBranch(tx, branchIndex)) await buckets.bulkAdd(toBuckets(buildPostings(rows)));
}
