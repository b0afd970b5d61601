// Member (党员) repository: the roster of a branch, created and updated with validation and audit.
import { memberInputSchema, type Branch, type Member, type MemberInput } from '../../../../shared/schemas/entities';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { writeAudit } from './audit';
import { changedFieldLabels, compareZh, parseInput } from './common';
import { NotFoundError, ValidationError } from './errors';

type MemberFields = Omit<Member, 'id' | 'createdAt' | 'updatedAt' | 'branchId'>;

const MEMBER_LABELS: Readonly<Record<keyof MemberFields, string>> = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  joinedDate: '入党日期',
  fullMemberDate: '转正日期',
  status: '党员类别',
  partyGroupId: '党小组',
  post: '职务',
  phone: '电话',
  motto: '格言',
  leftDate: '离开日期',
  leftReason: '离开原因',
};

function assertPartyGroupExists(branch: Branch, fields: MemberFields): void {
  if (fields.partyGroupId && !branch.partyGroups.some((g) => g.id === fields.partyGroupId)) {
    throw new ValidationError([{ path: 'partyGroupId', message: '所选党小组不存在，请重新选择' }]);
  }
}

/** Everyone on a branch's roster, including those who have left (the UI filters), in pinyin order of name. */
export async function listMembers(branchId: string): Promise<Member[]> {
  const members = await db.members.where('branchId').equals(branchId).toArray();
  return members.sort((a, b) => compareZh(a.name, b.name));
}

/** Members of a branch with exactly this name (roster import and attendance lists match people by name). */
export async function findMembersByName(branchId: string, name: string): Promise<Member[]> {
  return db.members.where('[branchId+name]').equals([branchId, name.trim()]).toArray();
}

export async function getMember(id: string): Promise<Member | undefined> {
  return db.members.get(id);
}

export async function createMember(branchId: string, input: MemberInput): Promise<Member> {
  const fields: MemberFields = parseInput(memberInputSchema, input);
  return db.transaction('rw', [db.branches, db.members, db.audit], async () => {
    const branch = await db.branches.get(branchId);
    if (!branch) throw new NotFoundError('支部', branchId);
    assertPartyGroupExists(branch, fields);
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
  const fields: MemberFields = parseInput(memberInputSchema, input);
  return db.transaction('rw', [db.branches, db.members, db.audit], async () => {
    const before = await db.members.get(id);
    if (!before) throw new NotFoundError('党员', id);
    const changed = changedFieldLabels<MemberFields>(before, fields, MEMBER_LABELS);
    if (changed.length === 0) return before;
    const branch = await db.branches.get(before.branchId);
    if (!branch) throw new NotFoundError('支部', before.branchId);
    assertPartyGroupExists(branch, fields);
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
