// Frequency-tier scoring of standard items: the tier reached and exactly the records that earn it.
import { describe, expect, it } from 'vitest';
import { scoreFrequencyItem, type FrequencyTier } from '../../../shared/scoring/frequency';

const committeeTiers: FrequencyTier[] = [
  { label: '每月1次', per: 'month', minCount: 1, score: 2 },
  { label: '每季度1次', per: 'quarter', minCount: 1, score: 1 },
  { label: '偶尔', per: 'total', minCount: 1, score: 0.5 },
  { label: '不开', per: 'total', minCount: 0, score: 0 },
];
const months = (list: number[], kind = '支委会') =>
  list.map((m) => ({ id: `${kind}-${m}`, kind, date: `2025-${String(m).padStart(2, '0')}-10` }));
const all = Array.from({ length: 12 }, (_, i) => i + 1);

describe('scoreFrequencyItem', () => {
  it.each([
    ['every month', all, 2, '每月1次'],
    ['two months missed, every quarter covered', all.filter((m) => m !== 3 && m !== 8), 1, '每季度1次'],
    ['a quarter without any', [1, 2, 3, 4, 5, 6, 7, 8, 9], 0.5, '偶尔'],
    ['never', [], 0, '不开'],
  ])('%s → %s points', (_name, list, score, label) => {
    const r = scoreFrequencyItem(
      { meetingKind: '支委会', tiers: committeeTiers },
      months(list),
      '2025-01-01',
      '2025-12-31',
    );
    expect(r.score).toBe(score);
    expect(r.tier?.label).toBe(label);
    expect(r.evidenceIds).toEqual(months(list).map((m) => m.id));
  });

  it('ignores other kinds and records outside the period in the evidence', () => {
    const meetings = [...months([1, 2]), ...months([3], '党课'), { id: 'old', kind: '支委会', date: '2024-12-31' }];
    const r = scoreFrequencyItem(
      { meetingKind: '支委会', tiers: committeeTiers },
      meetings,
      '2025-01-01',
      '2025-12-31',
    );
    expect(r.evidenceIds).toEqual(['支委会-1', '支委会-2']);
    expect(r.explanation).toContain('12 个月中 2 个月有记录');
  });

  it('gives 0 without a tier when no tier is reachable', () => {
    const r = scoreFrequencyItem(
      { meetingKind: '支委会', tiers: [committeeTiers[0]!] },
      [],
      '2025-01-01',
      '2025-12-31',
    );
    expect(r.score).toBe(0);
    expect(r.tier).toBeUndefined();
    expect(r.explanation).toContain('未达到任何档次');
  });
});
