// The daily automatic backup keeps running in an app left open for days: hourly and when the window is shown again.
import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppApi, BackupStatus, BackupWriteRequest } from '../../../shared/ipc';
import { chinaToday } from '../../../shared/schemas/common';
import { isRestoreRunning, restoreBackup } from '../../../renderer/src/db/backup/restore';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import {
  AUTO_BACKUP_CHECK_MS,
  runAutoBackup,
  startAutoBackup,
} from '../../../renderer/src/features/data-safety/autoBackup';
import { useRestoreFlow } from '../../../renderer/src/features/data-safety/useRestoreFlow';
import { AppProviders } from '../../../renderer/src/app/providers';
import type { BackupApi } from '../../../renderer/src/host/backupApi';
import { blobOf, installCloneableBlob, readFixture } from '../backup/helpers';

installCloneableBlob();

const HOUR = AUTO_BACKUP_CHECK_MS;
const DAY = 24 * 60 * 60 * 1000;

/** main's side: remembers the China date of the last daily backup written, and how many branches each held. */
function fakeBackups(lastDaily: string | null = null) {
  let lastDailyDate = lastDaily;
  const branchesBackedUp: number[] = [];
  const write = async () => {
    lastDailyDate = chinaToday();
    branchesBackedUp.push(await db.branches.count());
    return { path: 'daily.zip', bytes: 1 };
  };
  const api = {
    backupStatus: vi.fn(async () => ({ lastDailyDate }) as BackupStatus),
    writeBackup: vi.fn((_request: BackupWriteRequest) => write()),
    listBackups: vi.fn(),
    readBackup: vi.fn(),
  } satisfies BackupApi;
  // write: what writeBackup does, for a test that holds a write back and lets it finish later.
  return Object.assign(api, { branchesBackedUp, write });
}

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

let stop: (() => void) | undefined;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2025-06-02T01:00:00Z'));
  await db.open();
  await createBranch({ name: '机关第一党支部', termStart: '2024-01-01', termEnd: '2026-12-31' });
});

afterEach(() => {
  stop?.();
  stop = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
  Reflect.deleteProperty(document, 'visibilityState');
  delete (window as { api?: Partial<AppApi> }).api;
});

describe('startAutoBackup', () => {
  it('writes a new daily backup each day while the app stays open, and only one a day', async () => {
    const api = fakeBackups();
    stop = startAutoBackup(api);
    await vi.waitFor(() => expect(api.writeBackup).toHaveBeenCalledTimes(1));

    // Later the same day: the hourly check finds today's backup.
    await vi.advanceTimersByTimeAsync(HOUR);
    await vi.waitFor(() => expect(api.backupStatus).toHaveBeenCalledTimes(2));
    expect(api.writeBackup).toHaveBeenCalledTimes(1);

    // Three days later, never restarted: one more each day.
    for (let day = 1; day <= 3; day++) {
      vi.setSystemTime(new Date(Date.parse('2025-06-02T01:00:00Z') + day * DAY));
      await vi.advanceTimersByTimeAsync(HOUR);
      await vi.waitFor(() => expect(api.writeBackup).toHaveBeenCalledTimes(1 + day));
    }
    expect(api.writeBackup.mock.calls.every(([request]) => request.kind === 'daily')).toBe(true);
  });

  it('checks again when the window is shown after a night away', async () => {
    const api = fakeBackups();
    stop = startAutoBackup(api);
    await vi.waitFor(() => expect(api.writeBackup).toHaveBeenCalledTimes(1));

    setVisibility('hidden');
    vi.setSystemTime(new Date('2025-06-03T00:30:00Z'));
    expect(api.backupStatus).toHaveBeenCalledTimes(1);
    setVisibility('visible');
    await vi.waitFor(() => expect(api.writeBackup).toHaveBeenCalledTimes(2));
  });

  it('starts no second backup while one is still being written', async () => {
    const api = fakeBackups();
    let finish: () => void = () => undefined;
    api.writeBackup.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          finish = () => resolve(api.write());
        }),
    );
    stop = startAutoBackup(api);
    await vi.waitFor(() => expect(api.writeBackup).toHaveBeenCalledTimes(1));
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(api.backupStatus).toHaveBeenCalledTimes(1);
    finish();
    // What was asked for meanwhile gets one check once it ended, which finds today's backup.
    await vi.waitFor(() => expect(api.backupStatus).toHaveBeenCalledTimes(2));
    expect(api.writeBackup).toHaveBeenCalledTimes(1);
  });

  it('waits while a restore is running, and backs up after it', async () => {
    const api = fakeBackups();
    const seen: boolean[] = [];
    const file = blobOf(await readFixture());
    stop = startAutoBackup(api);
    await vi.waitFor(() => expect(api.writeBackup).toHaveBeenCalledTimes(1));
    vi.setSystemTime(new Date('2025-06-03T01:00:00Z'));

    const result = await restoreBackup(file, 'addAsNewBranches', {
      onProgress: () => {
        seen.push(isRestoreRunning());
        // The window is shown and the hour strikes in the middle of the restore.
        setVisibility('visible');
        void vi.advanceTimersByTimeAsync(HOUR);
      },
    });
    expect(result.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(Boolean)).toBe(true);
    expect(isRestoreRunning()).toBe(false);
    expect(api.backupStatus).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(HOUR);
    await vi.waitFor(() => expect(api.writeBackup).toHaveBeenCalledTimes(2));
  });

  it('writes each failure to the error log, for the administrator', async () => {
    const writeLog = vi.fn(async () => undefined);
    (window as { api?: Partial<AppApi> }).api = { writeLog };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const api = fakeBackups();
    api.writeBackup.mockRejectedValue(new Error('自动备份写入失败：磁盘空间不足'));
    stop = startAutoBackup(api);
    await vi.waitFor(() => expect(writeLog).toHaveBeenCalledTimes(1));
    expect(writeLog).toHaveBeenCalledWith({ source: 'auto-backup', message: '自动备份写入失败：磁盘空间不足' });
    // The hourly retry fails again: logged again (the user is told once a day).
    await vi.advanceTimersByTimeAsync(HOUR);
    await vi.waitFor(() => expect(writeLog).toHaveBeenCalledTimes(2));
  });
});

describe('an empty ledger and a restore (a new PC: the app opens empty, then the old PC’s backup is restored)', () => {
  beforeEach(async () => {
    await db.branches.clear();
  });

  it('an empty ledger is not backed up; once a branch exists, the next check backs it up', async () => {
    const api = fakeBackups();
    expect(await runAutoBackup(api)).toBe('empty');
    stop = startAutoBackup(api);
    await vi.waitFor(() => expect(api.backupStatus).toHaveBeenCalledTimes(2));
    expect(api.writeBackup).not.toHaveBeenCalled();

    await createBranch({ name: '机关第一党支部', termStart: '2024-01-01', termEnd: '2026-12-31' });
    await vi.advanceTimersByTimeAsync(HOUR);
    await vi.waitFor(() => expect(api.writeBackup).toHaveBeenCalledTimes(1));
    // The fake counts the branches after an await of its own: wait for its count, not only for the call.
    await vi.waitFor(() => expect(api.branchesBackedUp).toEqual([1]));
  });

  it('a restore onto the empty ledger is backed up at once, not an hour or a day later', async () => {
    const api = fakeBackups();
    stop = startAutoBackup(api);
    await vi.waitFor(() => expect(api.backupStatus).toHaveBeenCalledTimes(1));
    await Promise.resolve();

    const { result } = renderHook(() => useRestoreFlow(), { wrapper: AppProviders });
    await result.current.inspect('旧电脑.zip', blobOf(await readFixture()));
    await vi.waitFor(() => expect(result.current.state.step).toBe('preview'));
    await result.current.restore('replace');
    // No timer advanced: the restore itself asked for the check.
    await vi.waitFor(() => expect(api.writeBackup).toHaveBeenCalledTimes(1), { timeout: 5000 });
    await vi.waitFor(() => expect(api.branchesBackedUp).toHaveLength(1), { timeout: 5000 });
    expect(api.branchesBackedUp[0]).toBeGreaterThan(0);
    expect(api.writeBackup.mock.calls[0]![0].kind).toBe('daily');
  });

  it('a restore on a day that has its backup keeps that one: it holds the data from before the restore', async () => {
    const api = fakeBackups(chinaToday());
    stop = startAutoBackup(api);
    const { result } = renderHook(() => useRestoreFlow(), { wrapper: AppProviders });
    await result.current.inspect('旧电脑.zip', blobOf(await readFixture()));
    await vi.waitFor(() => expect(result.current.state.step).toBe('preview'));
    const checksBefore = api.backupStatus.mock.calls.length;
    await result.current.restore('addAsNewBranches');
    await vi.waitFor(() => expect(api.backupStatus.mock.calls.length).toBeGreaterThan(checksBefore));
    expect(api.writeBackup).not.toHaveBeenCalled();
  });
});
