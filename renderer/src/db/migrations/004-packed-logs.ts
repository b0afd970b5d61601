// Schema v4: the bulk data moves into packed records — audit pages, learning months (../packed.ts), search buckets.
import { type Transaction } from 'dexie';
import type { AuditEntry, Learning } from '../../../../shared/schemas/entities';
import { packAudit, packLearning } from '../packed';
import { rebuildSearchBuckets } from './buckets';
import { type Migration } from './types';

/**
 * Copies every row of the v3 `audit` and `learning` tables into their packed tables; Dexie deletes the old tables
 * after this returns (in the same upgrade transaction). The packed tables are cleared first, so a re-run after an
 * interrupted upgrade writes exactly the same rows. The whole tables are read at once: this runs once per database,
 * and even a large organ's log (≈ 260,000 entries) is ≈ 100 MB of objects for a few seconds.
 */
async function packTables(tx: Transaction): Promise<void> {
  const auditPages = tx.table('auditPages');
  const learningMonths = tx.table('learningMonths');
  await auditPages.clear();
  await learningMonths.clear();
  // Primary-key (id) order in, time order per branch out: packAudit sorts each branch's entries by `at`.
  const audit = (await tx.table('audit').toArray()) as AuditEntry[];
  const pages = packAudit(audit);
  if (pages.length > 0) await auditPages.bulkAdd(pages);
  const learning = (await tx.table('learning').toArray()) as Learning[];
  const months = packLearning(learning);
  if (months.length > 0) await learningMonths.bulkAdd(months);
}

/**
 * Builds the search buckets branch by branch from the meetings (one branch's meetings and lists in memory at a time),
 * now with an attendee list per person: they replace the meetings' *attendeeIds index.
 */
async function buildBuckets(tx: Transaction): Promise<void> {
  // [branchId+status] has at most two keys per branch: its distinct keys name every branch that has meetings.
  await rebuildSearchBuckets(tx, '[branchId+status]');
}

export const migration004: Migration = {
  version: 4,
  stores: {
    // [branchId+page]: a branch's pages in writing order; the last one is where the next entry goes.
    auditPages: '[branchId+page]',
    // [branchId+month]: a branch's entries between two dates are the months between them.
    learningMonths: '[branchId+month]',
    // [branchId+bucket]: a branch's search lists (search/postings.ts), 64 buckets and its directory.
    searchBuckets: '[branchId+bucket]',
    // As in v3 without *attendeeIds: a person's meetings are an attendee list in the search buckets now.
    meetings: 'id, [branchId+date], [branchId+kind+date], [branchId+venueId+date], [branchId+status]',
    audit: null,
    learning: null,
    searchPostings: null,
  },
  upgrade: async (tx) => {
    await packTables(tx);
    await buildBuckets(tx);
  },
};
