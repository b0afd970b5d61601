// The stored app-lock record: a broken value means "no lock, warn" and idle minutes outside 1–240 are refused.
import { describe, expect, it } from 'vitest';
import {
  appLockStatusOf,
  IDLE_MINUTES_MESSAGE,
  parseIdleMinutes,
  type AppLockRecord,
} from '../../../shared/lock/record';

const valid: AppLockRecord = {
  version: 1,
  algorithm: 'PBKDF2-SHA-256',
  iterations: 600_000,
  salt: '0'.repeat(32),
  hash: 'a'.repeat(64),
  idleMinutes: 15,
  updatedAt: '2026-03-01T08:00:00.000Z',
};

describe('appLockStatusOf', () => {
  it('reads a missing value as no lock and a valid one as set', () => {
    expect(appLockStatusOf(undefined)).toEqual({ kind: 'none' });
    expect(appLockStatusOf(valid)).toEqual({ kind: 'set', record: valid });
  });

  it.each([
    ['a string', 'password'],
    ['a short salt', { ...valid, salt: '00' }],
    ['a non-hex hash', { ...valid, hash: 'z'.repeat(64) }],
    ['weak iterations', { ...valid, iterations: 1000 }],
    ['idle minutes out of range', { ...valid, idleMinutes: 0 }],
    ['an unknown field', { ...valid, plain: 'secret' }],
    ['another algorithm', { ...valid, algorithm: 'MD5' }],
  ])('reads %s as corrupted', (_label, stored) => {
    expect(appLockStatusOf(stored)).toEqual({ kind: 'corrupted' });
  });
});

describe('parseIdleMinutes', () => {
  it('accepts whole minutes from 1 to 240, typed or numeric', () => {
    expect(parseIdleMinutes(1)).toEqual({ ok: true, value: 1 });
    expect(parseIdleMinutes('240')).toEqual({ ok: true, value: 240 });
    expect(parseIdleMinutes(' 30 ')).toEqual({ ok: true, value: 30 });
  });

  it.each([0, 241, -5, 1.5, '十', '', 'NaN', null, 1e9])('refuses %s with a Chinese message', (input) => {
    expect(parseIdleMinutes(input)).toEqual({ ok: false, message: IDLE_MINUTES_MESSAGE });
  });
});
