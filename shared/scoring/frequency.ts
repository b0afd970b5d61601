// Scores a frequency-tier standard item (e.g. 支委会 每月1次 2分 / 每季度 1分 / 偶尔 0.5分 / 不开 0分) from the records,
// returning the evidence: exactly the meetings that earned the tier.
import type { MeetingKind } from '../domain/vocab';
import { periodsBetween } from '../rules/periods';

export interface FrequencyTier {
  label: string;
  per: 'month' | 'quarter' | 'half' | 'year' | 'total';
  minCount: number;
  score: number;
}

export interface FrequencyItemRule {
  meetingKind: MeetingKind;
  tiers: readonly FrequencyTier[];
}

export interface FrequencyScore {
  score: number;
  /** The tier reached, or undefined when none is (then the score is 0). */
  tier?: FrequencyTier;
  /** Meetings of the kind in the period: the evidence behind the score. */
  evidenceIds: string[];
  /** Chinese explanation for the drill-down, e.g. 「12 个月中 10 个月有记录」. */
  explanation: string;
}

const UNIT_NAMES = { month: '个月', quarter: '个季度', half: '个半年', year: '年' } as const;

function tierReached(tier: FrequencyTier, dates: readonly string[], from: string, to: string) {
  if (tier.per === 'total') return { ok: dates.length >= tier.minCount, covered: dates.length, total: 1 };
  const periods = periodsBetween(tier.per, from, to);
  const covered = periods.filter((p) => dates.filter((d) => d >= p.start && d <= p.end).length >= tier.minCount).length;
  return { ok: covered === periods.length, covered, total: periods.length };
}

export function scoreFrequencyItem(
  rule: FrequencyItemRule,
  meetings: readonly { id: string; kind: string; date: string }[],
  from: string,
  to: string,
): FrequencyScore {
  const relevant = meetings
    .filter((m) => m.kind === rule.meetingKind && m.date >= from && m.date <= to)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const dates = relevant.map((m) => m.date);
  const evidenceIds = relevant.map((m) => m.id);
  const tiers = [...rule.tiers].sort((a, b) => b.score - a.score);
  const months = periodsBetween('month', from, to);
  const monthsCovered = months.filter((p) => dates.some((d) => d >= p.start && d <= p.end)).length;
  const base = `期间共 ${relevant.length} 次${rule.meetingKind}，${months.length} ${UNIT_NAMES.month}中 ${monthsCovered} 个月有记录`;
  for (const tier of tiers) {
    const reached = tierReached(tier, dates, from, to);
    if (reached.ok) return { score: tier.score, tier, evidenceIds, explanation: `${base}，达到「${tier.label}」档` };
  }
  return { score: 0, evidenceIds, explanation: `${base}，未达到任何档次` };
}
