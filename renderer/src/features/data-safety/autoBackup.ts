// The daily automatic backup (Electron): once per China calendar day, after the database has opened, in the background.
import { message } from 'antd';
import { chinaToday } from '../../../../shared/schemas/common';
import { exportBackupBlob } from '../../db/backup/export';
import { isRestoreRunning } from '../../db/backup/restore';
import { db } from '../../db/db';
import { type BackupApi, getBackupApi } from '../../host/backupApi';
import { reportError } from '../../host/errorLog';

/** Writes today's daily backup unless one exists; 'skipped' when it does. Errors propagate to the caller. */
export async function runAutoBackup(api: BackupApi, now: Date = new Date()): Promise<'skipped' | 'written'> {
  const status = await api.backupStatus();
  if (status.lastDailyDate === chinaToday(now)) return 'skipped';
  const { blob } = await exportBackupBlob();
  await api.writeBackup({ kind: 'daily', data: new Uint8Array(await blob.arrayBuffer()) });
  return 'written';
}

/**
 * How often a running app checks whether today's backup exists. Office PCs keep the app open (or asleep) for days;
 * checking only at start would leave those days without a backup. The check itself is one small IPC call.
 */
export const AUTO_BACKUP_CHECK_MS = 60 * 60 * 1000;

let stopRunning: (() => void) | undefined;
let inProgress = false;
/** The China date of the last failure told to the user: an hourly retry must not repeat the message every hour. */
let failureToldOn: string | undefined;

function attempt(api: BackupApi): void {
  // A restore fills or replaces the database (an export now would read a half-written or closed one); a backup
  // still running is not started twice; a database closed by a newer build in another window cannot be read.
  if (inProgress || isRestoreRunning() || !db.isOpen()) return;
  inProgress = true;
  runAutoBackup(api)
    .catch((error: unknown) => {
      console.error('自动备份失败', error);
      // Every failure, not only the one told to the user: the hourly retries show how long it has been failing.
      reportError('auto-backup', error);
      const today = chinaToday();
      if (failureToldOn === today) return;
      failureToldOn = today;
      const reason = error instanceof Error ? error.message : String(error);
      void message.error({ content: `今天的自动备份没有完成：${reason}。可在“数据安全”中手动备份。`, duration: 10 });
    })
    .finally(() => {
      inProgress = false;
    });
}

/**
 * Starts the daily backup without blocking the UI; called once from main.tsx after openDatabase. It runs at once,
 * then every hour and whenever the window is shown again, and writes only when today has no daily backup yet. A
 * failure is told to the user (antd's static message: this runs outside the React tree) but never stops the app.
 * Returns a function that stops it (tests).
 */
export function startAutoBackup(api: BackupApi | null = getBackupApi()): () => void {
  if (!api) return () => undefined;
  if (stopRunning) return stopRunning;
  const timer = setInterval(() => attempt(api), AUTO_BACKUP_CHECK_MS);
  const onVisibilityChange = () => {
    if (document.visibilityState === 'visible') attempt(api);
  };
  document.addEventListener('visibilitychange', onVisibilityChange);
  const stop = () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibilityChange);
    stopRunning = undefined;
    failureToldOn = undefined;
  };
  stopRunning = stop;
  attempt(api);
  return stop;
}
