// The 届期 a 卷宗 prints for its period: today's term only when it covers the period, earlier ones from the 操作日志's
// logged values, and what is not known said, not guessed.
import { describe, expect, it } from 'vitest';
import { knownTerms, termsOfPeriod } from '../../../shared/branch/terms';

const branch = { id: 'b1', termStart: '2025-07-15', termEnd: '2028-07-14' };
const change = (at: string, before: [string, string], after: [string, string]) => ({
  entity: 'branch',
  entityId: 'b1',
  at,
  changes: [
    { field: 'termStart', label: '届期开始日期', before: before[0], after: after[0] },
    { field: 'termEnd', label: '届期结束日期', before: before[1], after: after[1] },
  ],
});

describe('knownTerms', () => {
  it('reads the terms a 换届 replaced from the log, latest first, and takes a corrected date for no term', () => {
    const audit = [
      // The 2022 term typed with a wrong end, corrected a week later; then the 2025 换届.
      change('2022-07-20T02:00:00.000Z', ['2019-07-15', '2022-07-14'], ['2022-07-15', '2025-07-13']),
      change('2022-07-27T02:00:00.000Z', ['2022-07-15', '2025-07-13'], ['2022-07-15', '2025-07-14']),
      change('2025-07-16T02:00:00.000Z', ['2022-07-15', '2025-07-14'], ['2025-07-15', '2028-07-14']),
      // Another branch's change is not this one's.
      { ...change('2025-08-01T02:00:00.000Z', ['2000-01-01', '2002-12-31'], ['x', 'y']), entityId: 'b2' },
    ];
    expect(knownTerms(branch, audit)).toEqual([
      { start: '2025-07-15', end: '2028-07-14' },
      { start: '2022-07-15', end: '2025-07-14' },
      { start: '2019-07-15', end: '2022-07-14' },
    ]);
    expect(knownTerms(branch, [])).toEqual([{ start: '2025-07-15', end: '2028-07-14' }]);
    // A 换届 held before the term ran out: the old term ends the day before the new one begins.
    const early = [change('2025-07-01T02:00:00.000Z', ['2022-09-01', '2025-08-31'], ['2025-07-15', '2028-07-14'])];
    expect(knownTerms(branch, early)).toEqual([
      { start: '2025-07-15', end: '2028-07-14' },
      { start: '2022-09-01', end: '2025-07-14' },
    ]);
    // A start moved by days is a correction, not a term.
    const typo = [change('2025-07-20T02:00:00.000Z', ['2025-07-05', '2028-07-04'], ['2025-07-15', '2028-07-14'])];
    expect(knownTerms(branch, typo)).toEqual([{ start: '2025-07-15', end: '2028-07-14' }]);
  });
});

describe('termsOfPeriod', () => {
  const known = [
    { start: '2025-07-15', end: '2028-07-14' },
    { start: '2022-07-15', end: '2025-07-14' },
  ];

  it('gives a past year its own term, and a year with a 换届 both', () => {
    expect(termsOfPeriod(known, '2024-01-01', '2024-12-31', '2010-03-01')).toEqual({ terms: [known[1]] });
    expect(termsOfPeriod(known, '2025-01-01', '2025-12-31', '2010-03-01')).toEqual({ terms: [known[1], known[0]] });
  });

  it('says when the term before is not known, unless the branch was founded then', () => {
    const only = [known[0]!];
    expect(termsOfPeriod(only, '2025-01-01', '2025-12-31', '2010-03-01')).toEqual({ terms: only, before: only[0] });
    expect(termsOfPeriod(only, '2025-01-01', '2025-12-31', '2025-07-15')).toEqual({ terms: only });
    // The latest term over inside the period, nothing after it: said.
    expect(termsOfPeriod(known, '2028-01-01', '2028-12-31', undefined)).toEqual({ terms: [known[0]], ended: known[0] });
    // A period before the only known term: the current one, for the volume to say so.
    expect(termsOfPeriod(only, '2024-01-01', '2024-12-31', undefined)).toEqual({ terms: [], current: only[0] });
  });
});
