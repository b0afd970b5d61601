// 一抓好四深化's learning targets (日阅一文、月写一篇、季读一本、半年一讲) as data, and the member × period completion matrix.
import { LEARNING_KINDS, type LearningKind } from '../domain/vocab';
import { periodsBetween, type Period, type PeriodUnit } from '../rules/periods';
import { rollStartOf } from '../rules/roster';

/**
 * One target, derived from its name: the period in the name fixes how often; 日阅一文 is judged per month (a daily
 * tick list is the 打卡 busywork the product avoids), counting calendar days with at least one entry.
 */
export interface LearningTarget {
  kind: LearningKind;
  /** The period the name speaks of (日/月/季/半年). */
  namedPeriod: (typeof LEARNING_KINDS)[number]['period'];
  /** The column of the completion matrix: months for 日阅一文 and 月写一篇, quarters, halves. */
  unit: Exclude<PeriodUnit, 'year'>;
  /** What is counted in a column: entries, or distinct calendar days with an entry. */
  countBy: 'entries' | 'days';
  /** At least this many in a column for ✓. */
  minCount: number;
  /** The rule in Chinese, as the page explains it. */
  rule: string;
}

/** Days with a reading entry that make a month's 日阅一文: about the working days of a month (data, adjustable). */
export const DAILY_READING_DAYS_PER_MONTH = 20;

const UNIT_OF: Record<LearningTarget['namedPeriod'], LearningTarget['unit']> = {
  day: 'month',
  month: 'month',
  quarter: 'quarter',
  half: 'half',
};

const RULE_OF: Record<LearningTarget['namedPeriod'], string> = {
  day: `每月至少 ${DAILY_READING_DAYS_PER_MONTH} 天有阅读记录（按自然日计，同一天多篇算一天）`,
  month: '每月至少 1 篇',
  quarter: '每季度至少 1 本',
  half: '每半年至少 1 讲',
};

export const LEARNING_TARGETS: readonly LearningTarget[] = LEARNING_KINDS.map(({ kind, period }) => ({
  kind,
  namedPeriod: period,
  unit: UNIT_OF[period],
  countBy: period === 'day' ? 'days' : 'entries',
  minCount: period === 'day' ? DAILY_READING_DAYS_PER_MONTH : 1,
  rule: RULE_OF[period],
}));

export function targetOf(kind: LearningKind): LearningTarget {
  return LEARNING_TARGETS.find((t) => t.kind === kind)!;
}

/**
 * done: the target was met; missed: the period is over and it was not; open: the period is still running and not
 * yet met (not counted); none: the member was not in the branch (not yet a member, or had left), or it is the future.
 */
export type CellStatus = 'done' | 'missed' | 'open' | 'none';

export interface MatrixMember {
  id: string;
  name: string;
  joinedDate?: string;
  /** 转入本支部日期: one who transferred in owes nothing of the periods before (rollStartOf). */
  joinedBranchDate?: string;
  leftDate?: string;
}

export interface MatrixEntry {
  memberId: string;
  kind: LearningKind;
  date: string;
}

export interface MatrixCell {
  period: Period;
  count: number;
  status: CellStatus;
}

export interface Tally {
  done: number;
  /** Periods that count: done + missed. */
  due: number;
  /** done / due, or null when nothing is due yet. */
  rate: number | null;
}

export interface MatrixRow extends Tally {
  memberId: string;
  name: string;
  cells: MatrixCell[];
}

export interface LearningMatrix {
  target: LearningTarget;
  periods: Period[];
  rows: MatrixRow[];
  /** All members' cells pooled: the branch's completion rate. */
  branch: Tally;
}

export function tally(done: number, due: number): Tally {
  return { done, due, rate: due > 0 ? done / due : null };
}

function countIn(target: LearningTarget, dates: readonly string[]): number {
  return target.countBy === 'days' ? new Set(dates).size : dates.length;
}

function statusOf(
  target: LearningTarget,
  period: Period,
  count: number,
  member: MatrixMember,
  today: string,
  established: string | undefined,
) {
  if (period.start > today) return 'none';
  // Before the branch was founded nobody owed it anything (the period it was founded in is due), as on the 工作台.
  if (established && period.end < established) return 'none';
  const rollStart = rollStartOf(member);
  if (rollStart && period.end < rollStart) return 'none';
  if (member.leftDate && period.start > member.leftDate) return 'none';
  if (count >= target.minCount) return 'done';
  // A member who left mid-period is not held to the part of it after leaving: the period is over for them.
  const endsFor = member.leftDate && member.leftDate < period.end ? member.leftDate : period.end;
  return endsFor < today ? 'missed' : 'open';
}

/** The completion matrix of one target over [from, to] (a year, usually) as of `today`. */
export function learningMatrix(input: {
  kind: LearningKind;
  from: string;
  to: string;
  today: string;
  members: readonly MatrixMember[];
  entries: readonly MatrixEntry[];
  /** The branch's 成立日期, if recorded. */
  established?: string;
}): LearningMatrix {
  const target = targetOf(input.kind);
  const periods = periodsBetween(target.unit, input.from, input.to);
  const datesByMember = new Map<string, string[]>();
  for (const e of input.entries) {
    if (e.kind !== input.kind || e.date < input.from || e.date > input.to) continue;
    const list = datesByMember.get(e.memberId) ?? [];
    list.push(e.date);
    datesByMember.set(e.memberId, list);
  }
  let branchDone = 0;
  let branchDue = 0;
  const rows = input.members.map((member) => {
    const dates = datesByMember.get(member.id) ?? [];
    const cells = periods.map((period) => {
      const count = countIn(
        target,
        dates.filter((d) => d >= period.start && d <= period.end),
      );
      const status = statusOf(target, period, count, member, input.today, input.established);
      return { period, count, status: status as CellStatus };
    });
    const done = cells.filter((c) => c.status === 'done').length;
    const due = done + cells.filter((c) => c.status === 'missed').length;
    branchDone += done;
    branchDue += due;
    return { memberId: member.id, name: member.name, cells, ...tally(done, due) };
  });
  return { target, periods, rows, branch: tally(branchDone, branchDue) };
}

/** Every target's matrix, and each member's rate over all four targets together (cells pooled). */
export function learningOverview(input: Omit<Parameters<typeof learningMatrix>[0], 'kind'>): {
  matrices: LearningMatrix[];
  members: (Tally & { memberId: string; name: string })[];
  branch: Tally;
} {
  const matrices = LEARNING_TARGETS.map((t) => learningMatrix({ ...input, kind: t.kind }));
  const members = input.members.map((m, i) => {
    const done = matrices.reduce((n, mx) => n + mx.rows[i]!.done, 0);
    const due = matrices.reduce((n, mx) => n + mx.rows[i]!.due, 0);
    return { memberId: m.id, name: m.name, ...tally(done, due) };
  });
  const done = matrices.reduce((n, mx) => n + mx.branch.done, 0);
  const due = matrices.reduce((n, mx) => n + mx.branch.due, 0);
  return { matrices, members, branch: tally(done, due) };
}

/** A rate as people read it: one decimal, e.g. 83.3%; 「—」 when nothing is due. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
