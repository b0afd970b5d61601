// Member (党员) repository: the roster of a branch, created and updated with validation and audit.
import { comparePersonNames } from '../../../../shared/names';
import {
  memberInputSchema,
  memberLeaveSchema,
  type Branch,
  type Member,
  type MemberInput,
  type MemberLeaveInput,
} from '../../../../shared/schemas/entities';
import { personNameKey, tidyPersonName } from '../../../../shared/names';
import { duplicateMemberMessage, personKey } from '../../../../shared/roster/parse';
import { chinaToday } from '../../../../shared/schemas/common';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { writeAudit } from './audit';
import { changedFieldLabels, parseInput } from './common';
import { NotFoundError, ValidationError, type ValidationIssue } from './errors';

type MemberFields = Omit<Member, 'id' | 'createdAt' | 'updatedAt' | 'branchId'>;

const MEMBER_LABELS: Readonly<Record<keyof MemberFields, string>> = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  joinedDate: '入党日期',
  joinedBranchDate: '转入本支部日期',
  fullMemberDate: '转正日期',
  status: '党员类别',
  partyGroupId: '党小组',
  post: '职务',
  phone: '电话',
  motto: '格言',
  leftDate: '离开日期',
  leftReason: '离开原因',
};

/** The day one turns 18: 党章 admits members from eighteen. 02-29 births count from 03-01 in common years. */
function eighteenthBirthday(birthDate: string): string {
  const d = new Date(`${birthDate}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 18);
  return d.toISOString().slice(0, 10);
}

/**
 * Dates a form can get wrong that the row schema cannot judge (it also reads old backups): none in the future,
 * and 入党 not before the eighteenth birthday. Checked on every write from a form or an import, not on restore.
 */
export function memberDateIssues(fields: MemberFields, today = chinaToday()): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const future = (path: keyof MemberFields, label: string) => {
    const value = fields[path];
    if (typeof value === 'string' && value > today) issues.push({ path, message: `${label}不能晚于今天（${today}）` });
  };
  future('birthDate', '出生日期');
  future('joinedDate', '入党日期');
  future('joinedBranchDate', '转入本支部日期');
  future('fullMemberDate', '转正日期');
  future('leftDate', '离开日期');
  if (fields.birthDate && fields.joinedDate && fields.joinedDate < eighteenthBirthday(fields.birthDate)) {
    issues.push({
      path: 'joinedDate',
      message: `入党时应年满十八周岁：出生于 ${fields.birthDate}，入党日期不能早于 ${eighteenthBirthday(fields.birthDate)}`,
    });
  }
  return issues;
}

function assertDatesPlausible(fields: MemberFields): void {
  const issues = memberDateIssues(fields);
  if (issues.length > 0) throw new ValidationError(issues);
}

function assertPartyGroupExists(branch: Branch, fields: MemberFields): void {
  if (fields.partyGroupId && !branch.partyGroups.some((g) => g.id === fields.partyGroupId)) {
    throw new ValidationError([{ path: 'partyGroupId', message: '所选党小组不存在，请重新选择' }]);
  }
}

/**
 * The input with its name as stored (「王  芳」 → 「王芳」, 「阿依古丽•买买提」 → 「阿依古丽·买买提」): tidied before the
 * schema reads it, so a padded name is not refused as too long and what is saved is what the roster will show.
 */
function withTidyName<T extends { name?: unknown }>(input: T): T {
  return typeof input.name === 'string' ? { ...input, name: tidyPersonName(input.name) } : input;
}

/**
 * The fields as stored: 转入本支部日期 only when there is one. Every row stored before the field has none, so an
 * empty one is left out rather than kept as '': editing such a member's 电话 then changes nothing else.
 */
function asStored(fields: MemberFields): MemberFields {
  if (fields.joinedBranchDate) return fields;
  const { joinedBranchDate: _none, ...rest } = fields;
  return rest;
}

/**
 * A person is their name and birth date, the name as personNameKey reads it (so 「王芳」 is refused next to a
 * 「王  芳」 stored before names were tidied): a second member with both equal is refused, whether the first is
 * still on the roster or has left (the left one is edited back, not entered twice). Runs inside the write
 * transaction; the message names the member as the roster shows them.
 */
async function assertNotDuplicate(branchId: string, fields: MemberFields, exceptId?: string): Promise<void> {
  const key = personKey(fields.name, fields.birthDate);
  const same = await db.members
    .where('branchId')
    .equals(branchId)
    .filter((m) => m.id !== exceptId && personKey(m.name, m.birthDate) === key)
    .first();
  if (same) throw new ValidationError([{ path: 'name', message: duplicateMemberMessage(same.name) }]);
}

/** Everyone on a branch's roster, including those who have left (the UI filters), in pinyin order of name. */
export async function listMembers(branchId: string): Promise<Member[]> {
  const members = await db.members.where('branchId').equals(branchId).toArray();
  // 名册 order: 曾子豪 under Z, as a surname reads (comparePersonNames).
  return members.sort((a, b) => comparePersonNames(a.name, b.name));
}

/** Members of a branch with this name as personNameKey reads it (「王芳」 finds a stored 「王  芳」). */
export async function findMembersByName(branchId: string, name: string): Promise<Member[]> {
  const key = personNameKey(name);
  return db.members
    .where('branchId')
    .equals(branchId)
    .filter((m) => personNameKey(m.name) === key)
    .toArray();
}

export async function getMember(id: string): Promise<Member | undefined> {
  return db.members.get(id);
}

export async function createMember(branchId: string, input: MemberInput): Promise<Member> {
  const fields = asStored(parseInput(memberInputSchema, withTidyName(input)));
  assertDatesPlausible(fields);
  return db.transaction('rw', [db.branches, db.members, db.auditPages], async () => {
    const branch = await db.branches.get(branchId);
    if (!branch) throw new NotFoundError('支部', branchId);
    assertPartyGroupExists(branch, fields);
    await assertNotDuplicate(branchId, fields);
    const at = nowIso();
    const member: Member = { ...fields, id: newId(), branchId, createdAt: at, updatedAt: at };
    await db.members.add(member);
    await writeAudit({
      entity: 'member',
      entityId: member.id,
      branchId,
      action: 'create',
      summary: `新增党员「${member.name}」`,
    });
    return member;
  });
}

/** Replaces a member's editable fields; the member stays in its branch. Unchanged values write nothing. */
export async function updateMember(id: string, input: MemberInput): Promise<Member> {
  const fields = asStored(parseInput(memberInputSchema, withTidyName(input)));
  assertDatesPlausible(fields);
  return db.transaction('rw', [db.branches, db.members, db.auditPages], async () => {
    const before = await db.members.get(id);
    if (!before) throw new NotFoundError('党员', id);
    const changed = changedFieldLabels<MemberFields>(before, fields, MEMBER_LABELS);
    if (changed.length === 0) return before;
    const branch = await db.branches.get(before.branchId);
    if (!branch) throw new NotFoundError('支部', before.branchId);
    assertPartyGroupExists(branch, fields);
    // Checked when the edit changes who the member is: two entries of one person stored before names were compared
    // by key can still each be edited (or 转出) until the secretary removes the extra one.
    if (personKey(before.name, before.birthDate) !== personKey(fields.name, fields.birthDate)) {
      await assertNotDuplicate(before.branchId, fields, id);
    }
    const after: Member = {
      ...fields,
      id,
      branchId: before.branchId,
      createdAt: before.createdAt,
      updatedAt: nowIso(),
    };
    await db.members.put(after);
    await writeAudit({
      entity: 'member',
      entityId: id,
      branchId: before.branchId,
      action: 'update',
      summary: `修改了「${after.name}」的${changed.join('、')}`,
    });
    return after;
  });
}

/**
 * Writes the valid rows of a roster import, all or nothing, in one transaction with one audit entry per member
 * (each member's own history then starts with 「从 Excel 导入」). The rows were checked by parseRosterRows, but the
 * roster may have changed since the preview, so every check runs again here; any failure writes nothing.
 */
export async function importMembers(branchId: string, inputs: readonly MemberInput[]): Promise<Member[]> {
  const issues: { path: string; message: string }[] = [];
  const parsed: MemberFields[] = [];
  inputs.forEach((input, index) => {
    const result = memberInputSchema.safeParse(withTidyName(input));
    if (!result.success) {
      issues.push(...result.error.issues.map((i) => ({ path: `${index}.${i.path.join('.')}`, message: i.message })));
      return;
    }
    parsed.push(asStored(result.data));
    issues.push(...memberDateIssues(result.data).map((i) => ({ ...i, path: `${index}.${i.path}` })));
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return db.transaction('rw', [db.branches, db.members, db.auditPages], async () => {
    const branch = await db.branches.get(branchId);
    if (!branch) throw new NotFoundError('支部', branchId);
    // One read of the roster for the whole file: by key to the name as stored, the file's rows added as they pass.
    const roster = await db.members.where('branchId').equals(branchId).toArray();
    const seen = new Map<string, string>();
    for (const m of roster) {
      const key = personKey(m.name, m.birthDate);
      if (!seen.has(key)) seen.set(key, m.name);
    }
    for (const fields of parsed) {
      assertPartyGroupExists(branch, fields);
      const key = personKey(fields.name, fields.birthDate);
      const same = seen.get(key);
      if (same !== undefined) throw new ValidationError([{ path: 'name', message: duplicateMemberMessage(same) }]);
      seen.set(key, fields.name);
    }
    const at = nowIso();
    const members: Member[] = parsed.map((fields) => ({
      ...fields,
      id: newId(),
      branchId,
      createdAt: at,
      updatedAt: at,
    }));
    await db.members.bulkAdd(members);
    for (const member of members) {
      await writeAudit({
        entity: 'member',
        entityId: member.id,
        branchId,
        action: 'create',
        summary: `从 Excel 导入党员「${member.name}」`,
      });
    }
    return members;
  });
}

/** 转出/离开支部: the member stays in the roster's history with the date and reason; nothing is deleted. */
export async function markMemberLeft(id: string, input: MemberLeaveInput): Promise<Member> {
  const leave = parseInput(memberLeaveSchema, input);
  return db.transaction('rw', [db.members, db.auditPages], async () => {
    const before = await db.members.get(id);
    if (!before) throw new NotFoundError('党员', id);
    const { id: _id, branchId, createdAt, updatedAt: _updatedAt, ...rest } = before;
    // Re-validated as a whole so that the date-order rules (离开 not before 入党) hold for the stored record.
    const fields = asStored(parseInput(memberInputSchema, { ...rest, ...leave }));
    if (leave.leftDate > chinaToday()) {
      throw new ValidationError([{ path: 'leftDate', message: `离开日期不能晚于今天（${chinaToday()}）` }]);
    }
    const after: Member = { ...fields, id, branchId, createdAt, updatedAt: nowIso() };
    await db.members.put(after);
    await writeAudit({
      entity: 'member',
      entityId: id,
      branchId,
      action: 'update',
      reason: leave.leftReason,
      summary: `「${after.name}」于 ${leave.leftDate} 转出/离开支部`,
    });
    return after;
  });
}

/** Undoes 转出/离开支部 (e.g. entered by mistake, or the member came back): the member is 在册 again. */
export async function restoreMember(id: string): Promise<Member> {
  return db.transaction('rw', [db.members, db.auditPages], async () => {
    const before = await db.members.get(id);
    if (!before) throw new NotFoundError('党员', id);
    if (!before.leftDate) return before;
    const after: Member = { ...before, leftDate: '', leftReason: '', updatedAt: nowIso() };
    await db.members.put(after);
    await writeAudit({
      entity: 'member',
      entityId: id,
      branchId: before.branchId,
      action: 'update',
      summary: `「${after.name}」恢复在册（原离开日期 ${before.leftDate}）`,
    });
    return after;
  });
}
