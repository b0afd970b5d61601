// Rebuilding the search buckets inside an upgrade (migrations 004 and 005): branch by branch, after clearing them.
import Dexie, { type Transaction } from 'dexie';
import type { Meeting } from '../../../../shared/schemas/entities';
import { buildPostings, toBuckets } from '../search/postings';

/**
 * Clears `searchBuckets` and builds every branch's from its meetings, one branch's meetings in memory at a time; so an
 * interrupted upgrade re-runs to the same result. `branchIndex` is a meetings index whose keys start with the branch
 * id (the indexes differ between schema versions); its distinct first parts name every branch that has meetings.
 */
export async function rebuildSearchBuckets(tx: Transaction, branchIndex: string): Promise<void> {
  const buckets = tx.table('searchBuckets');
  const meetings = tx.table('meetings');
  await buckets.clear();
  const keys = await meetings.orderBy(branchIndex).uniqueKeys();
  const branchIds = [...new Set(keys.map((k) => String((k as unknown[])[0])))];
  for (const branchId of branchIds) {
    const rows = (await meetings
      .where('[branchId+date]')
      .between([branchId, Dexie.minKey], [branchId, Dexie.maxKey])
      .toArray()) as Meeting[];
    if (rows.length > 0) await buckets.bulkAdd(toBuckets(buildPostings(rows)));
  }
}
