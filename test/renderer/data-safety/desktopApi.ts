// The preload's `window.api` for renderer tests of 数据安全 (the Electron boundary, mocked): a save dialog that accepts
// and records what it was given, the app's info, the automatic-backup list and its status.
import { vi } from 'vitest';
import type { AppApi, BackupFileInfo, BackupStatus, SaveFileRequest } from '../../../shared/ipc';

/** Installs the desktop API with `backups` as the automatic backups; returns the save requests as they come. */
export function installDesktopApi(backups: BackupFileInfo[] = [], extra: Partial<AppApi> = {}): SaveFileRequest[] {
  const saved: SaveFileRequest[] = [];
  const api: Partial<AppApi> = {
    saveFile: vi.fn(async (request: SaveFileRequest) => {
      saved.push(request);
      return { ok: true as const, path: `D:\\${request.suggestedName}` };
    }),
    appInfo: vi.fn(
      async () => ({ productName: '支部标准化台账', version: '1.2.0', userDataPath: 'C:\\data' }) as never,
    ),
    listBackups: vi.fn(async () => backups),
    backupStatus: vi.fn(async (): Promise<BackupStatus> => ({
      lastDailyDate: null,
      freeBytes: null,
      lowDisk: false,
      dir: 'C:\\b',
    })),
    ...extra,
  };
  (window as { api?: Partial<AppApi> }).api = api;
  return saved;
}

/** Takes the desktop API away again (a plain browser). */
export function removeDesktopApi(): void {
  delete (window as { api?: AppApi }).api;
}
