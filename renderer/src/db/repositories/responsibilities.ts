// Responsibility (领导责任) repository: one leader's duties, tasks and 述职 per year, validated and audited; overdue tasks.
import {
  responsibilityInputSchema,
  type Meeting,
  type Responsibility,
  type ResponsibilityInput,
  type ResponsibilityTask,
} from '../../../../shared/schemas/entities';
import { daysBetween } from '../../../../shared/schemas/common';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { writeAudit } from './audit';
import { changedFieldLabels, compareZh, parseInput } from './common';
import { NotFoundError, ValidationError, type ValidationIssue } from './errors';

type ResponsibilityFields = Omit<Responsibility, 'id' | 'createdAt' | 'updatedAt' | 'branchId'>;

const RESPONSIBILITY_LABELS: Readonly<Record<keyof ResponsibilityFields, string>> = {
  year: '年度',
  holderMemberId: '责任人',
  holderName: '责任人姓名',
  role: '责任类型',
  duties: '职责',
  tasks: '任务清单',
  reports: '述职',
};

/** The order people expect: 第一责任人 first, then by role, then by name. */
const ROLE_ORDER = ['第一责任人', '直接责任人', '一岗双责', '分管'];
function byRoleThenName(a: Responsibility, b: Responsibility): number {
  return ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || compareZh(a.holderName, b.holderName);
}

// ── overdue ─────────────────────────────────────────────────────────────────────

/** A task is overdue when its deadline has passed (deadline < today) and it is not 已完成. */
export function isTaskOverdue(task: Pick<ResponsibilityTask, 'deadline' | 'status'>, asOf: string): boolean {
  return Boolean(task.deadline) && task.deadline! < asOf && task.status !== '已完成';
}

export interface DueTask {
  responsibilityId: string;
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

// ── reads ───────────────────────────────────────────────────────────────────────

/** A branch's lists of one year, 第一责任人 first. */
export async function listResponsibilities(branchId: string, year: number): Promise<Responsibility[]> {
  const rows = await db.responsibilities.where('[branchId+year]').equals([branchId, year]).toArray();
  return rows.sort(byRoleThenName);
}

export async function getResponsibility(id: string): Promise<Responsibility | undefined> {
  return db.responsibilities.get(id);
}

export interface EvidenceChoice {
  id: string;
  /** 「日期 类型 主题」, as the evidence picker shows a record. */
  label: string;
}

/** The branch's records of a year as evidence choices, in date order (read through [branchId+date]). */
export async function listEvidenceChoices(branchId: string, year: number): Promise<EvidenceChoice[]> {
  const rows: Meeting[] = await db.meetings
    .where('[branchId+date]')
    .between([branchId, `${year}-01-01`], [branchId, `${year}-12-31`], true, true)
    .toArray();
  return rows.map((m) => ({ id: m.id, label: `${m.date} ${m.kind} ${m.topic}` }));
}

// ── writes ──────────────────────────────────────────────────────────────────────

/** Tasks added in the form have no id yet: give them one; existing tasks keep theirs. */
function withTaskIds(fields: ReturnType<typeof parseResponsibilityInput>): ResponsibilityFields {
  return { ...fields, tasks: fields.tasks.map((t) => ({ ...t, id: t.id || newId() })) };
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
  (a.holderMemberId && b.holderMemberId ? a.holderMemberId === b.holderMemberId : a.holderName === b.holderName);

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

async function refuseSecondList(branchId: string, fields: ResponsibilityFields, ownId?: string): Promise<void> {
  const sameYear = await db.responsibilities.where('[branchId+year]').equals([branchId, fields.year]).toArray();
  const issue = secondListIssue(fields, sameYear, ownId);
  if (issue) throw new ValidationError([issue]);
}

const TABLES = () => [db.branches, db.members, db.meetings, db.responsibilities, db.auditPages];

/** Creates one leader's list for a year (one per holder and role), audited. */
export async function createResponsibility(branchId: string, input: ResponsibilityInput): Promise<Responsibility> {
  const fields = withTaskIds(parseResponsibilityInput(input));
  return db.transaction('rw', TABLES(), async () => {
    await checkAgainstBranch(branchId, fields);
    await refuseSecondList(branchId, fields);
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

/** Replaces a list's editable fields; saving unchanged values writes nothing. */
export async function updateResponsibility(id: string, input: ResponsibilityInput): Promise<Responsibility> {
  const fields = withTaskIds(parseResponsibilityInput(input));
  return db.transaction('rw', TABLES(), async () => {
    const before = await db.responsibilities.get(id);
    if (!before) throw new NotFoundError('责任清单', id);
    await checkAgainstBranch(before.branchId, fields);
    const changed = changedFieldLabels<ResponsibilityFields>(before, fields, RESPONSIBILITY_LABELS);
    if (changed.length === 0) return before;
    await refuseSecondList(before.branchId, fields, id);
    const after: Responsibility = { ...before, ...fields, updatedAt: nowIso() };
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

export interface CopyResult {
  /** The lists created, in display order. */
  created: Responsibility[];
  /** Holders of last year not copied because they had left the branch before this year began. */
  skippedLeft: string[];
}

/**
 * 复制上一年度: this year's lists from last year's holders, roles and duties. Tasks and 述职 belong to their year and
 * are not copied; a holder who already has a list this year (same role) is skipped, so copying twice adds nothing, and
 * so is a holder who left the branch (转出/离开, or no longer on its roster) before the year began.
 */
export async function copyPreviousYear(branchId: string, year: number): Promise<CopyResult> {
  return db.transaction('rw', [db.branches, db.members, db.responsibilities, db.auditPages], async () => {
    if (!(await db.branches.get(branchId))) throw new NotFoundError('支部', branchId);
    const previous = await db.responsibilities
      .where('[branchId+year]')
      .equals([branchId, year - 1])
      .toArray();
    if (previous.length === 0) {
      throw new ValidationError([{ path: '', message: `${year - 1}年度没有责任清单，无法复制` }]);
    }
    const yearStart = `${String(year).padStart(4, '0')}-01-01`;
    const holderIds = [...new Set(previous.map((r) => r.holderMemberId).filter(Boolean))];
    const holders = new Map((await db.members.bulkGet(holderIds)).filter((m) => m !== undefined).map((m) => [m.id, m]));
    const goneIds = new Set(
      holderIds.filter((id) => {
        const member = holders.get(id);
        return !member || member.branchId !== branchId || Boolean(member.leftDate && member.leftDate < yearStart);
      }),
    );
    const taken: HolderKey[] = await db.responsibilities.where('[branchId+year]').equals([branchId, year]).toArray();
    const created: Responsibility[] = [];
    const skippedLeft: string[] = [];
    for (const source of previous.sort(byRoleThenName)) {
      if (goneIds.has(source.holderMemberId)) {
        if (!skippedLeft.includes(source.holderName)) skippedLeft.push(source.holderName);
        continue;
      }
      if (taken.some((e) => sameHolder(e, source))) continue;
      const at = nowIso();
      const row: Responsibility = {
        id: newId(),
        branchId,
        year,
        holderMemberId: source.holderMemberId,
        holderName: source.holderName,
        role: source.role,
        duties: [...source.duties],
        tasks: [],
        reports: [],
        createdAt: at,
        updatedAt: at,
      };
      await db.responsibilities.add(row);
      await writeAudit({
        entity: 'responsibility',
        entityId: row.id,
        branchId,
        action: 'create',
        summary: `从${year - 1}年度复制${row.role}「${row.holderName}」的职责`,
      });
      created.push(row);
      taken.push(row);
    }
    return { created, skippedLeft };
  });
}

/** What 复制上一年度 tells the user: how many were copied, and who was left out for having left the branch. */
export function copyResultMessage(result: CopyResult, year: number): { type: 'success' | 'info'; text: string } {
  const skipped = result.skippedLeft.length > 0 ? `；跳过已离开支部的：${result.skippedLeft.join('、')}` : '';
  if (result.created.length === 0) {
    return { type: 'info', text: `${year}年度已有上一年度的全部责任人，无需复制${skipped}` };
  }
  return { type: 'success', text: `已复制 ${result.created.length} 位责任人的职责（任务不复制）${skipped}` };
}
