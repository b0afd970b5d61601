// Schema v4: the audit log moves into per-branch pages and learning entries into branch-months (see ../packed.ts).
import { type Transaction } from 'dexie';
import type { AuditEntry, Learning } from '../../../../shared/schemas/entities';
import { packAudit, packLearning } from '../packed';
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

export const migration004: Migration = {
  version: 4,
  stores: {
    // [branchId+page]: a branch's pages in writing order; the last one is where the next entry goes.
    auditPages: '[branchId+page]',
    // [branchId+month]: a branch's entries between two dates are the months between them.
    learningMonths: '[branchId+month]',
    audit: null,
    learning: null,
  },
  upgrade: (tx) => packTables(tx),
};
