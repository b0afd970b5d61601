// normalizeTime tidies the ways people type a time of day into HH:mm, and leaves what it cannot read for the schema.
import { describe, expect, it } from 'vitest';
import { normalizeTime } from '../../../shared/dates/typedTime';
import { timeSchema } from '../../../shared/schemas/common';

describe('normalizeTime', () => {
  it.each([
    ['9:30', '09:30'],
    [' 14：30 ', '14:30'],
    ['９：０５', '09:05'],
    ['09:30', '09:30'],
    ['9.30', '09:30'],
    ['9。30', '09:30'],
    ['９．３０', '09:30'],
    ['11.00', '11:00'],
    ['930', '09:30'],
    ['0930', '09:30'],
    ['1100', '11:00'],
    ['１４３０', '14:30'],
    ['9点30', '09:30'],
    ['9点30分', '09:30'],
    ['9时30分', '09:30'],
    ['9点05', '09:05'],
    ['9点5分', '09:05'],
    ['9点半', '09:30'],
    ['9点', '09:00'],
    ['11点', '11:00'],
    ['14时', '14:00'],
    ['９点３０', '09:30'],
    ['9 点 30 分', '09:30'],
    ['9', '09:00'],
    ['11', '11:00'],
    ['0', '00:00'],
    ['23', '23:00'],
  ])('reads %j as %s', (typed, stored) => {
    expect(normalizeTime(typed)).toBe(stored);
    expect(timeSchema.safeParse(normalizeTime(typed)).success).toBe(true);
  });

  it.each([
    '',
    '9:3',
    '9.3',
    '9点5',
    '上午9点',
    '下午2点',
    '9:30:00',
    '24',
    '30',
    '2400',
    '960',
    '9点60',
    '12345',
    '九点',
  ])('leaves %j for the schema to refuse (not a time of day, or not clear which)', (typed) => {
    expect(normalizeTime(typed)).toBe(typed);
    expect(timeSchema.safeParse(normalizeTime(typed)).success).toBe(false);
  });

  it('tidies an hour:minute out of range to the stored shape, for the schema to say what is wrong', () => {
    expect(normalizeTime('25：00')).toBe('25:00');
    expect(timeSchema.safeParse('25:00').success).toBe(false);
  });
});
