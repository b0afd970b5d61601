// The Electron-only backup methods of the preload bridge, or null in a browser (where there is no backups folder).
import type { AppApi } from '../../../../shared/ipc';

export type BackupApi = Pick<AppApi, 'writeBackup' | 'listBackups' | 'readBackup' | 'backupStatus'>;

export function getBackupApi(): BackupApi | null {
  return typeof window !== 'undefined' && window.api ? window.api : null;
}
