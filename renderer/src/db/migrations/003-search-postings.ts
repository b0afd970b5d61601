// Schema v3: search moves from the meetings' multi-entry *terms index to branch-scoped posting lists (searchPostings).
import type { Transaction } from 'dexie';
import { buildPostings } from '../search/postings';
import { meetingsByBranch } from './buckets';
import { type Migration } from './types';

/**
 * Builds the postings branch by branch (one branch's meetings and lists are held at a time, never the whole
 * database's), after clearing the table, so a re-run after an interrupted upgrade produces exactly the same rows. The
 * meetings' legacy `terms` arrays are left in place (unindexed, ignored): rewriting every row would make the upgrade
 * as slow as the problem it fixes, and new or edited rows no longer carry them.
 */
async function buildAllPostings(tx: Transaction): Promise<void> {
  const postings = tx.table('searchPostings');
  await postings.clear();
  // [branchId+status] has at most two keys per branch: cheap to list every branch that has meetings.
  for await (const rows of meetingsByBranch(tx, '[branchId+status]')) await postings.bulkPut(buildPostings(rows));
}

export const migration003: Migration = {
  version: 3,
  stores: {
    // One row per (branch, bigram): a search reads the few lists of its query's bigrams in ONE branch.
    searchPostings: '[branchId+term]',
    // As in v1 without *terms (5 million index entries on a large organ made every restore take minutes).
    meetings: 'id, [branchId+date], [branchId+kind+date], [branchId+venueId+date], [branchId+status], *attendeeIds',
  },
  upgrade: (tx) => buildAllPostings(tx),
};
