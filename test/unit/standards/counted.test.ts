// Which 考评 counts when a year has several of one kind: the later by 考评日期, then the later saved.
import { describe, expect, it } from 'vitest';
import { countedAssessments, countedGroupOf, countsOver } from '../../../shared/standards/counted';

const assessment = (
  id: string,
  periodStart: string,
  kind: string,
  date: string,
  createdAt = `${date}T02:00:00.000Z`,
) => ({
  id,
  periodStart,
  kind: kind as '自评',
  date,
  createdAt,
});

describe('countedAssessments', () => {
  it('counts the later 考评日期 of a year and kind, whatever order they come in', () => {
    const early = assessment('a', '2025-01-01', '自评', '2025-12-26');
    const late = assessment('b', '2025-01-01', '自评', '2026-11-28');
    for (const list of [
      [early, late],
      [late, early],
    ]) {
      expect(countedAssessments(list).get('2025|自评')).toEqual({ counted: late, of: 2 });
    }
  });

  it('on one 考评日期, counts the one saved later', () => {
    const first = assessment('a', '2025-01-01', '自评', '2025-12-26', '2025-12-26T01:00:00.000Z');
    const second = assessment('b', '2025-01-01', '自评', '2025-12-26', '2025-12-26T09:00:00.000Z');
    expect(countsOver(second, first)).toBe(true);
    expect(countsOver(first, second)).toBe(false);
    expect(countedAssessments([second, first]).get(countedGroupOf(first))?.counted).toBe(second);
  });

  it('keeps kinds and years apart: a year is the one its period starts in', () => {
    const self = assessment('a', '2025-01-01', '自评', '2025-12-26');
    const higher = assessment('b', '2025-01-01', '上级评定', '2026-01-10');
    const nextYear = assessment('c', '2026-01-01', '自评', '2026-01-05');
    const counted = countedAssessments([self, higher, nextYear]);
    expect([...counted.keys()]).toEqual(['2025|自评', '2025|上级评定', '2026|自评']);
    expect([...counted.values()].map((g) => [g.counted.id, g.of])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
  });
});
