// Branch (支部) repository: list, read, create and update, each change audited in the same transaction.
import { branchInputSchema, type Branch, type BranchInput } from '../../../../shared/schemas/entities';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { SETTING_CURRENT_BRANCH } from '../settingKeys';
import { writeAudit } from './audit';
import { changedFieldLabels, compareZh } from './common';
import { NotFoundError, ValidationError, type ValidationIssue } from './errors';

type BranchFields = Omit<Branch, 'id' | 'createdAt' | 'updatedAt'>;

const BRANCH_LABELS: Readonly<Record<keyof BranchFields, string>> = {
  name: '支部名称',
  parentOrg: '上级党组织',
  establishedDate: '成立日期',
  termStart: '届期开始日期',
  termEnd: '届期结束日期',
  committee: '支委会成员',
  partyGroups: '党小组',
  unitSpirit: '单位精神',
  deptPhilosophy: '科室理念',
};

/** A 党小组 added in the form has no id yet: give it one, keep the ids of existing groups (members refer to them). */
function withPartyGroupIds(input: unknown): unknown {
  if (!input || typeof input !== 'object') return input;
  const groups = (input as { partyGroups?: unknown }).partyGroups;
  if (!Array.isArray(groups)) return input;
  return {
    ...input,
    partyGroups: groups.map((group: unknown) =>
      group && typeof group === 'object' && !(group as { id?: unknown }).id ? { ...group, id: newId() } : group,
    ),
  };
}

type BranchRuleInput = {
  committee?: readonly ({ role?: string } | undefined)[];
  partyGroups?: readonly ({ name?: string } | undefined)[];
};

// 《中国共产党支部工作条例（试行）》: a 支委会 has one 书记 and, where needed, one 副书记. Other roles may repeat (委员).
const SINGLE_ROLES = ['书记', '副书记'];

/**
 * Rules of every write that stored rows are not held to (backups made before them must still restore): one 书记 and
 * at most one 副书记, and 党小组 names that tell the groups apart (the roster, records and 工作台 show groups by name).
 * Each repeat is reported on its own row. BranchForm runs the same check, so one 保存 shows these with the schema's.
 */
export function branchRuleIssues(input: BranchRuleInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const roles = new Set<string>();
  (input.committee ?? []).forEach((member, index) => {
    const role = member?.role;
    if (!role || !SINGLE_ROLES.includes(role)) return;
    if (roles.has(role)) issues.push({ path: `committee.${index}.role`, message: `支委会只能有一名${role}` });
    roles.add(role);
  });
  const names = new Set<string>();
  (input.partyGroups ?? []).forEach((group, index) => {
    const name = group?.name?.trim();
    if (!name) return;
    if (names.has(name)) issues.push({ path: `partyGroups.${index}.name`, message: `党小组名称「${name}」重复` });
    names.add(name);
  });
  return issues;
}

function parseBranchInput(input: BranchInput): BranchFields {
  const parsed = branchInputSchema.safeParse(withPartyGroupIds(input));
  const issues = [...(parsed.success ? [] : ValidationError.fromZod(parsed.error).issues), ...branchRuleIssues(input)];
  if (issues.length > 0 || !parsed.success) throw new ValidationError(issues);
  return parsed.data;
}

export async function listBranches(): Promise<Branch[]> {
  const branches = await db.branches.toArray();
  return branches.sort((a, b) => compareZh(a.name, b.name));
}

export async function getBranch(id: string): Promise<Branch | undefined> {
  return db.branches.get(id);
}

/** Creates a branch; the first branch (or any, while no valid current branch is set) becomes the current one. */
export async function createBranch(input: BranchInput): Promise<Branch> {
  const fields = parseBranchInput(input);
  const at = nowIso();
  const branch: Branch = { ...fields, id: newId(), createdAt: at, updatedAt: at };
  await db.transaction('rw', [db.branches, db.settings, db.auditPages], async () => {
    await db.branches.add(branch);
    const current = await db.settings.get(SETTING_CURRENT_BRANCH);
    const currentExists = typeof current?.value === 'string' && (await db.branches.get(current.value)) !== undefined;
    if (!currentExists) await db.settings.put({ key: SETTING_CURRENT_BRANCH, value: branch.id });
    await writeAudit({
      entity: 'branch',
      entityId: branch.id,
      branchId: branch.id,
      action: 'create',
      summary: `新建支部「${branch.name}」`,
    });
  });
  return branch;
}

/** Replaces a branch's editable fields. Saving unchanged values writes nothing (no audit noise). */
export async function updateBranch(id: string, input: BranchInput): Promise<Branch> {
  const fields = parseBranchInput(input);
  return db.transaction('rw', [db.branches, db.members, db.auditPages], async () => {
    const before = await db.branches.get(id);
    if (!before) throw new NotFoundError('支部', id);
    const changed = changedFieldLabels<BranchFields>(before, fields, BRANCH_LABELS);
    if (changed.length === 0) return before;
    await refuseRemovingGroupsInUse(before, fields);
    const after: Branch = { ...fields, id, createdAt: before.createdAt, updatedAt: nowIso() };
    await db.branches.put(after);
    await writeAudit({
      entity: 'branch',
      entityId: id,
      branchId: id,
      action: 'update',
      summary: `修改了${changed.join('、')}`,
    });
    return after;
  });
}

// Current members point at their 党小组 by id; removing a group they are in would orphan them silently.
async function refuseRemovingGroupsInUse(before: Branch, after: BranchFields): Promise<void> {
  const kept = new Set(after.partyGroups.map((g) => g.id));
  const removed = before.partyGroups.filter((g) => !kept.has(g.id));
  if (removed.length === 0) return;
  const removedIds = new Set(removed.map((g) => g.id));
  const members = await db.members
    .where('branchId')
    .equals(before.id)
    .filter((m) => !m.leftDate && removedIds.has(m.partyGroupId))
    .toArray();
  const issues = removed
    .map((group) => ({ group, count: members.filter((m) => m.partyGroupId === group.id).length }))
    .filter(({ count }) => count > 0)
    .map(({ group, count }) => ({
      path: 'partyGroups',
      message: `党小组「${group.name}」还有 ${count} 名党员，请先调整他们的党小组再删除`,
    }));
  if (issues.length > 0) throw new ValidationError(issues);
}
