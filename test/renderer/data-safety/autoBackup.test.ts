// The daily automatic backup keeps running in an app left open for days: hourly and when the window is shown again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppApi, BackupStatus, BackupWriteRequest } from '../../../shared/ipc';
import { chinaToday } from '../../../shared/schemas/common';
import { isRestoreRunning, restoreBackup } from '../../../renderer/src/db/backup/restore';
import { db } from '../../../renderer/src/db/db';
import { AUTO_BACKUP_CHECK_MS, startAutoBackup } from '../../../renderer/src/features/data-safety/autoBackup';
import type { BackupApi } from '../../../renderer/src/host/backupApi';
import { blobOf, installCloneableBlob, readFixture } from '../backup/helpers';

installCloneableBlob();

const HOUR = AUTO_BACKUP_CHECK_MS;
const DAY = 24 * 60 * 60 * 1000;

/** main's side: remembers the China date of the last daily backup written. */
function fakeBackups() {
  let lastDailyDate: string | null = null;
  const api = {
    backupStatus: vi.fn(async () => ({ lastDailyDate }) as BackupStatus),
    writeBackup: vi.fn(async (_request: BackupWriteRequest) => {
      lastDailyDate = chinaToday();
      return { path: 'daily.zip', bytes: 1 };
    }),
    listBackups: vi.fn(),
    readBackup: vi.fn(),
  } satisfies BackupApi;
  return api;
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
          finish = () => resolve({ path: 'daily.zip', bytes: 1 });
        }),
    );
    stop = startAutoBackup(api);
    await vi.waitFor(() => expect(api.writeBackup).toHaveBeenCalledTimes(1));
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(api.backupStatus).toHaveBeenCalledTimes(1);
    finish();
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
