// The app lock's stored record (one settings row) and its limits: PBKDF2 parameters, idle minutes, the zod schema.
import { z } from 'zod';

/** The settings-table key of the app lock record; absent means "no lock". */
export const APP_LOCK_SETTING_KEY = 'appLock';

/**
 * OWASP's 2023 floor for PBKDF2-HMAC-SHA-256. The schema refuses anything weaker, so a record written with a test-only
 * iteration count (or tampered down) is treated as corrupted and can never become the app's lock.
 */
export const PBKDF2_MIN_ITERATIONS = 600_000;
export const PBKDF2_ITERATIONS = PBKDF2_MIN_ITERATIONS;
export const SALT_BYTES = 16;
export const HASH_BYTES = 32;

export const IDLE_MINUTES_MIN = 1;
export const IDLE_MINUTES_MAX = 240;
export const IDLE_MINUTES_DEFAULT = 10;

/** Shown whenever the lock is explained: it is a gate in front of the UI, not encryption of the database. */
export const APP_LOCK_HONESTY_NOTE = '应用锁只是访问门槛，不会加密数据';
export const APP_LOCK_CORRUPTED_WARNING = '应用锁设置已损坏，已暂时停用，请重新设置';
export const IDLE_MINUTES_MESSAGE = `自动锁定时间须为 ${IDLE_MINUTES_MIN} 至 ${IDLE_MINUTES_MAX} 分钟之间的整数`;

const hexOf = (bytes: number) =>
  z
    .string()
    .length(bytes * 2)
    .regex(/^[0-9a-f]+$/);

export const idleMinutesSchema = z
  .number({ error: IDLE_MINUTES_MESSAGE })
  .int(IDLE_MINUTES_MESSAGE)
  .min(IDLE_MINUTES_MIN, IDLE_MINUTES_MESSAGE)
  .max(IDLE_MINUTES_MAX, IDLE_MINUTES_MESSAGE);

export const appLockRecordSchema = z
  .object({
    version: z.literal(1),
    algorithm: z.literal('PBKDF2-SHA-256'),
    iterations: z.number().int().min(PBKDF2_MIN_ITERATIONS),
    /** Hex of SALT_BYTES random bytes. */
    salt: hexOf(SALT_BYTES),
    /** Hex of the HASH_BYTES-byte derived key; the password itself is never stored. */
    hash: hexOf(HASH_BYTES),
    idleMinutes: idleMinutesSchema,
    updatedAt: z.string().min(1),
  })
  .strict();

export type AppLockRecord = z.infer<typeof appLockRecordSchema>;

/** What the stored value means for the app: no lock, a valid lock, or a broken row that must not lock anyone out. */
export type AppLockStatus = { kind: 'none' } | { kind: 'set'; record: AppLockRecord } | { kind: 'corrupted' };

export function appLockStatusOf(stored: unknown): AppLockStatus {
  if (stored === undefined || stored === null) return { kind: 'none' };
  const parsed = appLockRecordSchema.safeParse(stored);
  return parsed.success ? { kind: 'set', record: parsed.data } : { kind: 'corrupted' };
}

/** Parses what a user typed as the idle time: an integer number of minutes, or the Chinese reason it is refused. */
export function parseIdleMinutes(input: unknown): { ok: true; value: number } | { ok: false; message: string } {
  const value = typeof input === 'string' && input.trim() !== '' ? Number(input.trim()) : input;
  const parsed = idleMinutesSchema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: IDLE_MINUTES_MESSAGE };
}
