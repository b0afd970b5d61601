// Schema v5: meetings keep one index, [branchId+date]; kind and venue lists join the search postings.
import { type Transaction } from 'dexie';
import { rebuildSearchBuckets } from './buckets';
import { type Migration } from './types';

/*
 * Why: every index entry is written by Chromium's IndexedDB backend along with its record, and a restore writes every
 * meeting (the organ's 21,442 meetings alone, in a bare page: 2.9–4.1 CPU-s of the browser process without indexes,
 * 5.5–6.2 with the four v4 ones; in the whole organ restore the browser process went from 12.3 to 11.3–11.9 CPU-s and
 * the restore from 13.9–14.2 to 13.5–13.8 s; docs/performance.md). Of the four,
 * [branchId+status] was read by nothing but the migrations; [branchId+kind+date] served 第N次 numbering and scoring
 * (a branch-year: tens of records, now filtered in memory from [branchId+date]) and the 「类型」 filter;
 * [branchId+venueId+date] a venue's records and the 「阵地」 filter. The two filters now read kind and venue lists
 * in the search postings (postings.ts kindTerm / venueTerm), as the 「按人员」 filter has since v4.
 */

/** Rebuilds the search buckets, now with a kind list and a venue list per branch. */
async function rebuildBuckets(tx: Transaction): Promise<void> {
  // Every branch that has meetings, from the one index left (not the branches table: a meeting is never left without
  // its lists, even in a database whose references are broken).
  await rebuildSearchBuckets(tx, '[branchId+date]');
}

export const migration005: Migration = {
  version: 5,
  stores: {
    meetings: 'id, [branchId+date]',
  },
  upgrade: rebuildBuckets,
};
