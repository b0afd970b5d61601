// Automatic item scores against fixtures: a year of 支委会 by tier with exactly the counting records as evidence,
// the 七有 checklist item, score checks, totals and grades.
import { describe, expect, it } from 'vitest';
import { SEVEN_HAVE_KEYS } from '../../../shared/domain/vocab';
import type { StandardItem } from '../../../shared/schemas/entities';
import {
  BUILT_IN_STANDARDS,
  DEFAULT_GRADES,
  autoScoreItem,
  gradeOf,
  itemScoreProblems,
  mainVenueOf,
  totalOf,
  type ScoringVenue,
} from '../../../shared/standards';

const standardization = BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === 'standardization')!.fields;
const committeeItem = standardization.items.find(
  (i) => i.rule.kind === 'frequency' && i.rule.meetingKind === '支委会',
)!;
const venueItem = standardization.items.find((i) => i.rule.kind === 'checklist')!;

const YEAR = { from: '2025-01-01', to: '2025-12-31' };

/** One 支委会 on the 15th of each listed month of 2025, plus noise that must not count. */
function committeeMeetings(months: number[]) {
  const own = months.map((m) => ({ id: `zwh-${m}`, kind: '支委会', date: `2025-${String(m).padStart(2, '0')}-15` }));
  const noise = [
    { id: 'other-kind', kind: '党小组会', date: '2025-03-03' },
    { id: 'last-year', kind: '支委会', date: '2024-12-31' },
    { id: 'next-year', kind: '支委会', date: '2026-01-01' },
  ];
  return { own, all: [...noise, ...own] };
}

const venue = (met: number, overrides: Partial<ScoringVenue> = {}): ScoringVenue => ({
  id: 'v1',
  name: '党员活动室',
  kind: '党员活动室',
  createdAt: '2025-01-01T00:00:00.000Z',
  checklist: SEVEN_HAVE_KEYS.map((key, i) => ({ key, ok: i < met, note: '', attachmentIds: [] })),
  ...overrides,
});

describe('frequency items (支委会 每月1次 2分 / 每季度 1分 / 偶尔 0.5分 / 不开 0分)', () => {
  it.each([
    { name: 'every month', months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], score: 2, tier: '每月1次' },
    {
      name: 'two missed months, every quarter covered',
      months: [1, 2, 4, 5, 6, 7, 8, 9, 11, 12],
      score: 1,
      tier: '每季度1次',
    },
    { name: 'a whole quarter missed', months: [1, 2, 3, 4, 5, 6, 10], score: 0.5, tier: '偶尔召开' },
    { name: 'none', months: [], score: 0, tier: '不开' },
  ])('$name → $score', ({ months, score, tier }) => {
    const { own, all } = committeeMeetings(months);
    const result = autoScoreItem(committeeItem, { meetings: all, ...YEAR })!;
    expect(result.score).toBe(score);
    expect(result.evidenceIds).toEqual(own.map((m) => m.id));
    expect(result.explanation).toContain(`达到「${tier}」档`);
  });

  it('explains a year with two missed months in the words of the drill-down', () => {
    const { all } = committeeMeetings([1, 2, 4, 5, 6, 7, 8, 9, 11, 12]);
    const result = autoScoreItem(committeeItem, { meetings: all, ...YEAR })!;
    expect(result.explanation).toBe('期间共 10 次支委会，12 个月中 10 个月有记录，达到「每季度1次」档，得 1 分');
  });

  it('manual items have no automatic score', () => {
    const manual = standardization.items.find((i) => i.rule.kind === 'manual')!;
    expect(autoScoreItem(manual, { meetings: [], ...YEAR })).toBeUndefined();
  });
});

describe('the 七有 checklist item', () => {
  it.each([
    { met: 7, score: 14 },
    { met: 5, score: 10 },
    { met: 0, score: 0 },
  ])('$met of 7 met → $score of 14, evidence = the venue', ({ met, score }) => {
    const result = autoScoreItem(venueItem, { meetings: [], venue: venue(met), ...YEAR })!;
    expect(result.score).toBe(score);
    expect(result.evidenceIds).toEqual(['v1']);
    expect(result.explanation).toContain(`7 项中达到 ${met} 项`);
  });

  it('no venue → 0 and no evidence', () => {
    const result = autoScoreItem(venueItem, { meetings: [], ...YEAR })!;
    expect(result).toMatchObject({ score: 0, evidenceIds: [] });
  });

  it('the main venue is the oldest 党员活动室, else the oldest venue', () => {
    const board = venue(1, { id: 'board', kind: '党建宣传栏', createdAt: '2024-01-01T00:00:00.000Z' });
    const roomNew = venue(1, { id: 'room-new', createdAt: '2025-06-01T00:00:00.000Z' });
    const roomOld = venue(1, { id: 'room-old', createdAt: '2025-02-01T00:00:00.000Z' });
    expect(mainVenueOf([board, roomNew, roomOld])?.id).toBe('room-old');
    expect(mainVenueOf([board])?.id).toBe('board');
    expect(mainVenueOf([])).toBeUndefined();
  });
});

describe('score checks, total and grade', () => {
  const item: Pick<StandardItem, 'code' | 'content' | 'maxScore'> = committeeItem;

  it.each([
    { check: { score: 2 }, fields: [] },
    { check: { score: 2.5 }, fields: ['score'] },
    { check: { score: -1 }, fields: ['score'] },
    { check: { score: 2, autoScore: 1 }, fields: ['overrideReason'] },
    { check: { score: 2, autoScore: 1, overrideReason: '  ' }, fields: ['overrideReason'] },
    { check: { score: 2, autoScore: 1, overrideReason: '12月会议记录在上级存档' }, fields: [] },
    { check: { score: 1, autoScore: 1 }, fields: [] },
  ])('$check → $fields', ({ check, fields }) => {
    const problems = itemScoreProblems(item, check);
    expect(problems.map((p) => p.field)).toEqual(fields);
    if (fields.includes('overrideReason')) expect(problems[0]!.message).toContain('调整自动得分须填写理由');
  });

  it.each([
    { total: 100, grade: '优秀' },
    { total: 90, grade: '优秀' },
    { total: 89.5, grade: '良好' },
    { total: 60, grade: '一般' },
    { total: 59.99, grade: '较差' },
    { total: 0, grade: '较差' },
  ])('$total → $grade', ({ total, grade }) => {
    expect(gradeOf(total, DEFAULT_GRADES)).toBe(grade);
  });

  it('totals to two decimals', () => {
    expect(totalOf([{ score: 0.1 }, { score: 0.2 }, { score: 1 }])).toBe(1.3);
  });
});
