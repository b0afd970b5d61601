// 各支部概览: every branch's year side by side — 三会一课 and the other rules as the 工作台 counts them, drafts, overdue
// 阵地复查 and the year's latest 考评 — read once per change through indexes, then summarised (pure).
import { establishedOf } from '../../../../shared/branch/established';
import { countsOver } from '../../../../shared/standards/counted';
import { getRulePack } from '../../../../shared/rules/packs';
import { computeCompliance, type PeriodResult, type RuleResult } from '../../../../shared/scoring/compliance';
import { ruleTally } from '../../../../shared/scoring/tally';
import type { Assessment, Branch } from '../../../../shared/schemas/entities';
import { db } from '../../db/db';
import { listBranches } from '../../db/repositories/branches';
import { getRulePackId, loadComplianceSources, type ComplianceSources } from '../../db/repositories/compliance';
import { dueVenueChecks } from '../../db/repositories/venues';
import { chinaToday } from '../../../../shared/schemas/common';
import { ledgerStartIn, notApplicable, notDueYet, pendingText } from '../dashboard/dashboardData';
import { branchLabels, type LabelledBranch } from './branchLabels';

/** The year's latest 考评 of a branch: what the row shows of it. */
export interface OverviewAssessment {
  kind: Assessment['kind'];
  total: number;
  /** The full score of the standard it was scored against. */
  totalScore: number;
  grade: string;
  date: string;
}

export interface OverviewBranchSources {
  branch: LabelledBranch;
  /** 本届结束日期 (支部概况): the 机关党委 sees whose term is over (按期换届). */
  termEnd: string;
  compliance: ComplianceSources;
  /** 阵地复查 whose next due date has passed (the venue's latest check only, as on the 工作台). */
  overdueChecks: number;
  assessment?: OverviewAssessment;
}

export interface OverviewSources {
  packId: string;
  branches: OverviewBranchSources[];
}

/** One rule in one branch's row: the 工作台's 「支委会 10/11 个月」 in short, counted by the same ruleTally. */
export interface OverviewCell {
  ruleId: string;
  met: number;
  /** Due so far, as on the 工作台: the open period's 党小组 or members not yet recorded included, once any is due. */
  required: number;
  /** Periods (or groups, members) over and without a record: the cell is red when there is any. */
  missed: number;
  /**
   * The missed periods as the 工作台 names them, a line each: 「4月、9月」 of a branch-wide rule; 「第一党小组 1月、2月」 a
   * line per 党小组; 「王文静、于勇」 of 谈心谈话 (a year each). Thirty gaps of three groups read as three lines.
   */
  missedLines: string[];
  /** 党小组 or members the open period has no record for yet: due, but not a gap (the 工作台's 「2 人待谈」). */
  pending: number;
  /** 「尚未记录：第二党小组、第三党小组（6月还剩 16 天）」, as on the 工作台, when some are pending. */
  pendingText?: string;
  /** Why nothing is due yet, when required is 0. */
  notDue?: string;
  /** Records held without the quorum (支委会, 支部党员大会). */
  quorumFailures: number;
  /**
   * Of `missed`, the periods over before the branch began using the ledger (its row's `ledgerStart`): counted as on the
   * 工作台, which folds them apart as what may have been held but not yet entered.
   */
  missedBeforeLedger: number;
}

export interface OverviewRow {
  branchId: string;
  name: string;
  /** The name, with what tells it apart from a branch of the same name (branchLabels), as the switcher shows it. */
  label: string;
  cells: OverviewCell[];
  /** How many of the pack's requirements have a missed period: the 未达标 column. */
  missedRules: number;
  /** Missed periods (groups, members) over every requirement: the 缺项合计 column, where 缺2 outweighs 缺1. */
  missedItems: number;
  /** Records of the year still 草稿. */
  drafts: number;
  overdueChecks: number;
  assessment?: OverviewAssessment;
  /** The day the branch was set up in the app, when that was during the year (after 1 January), as on its 工作台. */
  ledgerStart?: string;
  /** 本届结束日期, when it is before today: the term is over and no new one is entered (按期换届). */
  termEnded?: string;
}

export interface OverviewView {
  year: number;
  asOf: string;
  packId: string;
  /** The pack's rules, one column each, in the pack's order. */
  rules: { id: string; label: string; requirement: string }[];
  /** By branch name (compareZh), as the 当前支部 switcher lists them. */
  rows: OverviewRow[];
}

/** 「2025年4月」 → 「4月」, as on the 工作台: the year is said once, in the selector. */
function shortLabel(label: string): string {
  return label.replace(/^\d{4}年/, '') || '全年';
}

/** In the 工作台's words (a branch founded after the year, no 党小组, nobody on the roll); the cell shortens them. */
function notDueText(result: RuleResult, asOf: string, year: number, established: string | undefined): string {
  if (result.periods.length > 0) {
    const open = result.periods.find((p) => p.period.start <= asOf && asOf <= p.period.end);
    // The cell has no list of names to put the days after: it says them itself.
    return notDueYet(result, open, asOf, false).notDue ?? '本年度尚未到期';
  }
  // An empty 党员名册 reads 「无在册党员」 here: the cell is no place for the 工作台's way to the roster.
  const context = { year, rosterEmpty: false, ...(established ? { established } : {}) };
  return notApplicable(result.rule, context).notDue ?? '本年度不适用';
}

/**
 * The latest 考评 of a branch for `year` (its period starting in that year, as the 考评 page's year chart counts): read
 * by [branchId+date] over the year and the next one, when a year's assessment is usually made.
 */
async function latestAssessment(branchId: string, year: number): Promise<OverviewAssessment | undefined> {
  const rows = await db.assessments
    .where('[branchId+date]')
    .between([branchId, `${year}-01-01`], [branchId, `${year + 1}-12-31`], true, true)
    .toArray();
  let latest: Assessment | undefined;
  for (const a of rows) {
    if (!a.periodStart.startsWith(`${year}-`)) continue;
    // Of all kinds: the latest by the rule that picks a year's 考评 of one kind (shared/standards/counted.ts).
    if (!latest || countsOver(a, latest)) latest = a;
  }
  return latest
    ? {
        kind: latest.kind,
        total: latest.total,
        totalScore: latest.standardSnapshot.totalScore,
        grade: latest.grade,
        date: latest.date,
      }
    : undefined;
}

/** One branch's part of the overview: its compliance inputs, overdue re-checks and the year's latest 考评. */
async function branchSources(
  branch: LabelledBranch & Pick<Branch, 'termEnd'>,
  year: number,
  asOf: string,
): Promise<OverviewBranchSources> {
  const compliance = await loadComplianceSources(branch.id, year);
  const due = await dueVenueChecks(branch.id, asOf);
  const assessment = await latestAssessment(branch.id, year);
  return {
    branch: { id: branch.id, name: branch.name, parentOrg: branch.parentOrg, createdAt: branch.createdAt },
    termEnd: branch.termEnd,
    compliance,
    // Due today is not overdue yet (the 工作台 says 「即将到期」).
    overdueChecks: due.filter((c) => c.nextDueDate && c.nextDueDate < asOf).length,
    ...(assessment ? { assessment } : {}),
  };
}

/**
 * Reads every branch's year; each read goes through an index. One read-only transaction with the branches read side
 * by side: a transaction per read, one branch after another, took 1.7 times as long on the 30-branch organ data
 * (median 528 ms against 311 ms on a loaded 2-core machine; docs/architecture.md). Dexie's live queries track reads
 * made in parallel as well as in sequence.
 */
export async function loadOverviewSources(year: number, asOf: string): Promise<OverviewSources> {
  const tables = [db.settings, db.branches, db.members, db.meetings, db.venueChecks, db.assessments];
  return db.transaction('r', tables, async () => {
    const packId = await getRulePackId();
    const branches = await listBranches();
    return { packId, branches: await Promise.all(branches.map((b) => branchSources(b, year, asOf))) };
  });
}

/** The missed periods, a line per 党小组 or member (one line of names where each has one period, the year). */
function missedLines(missed: readonly PeriodResult[], yearly: boolean): string[] {
  const bySubject = new Map<string, { name: string; periods: string[] }>();
  const branchWide: string[] = [];
  for (const p of missed) {
    if (!p.subject) {
      branchWide.push(shortLabel(p.period.label));
      continue;
    }
    const line = bySubject.get(p.subject.id) ?? { name: p.subject.name, periods: [] };
    line.periods.push(shortLabel(p.period.label));
    bySubject.set(p.subject.id, line);
  }
  const subjects = [...bySubject.values()];
  if (yearly && subjects.length > 0) return [subjects.map((s) => s.name).join('、')];
  return [
    ...(branchWide.length > 0 ? [branchWide.join('、')] : []),
    ...subjects.map((s) => `${s.name} ${s.periods.join('、')}`),
  ];
}

function cellOf(
  result: RuleResult,
  asOf: string,
  year: number,
  established: string | undefined,
  ledgerStart: string | undefined,
): OverviewCell {
  // The 工作台's count (shared/scoring/tally.ts): the page says it agrees with it.
  const tally = ruleTally(result, asOf);
  return {
    ruleId: result.rule.id,
    met: tally.met,
    required: tally.due,
    missed: tally.missed.length,
    missedLines: missedLines(tally.missed, result.rule.per === 'year'),
    pending: tally.pending.length,
    ...(tally.pending.length > 0 ? { pendingText: pendingText(result.rule, tally.pending, asOf) } : {}),
    ...(tally.due === 0 ? { notDue: notDueText(result, asOf, year, established) } : {}),
    quorumFailures: result.quorumFailures.length,
    missedBeforeLedger: ledgerStart ? tally.missed.filter((p) => p.period.end < ledgerStart).length : 0,
  };
}

/** One row per branch; runs the compliance engine once per branch, with the 工作台's pack and date. */
export function buildOverview(sources: OverviewSources, year: number, asOf: string): OverviewView {
  const pack = getRulePack(sources.packId);
  const labels = branchLabels(sources.branches.map((b) => b.branch));
  const rows = sources.branches.map((b): OverviewRow => {
    const report = computeCompliance({ ...b.compliance, asOf, pack });
    const established = establishedOf(b.compliance.branch);
    const ledgerStart = ledgerStartIn(chinaToday(new Date(b.branch.createdAt)), year);
    const cells = report.rules.map((r) => cellOf(r, asOf, year, established, ledgerStart));
    return {
      branchId: b.branch.id,
      name: b.branch.name,
      label: labels.get(b.branch.id) ?? b.branch.name,
      cells,
      missedRules: cells.filter((c) => c.missed > 0).length,
      missedItems: cells.reduce((n, c) => n + c.missed, 0),
      drafts: b.compliance.meetings.filter((m) => m.status === '草稿').length,
      overdueChecks: b.overdueChecks,
      ...(b.assessment ? { assessment: b.assessment } : {}),
      ...(ledgerStart ? { ledgerStart } : {}),
      ...(b.termEnd < asOf ? { termEnded: b.termEnd } : {}),
    };
  });
  return {
    year,
    asOf,
    packId: pack.id,
    rules: pack.rules.map((r) => ({ id: r.id, label: r.label, requirement: r.requirement })),
    rows,
  };
}

/** Both steps at once (tests, and any caller outside React). */
export async function loadOverview(year: number, asOf: string): Promise<OverviewView> {
  return buildOverview(await loadOverviewSources(year, asOf), year, asOf);
}
