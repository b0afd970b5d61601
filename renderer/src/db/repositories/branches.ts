// Branch (支部) repository: list, read, create, update and delete, each change audited in the same transaction.
import Dexie, { type Collection, type Table } from 'dexie';
import { tenuresClash, tenureText } from '../../../../shared/branch/committee';
import { TABLE_LABELS } from '../../../../shared/domain/vocab';
import { sameName, tidyPersonName } from '../../../../shared/names';
import { chinaToday, isRealDate } from '../../../../shared/schemas/common';
import {
  branchInputSchema,
  type Branch,
  type BranchInput,
  type CommitteeMember,
} from '../../../../shared/schemas/entities';
import { type AppDB } from '../AppDB';
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
  termStart: '本届开始日期',
  termEnd: '本届结束日期',
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

type RuleMember = { name?: string; role?: string; from?: string; to?: string };
type BranchRuleInput = {
  establishedDate?: string;
  termStart?: string;
  committee?: readonly (RuleMember | undefined)[];
  partyGroups?: readonly ({ name?: string } | undefined)[];
};

// 《中国共产党支部工作条例（试行）》: a 支委会 has one 书记 and, where needed, one 副书记. Other roles may repeat (委员).
const SINGLE_ROLES = ['书记', '副书记'];

// Only well-formed dates count as 任职起止: the schema reports the others, and the rule then reads them as absent.
const tenureOf = (m: RuleMember) => ({
  from: m.from && isRealDate(m.from) ? m.from : undefined,
  to: m.to && isRealDate(m.to) ? m.to : undefined,
});

/** Why `member` (row `index`) cannot hold its post alongside `earlier`: on its 职务, or on its dates if it has any. */
function postClash(role: string, earlier: RuleMember, member: RuleMember, index: number): ValidationIssue {
  const before = tenureOf(earlier);
  const own = tenureOf(member);
  if (!before.from && !before.to && !own.from && !own.to) {
    return {
      path: `committee.${index}.role`,
      message: `支委会同一时间只能有一名${role}。如是换届，请保留原${role}并填写任职止，新${role}填写任职起`,
    };
  }
  const name = earlier.name?.trim() || `原${role}`;
  return {
    path: `committee.${index}.from`,
    message: `与${role}${name}（${tenureText(before) || '未填写任职起止'}）的任职时间重叠，同一时间只能有一名${role}`,
  };
}

/**
 * Rules of every write that stored rows are not held to (backups made before them must still restore): one 书记 and
 * at most one 副书记 at a time (a former one keeps a row with 任职止, the next one's 任职起 on or after it), and
 * 党小组 names that tell the groups apart (the roster, records and 工作台 show groups by name). Each repeat is reported
 * on its own row. BranchForm runs the same check, so one 保存 shows these with the schema's.
 */
export function branchRuleIssues(input: BranchRuleInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // 成立日期 decides which periods are due (shared/branch/established.ts) and prints on the 卷宗: a typo into the
  // future (2030 for 2020) was saved without a word, and a 本届 cannot start before the branch existed.
  const established = input.establishedDate && isRealDate(input.establishedDate) ? input.establishedDate : undefined;
  const today = chinaToday();
  if (established && established > today) {
    issues.push({ path: 'establishedDate', message: `成立日期不能晚于今天（${today}）` });
  } else if (established && input.termStart && isRealDate(input.termStart) && input.termStart < established) {
    issues.push({ path: 'termStart', message: `本届开始日期不能早于成立日期（${established}）` });
  }
  const held: { role: string; member: RuleMember }[] = [];
  (input.committee ?? []).forEach((member, index) => {
    const role = member?.role;
    if (!member || !role || !SINGLE_ROLES.includes(role)) return;
    const earlier = held.find((h) => h.role === role && tenuresClash(tenureOf(h.member), tenureOf(member)));
    if (earlier) issues.push(postClash(role, earlier.member, member, index));
    held.push({ role, member });
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

// A cleared 任职起止 is '' in the form; stored rows carry only the dates they have, as rows made before them do.
const withoutEmptyDates = ({ from, to, ...member }: CommitteeMember): CommitteeMember => ({
  ...member,
  ...(from ? { from } : {}),
  ...(to ? { to } : {}),
});

/**
 * Names of people as the roster stores them (tidyPersonName): a 委员 typed 「阿卜杜•热合曼」 printed with one dot on the
 * cover and another in the attendance of the same record.
 */
function withTidyNames(input: unknown): unknown {
  if (!input || typeof input !== 'object') return input;
  const { committee, partyGroups } = input as { committee?: unknown; partyGroups?: unknown };
  const tidy = <K extends string>(rows: unknown, key: K) =>
    Array.isArray(rows)
      ? rows.map((row: unknown) =>
          row && typeof row === 'object' && typeof (row as Record<K, unknown>)[key] === 'string'
            ? { ...row, [key]: tidyPersonName((row as Record<K, string>)[key]) }
            : row,
        )
      : rows;
  return { ...input, committee: tidy(committee, 'name'), partyGroups: tidy(partyGroups, 'leaderName') };
}

function parseBranchInput(input: BranchInput): BranchFields {
  const parsed = branchInputSchema.safeParse(withTidyNames(withPartyGroupIds(input)));
  const issues = [...(parsed.success ? [] : ValidationError.fromZod(parsed.error).issues), ...branchRuleIssues(input)];
  if (issues.length > 0 || !parsed.success) throw new ValidationError(issues);
  return { ...parsed.data, committee: parsed.data.committee.map(withoutEmptyDates) };
}

export async function listBranches(): Promise<Branch[]> {
  const branches = await db.branches.toArray();
  return branches.sort((a, b) => compareZh(a.name, b.name));
}

/** Branches stored under this name (trimmed): creating another one asks first. */
export async function branchesNamed(name: string): Promise<Branch[]> {
  return db.branches.where('name').equals(name.trim()).toArray();
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

/**
 * Fields whose earlier value the 操作日志 keeps (`changes`, before → after): after a 换届 the 届期 of an earlier volume
 * is known only from there (shared/branch/terms.ts), and a renamed branch's earlier name is worth as much.
 */
const LOGGED_VALUES = ['name', 'parentOrg', 'establishedDate', 'termStart', 'termEnd'] as const;

/** The logged fields that change, with their values; 「届期由 … 改为 …」 for the summary when the 届期 does. */
function valueChanges(before: BranchFields, after: BranchFields) {
  const changes = LOGGED_VALUES.filter((k) => (before[k] ?? '') !== (after[k] ?? '')).map((k) => ({
    field: k,
    label: BRANCH_LABELS[k],
    before: before[k] ?? '',
    after: after[k] ?? '',
  }));
  const term = changes.some((c) => c.field === 'termStart' || c.field === 'termEnd')
    ? `（届期由 ${before.termStart} 至 ${before.termEnd} 改为 ${after.termStart} 至 ${after.termEnd}）`
    : '';
  return { changes, term };
}

/** At most this many changes of the 支委会 are named in one 操作日志 entry; the rest are counted. */
const COMMITTEE_CHANGES_NAMED = 8;

/**
 * What a save changed in the 支委会, for the 操作日志 to be read on its own (a 换届 is otherwise 「修改了支委会成员」):
 * 「罗雪（书记）任职至2025-07-15；胡桂兰任书记（2025-07-15起）」. Rows are told apart by name, post and 任职起.
 */
export function committeeChanges(before: readonly CommitteeMember[], after: readonly CommitteeMember[]): string {
  const same = (a: CommitteeMember, b: CommitteeMember) =>
    a.role === b.role && sameName(a.name, b.name) && (a.from ?? '') === (b.from ?? '');
  const out: string[] = [];
  for (const b of before) {
    const now = after.find((a) => same(a, b));
    if (!now) out.push(`删除${b.name}（${b.role}）`);
    else if ((now.to ?? '') !== (b.to ?? '')) {
      out.push(now.to ? `${b.name}（${b.role}）任职至${now.to}` : `${b.name}（${b.role}）任职止已清除`);
    }
  }
  for (const a of after) {
    if (!before.some((b) => same(a, b))) out.push(`${a.name}任${a.role}${a.from ? `（${a.from}起）` : ''}`);
  }
  const more = out.length - COMMITTEE_CHANGES_NAMED;
  return out.slice(0, COMMITTEE_CHANGES_NAMED).join('；') + (more > 0 ? `等 ${out.length} 项` : '');
}

/**
 * The committee with each row's link to the roster kept only while the row still names that member: a 宣传委员 whose
 * name was typed over (王玲 for 蒋国栋) kept 蒋国栋's link, and the 支委会 form expected 蒋国栋. The row is then read by
 * its name, as a typed row always is.
 */
async function withCurrentLinks(branchId: string, committee: BranchFields['committee']) {
  const linked = committee.filter((c) => c.memberId);
  if (!linked.length) return committee;
  const names = new Map(
    (await db.members.where('branchId').equals(branchId).toArray()).map((m) => [m.id, m.name] as const),
  );
  return committee.map((c) => {
    const name = c.memberId ? names.get(c.memberId) : undefined;
    if (!c.memberId || name === undefined || sameName(name, c.name)) return c;
    const { memberId: _stale, ...row } = c;
    void _stale;
    return row;
  });
}

/** Replaces a branch's editable fields. Saving unchanged values writes nothing (no audit noise). */
export async function updateBranch(id: string, input: BranchInput): Promise<Branch> {
  const parsed = parseBranchInput(input);
  return db.transaction('rw', [db.branches, db.members, db.auditPages], async () => {
    const fields = { ...parsed, committee: await withCurrentLinks(id, parsed.committee) };
    const before = await db.branches.get(id);
    if (!before) throw new NotFoundError('支部', id);
    const changed = changedFieldLabels<BranchFields>(before, fields, BRANCH_LABELS);
    if (changed.length === 0) return before;
    await refuseRemovingGroupsInUse(before, fields);
    const after: Branch = { ...fields, id, createdAt: before.createdAt, updatedAt: nowIso() };
    await db.branches.put(after);
    const { changes, term } = valueChanges(before, fields);
    const people = committeeChanges(before.committee, fields.committee);
    await writeAudit({
      entity: 'branch',
      entityId: id,
      branchId: id,
      action: 'update',
      summary: `修改了${changed.join('、')}${term}${people ? `（支委会：${people}）` : ''}`,
      ...(changes.length ? { changes } : {}),
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

// ── Deleting a branch ─────────────────────────────────────────────────────────

/** Every table of the database, by the name AppDB declares it under. */
export type StoredTable = {
  [K in keyof AppDB]-?: AppDB[K] extends Table<infer _T, infer _K, infer _I> ? K : never;
}[keyof AppDB];

/**
 * How a stored table's rows belong to a branch: `index` is an index (or the primary key) whose first component is the
 * branch id; `packed` tables hold many entries per record (packed.ts), counted by entry; `derived` ones are rebuilt
 * from others and not worth counting. 'self' is the branches table; 'shared' rows belong to no branch (standards are
 * templates every branch may score against; settings are this computer's). Typed by AppDB's tables, so a table added
 * later does not compile until it is placed here (and test/renderer/db/deleteBranch.test.ts walks db.tables).
 */
type Ownership =
  'self' | 'shared' | { index: string; label: string; unit: string; packed?: boolean; derived?: boolean };

export const BRANCH_OWNERSHIP: Readonly<Record<StoredTable, Ownership>> = {
  branches: 'self',
  members: { index: 'branchId', label: TABLE_LABELS.members, unit: '名' },
  venues: { index: 'branchId', label: TABLE_LABELS.venues, unit: '处' },
  venueChecks: { index: '[branchId+date]', label: TABLE_LABELS.venueChecks, unit: '次' },
  meetings: { index: '[branchId+date]', label: TABLE_LABELS.meetings, unit: '条' },
  responsibilities: { index: '[branchId+year]', label: TABLE_LABELS.responsibilities, unit: '条' },
  standards: 'shared',
  assessments: { index: '[branchId+date]', label: TABLE_LABELS.assessments, unit: '次' },
  memberEvaluations: { index: '[branchId+year]', label: TABLE_LABELS.memberEvaluations, unit: '条' },
  learningMonths: { index: '[branchId+month]', label: TABLE_LABELS.learning, unit: '条', packed: true },
  campaigns: { index: 'branchId', label: TABLE_LABELS.campaigns, unit: '项' },
  competitions: { index: '[branchId+date]', label: TABLE_LABELS.competitions, unit: '项' },
  attachments: { index: 'branchId', label: TABLE_LABELS.attachments, unit: '个' },
  auditPages: { index: '[branchId+page]', label: TABLE_LABELS.audit, unit: '条', packed: true },
  settings: 'shared',
  searchBuckets: { index: '[branchId+bucket]', label: '检索索引', unit: '组', derived: true },
};

/**
 * The rows of `table` that belong to `branchId` (the branch row itself for 'self'), or undefined for a shared table.
 * Compound indexes are read as the range [branchId, -∞] … [branchId, +∞]: every row has a value for each part
 * (required fields), so none is missed.
 */
export function branchRows(table: StoredTable, branchId: string): Collection | undefined {
  const how = BRANCH_OWNERSHIP[table];
  if (how === 'shared') return undefined;
  const store = db.table(table);
  if (how === 'self') return store.where(':id').equals(branchId);
  return how.index.startsWith('[')
    ? store.where(how.index).between([branchId, Dexie.minKey], [branchId, Dexie.maxKey])
    : store.where(how.index).equals(branchId);
}

/** What a branch holds, by kind of record, in the order of the tables; kinds it has none of are left out. */
export interface BranchRowCount {
  table: StoredTable;
  label: string;
  unit: string;
  count: number;
}

const ownedTables = (): [StoredTable, Exclude<Ownership, 'self' | 'shared'>][] =>
  (Object.entries(BRANCH_OWNERSHIP) as [StoredTable, Ownership][]).flatMap(([table, how]) =>
    typeof how === 'object' ? [[table, how] as [StoredTable, Exclude<Ownership, 'self' | 'shared'>]] : [],
  );

async function countOf(collection: Collection, packed: boolean | undefined): Promise<number> {
  if (!packed) return collection.count();
  let n = 0;
  await collection.each((record: { entries?: unknown[] }) => {
    n += record.entries?.length ?? 0;
  });
  return n;
}

/** How many records of each kind `branchId` has (packed logs counted by entry; derived search lists not counted). */
export async function countBranchRows(branchId: string): Promise<BranchRowCount[]> {
  const counts: BranchRowCount[] = [];
  for (const [table, how] of ownedTables()) {
    if (how.derived) continue;
    const count = await countOf(branchRows(table, branchId)!, how.packed);
    if (count > 0) counts.push({ table, label: how.label, unit: how.unit, count });
  }
  return counts;
}

/** 「会议记录 712 条、党员 45 名」; 「没有任何记录」 when there is nothing. */
export function describeBranchRows(counts: readonly BranchRowCount[]): string {
  const listed = counts.filter((c) => c.table !== 'auditPages');
  return listed.length ? listed.map((c) => `${c.label} ${c.count} ${c.unit}`).join('、') : '没有任何记录';
}

/**
 * Deletes every row of `branchId` in every table, the branch itself included, and says what went (as
 * countBranchRows). Shared by 删除支部 and the restore mode 「替换本机的同一支部」. Must run inside a read-write
 * transaction over every table, so that the deletion and whatever replaces it commit or roll back together; it refuses
 * to run anywhere else. Writes no audit entry: the caller knows why the rows went.
 */
export async function deleteBranchRows(branchId: string): Promise<BranchRowCount[]> {
  const tx = Dexie.currentTransaction;
  const everyTable = db.tables.every((t) => tx?.storeNames.includes(t.name));
  if (!tx || tx.mode !== 'readwrite' || !everyTable) {
    throw new Error('删除支部的数据必须在包含全部数据表的同一事务中进行');
  }
  const counts: BranchRowCount[] = [];
  for (const [table, how] of ownedTables()) {
    const rows = branchRows(table, branchId)!;
    const count = how.derived ? 0 : await countOf(rows, how.packed);
    await rows.delete();
    if (count > 0) counts.push({ table, label: how.label, unit: how.unit, count });
  }
  await db.branches.delete(branchId);
  return counts;
}

export interface DeletedBranch {
  branch: Branch;
  counts: BranchRowCount[];
  /** The current branch afterwards; undefined when no branch is left. */
  currentBranchId?: string;
}

/**
 * 删除支部: deletes the branch and everything recorded under it, in one transaction. `confirmName` is what the user
 * typed to confirm and must equal the branch's name. If it was the current branch, the first remaining one (in
 * Chinese order) becomes current. The branch's own log goes with it, so the deletion is logged outside any branch
 * (branchId ''), where it survives; the 数据安全 page lists those entries.
 */
export async function deleteBranch(id: string, confirmName: string): Promise<DeletedBranch> {
  return db.transaction('rw', db.tables, async () => {
    const branch = await db.branches.get(id);
    if (!branch) throw new NotFoundError('支部', id);
    if (confirmName.trim() !== branch.name) {
      throw new ValidationError([
        { path: 'confirmName', message: `输入的名称与支部名称「${branch.name}」不一致，没有删除` },
      ]);
    }
    const counts = await deleteBranchRows(id);
    const remaining = await listBranches();
    const current = await db.settings.get(SETTING_CURRENT_BRANCH);
    let currentBranchId = remaining.find((b) => b.id === current?.value)?.id;
    if (!currentBranchId) {
      currentBranchId = remaining[0]?.id;
      if (currentBranchId) await db.settings.put({ key: SETTING_CURRENT_BRANCH, value: currentBranchId });
      else await db.settings.delete(SETTING_CURRENT_BRANCH);
    }
    await writeAudit({
      entity: 'branch',
      entityId: id,
      branchId: '',
      action: 'delete',
      summary: `删除支部「${branch.name}」及其全部数据（${describeBranchRows(counts)}）`,
    });
    return currentBranchId ? { branch, counts, currentBranchId } : { branch, counts };
  });
}
