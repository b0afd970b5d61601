// Password hashing for the app lock: PBKDF2-HMAC-SHA-256 through WebCrypto (browsers and Node 20 both have it).
import { HASH_BYTES, PBKDF2_ITERATIONS, SALT_BYTES, type AppLockRecord } from './record';

export const PASSWORD_MIN_LENGTH = 4;
export const PASSWORD_MAX_LENGTH = 128;

export interface HashOptions {
  /**
   * Unit tests only: a lower count keeps a loop of hashes fast. The app never passes it, and a record written with
   * fewer than PBKDF2_MIN_ITERATIONS fails the record schema, so it could not act as a lock anyway.
   */
  testOnlyIterations?: number;
  /** Unit tests only: a fixed salt to prove that the salt changes the hash. */
  testOnlySalt?: Uint8Array<ArrayBuffer>;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BYTES * 8,
  );
  return new Uint8Array(bits);
}

export type PasswordHash = Pick<AppLockRecord, 'algorithm' | 'iterations' | 'salt' | 'hash'>;

/** Hashes a new password with a fresh random salt. */
export async function hashPassword(password: string, options: HashOptions = {}): Promise<PasswordHash> {
  const iterations = options.testOnlyIterations ?? PBKDF2_ITERATIONS;
  const salt = options.testOnlySalt ?? crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toHex(salt), hash: toHex(hash) };
}

/** True when the password derives the stored hash with the stored salt and iteration count. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const actual = await derive(password, fromHex(stored.salt), stored.iterations);
  const expected = fromHex(stored.hash);
  if (actual.length !== expected.length) return false;
  // Compare every byte, so the time taken does not reveal how much of the hash matched.
  let difference = 0;
  for (let i = 0; i < actual.length; i += 1) difference |= actual[i]! ^ expected[i]!;
  return difference === 0;
}

/** The Chinese reason a new password is refused, or null when it is acceptable. */
export function newPasswordProblem(password: string, confirmation: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码最多 ${PASSWORD_MAX_LENGTH} 位`;
  if (password !== confirmation) return '两次输入的新密码不一致';
  return null;
}
