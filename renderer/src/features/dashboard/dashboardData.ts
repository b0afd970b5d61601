// The 工作台's data: read once per change through indexes, then turned into readiness lines by pillar (pure).
import { establishedOf } from '../../../../shared/branch/established';
import { lateRecordsEnd, YEAR_END_KINDS } from '../../../../shared/domain/recordYear';
import { cnDate } from '../../../../shared/dossier/layout';
import { getRulePack } from '../../../../shared/rules/packs';
import type { PeriodUnit } from '../../../../shared/rules/periods';
import { computeCompliance, type RuleResult } from '../../../../shared/scoring/compliance';
import { ruleTally } from '../../../../shared/scoring/tally';
import { chinaToday, daysBetween } from '../../../../shared/schemas/common';
import { ASSESSMENT_KINDS, type AssessmentKind } from '../../../../shared/domain/vocab';
import type {
  Assessment,
  MemberEvaluation,
  Responsibility,
  Venue,
  VenueCheck,
} from '../../../../shared/schemas/entities';
import { formatScore } from '../../../../shared/standards';
import { countedAssessments, countedGroupOf } from '../../../../shared/standards/counted';
import { listAssessments } from '../../db/repositories/assessments';
import { getBranch } from '../../db/repositories/branches';
import { loadComplianceSources, getRulePackId, type ComplianceSources } from '../../db/repositories/compliance';
import { listMemberEvaluations } from '../../db/repositories/memberEvaluations';
import {
  dueTasksOf,
  followedTaskLists,
  listAllResponsibilities,
  type DueTask,
} from '../../db/repositories/responsibilities';
import { dueVenueChecks, listVenues, sevenHavesProgress } from '../../db/repositories/venues';
import { recordsHref } from '../meetings/recordsRoute';
import { responsibilityHref } from '../responsibility/responsibilityRoute';
import { standardsHref } from '../standards/standardsRoute';
import { venueHref } from '../venues/venueRoute';
import { yearHref } from './yearRoute';

/** How far ahead the 工作台 looks for deadlines (tasks, venue re-checks). */
export const LOOKAHEAD_DAYS = 30;

export interface DashboardSources {
  compliance: ComplianceSources;
  /** The day the branch was set up in this app (its row's creation, China date; a restore keeps the original one). */
  ledgerStart?: string;
  packId: string;
  venues: Pick<Venue, 'id' | 'name' | 'checklist'>[];
  /** Latest re-checks due within the lookahead or already overdue. */
  venueChecks: VenueCheck[];
  /** The branch's 领导责任 lists of every year: unfinished tasks of earlier years stay due until done. */
  responsibilities: Responsibility[];
  /** The branch's 考评 of every year. */
  assessments: Assessment[];
  /** The year's 民主评议党员 rows. */
  memberEvaluations: MemberEvaluation[];
  /** In January and February, last year's records: what is left to close (上一年度收尾). */
  closing?: { year: number; compliance: ComplianceSources };
}

export interface MissLine {
  key: string;
  /** 「4月」, 「第二季度」, or 「第一党小组 4月」 for rules per party group. */
  label: string;
  /** #/records?new=<kind>&date=<the period's last day> */
  href: string;
  /**
   * The period was over before the branch was set up in the app, in the year it was: still a gap (the inspection
   * counts it), shown folded with the others of that time rather than in red (LedgerStartView).
   */
  beforeLedger?: true;
}

export interface QuorumLine {
  meetingId: string;
  date: string;
  topic: string;
  message: string;
  href: string;
}

export interface RecordLine {
  ruleId: string;
  label: string;
  requirement: string;
  met: number;
  required: number;
  /** 「支委会 10/11 个月」, or the label alone when nothing is due yet. */
  text: string;
  /** Share of the due periods that are met; undefined when none is due (a 0/0 is not a 100 %). */
  percent?: number;
  /**
   * Why nothing is due: every period is still running (「本年度尚未到期」; late in the year 「本年度还剩 34 天」), the
   * rule has nobody to apply to, or the branch was not founded yet. None when the pending line says it (谈心谈话 in
   * December: 「尚未谈话：…（本年度还剩 34 天）」).
   */
  notDue?: string;
  /** Days left of the year, when notDue counts them. */
  notDueDaysLeft?: number;
  /** Where to remedy what notDue says (an empty 党员名册: the roster). */
  notDueLink?: { href: string; text: string };
  misses: MissLine[];
  /** The current period, not yet recorded: a link to record it today. */
  current?: MissLine;
  /**
   * Rules per member or per 党小组: whom the current, still open period has no record for yet (谈心谈话 in December, a
   * 党小组 this month), each with a link to record it. They count in the line, so it is not complete while any is left.
   */
  pending: MissLine[];
  /** 「尚未谈话：王文静（本年度还剩 1 天）」, when some are pending. */
  pendingText?: string;
  /** Days left in that open period, today included. */
  pendingDaysLeft?: number;
  quorumFailures: QuorumLine[];
  /** Records of this kind in the year still 草稿: counted as held, but not yet ready for an inspector. */
  drafts: number;
}

export interface VenueLine {
  id: string;
  name: string;
  done: number;
  total: number;
  href: string;
}

export interface VenueCheckLine {
  venueId: string;
  venueName: string;
  nextDueDate: string;
  overdue: boolean;
  href: string;
}

/** One kind of 考评 (自评, 上级评定, 群众评议) in the year: the one that counts, or that there is none. */
export interface AssessmentLine {
  kind: AssessmentKind;
  /** 「自评 92 分 / 满分 100 · 优秀（2026-01-10）」, or 「2025 年度尚未自评」. */
  text: string;
  /** The 考评 shown, when there is one: its page. */
  href?: string;
  /** 考评 of this kind in the year (more than one: the card says which counts). */
  count: number;
}

/** 评价有标准 in the year: each kind's 考评, and the 民主评议党员. */
export interface StandardsView {
  assessments: AssessmentLine[];
  /** 新建考评: the form takes no year from the address, its 考评年度 is chosen there. */
  newHref: string;
  listHref: string;
  /** 「已评 24 人」, 「已录入 3 人，尚未评定等次」 or 「尚未开展」. */
  evaluations: string;
  evaluationsHref: string;
}

/** 上一年度收尾: what last year still lacks, in January and February, when its volume is handed in and inspected. */
export interface ClosingView {
  year: number;
  /** The year's records still 草稿, and its records list filtered to them (where 按日期顺序定稿 is). */
  drafts: number;
  draftsHref: string;
  /** Periods missed (per group or member where the rule is so), by rule: 「支委会 2 个月、谈心谈话 2 人」. */
  missed: number;
  missedText: string;
  /** That year's 工作台, with its 补录 buttons. */
  missedHref: string;
  /** Unfinished tasks of that year (or before) whose deadline has passed and that were not carried into this year. */
  overdueTasks: number;
  tasksHref: string;
  /** 「2025 年度尚未自评」, 「2025 年度尚无上级评定」. */
  assessments: string[];
  newAssessmentHref: string;
}

/**
 * A branch set up in the app during the year shown: what it says of the periods over before that day. They stay gaps
 * in every figure; the 工作台 names them once, folded, below what is still due.
 */
export interface LedgerStartView {
  /** The day the branch was set up in the app. */
  start: string;
  /** 「本支部于2026年11月28日开始使用台账：此前月份如已开展，请逐项补录；未补录的仍按未开展统计」 */
  note: string;
  /** Gaps (periods, per 党小组 or member where the rule is so) over before that day, over every rule. */
  gaps: number;
  /** The folded group's heading: 「开始使用台账前未补录 43 项：支委会 10 个月、党小组会 20 项、…」. */
  summary: string;
}

export interface DashboardView {
  year: number;
  asOf: string;
  packId: string;
  records: RecordLine[];
  venues: VenueLine[];
  venueChecks: VenueCheckLine[];
  tasks: DueTask[];
  standards: StandardsView;
  /** In January and February, when last year still has something to close. */
  closing?: ClosingView;
  /** When the branch was set up in the app this year and periods before that day are gaps. */
  ledger?: LedgerStartView;
}

/** How long before the 本届 ends the 工作台 starts to say so: time to prepare the 换届选举 (请示, 推荐, 选举大会). */
export const TERM_NOTICE_DAYS = 90;

/**
 * What the 工作台 says of the committee's term on `today` (本届结束日期 of 支部概况, the last day of the term): a warning
 * once it is over (按期换届), a reminder in its last TERM_NOTICE_DAYS days; undefined otherwise.
 */
export function termNotice(
  termEnd: string | undefined,
  today: string,
): { type: 'warning' | 'info'; text: string } | undefined {
  if (!termEnd) return undefined;
  const days = Math.round((Date.parse(`${termEnd}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days < 0) {
    return {
      type: 'warning',
      text: `本届支委会任期已于${cnDate(termEnd)}届满，请按期换届；换届后在「支部概况」中登记新一届支委会成员和任期。`,
    };
  }
  if (days <= TERM_NOTICE_DAYS) {
    return {
      type: 'info',
      text: `本届支委会任期将于${cnDate(termEnd)}届满（${days === 0 ? '今天' : `还有 ${days} 天`}），请提前做好换届准备。`,
    };
  }
  return undefined;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const UNIT_TEXT: Record<PeriodUnit, string> = { month: '个月', quarter: '个季度', half: '个半年', year: '年' };

function unitText(rule: RuleResult['rule']): string {
  if (rule.scope === 'member') return '人';
  if (rule.scope === 'partyGroup') return '项（党小组）';
  return UNIT_TEXT[rule.per];
}

/** 「2025年4月」 → 「4月」: the year is the dashboard's, so it is said once, in the selector. */
function shortLabel(label: string): string {
  return label.replace(/^\d{4}年/, '') || '全年';
}

/** Where the 支部概况 page opens on its 党员名册 tab (BranchPage). */
export const ROSTER_HREF = '#/branch?tab=members';

/** What the line of a rule knows of the branch beyond the rule's result. */
export interface LineContext {
  year: number;
  /** The day the branch was set up in the app, when it falls in the year shown (LedgerStartView). */
  ledgerStart?: string;
  established?: string;
  /** Nobody on the 党员名册 at all (not merely nobody on the roll in the year). */
  rosterEmpty: boolean;
}

/**
 * A rule without periods in the year: a branch founded after it, a per-group rule in a branch without 党小组, a
 * per-member one without members — an empty 党员名册 said as such, with the way to it.
 */
export function notApplicable(
  rule: RuleResult['rule'],
  context: LineContext,
): Pick<RecordLine, 'notDue' | 'notDueLink'> {
  if (context.established && context.established > `${context.year}-12-31`) {
    return { notDue: `本支部成立于${cnDate(context.established)}，本年度不适用` };
  }
  if (rule.scope === 'partyGroup') return { notDue: '未设党小组，不适用' };
  if (rule.scope === 'member' && context.rosterEmpty) {
    return { notDue: '党员名册还没有党员，录入后逐人统计', notDueLink: { href: ROSTER_HREF, text: '去录入党员' } };
  }
  if (rule.scope === 'member') return { notDue: '无在册党员，不适用' };
  return { notDue: '本年度不适用' };
}

/**
 * A year's requirement (组织生活会, 民主评议党员, 党课, 谈心谈话) late in the year: from its last quarter, or with this
 * many days left, the line counts them as 谈心谈话's does rather than saying it is not due.
 */
const YEAR_END_DAYS = 60;

/** 「2 人待谈」, 「1 个党小组待记录」. */
function pendingCount(rule: RuleResult['rule'], n: number): string {
  return rule.scope === 'member' ? `${n} 人待谈` : `${n} 个党小组待记录`;
}

/** Days from today to a period's last day, both included: on its last day, 1. */
const daysLeft = (asOf: string, end: string) => daysBetween(asOf, end) + 1;

/** Names shown in a line before 「等 N 人」: a branch of 40 has 40 names pending in January. */
const PENDING_NAMES = 10;

/** 「尚未谈话：王文静、于勇（本年度还剩 1 天）」, 「尚未记录：第一党小组（6月还剩 16 天）」. */
export function pendingText(rule: RuleResult['rule'], open: RuleResult['periods'], asOf: string): string {
  const names = open.map((p) => p.subject!.name);
  const shown =
    names.length > PENDING_NAMES
      ? `${names.slice(0, PENDING_NAMES).join('、')}等 ${names.length} ${rule.scope === 'member' ? '人' : '个党小组'}`
      : names.join('、');
  const { period } = open[0]!;
  const span = rule.per === 'year' ? '本年度' : shortLabel(period.label);
  return `${rule.scope === 'member' ? '尚未谈话' : '尚未记录'}：${shown}（${span}还剩 ${daysLeft(asOf, period.end)} 天）`;
}

/**
 * Why nothing of the rule is due yet: the days left of a year late in it, else 「本年度尚未到期」. 各支部概览 says the
 * same (overviewData.ts), so the two screens do not call one item 未到期 and the other 还剩 34 天.
 */
export function notDueYet(
  result: RuleResult,
  open: RuleResult['periods'][number] | undefined,
  asOf: string,
  pendingShown: boolean,
): Pick<RecordLine, 'notDue' | 'notDueDaysLeft'> {
  const end = open?.period.end;
  const left = end === undefined ? undefined : daysLeft(asOf, end);
  const late =
    result.rule.per === 'year' && left !== undefined && (asOf >= `${end!.slice(0, 4)}-10-01` || left <= YEAR_END_DAYS);
  if (!late) return { notDue: '本年度尚未到期' };
  // The pending line already says 「（本年度还剩 34 天）」 after the names.
  return pendingShown ? {} : { notDue: `本年度还剩 ${left} 天`, notDueDaysLeft: left };
}

function recordLine(result: RuleResult, asOf: string, drafts: number, context: LineContext): RecordLine {
  const { rule } = result;
  // No member who left during the period is missed or pending (compliance subjectPeriods): a period's last day is a
  // day every subject was on the roll.
  const lastDay = (p: RuleResult['periods'][number]) => p.period.end;
  const miss = (p: RuleResult['periods'][number], date: string): MissLine => ({
    ...(context.ledgerStart && p.period.end < context.ledgerStart ? { beforeLedger: true as const } : {}),
    key: `${p.period.key}:${p.subject?.id ?? ''}`,
    label: p.subject ? `${p.subject.name} ${shortLabel(p.period.label)}` : shortLabel(p.period.label),
    href: recordsHref({
      view: 'new',
      kind: rule.meetingKind,
      date,
      // The form opens with the group or the member the missed period is about.
      ...(p.subject && rule.scope === 'partyGroup' ? { group: p.subject.id } : {}),
      ...(p.subject && rule.scope === 'member' ? { party: p.subject.id } : {}),
    }),
  });
  // A missed period is over, so its last day is a date the record form accepts; the current one is recorded today.
  // Last year's 组织生活会 or 民主评议党员 may still be held until 31 March for it (所属年度): while it can, its 补录 opens
  // on today, and the form then proposes last year as its 所属年度 — not a made-up 31 December.
  const stillHeldFor = (p: RuleResult['periods'][number]) =>
    rule.per === 'year' &&
    YEAR_END_KINDS.includes(rule.meetingKind) &&
    asOf > p.period.end &&
    asOf <= lateRecordsEnd(p.period.end);
  // The count 各支部概览 shows of the branch too (shared/scoring/tally.ts).
  const tally = ruleTally(result, asOf);
  const misses = tally.missed.map((p) => miss(p, stillHeldFor(p) ? asOf : lastDay(p)));
  const currentPeriod = tally.current;
  // Whom a scoped rule's open period still lacks, recorded today.
  const pendingPeriods = tally.pending;
  const pending = pendingPeriods.map((p) => ({
    ...miss(p, lastDay(p) < asOf ? lastDay(p) : asOf),
    label: p.subject!.name,
  }));
  const due = tally.due;
  const count = `${rule.label} ${tally.met}/${due} ${unitText(rule)}`;
  return {
    ruleId: rule.id,
    label: rule.label,
    requirement: rule.requirement,
    met: tally.met,
    required: due,
    text: due === 0 ? rule.label : pending.length > 0 ? `${count}，${pendingCount(rule, pending.length)}` : count,
    ...(due === 0
      ? result.periods.length === 0
        ? notApplicable(rule, context)
        : notDueYet(result, currentPeriod ?? pendingPeriods[0], asOf, pendingPeriods.length > 0)
      : { percent: Math.round((tally.met / due) * 100) }),
    misses,
    ...(currentPeriod ? { current: miss(currentPeriod, asOf) } : {}),
    pending,
    ...(pendingPeriods.length > 0
      ? {
          pendingText: pendingText(rule, pendingPeriods, asOf),
          pendingDaysLeft: daysLeft(asOf, pendingPeriods[0]!.period.end),
        }
      : {}),
    drafts,
    quorumFailures: result.quorumFailures.map((f) => ({
      meetingId: f.meetingId,
      date: f.date,
      topic: f.topic,
      message: f.quorum.message,
      href: recordsHref({ view: 'show', id: f.meetingId }),
    })),
  };
}

/**
 * Reads what the 工作台 shows for a branch-year; every read goes through an index. `closingYear` (January and
 * February: last year) also reads that year's records, for 上一年度收尾.
 */
export async function loadDashboardSources(
  branchId: string,
  year: number,
  asOf: string,
  closingYear?: number,
): Promise<DashboardSources> {
  // Sequential awaits keep every read inside a live query's tracking. The 考评 and 民主评议 are read beside the records,
  // in the first await: in the renderer tests (fake-indexeddb) only that await's reads were tracked, and a 考评 saved
  // while the 工作台 was open did not reach it there. Last year's records and the lists are read there too.
  const [compliance, assessments, memberEvaluations, responsibilities, closing, branch] = await Promise.all([
    loadComplianceSources(branchId, year),
    // Every year's 考评: the one a year counts may be dated in a later year; a branch has a handful a year.
    listAssessments(branchId),
    listMemberEvaluations(branchId, year),
    // Every year's lists (a handful a year): a task of an earlier year is due until done, or followed where carried.
    listAllResponsibilities(branchId),
    closingYear === undefined ? undefined : loadComplianceSources(branchId, closingYear),
    // Its creation: the day the ledger was started here (kept by a restore), for LedgerStartView.
    getBranch(branchId),
  ]);
  const packId = await getRulePackId();
  const venues = await listVenues(branchId);
  const venueChecks = await dueVenueChecks(branchId, addDays(asOf, LOOKAHEAD_DAYS));
  return {
    ...(closing && closingYear !== undefined ? { closing: { year: closingYear, compliance: closing } } : {}),
    compliance,
    ...(branch ? { ledgerStart: chinaToday(new Date(branch.createdAt)) } : {}),
    packId,
    venues: venues.map((v) => ({ id: v.id, name: v.name, checklist: v.checklist })),
    venueChecks,
    responsibilities,
    assessments,
    memberEvaluations,
  };
}

const MISSING: Record<AssessmentKind, string> = {
  自评: '尚未自评',
  上级评定: '尚无上级评定',
  // A 考评 of that kind, not the 争创 campaign's 群众评议 step (a 满意度测评, shown on 学习与争创).
  群众评议: '尚无群众评议考评',
};

/** Each kind's 考评 in the year: the one that counts (countedAssessments, as 历年考评得分 and the 卷宗), or none. */
function assessmentLines(assessments: readonly Assessment[], year: number): AssessmentLine[] {
  const counted = countedAssessments(assessments);
  return ASSESSMENT_KINDS.map((kind): AssessmentLine => {
    const group = counted.get(countedGroupOf({ periodStart: `${year}-01-01`, kind }));
    if (!group) return { kind, text: `${year} 年度${MISSING[kind]}`, count: 0 };
    const a = group.counted;
    const grade = a.grade ? ` · ${a.grade}` : '';
    return {
      kind,
      text: `${kind} ${formatScore(a.total)} 分 / 满分 ${formatScore(a.standardSnapshot.totalScore)}${grade}（${a.date}）`,
      href: standardsHref({ tab: 'assessments', view: 'show', id: a.id }),
      count: group.of,
    };
  });
}

/** The year's 民主评议党员: members graded, else members written up, else not started. */
function evaluationsText(rows: readonly MemberEvaluation[]): string {
  const graded = rows.filter((r) => r.grade !== '').length;
  if (graded > 0) return `已评 ${graded} 人`;
  // The form saves a row for every member on the roster, empty ones too: count the ones with something in them.
  const written = rows.filter(
    (r) => r.selfResult || r.peerResult || r.collectiveResult || r.exemplars.length > 0,
  ).length;
  return written > 0 ? `已录入 ${written} 人，尚未评定等次` : '尚未开展';
}

function standardsView(sources: DashboardSources, year: number): StandardsView {
  return {
    assessments: assessmentLines(sources.assessments, year),
    newHref: standardsHref({ tab: 'assessments', view: 'new' }),
    listHref: standardsHref({ tab: 'assessments', view: 'list' }),
    evaluations: evaluationsText(sources.memberEvaluations),
    evaluationsHref: standardsHref({ tab: 'evaluations', year }),
  };
}

/**
 * The day the branch was set up in the app, when that was during `year` (after its first day): the periods over
 * before it are what she may have held but not yet entered.
 */
export function ledgerStartIn(start: string | undefined, year: number): string | undefined {
  return start && start.startsWith(`${year}-`) && start > `${year}-01-01` ? start : undefined;
}

/** The readiness lines by pillar; runs the compliance engine once. */
export function buildDashboard(sources: DashboardSources, year: number, asOf: string): DashboardView {
  const report = computeCompliance({ ...sources.compliance, asOf, pack: getRulePack(sources.packId) });
  const names = new Map(sources.venues.map((v) => [v.id, v.name]));
  const closing = closingView(sources, asOf);
  const ledgerStart = ledgerStartIn(sources.ledgerStart, year);
  const established = establishedOf(sources.compliance.branch);
  const context: LineContext = {
    year,
    ...(ledgerStart ? { ledgerStart } : {}),
    ...(established ? { established } : {}),
    rosterEmpty: sources.compliance.members.length === 0,
  };
  const records = report.rules.map((r) =>
    recordLine(
      r,
      asOf,
      sources.compliance.meetings.filter((m) => m.kind === r.rule.meetingKind && m.status === '草稿').length,
      context,
    ),
  );
  const earlier = report.rules
    .map((r, i) => ({ rule: r.rule, gaps: records[i]!.misses.filter((m) => m.beforeLedger).length }))
    .filter((r) => r.gaps > 0);
  const earlierGaps = earlier.reduce((n, r) => n + r.gaps, 0);
  return {
    year,
    asOf,
    packId: report.packId,
    records,
    ...(ledgerStart && earlierGaps > 0
      ? {
          ledger: {
            start: ledgerStart,
            note: `本支部于${cnDate(ledgerStart)}开始使用台账：此前月份如已开展，请逐项补录；未补录的仍按未开展统计`,
            gaps: earlierGaps,
            summary: `开始使用台账前未补录 ${earlierGaps} 项：${earlier
              .map((r) => `${r.rule.label} ${r.gaps} ${missedUnit(r.rule)}`)
              .join('、')}`,
          },
        }
      : {}),
    venues: sources.venues.map((v) => ({
      id: v.id,
      name: v.name,
      ...sevenHavesProgress(v),
      href: venueHref({ view: 'venue', id: v.id }),
    })),
    venueChecks: sources.venueChecks
      .filter((c) => c.nextDueDate)
      .map((c) => ({
        venueId: c.venueId,
        venueName: names.get(c.venueId) ?? '未知阵地',
        nextDueDate: c.nextDueDate!,
        overdue: daysBetween(c.nextDueDate!, asOf) > 0,
        href: venueHref({ view: 'venue', id: c.venueId }),
      })),
    tasks: dueTasksOf(followedTaskLists(sources.responsibilities, year), asOf, LOOKAHEAD_DAYS),
    standards: standardsView(sources, year),
    ...(closing ? { closing } : {}),
  };
}

/** The unit of a count by rule, without the line's 「（党小组）」: 「支委会 2 个月、党小组会 6 项」. */
function missedUnit(rule: RuleResult['rule']): string {
  return rule.scope === 'partyGroup' ? '项' : unitText(rule);
}

/**
 * What last year still lacks, or undefined when nothing: its drafts, its missed periods, overdue tasks and a missing
 * 自评 or 上级评定. A year without a single record says nothing (the branch kept no ledger here then, or did not exist):
 * every period of it would read as missed.
 */
function closingView(sources: DashboardSources, asOf: string): ClosingView | undefined {
  if (!sources.closing || sources.closing.compliance.meetings.length === 0) return undefined;
  const { year, compliance } = sources.closing;
  const report = computeCompliance({ ...compliance, asOf, pack: getRulePack(sources.packId) });
  const missedRules = report.rules.filter((r) => r.missed.length > 0);
  const overdue = dueTasksOf(followedTaskLists(sources.responsibilities, year), asOf, 0).filter((t) => t.overdue);
  const assessments = assessmentLines(sources.assessments, year)
    .filter((line) => line.kind !== '群众评议' && line.count === 0)
    .map((line) => line.text);
  const view: ClosingView = {
    year,
    drafts: compliance.meetings.filter((m) => m.status === '草稿').length,
    draftsHref: recordsHref({ view: 'list', filter: { year, status: '草稿' } }),
    missed: missedRules.reduce((n, r) => n + r.missed.length, 0),
    missedText: missedRules.map((r) => `${r.rule.label} ${r.missed.length} ${missedUnit(r.rule)}`).join('、'),
    missedHref: yearHref('home', year),
    overdueTasks: overdue.length,
    tasksHref: responsibilityHref(year),
    assessments,
    newAssessmentHref: standardsHref({ tab: 'assessments', view: 'new' }),
  };
  const open = view.drafts + view.missed + view.overdueTasks + view.assessments.length;
  return open > 0 ? view : undefined;
}

/** Both steps at once (tests, and any caller outside React). */
export async function loadDashboard(
  branchId: string,
  year: number,
  asOf: string,
  closingYear?: number,
): Promise<DashboardView> {
  return buildDashboard(await loadDashboardSources(branchId, year, asOf, closingYear), year, asOf);
}
