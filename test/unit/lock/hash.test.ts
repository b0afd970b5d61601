// App-lock hashing: the real parameters (≥ 600,000 iterations, 16-byte salt) and correct/incorrect verification.
import { describe, expect, it } from 'vitest';
import { fromHex, hashPassword, newPasswordProblem, toHex, verifyPassword } from '../../../shared/lock/hash';
import { appLockRecordSchema, PBKDF2_MIN_ITERATIONS, SALT_BYTES } from '../../../shared/lock/record';

// Low enough for a loop of hashes; only ever passed here, through the explicit test-only option.
const fast = { testOnlyIterations: 1000 };

describe('hashPassword with the app parameters', () => {
  it('uses at least 600,000 PBKDF2-SHA-256 iterations and a 16-byte random salt, and verifies', async () => {
    const hashed = await hashPassword('正确的密码1');
    expect(PBKDF2_MIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(hashed.iterations).toBeGreaterThanOrEqual(600_000);
    expect(hashed.algorithm).toBe('PBKDF2-SHA-256');
    expect(fromHex(hashed.salt)).toHaveLength(SALT_BYTES);
    expect(SALT_BYTES).toBe(16);
    expect(hashed.hash).not.toContain('正确的密码1');
    expect(await verifyPassword('正确的密码1', hashed)).toBe(true);
    expect(await verifyPassword('错误的密码1', hashed)).toBe(false);
  });
});

describe('hashPassword (test iteration count)', () => {
  it('verifies the right password and refuses near misses', async () => {
    const hashed = await hashPassword('abcd1234', fast);
    expect(await verifyPassword('abcd1234', hashed)).toBe(true);
    for (const wrong of ['abcd123', 'abcd12345', 'ABCD1234', '', ' abcd1234']) {
      expect(await verifyPassword(wrong, hashed)).toBe(false);
    }
  });

  it('draws a new salt each time, so equal passwords give different hashes', async () => {
    const a = await hashPassword('same', fast);
    const b = await hashPassword('same', fast);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('matches PBKDF2-HMAC-SHA-256 as Node computes it', async () => {
    const { pbkdf2Sync } = await import('node:crypto');
    const salt = new Uint8Array(16).fill(7);
    const hashed = await hashPassword('密码', { testOnlyIterations: 2000, testOnlySalt: salt });
    expect(hashed.hash).toBe(pbkdf2Sync('密码', salt, 2000, 32, 'sha256').toString('hex'));
    expect(toHex(fromHex(hashed.salt))).toBe(hashed.salt);
  });

  it('produces a record the schema refuses when the iteration count is below the floor', async () => {
    const hashed = await hashPassword('abcd', fast);
    const record = { version: 1, ...hashed, idleMinutes: 10, updatedAt: '2026-01-01T00:00:00.000Z' };
    expect(appLockRecordSchema.safeParse(record).success).toBe(false);
    expect(appLockRecordSchema.safeParse({ ...record, iterations: 600_000 }).success).toBe(true);
  });
});

describe('newPasswordProblem', () => {
  it('requires 4+ characters and a matching confirmation', () => {
    expect(newPasswordProblem('abc', 'abc')).toBe('密码至少 4 位');
    expect(newPasswordProblem('abcd', 'abce')).toBe('两次输入的新密码不一致');
    expect(newPasswordProblem('abcd', 'abcd')).toBeNull();
  });
});
