// The host's backups folder (Electron only: the preload bridge), or null in a browser, which has none.
import type { AppApi } from '../../../shared/ipc';
import { getElectronApi } from './electronHost';

export type BackupApi = Pick<AppApi, 'writeBackup' | 'listBackups' | 'readBackup' | 'backupStatus'>;

export function getBackupApi(): BackupApi | null {
  return getElectronApi();
}
