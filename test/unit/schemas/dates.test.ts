// isRealDate gives the answers of the Date round trip it replaced, for every day of four centuries and for random
// strings, and dateSchema still refuses what it refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateSchema, formatChinaTime, isRealDate, optionalDateSchema } from '../../../shared/schemas/common';

/** The earlier definition: the string survives a trip through Date unchanged. */
const byDate = (value: string) => {
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === value;
};
const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isRealDate', () => {
  it('agrees with the Date round trip on every month and day number 00–32 of 1899–2101 and of century years', () => {
    const years = [0, 1600, 1700, 1800, 1900, 2000, 2100, 2400, 9999];
    for (let y = 1899; y <= 2101; y++) years.push(y);
    for (const y of years) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const value = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(isRealDate(value), value).toBe(byDate(value));
        }
      }
    }
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('2000-02-29')).toBe(true);
  });

  it('refuses anything not shaped YYYY-MM-DD, as the Date round trip did', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), (value) => {
        expect(isRealDate(value)).toBe(byDate(value));
      }),
      { numRuns: 3000 },
    );
    for (const value of ['2025-3-18', '2025-03-18 ', ' 2025-03-18', '2025/03/18', '20250318', '２０２５-03-18', '']) {
      expect(isRealDate(value), value).toBe(false);
    }
  });

  it('dateSchema says which is wrong, once, quoting the text: the shape or the day', () => {
    const messages = (schema: typeof dateSchema | typeof optionalDateSchema, value: unknown) => {
      const parsed = schema.safeParse(value);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    expect(dateSchema.safeParse('2025-03-18').success).toBe(true);
    expect(messages(dateSchema, '2025-02-30')).toEqual(['日期“2025-02-30”不存在：2025年2月只有 28 天']);
    expect(messages(dateSchema, '2025/02/03')).toEqual(['无法识别的日期“2025/02/03”，请按 2025-03-05 的格式填写']);
    expect(messages(dateSchema, '明天')).toEqual(['无法识别的日期“明天”，请按 2025-03-05 的格式填写']);
    expect(messages(dateSchema, '')).toEqual(['请填写日期']);
    expect(messages(dateSchema, undefined)).toEqual(['请填写日期']);
    // An optional date says the same (zod's union would otherwise say 「Invalid input」), and takes '' as no date.
    expect(messages(optionalDateSchema, '明天')).toEqual(['无法识别的日期“明天”，请按 2025-03-05 的格式填写']);
    expect(messages(optionalDateSchema, '2025-02-30')).toEqual(['日期“2025-02-30”不存在：2025年2月只有 28 天']);
    expect(optionalDateSchema.safeParse('').success).toBe(true);
  });
});

describe('formatChinaTime', () => {
  it('shows an instant in China time to the minute, across the date line, and leaves other text alone', () => {
    expect(formatChinaTime('2026-01-20T02:00:00.000Z')).toBe('2026-01-20 10:00');
    expect(formatChinaTime('2025-12-31T16:30:59Z')).toBe('2026-01-01 00:30');
    expect(formatChinaTime('2025-03-18T10:00:00+08:00')).toBe('2025-03-18 10:00');
    expect(formatChinaTime('不是时间')).toBe('不是时间');
  });
});
