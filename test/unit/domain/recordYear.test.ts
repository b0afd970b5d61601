// 所属年度: last year's 组织生活会 or 民主评议党员 held in January–March counts, numbers and prints in last year.
import { describe, expect, it } from 'vitest';
import {
  countingDate,
  countsWithin,
  defaultForYear,
  forYearNote,
  lateRecordsEnd,
  mayBeForPreviousYear,
  recordYearOf,
} from '../../../shared/domain/recordYear';
import { getRulePack } from '../../../shared/rules/packs';
import { meetingInputSchema } from '../../../shared/schemas/entities';
import { computeCompliance, type ComplianceMeeting } from '../../../shared/scoring/compliance';
import { scoreFrequencyItem } from '../../../shared/scoring/frequency';

describe('which year a record is for', () => {
  it('offers the year before only for the year-end kinds, from 1 January to 31 March', () => {
    expect(mayBeForPreviousYear('组织生活会', '2026-01-01')).toBe(true);
    expect(mayBeForPreviousYear('民主评议党员', '2026-03-31')).toBe(true);
    expect(mayBeForPreviousYear('组织生活会', '2026-04-01')).toBe(false);
    expect(mayBeForPreviousYear('支委会', '2026-01-20')).toBe(false);
    expect(mayBeForPreviousYear('组织生活会', undefined)).toBe(false);
    expect(mayBeForPreviousYear('组织生活会', '2026-1-2')).toBe(false);
  });

  it('defaults to last year in January and February, to the own year in March', () => {
    expect(defaultForYear('组织生活会', '2026-02-28')).toBe(2025);
    expect(defaultForYear('民主评议党员', '2026-01-05')).toBe(2025);
    expect(defaultForYear('组织生活会', '2026-03-01')).toBeUndefined();
    // In March, last year while it has no record of the kind yet.
    expect(defaultForYear('组织生活会', '2026-03-01', false)).toBe(2025);
    expect(defaultForYear('组织生活会', '2026-03-01', true)).toBeUndefined();
    expect(defaultForYear('主题党日', '2026-01-05')).toBeUndefined();
  });

  it('counts a record for last year on the last day of that year, any other on its date', () => {
    const late = { date: '2026-01-20', forYear: 2025 };
    expect(recordYearOf(late)).toBe(2025);
    expect(countingDate(late)).toBe('2025-12-31');
    expect(countsWithin(late, '2025-01-01', '2025-12-31')).toBe(true);
    expect(countsWithin(late, '2026-01-01', '2026-12-31')).toBe(false);
    expect(countsWithin(late, '2025-10-01', '2025-12-31')).toBe(true);
    expect(forYearNote(late)).toBe('（2025年度）');
    const own = { date: '2026-01-20' };
    expect(recordYearOf(own)).toBe(2026);
    expect(countingDate(own)).toBe('2026-01-20');
    expect(forYearNote(own)).toBe('');
    expect(forYearNote({ date: '2026-01-20', forYear: 2026 })).toBe('');
    expect(lateRecordsEnd('2025-12-31')).toBe('2026-03-31');
  });
});

describe('the record schema', () => {
  const input = (over: Record<string, unknown>) => ({
    kind: '组织生活会',
    topic: '年度组织生活会',
    date: '2026-01-20',
    ...over,
  });
  const messages = (over: Record<string, unknown>) => {
    const result = meetingInputSchema.safeParse(input(over));
    return result.success ? [] : result.error.issues.filter((i) => i.path[0] === 'forYear').map((i) => i.message);
  };

  it('keeps last year for a 组织生活会 held in January', () => {
    const parsed = meetingInputSchema.parse(input({ forYear: 2025 }));
    expect(parsed.forYear).toBe(2025);
  });

  it('stores the date’s own year as no 所属年度', () => {
    const parsed = meetingInputSchema.parse(input({ forYear: 2026 }));
    expect('forYear' in parsed).toBe(false);
  });

  it('refuses another kind, a later month, or a year further back, in Chinese', () => {
    expect(messages({ kind: '支委会', forYear: 2025 })[0]).toContain('所属年度只能是');
    expect(messages({ date: '2026-04-02', forYear: 2025 })).toHaveLength(1);
    expect(messages({ forYear: 2024 })).toHaveLength(1);
    expect(messages({ forYear: 2027 })).toHaveLength(1);
    expect(messages({})).toEqual([]);
  });
});

describe('compliance and 考评 by 所属年度', () => {
  const members = [
    {
      id: 'm1',
      name: '王书记',
      status: '正式' as const,
      joinedDate: '2010-07-01',
      fullMemberDate: '',
      leftDate: '',
      partyGroupId: '',
    },
  ];
  const branch = { committee: [{ name: '王书记', role: '书记' as const, memberId: 'm1' }], partyGroups: [] };
  const lifeMeeting = (date: string, forYear?: number): ComplianceMeeting => ({
    id: `life-${date}`,
    kind: '组织生活会',
    date,
    topic: '年度组织生活会',
    attendance: [{ memberId: 'm1', name: '王书记', status: '出席', reason: '' }],
    lecturer: '',
    partyGroupId: '',
    talkParties: [],
    ...(forYear !== undefined ? { forYear } : {}),
  });
  const lifeRule = (meetings: ComplianceMeeting[], year: number) =>
    computeCompliance({
      branch,
      members,
      meetings,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      asOf: '2026-06-30',
      pack: getRulePack(undefined),
    }).rules.find((r) => r.rule.id === 'lifeMeeting')!;

  it('a 2025 组织生活会 held on 2026-01-20 meets 2025 and not 2026', () => {
    const held = [lifeMeeting('2026-01-20', 2025)];
    expect(lifeRule(held, 2025).met).toBe(1);
    expect(lifeRule(held, 2025).missed).toEqual([]);
    expect(lifeRule(held, 2026).met).toBe(0);
  });

  it('without a 所属年度 it is the year of its date, as before', () => {
    const held = [lifeMeeting('2026-01-20')];
    expect(lifeRule(held, 2025).missed).toHaveLength(1);
    expect(lifeRule(held, 2026).met).toBe(1);
  });

  it('a 考评 frequency item of 2025 counts it as its evidence', () => {
    const rule = {
      kind: 'frequency' as const,
      meetingKind: '组织生活会' as const,
      tiers: [{ label: '每年1次', minCount: 1, per: 'year' as const, score: 5 }],
    };
    const score = scoreFrequencyItem(rule, [lifeMeeting('2026-01-20', 2025)], '2025-01-01', '2025-12-31');
    expect(score.score).toBe(5);
    expect(score.evidenceIds).toEqual(['life-2026-01-20']);
  });
});
