// 学习 repository: per-member entries of 日阅一文、月写一篇、季读一本、半年一讲, validated against the roster and today.
import { beforeEstablishedMessage, establishedOf } from '../../../../shared/branch/established';
import {
  chinaToday,
  learningInputSchema,
  type Learning,
  type LearningInput,
  type Member,
} from '../../../../shared/schemas';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { compareLearning, monthOf } from '../packed';
import { ATTACHMENT_REFERENCE_TABLES, deleteUnreferencedAttachments, deletedAttachmentsNote } from './attachments';
import { writeAudit } from './audit';
import { changedFieldLabels, parseInput } from './common';
import { NotFoundError, ValidationError, type ValidationIssue } from './errors';

type LearningFields = Omit<Learning, 'id' | 'createdAt' | 'updatedAt' | 'branchId'>;

const LEARNING_LABELS: Readonly<Record<keyof LearningFields, string>> = {
  memberId: '党员',
  kind: '学习类型',
  title: '标题',
  date: '学习日期',
  notes: '心得',
  attachmentIds: '附件',
};

/**
 * A learning entry records what a member did, so it cannot be dated after today, and it must belong to someone who
 * was in this branch on that day (a member who left is kept for the history but gets no later entries).
 */
export function memberDateIssues(
  member: Member | undefined,
  branchId: string,
  date: string,
  today: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (date > today) issues.push({ path: 'date', message: `学习日期不能晚于今天（${today}）` });
  if (!member || member.branchId !== branchId) {
    issues.push({ path: 'memberId', message: '所选党员不在本支部名册中，请重新选择' });
  } else if (member.leftDate && date > member.leftDate) {
    issues.push({
      path: 'memberId',
      message: `“${member.name}”已于 ${member.leftDate} 离开支部，不能登记此后的记录`,
    });
  }
  return issues;
}

/**
 * The member and the date, and the files added now (`kept`: those the entry already had): each must still be stored
 * and be the branch's own — one taken off another record since the form took it is deleted, and a reference to it
 * would break every later backup. A new date is not before the branch's 成立日期; `keptDate`, the entry's own, stays
 * (docs/data-model.md).
 */
async function checked(
  branchId: string,
  fields: LearningFields,
  today: string,
  kept: readonly string[] = [],
  keptDate?: string,
): Promise<void> {
  const member = await db.members.get(fields.memberId);
  const issues = memberDateIssues(member, branchId, fields.date, today);
  const branch = await db.branches.get(branchId);
  const beforeFounded =
    fields.date !== keptDate && branch && beforeEstablishedMessage('学习日期', fields.date, establishedOf(branch));
  if (beforeFounded) issues.push({ path: 'date', message: beforeFounded });
  const added = fields.attachmentIds.filter((id) => !kept.includes(id));
  if ((await db.attachments.bulkGet(added)).some((a) => a?.branchId !== branchId)) {
    issues.push({ path: 'attachmentIds', message: '附件中有文件不存在或不属于本支部，请重新上传' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/** A branch's entries in [from, to] (inclusive), oldest first (by date, then id). */
export async function listLearning(branchId: string, from: string, to: string): Promise<Learning[]> {
  const months = await db.learningMonths
    .where('[branchId+month]')
    .between([branchId, monthOf(from)], [branchId, monthOf(to)], true, true)
    .toArray();
  return months.flatMap((m) => m.entries.filter((e) => e.date >= from && e.date <= to));
}

/** Identifies a stored entry: its id, and the branch and date that say which month holds it. */
export type LearningKey = Pick<Learning, 'id' | 'branchId' | 'date'>;

/** Inserts (or replaces, by id) `entry` in its month; runs inside a transaction that includes learningMonths. */
async function putEntry(entry: Learning): Promise<void> {
  const key: [string, string] = [entry.branchId, monthOf(entry.date)];
  const row = (await db.learningMonths.get(key)) ?? { branchId: key[0], month: key[1], entries: [] };
  row.entries = [...row.entries.filter((e) => e.id !== entry.id), entry].sort(compareLearning);
  await db.learningMonths.put(row);
}

/** Removes the entry `key` names from its month and returns it (undefined when there is none). */
async function takeEntry(key: LearningKey): Promise<Learning | undefined> {
  const row = await db.learningMonths.get([key.branchId, monthOf(key.date)]);
  const found = row?.entries.find((e) => e.id === key.id);
  if (!row || !found) return undefined;
  row.entries = row.entries.filter((e) => e.id !== key.id);
  if (row.entries.length === 0) await db.learningMonths.delete([row.branchId, row.month]);
  else await db.learningMonths.put(row);
  return found;
}

export async function getLearning(key: LearningKey): Promise<Learning | undefined> {
  const row = await db.learningMonths.get([key.branchId, monthOf(key.date)]);
  return row?.entries.find((e) => e.id === key.id);
}

export async function createLearning(
  branchId: string,
  input: LearningInput,
  today: string = chinaToday(),
): Promise<Learning> {
  const fields: LearningFields = parseInput(learningInputSchema, input);
  return db.transaction('rw', [db.branches, db.members, db.learningMonths, db.attachments, db.auditPages], async () => {
    if (!(await db.branches.get(branchId))) throw new NotFoundError('支部', branchId);
    await checked(branchId, fields, today);
    const at = nowIso();
    const entry: Learning = { ...fields, id: newId(), branchId, createdAt: at, updatedAt: at };
    await putEntry(entry);
    await writeAudit({
      entity: 'learning',
      entityId: entry.id,
      branchId,
      action: 'create',
      summary: `登记${entry.kind}「${entry.title}」（${entry.date}）`,
    });
    return entry;
  });
}

/** Changes the entry `key` names (as listed: its id, branch and stored date); a new date may move it to another month. */
export async function updateLearning(
  key: LearningKey,
  input: LearningInput,
  today: string = chinaToday(),
): Promise<Learning> {
  const fields: LearningFields = parseInput(learningInputSchema, input);
  return db.transaction('rw', [db.branches, db.members, db.auditPages, ...ATTACHMENT_REFERENCE_TABLES()], async () => {
    const before = await getLearning(key);
    if (!before) throw new NotFoundError('学习记录', key.id);
    const changed = changedFieldLabels<LearningFields>(before, fields, LEARNING_LABELS);
    if (changed.length === 0) return before;
    await checked(before.branchId, fields, today, before.attachmentIds, before.date);
    const after: Learning = { ...before, ...fields, updatedAt: nowIso() };
    await takeEntry(before);
    await putEntry(after);
    // A file taken off the entry is deleted with the change unless another record uses it (attachments.ts).
    const dropped = before.attachmentIds.filter((id) => !after.attachmentIds.includes(id));
    const deleted = await deleteUnreferencedAttachments(before.branchId, dropped);
    await writeAudit({
      entity: 'learning',
      entityId: before.id,
      branchId: before.branchId,
      action: 'update',
      summary: `修改了学习记录「${after.title}」的${changed.join('、')}${deletedAttachmentsNote(deleted)}`,
    });
    return after;
  });
}

/** Deletes an entry with its files, except a file another record also uses. */
export async function deleteLearning(key: LearningKey): Promise<void> {
  await db.transaction('rw', [db.auditPages, ...ATTACHMENT_REFERENCE_TABLES()], async () => {
    const before = await takeEntry(key);
    if (!before) throw new NotFoundError('学习记录', key.id);
    const deleted = await deleteUnreferencedAttachments(before.branchId, before.attachmentIds);
    await writeAudit({
      entity: 'learning',
      entityId: before.id,
      branchId: before.branchId,
      action: 'delete',
      summary: `删除学习记录「${before.title}」（${before.kind}，${before.date}）${deletedAttachmentsNote(deleted)}`,
    });
  });
}
