// Reading and changing the app lock record in the settings table; every change but the admin reset needs the password.
import { hashPassword, newPasswordProblem, verifyPassword } from '../../../../shared/lock/hash';
import {
  APP_LOCK_SETTING_KEY,
  appLockStatusOf,
  parseIdleMinutes,
  type AppLockRecord,
  type AppLockStatus,
} from '../../../../shared/lock/record';
import { db } from '../../db/db';

/** A refused change, with the Chinese reason to show next to the form. */
export class AppLockError extends Error {
  override name = 'AppLockError';
}

export async function readAppLockStatus(): Promise<AppLockStatus> {
  return appLockStatusOf((await db.settings.get(APP_LOCK_SETTING_KEY))?.value);
}

function requireIdleMinutes(input: unknown): number {
  const parsed = parseIdleMinutes(input);
  if (!parsed.ok) throw new AppLockError(parsed.message);
  return parsed.value;
}

async function requireCurrentPassword(record: AppLockRecord, currentPassword: string): Promise<void> {
  if (!(await verifyPassword(currentPassword, record))) throw new AppLockError('当前密码不正确');
}

async function writeRecord(password: string, idleMinutes: number): Promise<void> {
  const hashed = await hashPassword(password);
  const record: AppLockRecord = { version: 1, ...hashed, idleMinutes, updatedAt: new Date().toISOString() };
  await db.settings.put({ key: APP_LOCK_SETTING_KEY, value: record });
}

/** Turns the lock on when there is none (or only a corrupted row, which protects nothing and is replaced). */
export async function enableAppLock(input: { password: string; confirmation: string; idleMinutes: unknown }) {
  const status = await readAppLockStatus();
  if (status.kind === 'set') throw new AppLockError('应用锁已启用，请使用“保存修改”');
  const problem = newPasswordProblem(input.password, input.confirmation);
  if (problem) throw new AppLockError(problem);
  await writeRecord(input.password, requireIdleMinutes(input.idleMinutes));
}

/** Changes the idle time and, when a new password is given, the password; the current password is required. */
export async function changeAppLock(input: {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
  idleMinutes: unknown;
}) {
  const status = await readAppLockStatus();
  if (status.kind !== 'set') throw new AppLockError('尚未启用应用锁');
  const idleMinutes = requireIdleMinutes(input.idleMinutes);
  if (input.newPassword !== '' || input.confirmation !== '') {
    const problem = newPasswordProblem(input.newPassword, input.confirmation);
    if (problem) throw new AppLockError(problem);
  }
  await requireCurrentPassword(status.record, input.currentPassword);
  if (input.newPassword === '') {
    await db.settings.put({
      key: APP_LOCK_SETTING_KEY,
      value: { ...status.record, idleMinutes, updatedAt: new Date().toISOString() },
    });
  } else {
    await writeRecord(input.newPassword, idleMinutes);
  }
}

export async function removeAppLock(currentPassword: string): Promise<void> {
  const status = await readAppLockStatus();
  if (status.kind === 'set') await requireCurrentPassword(status.record, currentPassword);
  await db.settings.delete(APP_LOCK_SETTING_KEY);
}

/** The administrator's recovery (started with --reset-app-lock and confirmed on screen): no password needed. */
export async function resetAppLockByAdmin(): Promise<void> {
  await db.settings.delete(APP_LOCK_SETTING_KEY);
}

/** True when the password opens the current lock. */
export async function checkUnlockPassword(password: string): Promise<boolean> {
  const status = await readAppLockStatus();
  if (status.kind !== 'set') return true;
  return verifyPassword(password, status.record);
}
