// Responsibility (领导责任) repository: one leader's duties, tasks and 述职 per year, validated and audited; overdue tasks.
import Dexie from 'dexie';
import { sameName } from '../../../../shared/names';
import {
  responsibilityInputSchema,
  type CommitteeMember,
  type Member,
  type Meeting,
  type Responsibility,
  type ResponsibilityInput,
  type ResponsibilityTask,
} from '../../../../shared/schemas/entities';
import { daysBetween } from '../../../../shared/schemas/common';
import { secretariesDuring, tenuresClash, tenureText } from '../../../../shared/branch/committee';
import { byRoleThenName } from '../../../../shared/domain/responsibilityOrder';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { writeAudit } from './audit';
import { changedFieldLabels, compareZh, parseInput } from './common';
import { NotFoundError, ValidationError, type ValidationIssue } from './errors';
import { tasksCarriedOn as carriedOnOf } from '../../../../shared/domain/carriedTasks';
import { forYearNote } from '../../../../shared/domain/recordYear';
import { countingBetween } from './meetings';

type ResponsibilityFields = Omit<Responsibility, 'id' | 'createdAt' | 'updatedAt' | 'branchId'>;

const RESPONSIBILITY_LABELS: Readonly<Record<keyof ResponsibilityFields, string>> = {
  year: '年度',
  holderMemberId: '责任人',
  holderName: '责任人姓名',
  role: '责任类型',
  duties: '职责',
  tasks: '任务清单',
  reports: '述职',
  from: '任职起',
  to: '任职止',
};

// ── overdue ─────────────────────────────────────────────────────────────────────

/** A task is overdue when its deadline has passed (deadline < today) and it is not 已完成. */
export function isTaskOverdue(task: Pick<ResponsibilityTask, 'deadline' | 'status'>, asOf: string): boolean {
  return Boolean(task.deadline) && task.deadline! < asOf && task.status !== '已完成';
}

export interface DueTask {
  responsibilityId: string;
  /** The year of the task's list: an earlier year's task not done by New Year is still due. */
  year: number;
  holderName: string;
  role: Responsibility['role'];
  task: ResponsibilityTask;
  overdue: boolean;
  /** Days until the deadline; negative when overdue. */
  daysLeft: number;
}

/**
 * The unfinished tasks of these lists due within `withinDays` of `asOf` or already overdue, the most urgent first
 * (what the 工作台 warns about).
 */
export function dueTasksOf(lists: readonly Responsibility[], asOf: string, withinDays = 30): DueTask[] {
  const out: DueTask[] = [];
  for (const r of lists) {
    for (const task of r.tasks) {
      if (!task.deadline || task.status === '已完成') continue;
      const daysLeft = daysBetween(asOf, task.deadline);
      if (daysLeft > withinDays) continue;
      out.push({
        responsibilityId: r.id,
        year: r.year,
        holderName: r.holderName,
        role: r.role,
        task,
        overdue: isTaskOverdue(task, asOf),
        daysLeft,
      });
    }
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || compareZh(a.task.title, b.task.title));
}

/**
 * The lists whose tasks the 工作台 of `year` follows: that year's, and the unfinished tasks of earlier years (a task not
 * done by New Year is still not done). A task carried into a later year's list (复制上一年度 keeps its id) is followed
 * there, not in the year it came from.
 */
export function followedTaskLists(lists: readonly Responsibility[], year: number): Responsibility[] {
  const latestYear = new Map<string, number>();
  for (const r of lists) {
    for (const t of r.tasks) latestYear.set(t.id, Math.max(latestYear.get(t.id) ?? r.year, r.year));
  }
  return lists
    .filter((r) => r.year <= year)
    .map((r) => ({
      ...r,
      tasks: r.tasks.filter(
        (t) => (latestYear.get(t.id) ?? r.year) <= r.year && (r.year === year || t.status !== '已完成'),
      ),
    }));
}

// ── reads ───────────────────────────────────────────────────────────────────────

/** A branch's lists of one year, 第一责任人 first. */
export async function listResponsibilities(branchId: string, year: number): Promise<Responsibility[]> {
  const rows = await db.responsibilities.where('[branchId+year]').equals([branchId, year]).toArray();
  return rows.sort(byRoleThenName);
}

/** A branch's lists of every year, oldest year first (read through [branchId+year]). */
export async function listAllResponsibilities(branchId: string): Promise<Responsibility[]> {
  return db.responsibilities
    .where('[branchId+year]')
    .between([branchId, Dexie.minKey], [branchId, Dexie.maxKey])
    .toArray();
}

/** The tasks of `year`'s lists carried into a later year's list unfinished (tasksCarriedOn): task id → that year. */
export async function tasksCarriedOn(branchId: string, year: number): Promise<Map<string, number>> {
  const later = await db.responsibilities
    .where('[branchId+year]')
    .between([branchId, year + 1], [branchId, Dexie.maxKey])
    .toArray();
  return carriedOnOf(later, year);
}

export async function getResponsibility(id: string): Promise<Responsibility | undefined> {
  return db.responsibilities.get(id);
}

export interface EvidenceChoice {
  id: string;
  /** 「日期 类型 主题」, as the evidence picker shows a record. */
  label: string;
}

/** The branch's records of a year (所属年度 included) as evidence choices, in date order. */
export async function listEvidenceChoices(branchId: string, year: number): Promise<EvidenceChoice[]> {
  const rows: Meeting[] = (await countingBetween(branchId, `${year}-01-01`, `${year}-12-31`)).sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  return rows.map((m) => ({ id: m.id, label: `${m.date}${forYearNote(m)} ${m.kind} ${m.topic}` }));
}

// ── writes ──────────────────────────────────────────────────────────────────────

/**
 * Tasks added in the form have no id yet: give them one; existing tasks keep theirs. A cleared 任职起止 ('' in the
 * form) is left out, as in lists stored before them.
 */
function withTaskIds({ from, to, ...fields }: ReturnType<typeof parseResponsibilityInput>): ResponsibilityFields {
  return {
    ...fields,
    tasks: fields.tasks.map((t) => ({ ...t, id: t.id || newId() })),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

function parseResponsibilityInput(input: ResponsibilityInput) {
  return parseInput(responsibilityInputSchema, input);
}

/** Checks that need the database: the holder is on this branch's roster, every evidence record is this branch's. */
async function checkAgainstBranch(branchId: string, fields: ResponsibilityFields): Promise<void> {
  if (!(await db.branches.get(branchId))) throw new NotFoundError('支部', branchId);
  const issues: ValidationIssue[] = [];
  if (fields.holderMemberId) {
    const holder = await db.members.get(fields.holderMemberId);
    if (holder?.branchId !== branchId) {
      issues.push({ path: 'holderMemberId', message: '所选责任人不是本支部党员，请从党员名册中选择' });
    }
  }
  const evidenceIds = [...new Set(fields.tasks.flatMap((t) => t.evidenceMeetingIds))];
  const found = await db.meetings.bulkGet(evidenceIds);
  const ofBranch = new Set(found.filter((m) => m?.branchId === branchId).map((m) => m!.id));
  fields.tasks.forEach((task, index) => {
    if (task.evidenceMeetingIds.some((id) => !ofBranch.has(id))) {
      issues.push({
        path: `tasks.${index}.evidenceMeetingIds`,
        message: `任务“${task.title}”的佐证记录不是本支部的工作记录，请重新选择`,
      });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

type HolderKey = Pick<Responsibility, 'role' | 'holderMemberId' | 'holderName'>;

/** The same person in the same role: by roster member when both lists name one, else by the typed name. */
const sameHolder = (a: HolderKey, b: HolderKey) =>
  a.role === b.role &&
  (a.holderMemberId && b.holderMemberId ? a.holderMemberId === b.holderMemberId : sameName(a.holderName, b.holderName));

/**
 * Why this list would be a second one of its holder and role in its year, among that year's `lists` (the list itself,
 * `ownId`, excepted): two cards of 「胡桂兰（直接责任人）」 cannot be told apart, and their tasks would be split between
 * them. The form asks this too, so the message comes with the schema's in one 保存.
 */
export function secondListIssue(
  fields: HolderKey & Pick<Responsibility, 'year'>,
  lists: readonly Responsibility[],
  ownId?: string,
): ValidationIssue | undefined {
  const clash = lists.some((r) => r.id !== ownId && r.year === fields.year && sameHolder(r, fields));
  if (!clash) return undefined;
  return {
    path: 'holderMemberId',
    message: `${fields.holderName}在${fields.year}年度已有${fields.role}的责任清单，请修改原清单`,
  };
}

type TenureKey = HolderKey & Pick<Responsibility, 'year' | 'from' | 'to'>;

/** The year's other 第一责任人 whose 任职起止 overlap this list's (a list without dates covers the whole year). */
function overlappingFirstHolders(
  fields: TenureKey,
  lists: readonly Responsibility[],
  ownId?: string,
): Responsibility[] {
  if (fields.role !== '第一责任人') return [];
  return lists
    .filter(
      (r) =>
        r.id !== ownId &&
        r.year === fields.year &&
        r.role === '第一责任人' &&
        !sameHolder(r, fields) &&
        tenuresClash(r, fields),
    )
    .sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
}

/** 「罗雪（全年）」, 「罗雪（至 2025-07-15）」: a 第一责任人 and the part of the year they answer for. */
const holderWithTenure = (r: Responsibility) => `${r.holderName}（${tenureText(r) || '全年'}）`;

/**
 * Why this list cannot be a 第一责任人 of its year: another one answers for the same days. One 书记 at a time answers
 * for the branch; after a 年内换届 each list says when (任职起止), which the 卷宗 prints.
 */
export function firstHolderIssue(
  fields: TenureKey,
  lists: readonly Responsibility[],
  ownId?: string,
): ValidationIssue | undefined {
  const others = overlappingFirstHolders(fields, lists, ownId);
  if (others.length === 0) return undefined;
  return {
    path: 'from',
    message: `${fields.year}年度已有第一责任人${others.map(holderWithTenure).join('、')}。如果是年内换届，请填写两人的起止日期，任职时间不能重叠`,
  };
}

export interface HandoverPlan {
  /** The other 第一责任人's list, whose dates change. */
  list: Responsibility;
  /** Which of its dates is set to `date`: its 任职止 when this list takes over, its 任职起 when this one hands over. */
  field: 'from' | 'to';
  date: string;
}

/**
 * A 年内换届 this list's dates describe: it starts (任职起) while the year's other 第一责任人 has no end yet, or ends
 * (任职止) while the other has no start; that other list then ends (or starts) the same day. Undefined when nothing
 * overlaps, or when setting one date of one other list would not settle it.
 */
export function planHandover(
  fields: TenureKey,
  lists: readonly Responsibility[],
  ownId?: string,
): HandoverPlan | undefined {
  const others = overlappingFirstHolders(fields, lists, ownId);
  if (others.length !== 1) return undefined;
  const other = others[0]!;
  if (fields.from && !fields.to && (!other.from || other.from < fields.from)) {
    return { list: other, field: 'to', date: fields.from };
  }
  if (fields.to && !fields.from && (!other.to || other.to > fields.to)) {
    return { list: other, field: 'from', date: fields.to };
  }
  return undefined;
}

/** What the form asks before a 换届 save: whose date becomes what. */
export function handoverQuestion(fields: Pick<Responsibility, 'year' | 'holderName'>, plan: HandoverPlan): string {
  const other = plan.list.holderName;
  return plan.field === 'to'
    ? `${fields.year}年度已有第一责任人${holderWithTenure(plan.list)}。如果是年内换届，保存时把${other}的任职止填为 ${plan.date}，${fields.holderName}自 ${plan.date} 起任第一责任人。`
    : `${fields.year}年度已有第一责任人${holderWithTenure(plan.list)}。如果是年内换届，保存时把${other}的任职起填为 ${plan.date}，${fields.holderName}任第一责任人至 ${plan.date}。`;
}

export interface SaveOptions {
  /** Apply planHandover's change to the other 第一责任人 in the same write (the user confirmed the 换届). */
  handOver?: boolean;
}

/**
 * Refuses a second list of the holder and role, or a 第一责任人 overlapping another; with `handOver`, first sets the
 * other 第一责任人's date as planHandover says (audited on that list).
 */
async function refuseSecondList(
  branchId: string,
  fields: ResponsibilityFields,
  ownId: string | undefined,
  options: SaveOptions,
): Promise<void> {
  const sameYear = await db.responsibilities.where('[branchId+year]').equals([branchId, fields.year]).toArray();
  const second = secondListIssue(fields, sameYear, ownId);
  if (second) throw new ValidationError([second]);
  const plan = options.handOver ? planHandover(fields, sameYear, ownId) : undefined;
  if (plan) {
    const changed: Responsibility = { ...plan.list, [plan.field]: plan.date, updatedAt: nowIso() };
    await db.responsibilities.put(changed);
    sameYear.splice(sameYear.indexOf(plan.list), 1, changed);
    await writeAudit({
      entity: 'responsibility',
      entityId: changed.id,
      branchId,
      action: 'update',
      summary: `${changed.year}年度第一责任人「${changed.holderName}」的${plan.field === 'to' ? '任职止' : '任职起'}填为${plan.date}（年内换届，${fields.holderName}）`,
    });
  }
  const first = firstHolderIssue(fields, sameYear, ownId);
  if (first) throw new ValidationError([first]);
}

const TABLES = () => [db.branches, db.members, db.meetings, db.responsibilities, db.auditPages];

/**
 * Creates one leader's list for a year (one per holder and role; one 第一责任人 at a time), audited. `handOver`: see
 * SaveOptions.
 */
export async function createResponsibility(
  branchId: string,
  input: ResponsibilityInput,
  options: SaveOptions = {},
): Promise<Responsibility> {
  const fields = withTaskIds(parseResponsibilityInput(input));
  return db.transaction('rw', TABLES(), async () => {
    await checkAgainstBranch(branchId, fields);
    await refuseSecondList(branchId, fields, undefined, options);
    const at = nowIso();
    const row: Responsibility = { ...fields, id: newId(), branchId, createdAt: at, updatedAt: at };
    await db.responsibilities.add(row);
    await writeAudit({
      entity: 'responsibility',
      entityId: row.id,
      branchId,
      action: 'create',
      summary: `新建${row.year}年度${row.role}「${row.holderName}」的责任清单`,
    });
    return row;
  });
}

/** Replaces a list's editable fields; saving unchanged values writes nothing. `handOver`: see SaveOptions. */
export async function updateResponsibility(
  id: string,
  input: ResponsibilityInput,
  options: SaveOptions = {},
): Promise<Responsibility> {
  const fields = withTaskIds(parseResponsibilityInput(input));
  return db.transaction('rw', TABLES(), async () => {
    const before = await db.responsibilities.get(id);
    if (!before) throw new NotFoundError('责任清单', id);
    await checkAgainstBranch(before.branchId, fields);
    const changed = changedFieldLabels<ResponsibilityFields>(before, fields, RESPONSIBILITY_LABELS);
    if (changed.length === 0) return before;
    await refuseSecondList(before.branchId, fields, id, options);
    // A 任职起止 cleared in the form is absent from `fields`: it goes, rather than stay from `before`.
    const { from: _from, to: _to, ...kept } = before;
    const after: Responsibility = { ...kept, ...fields, updatedAt: nowIso() };
    await db.responsibilities.put(after);
    await writeAudit({
      entity: 'responsibility',
      entityId: id,
      branchId: before.branchId,
      action: 'update',
      summary: `修改了「${after.holderName}」${after.year}年度责任清单的${changed.join('、')}`,
    });
    return after;
  });
}

export async function deleteResponsibility(id: string): Promise<void> {
  await db.transaction('rw', [db.responsibilities, db.auditPages], async () => {
    const before = await db.responsibilities.get(id);
    if (!before) throw new NotFoundError('责任清单', id);
    await db.responsibilities.delete(id);
    await writeAudit({
      entity: 'responsibility',
      entityId: id,
      branchId: before.branchId,
      action: 'delete',
      summary: `删除了${before.year}年度${before.role}「${before.holderName}」的责任清单`,
    });
  });
}

/** One unfinished task of last year that 复制上一年度 can carry into the new year. */
export interface CarryChoice {
  responsibilityId: string;
  holderMemberId: string;
  holderName: string;
  role: Responsibility['role'];
  task: ResponsibilityTask;
}

/**
 * Last year's tasks not 已完成 and not yet carried into `year` (a carried task keeps its id), in the lists' order: what
 * 复制上一年度 names and offers to carry over.
 */
function unfinishedOf(previous: readonly Responsibility[], current: readonly Responsibility[]): CarryChoice[] {
  const carried = new Set(current.flatMap((r) => r.tasks.map((t) => t.id)));
  return [...previous].sort(byRoleThenName).flatMap((r) =>
    r.tasks
      .filter((t) => t.status !== '已完成' && !carried.has(t.id))
      .map((task) => ({
        responsibilityId: r.id,
        holderMemberId: r.holderMemberId,
        holderName: r.holderName,
        role: r.role,
        task,
      })),
  );
}

/** The unfinished tasks of the year before `year` that 复制上一年度 would offer to carry into `year`. */
export async function tasksToCarry(branchId: string, year: number): Promise<CarryChoice[]> {
  const previous = await listResponsibilities(branchId, year - 1);
  const current = await listResponsibilities(branchId, year);
  return unfinishedOf(previous, current);
}

export interface CopyOptions {
  /** Last year's unfinished tasks to carry into the same holder's list of the year (ids from tasksToCarry). */
  carryTaskIds?: readonly string[];
}

/** A task named in a message: 「更新电教设备（罗雪）」, with why it stayed behind when it could not be carried. */
export interface NamedTask {
  title: string;
  holderName: string;
  reason?: string;
}

export interface CopyResult {
  /** The lists created, in display order. */
  created: Responsibility[];
  /** Holders of last year not copied because they had left the branch before this year began. */
  skippedLeft: string[];
  /** Last year's 第一责任人 not copied, with why: their tenure ended, they are not 书记 this year, or the year has one. */
  skippedFirst: { holderName: string; reason: string }[];
  /** Whether the year still has no 第一责任人 after copying (someone must be added by hand). */
  noFirstHolder: boolean;
  /** This year's 书记, given last year's 第一责任人 list (its duties) because its holder is no longer 书记. */
  firstHandedTo?: string;
  /** Last year's unfinished tasks carried into this year's lists. */
  carried: NamedTask[];
  /** Last year's unfinished tasks left behind: not chosen, or their holder has no list this year (with why). */
  leftBehind: NamedTask[];
}

/**
 * Who takes over last year's 第一责任人 list (see copyPreviousYear): this year's latest 书记, as the roster knows them,
 * when last year's 第一责任人 was left out because the 支委会 names another 书记 and the year has no 第一责任人 yet.
 */
async function firstHolderFor(
  branchId: string,
  previous: readonly Responsibility[],
  skippedFirst: CopyResult['skippedFirst'],
  taken: readonly Responsibility[],
  secretaries: readonly CommitteeMember[],
  yearStart: string,
): Promise<{ source: Responsibility; member: Member } | undefined> {
  if (taken.some((e) => e.role === '第一责任人')) return undefined;
  const source = previous.find(
    (r) => r.role === '第一责任人' && skippedFirst.some((s) => sameName(s.holderName, r.holderName)),
  );
  const secretary = secretaries.at(-1);
  if (!source || !secretary || secretaries.some((c) => isCommitteeMember(c, source))) return undefined;
  const roster = await db.members.where('branchId').equals(branchId).toArray();
  const member = secretary.memberId
    ? roster.find((m) => m.id === secretary.memberId)
    : roster.find((m) => sameName(m.name, secretary.name) && !(m.leftDate && m.leftDate < yearStart));
  return member ? { source, member } : undefined;
}

/** A new list of `year` for `holder`, with the duties of last year's `source`: 复制上一年度 copies nothing else. */
function copiedList(source: Responsibility, holder: HolderKey, branchId: string, year: number): Responsibility {
  const at = nowIso();
  return {
    id: newId(),
    branchId,
    year,
    holderMemberId: holder.holderMemberId,
    holderName: holder.holderName,
    role: holder.role,
    duties: [...source.duties],
    tasks: [],
    reports: [],
    createdAt: at,
    updatedAt: at,
  };
}

/** The same person as a 支委会 member: by roster member when both name one, else by name. */
const isCommitteeMember = (c: { name: string; memberId?: string }, r: HolderKey) =>
  c.memberId && r.holderMemberId ? c.memberId === r.holderMemberId : sameName(c.name, r.holderName);

/**
 * 复制上一年度: this year's lists from last year's holders, roles and duties. Tasks, 述职 and 任职起止 belong to their
 * year and are not copied; a holder who already has a list this year (same role) is skipped, so copying twice adds
 * nothing, and so is a holder who left the branch (转出/离开, or no longer on its roster) before the year began. A
 * 第一责任人 is copied only while still 书记: not when their list ended in the year (任职止, a 年内换届), nor when the
 * 支委会 names other 书记 for this year, nor when this year already has another 第一责任人.
 *
 * Last year's unfinished tasks named in `carryTaskIds` are carried into the same holder's list of this year (created
 * now or already there): the same task (same id, so the 工作台 follows it there and no longer in last year's list),
 * marked `carriedFrom` (shown 「2025年度转入」; a task carried twice keeps its first origin), its deadline kept — it stays overdue until done — and its evidence left with
 * last year's records. A task already carried is not carried again.
 */
export async function copyPreviousYear(branchId: string, year: number, options: CopyOptions = {}): Promise<CopyResult> {
  return db.transaction('rw', [db.branches, db.members, db.responsibilities, db.auditPages], async () => {
    const branch = await db.branches.get(branchId);
    if (!branch) throw new NotFoundError('支部', branchId);
    const previous = await db.responsibilities
      .where('[branchId+year]')
      .equals([branchId, year - 1])
      .toArray();
    if (previous.length === 0) {
      throw new ValidationError([{ path: '', message: `${year - 1}年度没有责任清单，无法复制` }]);
    }
    const yearStart = `${String(year).padStart(4, '0')}-01-01`;
    const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
    // No 书记 on record for the year (no committee yet, or only former ones): nothing to say about who is not one.
    const secretaries = secretariesDuring(branch.committee, yearStart, yearEnd);
    const whyNotFirst = (source: Responsibility, taken: readonly Responsibility[]): string | undefined => {
      if (source.to && source.to < yearStart) return `${year - 1}年度任职至${source.to}`;
      if (secretaries.length > 0 && !secretaries.some((c) => isCommitteeMember(c, source))) {
        return `支委会名单中${year}年度的书记是${secretaries.map((c) => c.name).join('、')}`;
      }
      const other = taken.find((e) => e.role === '第一责任人' && !sameHolder(e, source));
      return other ? `${year}年度已有第一责任人${other.holderName}` : undefined;
    };
    const holderIds = [...new Set(previous.map((r) => r.holderMemberId).filter(Boolean))];
    const holders = new Map((await db.members.bulkGet(holderIds)).filter((m) => m !== undefined).map((m) => [m.id, m]));
    const goneIds = new Set(
      holderIds.filter((id) => {
        const member = holders.get(id);
        return !member || member.branchId !== branchId || Boolean(member.leftDate && member.leftDate < yearStart);
      }),
    );
    const existing: Responsibility[] = await db.responsibilities
      .where('[branchId+year]')
      .equals([branchId, year])
      .toArray();
    const unfinished = unfinishedOf(previous, existing);
    const taken = [...existing];
    const created: Responsibility[] = [];
    const skippedLeft: string[] = [];
    const skippedFirst: CopyResult['skippedFirst'] = [];
    for (const source of previous.sort(byRoleThenName)) {
      if (goneIds.has(source.holderMemberId)) {
        if (!skippedLeft.includes(source.holderName)) skippedLeft.push(source.holderName);
        continue;
      }
      if (taken.some((e) => sameHolder(e, source))) continue;
      const notFirst = source.role === '第一责任人' ? whyNotFirst(source, taken) : undefined;
      if (notFirst) {
        if (!skippedFirst.some((s) => sameName(s.holderName, source.holderName))) {
          skippedFirst.push({ holderName: source.holderName, reason: notFirst });
        }
        continue;
      }
      const row = copiedList(source, source, branchId, year);
      created.push(row);
      taken.push(row);
    }

    // The 第一责任人's list follows the post: when last year's was not copied because the 支委会 names another 书记 for
    // this year, and the year has no 第一责任人 yet, the 书记 of this year (the latest, on the roster) gets it with its
    // duties — and the unfinished tasks chosen from it, which used to be offered and then dropped.
    const successor = await firstHolderFor(branchId, previous, skippedFirst, taken, secretaries, yearStart);
    const successorList = successor
      ? copiedList(
          successor.source,
          { holderMemberId: successor.member.id, holderName: successor.member.name, role: '第一责任人' },
          branchId,
          year,
        )
      : undefined;
    if (successorList) {
      created.push(successorList);
      taken.push(successorList);
    }

    // A task of last year's 第一责任人 who is no longer 书记 goes with the post: to the list of this year's 书记.
    const postHolder =
      successorList ?? taken.find((e) => e.role === '第一责任人' && secretaries.some((c) => isCommitteeMember(c, e)));
    const passedOn = (choice: CarryChoice) =>
      choice.role === '第一责任人' && skippedFirst.some((s) => sameName(s.holderName, choice.holderName));

    // Each chosen task goes to its holder's list of the year; a list gets all its tasks in one write and one entry.
    const chosen = new Set(options.carryTaskIds ?? []);
    const carried: NamedTask[] = [];
    const leftBehind: NamedTask[] = [];
    const carriedInto = new Map<Responsibility, string[]>();
    for (const choice of unfinished) {
      const named = { title: choice.task.title, holderName: choice.holderName };
      if (!chosen.has(choice.task.id)) {
        leftBehind.push(named);
        continue;
      }
      const target = taken.find((e) => sameHolder(e, choice)) ?? (passedOn(choice) ? postHolder : undefined);
      if (!target) {
        const gone = skippedLeft.includes(choice.holderName);
        leftBehind.push({ ...named, reason: gone ? '已离开支部' : `${year}年度没有其${choice.role}清单` });
        continue;
      }
      target.tasks = [
        ...target.tasks,
        { ...choice.task, carriedFrom: choice.task.carriedFrom ?? year - 1, evidenceMeetingIds: [] },
      ];
      carriedInto.set(target, [...(carriedInto.get(target) ?? []), named.title]);
      // Said with whom it went to when that is the successor: 「更新电教设备（罗雪→胡桂兰）」.
      carried.push(
        sameHolder(target, choice) ? named : { ...named, holderName: `${choice.holderName}→${target.holderName}` },
      );
    }
    const taskNames = (titles: readonly string[] = []) => titles.map((t) => `「${t}」`).join('');

    for (const row of created) {
      await db.responsibilities.add(row);
      const tasks = carriedInto.get(row);
      // The successor's list carries the duties of last year's 第一责任人: the log says whose.
      const whose =
        row === successorList
          ? `「${successor!.source.holderName}」的职责给「${row.holderName}」`
          : `「${row.holderName}」的职责`;
      await writeAudit({
        entity: 'responsibility',
        entityId: row.id,
        branchId,
        action: 'create',
        summary: `从${year - 1}年度复制${row.role}${whose}${tasks ? `，转入未完成的任务${taskNames(tasks)}` : ''}`,
      });
    }
    for (const row of existing) {
      const tasks = carriedInto.get(row);
      if (!tasks) continue;
      await db.responsibilities.put({ ...row, updatedAt: nowIso() });
      await writeAudit({
        entity: 'responsibility',
        entityId: row.id,
        branchId,
        action: 'update',
        summary: `从${year - 1}年度转入「${row.holderName}」的未完成任务${taskNames(tasks)}`,
      });
    }
    const noFirstHolder = !taken.some((e) => e.role === '第一责任人');
    return {
      created,
      skippedLeft,
      skippedFirst,
      noFirstHolder,
      carried,
      leftBehind,
      ...(successorList ? { firstHandedTo: successorList.holderName } : {}),
    };
  });
}

const taskList = (tasks: readonly NamedTask[]) =>
  tasks.map((t) => `${t.title}（${t.holderName}${t.reason ? `，${t.reason}` : ''}）`).join('、');

/**
 * What 复制上一年度 tells the user: how many were copied and which unfinished tasks were carried, who was left out and
 * why (left the branch; a 第一责任人 no longer 书记), which of last year's unfinished tasks stayed behind, and, when
 * the year then has no 第一责任人, that one is to be added.
 */
export function copyResultMessage(result: CopyResult, year: number): { type: 'success' | 'info'; text: string } {
  const left = result.skippedLeft.length > 0 ? `；跳过已离开支部的：${result.skippedLeft.join('、')}` : '';
  const handed = result.firstHandedTo ? `，第一责任人的职责已复制给${result.firstHandedTo}` : '';
  const first =
    result.skippedFirst.length > 0
      ? `；不再作为第一责任人复制：${result.skippedFirst.map((s) => `${s.holderName}（${s.reason}）`).join('、')}${handed}`
      : '';
  const behind =
    result.leftBehind.length > 0 ? `；${year - 1}年度尚未完成、未转入的任务：${taskList(result.leftBehind)}` : '';
  const missing = result.skippedFirst.length > 0 && result.noFirstHolder ? `。${year}年度还没有第一责任人，请新增` : '';
  const skipped = `${left}${first}${behind}${missing}`;
  const carried =
    result.carried.length > 0 ? `转入 ${result.carried.length} 项未完成的任务：${taskList(result.carried)}` : '';
  if (result.created.length > 0) {
    const copied = `已复制 ${result.created.length} 位责任人的职责`;
    return { type: 'success', text: `${carried ? `${copied}，${carried}` : `${copied}（任务不复制）`}${skipped}` };
  }
  if (carried) return { type: 'success', text: `已${carried}${skipped}` };
  const none = result.skippedFirst.length > 0 ? '没有需要复制的责任人' : '已有上一年度的全部责任人，无需复制';
  return { type: 'info', text: `${year}年度${none}${skipped}` };
}
