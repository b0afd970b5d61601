// The daily automatic backup (Electron): once per China calendar day, after the database has opened, in the background.
import { message } from 'antd';
import { chinaToday } from '../../../../shared/schemas/common';
import { exportBackupBlob } from '../../db/backup/export';
import { type BackupApi, getBackupApi } from '../../host/backupApi';

/** Writes today's daily backup unless one exists; 'skipped' when it does. Errors propagate to the caller. */
export async function runAutoBackup(api: BackupApi, now: Date = new Date()): Promise<'skipped' | 'written'> {
  const status = await api.backupStatus();
  if (status.lastDailyDate === chinaToday(now)) return 'skipped';
  const { blob } = await exportBackupBlob();
  await api.writeBackup({ kind: 'daily', data: new Uint8Array(await blob.arrayBuffer()) });
  return 'written';
}

let started = false;

/**
 * Starts the daily backup without blocking the UI; called once from main.tsx after openDatabase. A failure is told
 * to the user (antd's static message: this runs outside the React tree) but never stops the app.
 */
export function startAutoBackup(api: BackupApi | null = getBackupApi()): void {
  if (!api || started) return;
  started = true;
  runAutoBackup(api).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    console.error('自动备份失败', error);
    void message.error({ content: `今天的自动备份没有完成：${reason}。可在“数据安全”中手动备份。`, duration: 10 });
  });
}
