// The audit log: written inside the same transaction as the change it records, read per record or per branch.
import Dexie from 'dexie';
import { auditEntrySchema, type AuditEntry } from '../../../../shared/schemas/entities';
import { newId, nowIso } from '../clock';
import { db } from '../db';

/** The audit `entity` names: one per kind of record, singular. */
export type AuditEntity =
  | 'branch'
  | 'member'
  | 'venue'
  | 'venueCheck'
  | 'meeting'
  | 'responsibility'
  | 'standard'
  | 'assessment'
  | 'memberEvaluation'
  | 'learning'
  | 'campaign'
  | 'competition'
  | 'attachment';

export interface AuditInput {
  entity: AuditEntity;
  entityId: string;
  action: AuditEntry['action'];
  /** The owning branch ('' for records outside any branch, such as standards). */
  branchId?: string;
  /** Why (required by the UI for amendments of finalised records). */
  reason?: string;
  /** A short Chinese description of what changed. */
  summary?: string;
}

/**
 * Appends one audit entry. Must run inside a read-write transaction that includes `db.audit`, so that the
 * change and its log entry commit or roll back together; it refuses to run anywhere else.
 */
export async function writeAudit(input: AuditInput): Promise<AuditEntry> {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite' || !tx.storeNames.includes('audit')) {
    throw new Error('审计日志必须与所记录的修改在同一事务中写入');
  }
  const entry = auditEntrySchema.parse({ ...input, id: newId(), at: nowIso() });
  await db.audit.add(entry);
  return entry;
}

/** One record's history, oldest first. */
export async function listAudit(entity: AuditEntity, entityId: string): Promise<AuditEntry[]> {
  return db.audit.where('[entity+entityId]').equals([entity, entityId]).sortBy('at');
}

/** A branch's most recent changes, newest first. */
export async function listRecentAudit(branchId: string, limit = 50): Promise<AuditEntry[]> {
  return db.audit
    .where('[branchId+at]')
    .between([branchId, Dexie.minKey], [branchId, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}
