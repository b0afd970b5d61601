// parseTypedDate reads the ways people type a date into YYYY-MM-DD, and refuses what names no real day or no year;
// typedDateProblem says which of those it is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTypedDate, typedDateProblem } from '../../../shared/dates/parseTypedDate';
import { isRealDate } from '../../../shared/schemas/common';

describe('parseTypedDate', () => {
  it.each([
    '2025-03-05',
    '2025-3-5',
    '2025.3.5',
    '2025.03.05',
    '2025/3/5',
    '2025/03/05',
    '20250305',
    '2025年3月5日',
    '2025年3月5号',
    '2025年03月05',
    '2025 年 3 月 5 日',
    '2025 3 5',
    '2025. 3. 5',
    ' 2025-3-5 ',
    '\u30002025.3.5\u3000',
    '２０２５．３．５',
    '２０２５－０３－０５',
    '２０２５／３／５',
    '２０２５年３月５日',
    '2025。3。5',
    '2025—3—5',
  ])('reads %j as 2025-03-05', (typed) => {
    expect(parseTypedDate(typed)).toBe('2025-03-05');
  });

  it.each(['2025-02-30', '2025.2.29', '2025.13.1', '2025.0.10', '2025.3.0', '20250230', '2025年4月31日', '2100-02-29'])(
    'refuses %j: no such day',
    (typed) => {
      expect(parseTypedDate(typed)).toBeUndefined();
    },
  );

  it('takes 29 February in a leap year', () => {
    expect(parseTypedDate('2024.2.29')).toBe('2024-02-29');
    expect(parseTypedDate('2000/2/29')).toBe('2000-02-29');
  });

  it.each([
    '',
    '   ',
    '明天',
    '25.3.5',
    '250305',
    '2025-3',
    '2025年3月',
    '2025.3.5.',
    '2025-03-05 10:00',
    '3月5日',
    '3.5',
  ])('does not read %j without a year to go on', (typed) => {
    expect(parseTypedDate(typed)).toBeUndefined();
  });

  it('reads a year-less 3月5日, 3.5, 3/5, 3-5 in the year given, and only then', () => {
    for (const typed of ['3月5日', '3月5', '3月5号', '３月５日', '3.5', '3/5', '3-5', '03.05']) {
      expect(parseTypedDate(typed, { year: 2025 }), typed).toBe('2025-03-05');
      expect(parseTypedDate(typed), typed).toBeUndefined();
    }
    expect(parseTypedDate('2月29日', { year: 2025 })).toBeUndefined();
    expect(parseTypedDate('2月29日', { year: 2024 })).toBe('2024-02-29');
    // A typed year wins over the one given; bare digits are not a year-less date.
    expect(parseTypedDate('2024.3.5', { year: 2025 })).toBe('2024-03-05');
    expect(parseTypedDate('0305', { year: 2025 })).toBeUndefined();
  });

  it('gives only real days, each the one a padded YYYY-M-D names', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.constantFrom('-', '.', '/', '年'),
        (y, m, d, sep) => {
          const strict = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const typed = sep === '年' ? `${y}年${m}月${d}日` : `${y}${sep}${m}${sep}${d}`;
          expect(parseTypedDate(typed)).toBe(isRealDate(strict) ? strict : undefined);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('typedDateProblem', () => {
  it('says the day does not exist, and why', () => {
    expect(typedDateProblem('2025-02-30')).toBe('日期“2025-02-30”不存在：2025年2月只有 28 天');
    expect(typedDateProblem('2025.4.31')).toBe('日期“2025.4.31”不存在：2025年4月只有 30 天');
    expect(typedDateProblem('2025.13.5')).toBe('日期“2025.13.5”不存在：月份应为 1 至 12');
    expect(typedDateProblem('2025.3.0')).toBe('日期“2025.3.0”不存在，请核对日');
    expect(typedDateProblem('2月30日', { year: 2025 })).toBe('日期“2月30日”不存在：2025年2月只有 28 天');
  });

  it('asks for the year of a year-less date', () => {
    expect(typedDateProblem('3月5日')).toBe('日期“3月5日”没有写年份，请按 2025-03-05 的格式填写');
  });

  it('quotes text it cannot read, cut short when long', () => {
    expect(typedDateProblem(' 明天 ')).toBe('无法识别的日期“明天”，请按 2025-03-05 的格式填写');
    expect(typedDateProblem('25.3.5')).toBe('无法识别的日期“25.3.5”，请按 2025-03-05 的格式填写');
    expect(typedDateProblem('一二三四五六七八九十一二三四五六七八九十一二三')).toBe(
      '无法识别的日期“一二三四五六七八九十一二三四五六七八九十…”，请按 2025-03-05 的格式填写',
    );
  });
});
