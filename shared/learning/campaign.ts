// 争创活动 rules, pure: phase order, the current phase, the six steps' progress, the 群众满意率 and competition kinds.
import {
  CAMPAIGN_PHASES,
  CAMPAIGN_STEPS,
  SATISFACTION_LEVELS,
  type CampaignPhase,
  type CampaignStep,
} from '../domain/vocab';

/** The default name, as the source document writes it. */
export const DEFAULT_CAMPAIGN_NAME = '争做×先锋';

/** The three standards of 作风效能 the 群众评议 step is measured against (source document wording). */
export const SATISFACTION_MOTTO = '群众满意是尺子、社会评价是台子、服务优质是金子';

/** 一抓好四深化's 岗位练兵技能比武 slogan. */
export const COMPETITION_MOTTO = '练硬功、打擂台、强技能、出人才';
export const COMPETITION_KINDS = ['岗位练兵', '技能比武', '知识竞赛', '其他'] as const;
export type CompetitionKind = (typeof COMPETITION_KINDS)[number];

/** The phase whose dates bound the 公开承诺. */
export const ACTIVE_PHASE: CampaignPhase = '全面争创';

export interface PhaseDates {
  phase: CampaignPhase;
  start?: string;
  end?: string;
}

export interface PhaseIssue {
  /** Dotted path into the phases array, e.g. `phases.2.end`. */
  path: string;
  message: string;
}

/**
 * The four phases must be given in order, each with both dates, each end ≥ its start, and each starting after the
 * previous one ended (no overlap). Returns every problem, in Chinese.
 */
export function phaseIssues(phases: readonly PhaseDates[]): PhaseIssue[] {
  const issues: PhaseIssue[] = [];
  CAMPAIGN_PHASES.forEach((name, i) => {
    const p = phases[i];
    if (!p || p.phase !== name) {
      issues.push({ path: `phases.${i}.phase`, message: `第 ${i + 1} 个阶段应为“${name}”` });
      return;
    }
    if (!p.start) issues.push({ path: `phases.${i}.start`, message: `请填写“${name}”阶段的开始日期` });
    if (!p.end) issues.push({ path: `phases.${i}.end`, message: `请填写“${name}”阶段的结束日期` });
    if (p.start && p.end && p.end < p.start) {
      issues.push({ path: `phases.${i}.end`, message: `“${name}”阶段的结束日期不能早于开始日期` });
    }
    const prev = phases[i - 1];
    if (i > 0 && prev?.end && p.start && p.start <= prev.end) {
      issues.push({
        path: `phases.${i}.start`,
        message: `“${name}”阶段应在“${prev.phase}”阶段结束（${prev.end}）之后开始，阶段不能重叠`,
      });
    }
  });
  return issues;
}

/** Whether two phase lists give the same dates to the same phases (a campaign edit that only renames keeps them). */
export function samePhases(a: readonly PhaseDates[], b: readonly PhaseDates[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return p.phase === q.phase && (p.start ?? '') === (q.start ?? '') && (p.end ?? '') === (q.end ?? '');
    })
  );
}

export function activePhaseOf(phases: readonly PhaseDates[]): PhaseDates | undefined {
  return phases.find((p) => p.phase === ACTIVE_PHASE);
}

/** The steps whose records carry a date of their own. */
export type DatedStep = Extract<CampaignStep, '公开承诺' | '领导点评' | '评选表彰'>;

/**
 * The first and last phase a dated step's records may fall in. Members commit while 全面争创 runs; leaders review and
 * the branch commends through 完善提升 as well, where the year-end 评选表彰 falls (the sample's awards: 12-28).
 */
export const STEP_DATE_PHASES: Readonly<Record<DatedStep, readonly [CampaignPhase, CampaignPhase]>> = {
  公开承诺: ['全面争创', '全面争创'],
  领导点评: ['全面争创', '完善提升'],
  评选表彰: ['全面争创', '完善提升'],
};

export interface StepDateSpan {
  /** The phase whose start opens the span, and its index in CAMPAIGN_PHASES. */
  from: CampaignPhase;
  fromIndex: number;
  /** The phase whose end closes the span, and its index. */
  to: CampaignPhase;
  toIndex: number;
  start?: string;
  end?: string;
}

/** Where `step`'s records may be dated in this campaign: from its first phase's start to its last phase's end. */
export function stepDateSpan(phases: readonly PhaseDates[], step: DatedStep): StepDateSpan {
  const [from, to] = STEP_DATE_PHASES[step];
  return {
    from,
    fromIndex: CAMPAIGN_PHASES.indexOf(from),
    to,
    toIndex: CAMPAIGN_PHASES.indexOf(to),
    start: phases.find((p) => p.phase === from)?.start,
    end: phases.find((p) => p.phase === to)?.end,
  };
}

/** 「“全面争创”阶段（2025-03-16至2025-10-31）」 or 「“全面争创”至“完善提升”阶段（2025-03-16至2025-12-31）」. */
export function stepSpanLabel(phases: readonly PhaseDates[], step: DatedStep): string {
  const s = stepDateSpan(phases, step);
  const names = s.from === s.to ? `“${s.from}”` : `“${s.from}”至“${s.to}”`;
  return `${names}阶段（${s.start || '未设定'}至${s.end || '未设定'}）`;
}

/**
 * The date a new `step` record starts with: today while its span runs (or its dates are not set), else the span's
 * nearest end — a 2025 campaign's 表彰 entered in 2026 starts on its last day, a date the step accepts, not today.
 */
export function defaultStepDate(phases: readonly PhaseDates[], step: DatedStep, today: string): string {
  const s = stepDateSpan(phases, step);
  if (s.end && today > s.end) return s.end;
  if (s.start && today < s.start) return s.start;
  return today;
}

export function isInStepSpan(phases: readonly PhaseDates[], step: DatedStep, date: string): boolean {
  const s = stepDateSpan(phases, step);
  return Boolean(s.start && s.end && date >= s.start && date <= s.end);
}

/** The refusal for a `step` record dated outside its span, naming the phases and their dates. */
export function outsideStepSpanMessage(phases: readonly PhaseDates[], step: DatedStep): string {
  return `日期不在${stepSpanLabel(phases, step)}内`;
}

/** The refusal for a 公开承诺 dated outside 全面争创, naming the phase's dates. */
export function outsideActivePhaseMessage(phases: readonly PhaseDates[]): string {
  return outsideStepSpanMessage(phases, '公开承诺');
}

/** Whether a 公开承诺 may be dated `date`: inside 全面争创. */
export function isInActivePhase(phases: readonly PhaseDates[], date: string): boolean {
  return isInStepSpan(phases, '公开承诺', date);
}

/**
 * Where the campaign stands on `today`: the index of the phase containing it; between two phases, the next one
 * (-0.5 steps are shown as "waiting"); 'before' / 'after' outside all of them.
 */
export function phaseProgress(
  phases: readonly PhaseDates[],
  today: string,
): { current: number; state: 'before' | 'in' | 'between' | 'after' } {
  const dated = phases.filter((p) => p.start && p.end);
  if (dated.length === 0) return { current: 0, state: 'before' };
  if (today < dated[0]!.start!) return { current: 0, state: 'before' };
  for (let i = 0; i < phases.length; i++) {
    const p = phases[i]!;
    if (p.start && p.end && today >= p.start && today <= p.end) return { current: i, state: 'in' };
    if (p.start && today < p.start) return { current: i, state: 'between' };
  }
  return { current: phases.length - 1, state: 'after' };
}

export interface SatisfactionCount {
  level: (typeof SATISFACTION_LEVELS)[number];
  count: number;
}

export interface SatisfactionResult {
  total: number;
  /** (满意 + 基本满意) / total, or null when nobody has been asked. */
  rate: number | null;
  /** 「群众满意率 92.3%」 or 「暂无评议」. */
  label: string;
}

export function satisfactionRate(counts: readonly SatisfactionCount[]): SatisfactionResult {
  const of = (level: SatisfactionCount['level']) =>
    counts.filter((c) => c.level === level).reduce((n, c) => n + c.count, 0);
  const total = SATISFACTION_LEVELS.reduce((n, level) => n + of(level), 0);
  if (total === 0) return { total, rate: null, label: '暂无评议' };
  const rate = (of('满意') + of('基本满意')) / total;
  return { total, rate, label: `群众满意率 ${(Math.round(rate * 1000) / 10).toFixed(1)}%` };
}

/** What each of the six steps needs to count as done. */
export interface CampaignStepSource {
  commitments: readonly unknown[];
  linkedMeetingIds: readonly string[];
  reviews: readonly unknown[];
  satisfaction: readonly SatisfactionCount[];
  assessmentId: string;
  awards: readonly unknown[];
}

export function stepsDone(c: CampaignStepSource): { step: CampaignStep; done: boolean }[] {
  const done: Record<CampaignStep, boolean> = {
    公开承诺: c.commitments.length > 0,
    积极争创: c.linkedMeetingIds.length > 0,
    领导点评: c.reviews.length > 0,
    群众评议: satisfactionRate(c.satisfaction).total > 0,
    量化考评: c.assessmentId !== '',
    评选表彰: c.awards.length > 0,
  };
  return CAMPAIGN_STEPS.map((step) => ({ step, done: done[step] }));
}
