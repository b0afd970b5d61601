// The daily automatic backup (Electron): once per China calendar day, after the database has opened, in the background.
import { message } from 'antd';
import { chinaToday } from '../../../../shared/schemas/common';
import { exportBackupBlob } from '../../db/backup/export';
import { isRestoreRunning } from '../../db/backup/restore';
import { db } from '../../db/db';
import { type BackupApi, getBackupApi } from '../../host/backupApi';
import { reportError } from '../../host/errorLog';

/**
 * Writes today's daily backup unless one exists ('skipped') or the ledger holds no branch yet ('empty'). Errors
 * propagate to the caller.
 *
 * An empty ledger is not backed up: on a new PC (or a new Windows account) the app opens empty before the user
 * restores the old PC's backup, and today's backup would then hold nothing while the restored data got none until
 * tomorrow. Skipping also keeps an emptied ledger (every branch deleted) from filling the seven daily slots and
 * rotating out the backups that still hold data. A ledger with no branch has no records worth a backup: every
 * record belongs to a branch.
 */
export async function runAutoBackup(api: BackupApi, now: Date = new Date()): Promise<'skipped' | 'empty' | 'written'> {
  const status = await api.backupStatus();
  if (status.lastDailyDate === chinaToday(now)) return 'skipped';
  if ((await db.branches.count()) === 0) return 'empty';
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
/** The api of the running check, for a backup asked for between checks (backUpAfterRestore). */
let runningApi: BackupApi | undefined;
let inProgress = false;
/** Asked for while one was in progress: checked again as soon as it ends (it may have seen the data before). */
let again = false;
/** The China date of the last failure told to the user: an hourly retry must not repeat the message every hour. */
let failureToldOn: string | undefined;

function attempt(api: BackupApi): void {
  // A restore fills or replaces the database (an export now would read a half-written or closed one); a backup
  // still running is not started twice (a call meanwhile checks again once it ends); a database closed by a newer
  // build in another window cannot be read.
  if (inProgress) {
    again = true;
    return;
  }
  if (isRestoreRunning() || !db.isOpen()) return;
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
      const rerun = again && runningApi === api;
      again = false;
      if (rerun) attempt(api);
    });
}

/**
 * After a restore wrote data (覆盖全部, 作为新支部导入, 替换本机的同一支部): the check runs now rather than within the
 * hour. It writes only when today has no daily backup yet — on a new PC, where the empty ledger was not backed up,
 * that is at once, so the restored data have a copy on this PC the same day. When today's backup exists it is kept:
 * it holds the data as they were before the restore, the way back from restoring the wrong file.
 */
export function backUpAfterRestore(): void {
  if (runningApi) attempt(runningApi);
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
    runningApi = undefined;
    again = false;
    failureToldOn = undefined;
  };
  stopRunning = stop;
  runningApi = api;
  attempt(api);
  return stop;
}
