// Table-driven tests of calendar periods: month, quarter, half-year and year boundaries, leap years.
import { describe, expect, it } from 'vitest';
import { lastDayOfMonth, periodOf, periodsBetween } from '../../../shared/rules/periods';

describe('periodOf', () => {
  it.each([
    ['month', '2024-02-29', '2024-02', '2024年2月', '2024-02-01', '2024-02-29'],
    ['month', '2025-02-10', '2025-02', '2025年2月', '2025-02-01', '2025-02-28'],
    ['month', '2025-12-31', '2025-12', '2025年12月', '2025-12-01', '2025-12-31'],
    ['quarter', '2025-03-31', '2025-Q1', '2025年第一季度', '2025-01-01', '2025-03-31'],
    ['quarter', '2025-04-01', '2025-Q2', '2025年第二季度', '2025-04-01', '2025-06-30'],
    ['quarter', '2025-09-30', '2025-Q3', '2025年第三季度', '2025-07-01', '2025-09-30'],
    ['quarter', '2025-10-01', '2025-Q4', '2025年第四季度', '2025-10-01', '2025-12-31'],
    ['half', '2025-06-30', '2025-H1', '2025年上半年', '2025-01-01', '2025-06-30'],
    ['half', '2025-07-01', '2025-H2', '2025年下半年', '2025-07-01', '2025-12-31'],
    ['year', '2028-02-29', '2028', '2028年', '2028-01-01', '2028-12-31'],
  ] as const)('%s containing %s is %s', (unit, date, key, label, start, end) => {
    expect(periodOf(unit, date)).toEqual({ unit, key, label, start, end });
  });
});

describe('lastDayOfMonth', () => {
  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 1, 31],
  ])('%i-%i has %i days', (y, m, d) => expect(lastDayOfMonth(y, m)).toBe(d));
});

describe('periodsBetween', () => {
  it('lists the 12 months of a year', () => {
    const months = periodsBetween('month', '2025-01-01', '2025-12-31');
    expect(months.map((p) => p.key)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    );
  });
  it('includes periods only partly inside the range', () => {
    expect(periodsBetween('quarter', '2025-03-15', '2025-07-01').map((p) => p.key)).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
    ]);
  });
  it('crosses a year boundary', () => {
    expect(periodsBetween('half', '2024-11-01', '2025-02-01').map((p) => p.key)).toEqual(['2024-H2', '2025-H1']);
  });
  it('is empty for an inverted range', () => {
    expect(periodsBetween('month', '2025-02-01', '2025-01-01')).toEqual([]);
  });
});
