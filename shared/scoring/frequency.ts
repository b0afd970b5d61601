// Scores a frequency-tier standard item (e.g. 支委会 每月1次 2分 / 每季度 1分 / 偶尔 0.5分 / 不开 0分) from the records,
// returning the evidence: exactly the meetings that earned the tier. A kind the rule packs check per 党小组 or per
// member (党小组会, 谈心谈话) reaches a tier only when every group or member does, as the 工作台 counts it.
import { countsWithin } from '../domain/recordYear';
import type { MeetingKind } from '../domain/vocab';
import type { RuleScope } from '../rules/packs';
import { periodsBetween } from '../rules/periods';
import { scopeOfKind, subjectPeriods, type ScopedMeeting, type SubjectPeriod, type SubjectRoster } from './compliance';

export interface FrequencyTier {
  label: string;
  per: 'month' | 'quarter' | 'half' | 'year' | 'total';
  minCount: number;
  score: number;
}

export interface FrequencyItemRule {
  meetingKind: MeetingKind;
  tiers: readonly FrequencyTier[];
  /** Whom every tier must hold for; by default the scope the rule packs give the kind. */
  scope?: RuleScope;
}

export type FrequencyMeeting = ScopedMeeting & { kind: string };

export interface FrequencyScore {
  score: number;
  /** The tier reached, or undefined when none is (then the score is 0) or the item does not apply. */
  tier?: FrequencyTier;
  /** A per-group item in a branch without 党小组, a per-member one without members: not judged, scored in full. */
  notApplicable?: true;
  /** Meetings of the kind in the period that count (for some group or member when scoped): the evidence. */
  evidenceIds: string[];
  /** Chinese explanation for the drill-down, e.g. 「12 个月中 10 个月有记录」. */
  explanation: string;
}

interface Span {
  label: string;
  start: string;
  end: string;
}

const SUBJECT_WORDS = {
  partyGroup: { noun: '党小组', measure: '个', each: '各党小组', none: '未设党小组' },
  member: { noun: '党员', measure: '名', each: '全体党员', none: '期间无在册党员' },
} as const;

function tierSpans(tier: FrequencyTier, from: string, to: string): Span[] {
  return tier.per === 'total' ? [{ label: '', start: from, end: to }] : periodsBetween(tier.per, from, to);
}

/** 「2025年2月」 → 「2月」 inside a one-year range; the year alone, or the whole range, needs no label at all. */
function shortLabel(span: Span, from: string, to: string): string {
  if (from.slice(0, 4) !== to.slice(0, 4)) return span.label;
  return span.label.slice(from.slice(0, 4).length + 1);
}

/**
 * 「3 个党小组中 1 个达到「每月1次」（第二党小组缺 2月、8月；第三党小组无记录）」: who falls short of the top tier,
 * and in which periods when the tier has more than one in the range.
 */
function shortfallText(
  scope: 'partyGroup' | 'member',
  top: FrequencyTier,
  topLines: readonly SubjectPeriod<Span>[],
  wholeLines: readonly SubjectPeriod<Span>[],
  from: string,
  to: string,
): string {
  const words = SUBJECT_WORDS[scope];
  const short = wholeLines.flatMap(({ subject, meetingIds }) => {
    const failed = topLines.filter((l) => l.subject?.id === subject?.id && !l.met);
    if (!subject || failed.length === 0) return [];
    const labels = failed.map((l) => shortLabel(l.period, from, to)).filter(Boolean);
    if (meetingIds.length === 0) return [`${subject.name}无记录`];
    if (labels.length === 0) return [subject.name];
    const months = labels.join('、');
    return [top.minCount === 1 ? `${subject.name}缺 ${months}` : `${subject.name} ${months}不足 ${top.minCount} 次`];
  });
  const all = wholeLines.length;
  if (short.length === 0) return `${all} ${words.measure}${words.noun}均达到「${top.label}」`;
  return `${all} ${words.measure}${words.noun}中 ${all - short.length} ${words.measure}达到「${top.label}」（${short.join('；')}）`;
}

export function scoreFrequencyItem(
  rule: FrequencyItemRule,
  meetings: readonly FrequencyMeeting[],
  from: string,
  to: string,
  /** The branch's 党小组 and members; without it every kind is counted branch-wide. */
  roster?: SubjectRoster,
  /** The branch's 成立日期: a period that ended before it asks nothing (the one it was founded in does), as on the 工作台. */
  established?: string,
): FrequencyScore {
  const due = (spans: readonly Span[]) => (established ? spans.filter((span) => span.end >= established) : spans);
  const relevant = meetings
    .filter((m) => m.kind === rule.meetingKind && countsWithin(m, from, to))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const scope = roster ? (rule.scope ?? scopeOfKind(rule.meetingKind)) : 'branch';
  const subjects = roster ?? { partyGroups: [], members: [] };
  const tiers = [...rule.tiers].sort((a, b) => b.score - a.score);
  const linesOf = (min: number, spans: readonly Span[]) => subjectPeriods(scope, min, relevant, subjects, spans);
  // Per subject over the whole range: who is judged, and which records count for anyone (the evidence).
  const wholeLines = linesOf(0, [{ label: '', start: from, end: to }]);
  const counting = new Set(wholeLines.flatMap((l) => l.meetingIds));
  const evidenceIds = relevant.filter((m) => counting.has(m.id)).map((m) => m.id);
  const top = tiers[0];
  if (scope !== 'branch' && wholeLines.length === 0) {
    return {
      score: top?.score ?? 0,
      notApplicable: true,
      evidenceIds,
      explanation: `${SUBJECT_WORDS[scope].none}，本项不适用，按满分计`,
    };
  }
  const reached = tiers.find((tier) => linesOf(tier.minCount, due(tierSpans(tier, from, to))).every((l) => l.met));
  const result = (explanation: string): FrequencyScore =>
    reached
      ? { score: reached.score, tier: reached, evidenceIds, explanation }
      : { score: 0, evidenceIds, explanation };
  const head = `期间共 ${evidenceIds.length} 次${rule.meetingKind}`;
  if (!top) return result(`${head}，未设档次`);
  if (scope === 'branch') {
    const months = linesOf(1, due(periodsBetween('month', from, to)));
    const base = `${head}，${months.length} 个月中 ${months.filter((l) => l.met).length} 个月有记录`;
    return result(reached ? `${base}，达到「${reached.label}」档` : `${base}，未达到任何档次`);
  }
  const base = `${head}，${shortfallText(scope, top, linesOf(top.minCount, due(tierSpans(top, from, to))), wholeLines, from, to)}`;
  if (reached === top) return result(`${base}档`);
  const each = SUBJECT_WORDS[scope].each;
  return result(
    reached ? `${base}，${each}均达到「${reached.label}」档` : `${base}，未达到任何档次（须${each}都达到）`,
  );
}
