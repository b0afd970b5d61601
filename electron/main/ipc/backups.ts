// IPC handlers of the `backup:` domain: the renderer hands main the bytes; main alone decides folder, names and rotation.
import { join } from 'node:path';
import { app } from 'electron';
import { BACKUP_DIR_NAME, backupStatus, listBackupFiles, readBackupFile, writeBackupFile } from '../backups';
import { fsErrorText } from '../fs-errors';
import { handle } from './handle';

/**
 * userData/backups: beside the database, so the whole data folder — copied with the app closed, or renamed after a
 * failure (docs/admin.md §2, §6) — carries its backups.
 */
export function backupDir(): string {
  return join(app.getPath('userData'), BACKUP_DIR_NAME);
}

export function registerBackupHandlers(): void {
  handle('backup:write', async (request) => {
    try {
      return await writeBackupFile(backupDir(), request.kind, request.data);
    } catch (error) {
      throw new Error(`自动备份写入失败：${fsErrorText(error, 'backup')}`, { cause: error });
    }
  });
  handle('backup:list', async () => listBackupFiles(backupDir()));
  handle('backup:read', async (name) => {
    try {
      return await readBackupFile(backupDir(), name);
    } catch (error) {
      throw new Error(`无法读取备份「${name}」：${fsErrorText(error, 'read')}`, { cause: error });
    }
  });
  handle('backup:status', async () => backupStatus(backupDir()));
}
