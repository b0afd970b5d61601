// Scoring an assessment against a standard: automatic item scores (frequency tiers from the records, the 七有 checklist
// from the main venue), checks on typed scores and overrides, the total and the grade. Pure and synchronous.
import { SEVEN_HAVES } from '../domain/vocab';
import type { GradeBand, StandardItem, Venue } from '../schemas/entities';
import type { SubjectRoster } from '../scoring/compliance';
import { scoreFrequencyItem, type FrequencyMeeting } from '../scoring/frequency';

/**
 * Scores are kept to two decimals (half points are common; thirds of a checklist are not worth more precision),
 * rounded half up as written: 1.025 → 1.03, as the score box itself rounds it (1.025 × 100 is 102.4999… in binary,
 * which plain Math.round would take down to 1.02).
 */
export function roundScore(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}

/** 2 → "2", 0.5 → "0.5", 1.25 → "1.25". */
export function formatScore(value: number): string {
  return String(roundScore(value));
}

export type ScoringVenue = Pick<Venue, 'id' | 'name' | 'kind' | 'checklist' | 'createdAt'>;
/** A record as frequency items read it: its 党小组, attendance and 谈话对象 decide whom a scoped item counts it for. */
export type ScoringMeeting = FrequencyMeeting;

/** The venue a branch's 七有 is judged by: its first 党员活动室, or its first venue of any kind. */
export function mainVenueOf<V extends ScoringVenue>(venues: readonly V[]): V | undefined {
  const byAge = [...venues].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return byAge.find((v) => v.kind === '党员活动室') ?? byAge[0];
}

export interface AutoItemScore {
  score: number;
  evidenceIds: string[];
  explanation: string;
}

export interface AutoContext {
  meetings: readonly ScoringMeeting[];
  venue?: ScoringVenue;
  /** The branch's 党小组 and members: 党小组会 and 谈心谈话 items are judged per group and per member. */
  roster?: SubjectRoster;
  /** The branch's 成立日期, if recorded: periods that ended before it are not judged. */
  established?: string;
  from: string;
  to: string;
}

/** Proportional to the 七有 items met at the main venue; the evidence is the venue itself. */
export function checklistItemScore(maxScore: number, venue: ScoringVenue | undefined): AutoItemScore {
  if (!venue) return { score: 0, evidenceIds: [], explanation: '尚未登记活动阵地，“七有”无从核对，得 0 分' };
  const met = SEVEN_HAVES.filter((s) => venue.checklist.some((c) => c.key === s.key && c.ok)).length;
  const score = roundScore((maxScore * met) / SEVEN_HAVES.length);
  return {
    score,
    evidenceIds: [venue.id],
    explanation: `主阵地“${venue.name}”“七有” ${SEVEN_HAVES.length} 项中达到 ${met} 项，得 ${formatScore(score)} 分`,
  };
}

/** The automatic score of an item, or undefined for a manual item (typed by the assessor). */
export function autoScoreItem(item: StandardItem, context: AutoContext): AutoItemScore | undefined {
  const { rule } = item;
  if (rule.kind === 'manual') return undefined;
  if (rule.kind === 'checklist') return checklistItemScore(item.maxScore, context.venue);
  const result = scoreFrequencyItem(
    rule,
    context.meetings,
    context.from,
    context.to,
    context.roster,
    context.established,
  );
  // A tier can never give more than the item is worth, even if a hand-edited standard slipped past validation.
  const score = roundScore(Math.min(result.score, item.maxScore));
  return { score, evidenceIds: result.evidenceIds, explanation: `${result.explanation}，得 ${formatScore(score)} 分` };
}

export interface ScoreCheck {
  score: number;
  /** The automatic score; absent for a manual item. */
  autoScore?: number;
  overrideReason?: string;
  /**
   * The item's 评语/扣分说明. When given, a manual item scored below its 满分 must have one: the deduction is what an
   * inspector asks about (an automatic item's deduction is explained by its records).
   */
  comment?: string;
}

/**
 * Chinese problems with one item's score: out of range, an automatic score changed without a reason, or a manual
 * item's deduction without a 扣分说明.
 */
export function itemScoreProblems(item: Pick<StandardItem, 'code' | 'content' | 'maxScore'>, check: ScoreCheck) {
  const problems: { field: 'score' | 'overrideReason' | 'comment'; message: string }[] = [];
  const label = `“${item.code} ${item.content}”`;
  if (!Number.isFinite(check.score)) problems.push({ field: 'score', message: `请填写${label}的得分` });
  else if (check.score < 0) problems.push({ field: 'score', message: `${label}得分不能为负数` });
  else if (roundScore(check.score) > item.maxScore) {
    problems.push({
      field: 'score',
      message: `${label}得分 ${formatScore(check.score)} 分超过该项满分 ${formatScore(item.maxScore)} 分`,
    });
  }
  if (
    check.autoScore !== undefined &&
    roundScore(check.score) !== roundScore(check.autoScore) &&
    !check.overrideReason?.trim()
  ) {
    problems.push({ field: 'overrideReason', message: `调整自动得分须填写理由：${label}` });
  }
  if (
    check.autoScore === undefined &&
    check.comment !== undefined &&
    Number.isFinite(check.score) &&
    check.score >= 0 &&
    roundScore(check.score) < item.maxScore &&
    !check.comment.trim()
  ) {
    problems.push({ field: 'comment', message: `得分低于满分，须填写扣分说明：${label}` });
  }
  return problems;
}

/**
 * The total as stored: each item rounded to two decimals first, then summed (and the sum rounded). The 考评 form's
 * preview and the repository both use it, so 1.025 + 4.975 is never 6 on screen and 5.99 when saved.
 */
export function totalOf(scores: readonly { score: number }[]): number {
  return roundScore(scores.reduce((n, s) => n + roundScore(s.score), 0));
}

/**
 * The step of a standard's score boxes (the ↑/↓ keys and arrows): half a point when the standard itself uses half
 * points anywhere (a 满分, a tier, a grade threshold or a method such as 「缺一项扣0.5分」), else one point.
 */
export function scoreStepOf(standard: { items: readonly StandardItem[]; grades: readonly GradeBand[] }): number {
  const fractional = (n: number) => !Number.isInteger(n);
  const half =
    standard.items.some(
      (item) =>
        fractional(item.maxScore) ||
        /\d\.5\s*分|半分/.test(item.method) ||
        (item.rule.kind === 'frequency' && item.rule.tiers.some((t) => fractional(t.score))),
    ) || standard.grades.some((g) => fractional(g.minScore));
  return half ? 0.5 : 1;
}

/** The band whose threshold the total reaches, highest first; '' when no band applies. */
export function gradeOf(total: number, grades: readonly GradeBand[]): string {
  return [...grades].sort((a, b) => b.minScore - a.minScore).find((g) => total >= g.minScore)?.label ?? '';
}
