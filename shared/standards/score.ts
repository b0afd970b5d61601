// Scoring an assessment against a standard: automatic item scores (frequency tiers from the records, the 七有 checklist
// from the main venue), checks on typed scores and overrides, the total and the grade. Pure and synchronous.
import { SEVEN_HAVES } from '../domain/vocab';
import type { GradeBand, StandardItem, Venue } from '../schemas/entities';
import { scoreFrequencyItem } from '../scoring/frequency';

/** Scores are kept to two decimals (half points are common; thirds of a checklist are not worth more precision). */
export function roundScore(value: number): number {
  return Math.round(value * 100) / 100;
}

/** 2 → "2", 0.5 → "0.5", 1.25 → "1.25". */
export function formatScore(value: number): string {
  return String(roundScore(value));
}

export type ScoringVenue = Pick<Venue, 'id' | 'name' | 'kind' | 'checklist' | 'createdAt'>;
export interface ScoringMeeting {
  id: string;
  kind: string;
  date: string;
}

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
  const result = scoreFrequencyItem(rule, context.meetings, context.from, context.to);
  // A tier can never give more than the item is worth, even if a hand-edited standard slipped past validation.
  const score = roundScore(Math.min(result.score, item.maxScore));
  return { score, evidenceIds: result.evidenceIds, explanation: `${result.explanation}，得 ${formatScore(score)} 分` };
}

export interface ScoreCheck {
  score: number;
  autoScore?: number;
  overrideReason?: string;
}

/** Chinese problems with one item's score: out of range, or an automatic score changed without a reason. */
export function itemScoreProblems(item: Pick<StandardItem, 'code' | 'content' | 'maxScore'>, check: ScoreCheck) {
  const problems: { field: 'score' | 'overrideReason'; message: string }[] = [];
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
  return problems;
}

export function totalOf(scores: readonly { score: number }[]): number {
  return roundScore(scores.reduce((n, s) => n + s.score, 0));
}

/** The band whose threshold the total reaches, highest first; '' when no band applies. */
export function gradeOf(total: number, grades: readonly GradeBand[]): string {
  return [...grades].sort((a, b) => b.minScore - a.minScore).find((g) => total >= g.minScore)?.label ?? '';
}
