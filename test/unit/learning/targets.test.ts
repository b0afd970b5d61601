// Learning targets derived from their names, the completion matrix per member × period, and the rates.
import { describe, expect, it } from 'vitest';
import { LEARNING_KIND_NAMES, type LearningKind } from '../../../shared/domain/vocab';
import {
  DAILY_READING_DAYS_PER_MONTH,
  formatRate,
  learningMatrix,
  learningOverview,
  targetOf,
  type MatrixEntry,
} from '../../../shared/learning';

const YEAR = { from: '2024-01-01', to: '2024-12-31', today: '2025-03-01' };
const zhang = { id: 'm1', name: '张三' };
const li = { id: 'm2', name: '李四' };

const entry = (memberId: string, kind: LearningKind, date: string): MatrixEntry => ({ memberId, kind, date });
const monthly = (memberId: string, kind: LearningKind, months: number[], day = '10') =>
  months.map((m) => entry(memberId, kind, `2024-${String(m).padStart(2, '0')}-${day}`));

describe('targets derive from the names', () => {
  it.each([
    ['日阅一文', 'month', 'days', DAILY_READING_DAYS_PER_MONTH],
    ['月写一篇', 'month', 'entries', 1],
    ['季读一本', 'quarter', 'entries', 1],
    ['半年一讲', 'half', 'entries', 1],
  ] as const)('%s → per %s, counting %s, at least %i', (kind, unit, countBy, min) => {
    expect(targetOf(kind)).toMatchObject({ unit, countBy, minCount: min });
  });
  it('covers every learning kind of the vocabulary', () => {
    expect(LEARNING_KIND_NAMES.map((k) => targetOf(k).kind)).toEqual([...LEARNING_KIND_NAMES]);
  });
});

describe('completion matrix and rates', () => {
  it.each([
    { kind: '月写一篇' as const, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], periods: 12, done: 10, rate: '83.3%' },
    {
      kind: '月写一篇' as const,
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      periods: 12,
      done: 12,
      rate: '100.0%',
    },
    { kind: '季读一本' as const, months: [2, 5, 11], periods: 4, done: 3, rate: '75.0%' },
    { kind: '季读一本' as const, months: [1, 2, 3], periods: 4, done: 1, rate: '25.0%' },
    { kind: '半年一讲' as const, months: [8], periods: 2, done: 1, rate: '50.0%' },
    { kind: '半年一讲' as const, months: [], periods: 2, done: 0, rate: '0.0%' },
  ])('$kind with entries in months $months → $rate', ({ kind, months, periods, done, rate }) => {
    const m = learningMatrix({ ...YEAR, kind, members: [zhang], entries: monthly('m1', kind, months) });
    expect(m.periods).toHaveLength(periods);
    expect(m.rows[0]).toMatchObject({ done, due: periods });
    expect(formatRate(m.rows[0]!.rate)).toBe(rate);
  });

  it('日阅一文 counts distinct days: 20 readings on 19 days is not a month', () => {
    const days = Array.from({ length: 19 }, (_, i) =>
      entry('m1', '日阅一文', `2024-03-${String(i + 1).padStart(2, '0')}`),
    );
    const short = learningMatrix({ ...YEAR, kind: '日阅一文', members: [zhang], entries: [...days, days[0]!] });
    expect(short.rows[0]!.cells[2]).toMatchObject({ count: 19, status: 'missed' });
    const full = learningMatrix({
      ...YEAR,
      kind: '日阅一文',
      members: [zhang],
      entries: [...days, entry('m1', '日阅一文', '2024-03-25')],
    });
    expect(full.rows[0]!.cells[2]).toMatchObject({ count: 20, status: 'done' });
  });

  it('only counts entries of its own kind, member and range', () => {
    const entries = [
      ...monthly('m1', '季读一本', [1]),
      entry('m2', '月写一篇', '2024-01-05'),
      entry('m1', '月写一篇', '2023-12-31'),
    ];
    const m = learningMatrix({ ...YEAR, kind: '月写一篇', members: [zhang], entries });
    expect(m.rows[0]!.done).toBe(0);
  });

  it('the running period is open (not counted) until met; future periods and months after leaving are not due', () => {
    const today = '2024-05-15';
    const m = learningMatrix({
      from: '2024-01-01',
      to: '2024-12-31',
      today,
      kind: '月写一篇',
      members: [zhang, { ...li, leftDate: '2024-02-10' }],
      entries: monthly('m1', '月写一篇', [1, 2]),
    });
    expect(m.rows[0]!.cells.map((c) => c.status).slice(0, 6)).toEqual([
      'done',
      'done',
      'missed',
      'missed',
      'open',
      'none',
    ]);
    expect(m.rows[0]).toMatchObject({ done: 2, due: 4 });
    // 李四 left in February: January and February are due (both missed), nothing after.
    expect(m.rows[1]!.cells.map((c) => c.status).slice(0, 4)).toEqual(['missed', 'missed', 'none', 'none']);
    expect(m.rows[1]).toMatchObject({ done: 0, due: 2 });
    // Branch rate pools every due cell: 2 done of 6.
    expect(formatRate(m.branch.rate)).toBe('33.3%');
  });

  it('months before joining the Party are not due', () => {
    const m = learningMatrix({
      ...YEAR,
      kind: '季读一本',
      members: [{ ...zhang, joinedDate: '2024-07-01' }],
      entries: monthly('m1', '季读一本', [8, 11]),
    });
    expect(m.rows[0]).toMatchObject({ done: 2, due: 2, rate: 1 });
  });

  it('periods that ended before the branch’s 成立日期 are not due; the one it was founded in is', () => {
    const input = { ...YEAR, kind: '月写一篇' as const, members: [zhang], entries: monthly('m1', '月写一篇', [9, 10]) };
    // Founded 2024-09-15: September to December are due, two of them met.
    const founded = learningMatrix({ ...input, established: '2024-09-15' });
    expect(founded.rows[0]).toMatchObject({ done: 2, due: 4 });
    expect(founded.rows[0]!.cells.slice(0, 8).every((c) => c.status === 'none')).toBe(true);
    expect(founded.rows[0]!.cells[8]!.status).toBe('done');
    // Without it, the whole year is owed.
    expect(learningMatrix(input).rows[0]).toMatchObject({ done: 2, due: 12 });
  });

  it('overview: each member over all four targets, and the branch rate', () => {
    const entries = [
      ...monthly('m1', '月写一篇', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      ...monthly('m1', '季读一本', [1, 4, 7, 10]),
      ...monthly('m1', '半年一讲', [3, 9]),
      ...monthly('m2', '月写一篇', [1, 2, 3]),
    ];
    const o = learningOverview({ ...YEAR, members: [zhang, li], entries });
    // Per member: 12 (日阅) + 12 (月写) + 4 (季读) + 2 (半年) = 30 due.
    expect(o.members[0]).toMatchObject({ done: 18, due: 30 });
    expect(o.members[1]).toMatchObject({ done: 3, due: 30 });
    expect(o.branch).toMatchObject({ done: 21, due: 60 });
    expect(formatRate(o.branch.rate)).toBe('35.0%');
  });

  it('nothing due yet → no rate', () => {
    const m = learningMatrix({ ...YEAR, today: '2023-06-01', kind: '月写一篇', members: [zhang], entries: [] });
    expect(m.rows[0]!.rate).toBeNull();
    expect(formatRate(m.branch.rate)).toBe('—');
  });
});
