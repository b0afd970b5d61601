// Host inside Electron: every file operation goes through the preload's typed `window.api`.
import type { AppApi, FileFilter } from '../../../shared/ipc';
import { safeFileName } from '../../../shared/fileName';
import type { Host } from './host';

/** What Electron puts before the main side's `error.toString()` when a handler throws (ipc-renderer.ts). */
const IPC_ENVELOPE = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

/**
 * A rejected `invoke` reaches the renderer as 「Error invoking remote method 'backup:write': Error: 自动备份写入失败…」.
 * The user should read only the main side's own (Chinese) message; anything else passes through unchanged.
 */
export function plainIpcError(error: unknown): unknown {
  if (!(error instanceof Error) || !IPC_ENVELOPE.test(error.message)) return error;
  return new Error(error.message.replace(IPC_ENVELOPE, ''), { cause: error });
}

function plain<T>(call: () => Promise<T>): Promise<T> {
  return call().catch((error: unknown) => {
    throw plainIpcError(error);
  });
}

/** `api` with Electron's English error envelope removed from every rejection: the one place that does it. */
export function withPlainErrors(api: AppApi): AppApi {
  return {
    appInfo: () => plain(() => api.appInfo()),
    saveFile: (request) => plain(() => api.saveFile(request)),
    openFile: (request) => plain(() => api.openFile(request)),
    writeBackup: (request) => plain(() => api.writeBackup(request)),
    listBackups: () => plain(() => api.listBackups()),
    readBackup: (name) => plain(() => api.readBackup(name)),
    backupStatus: () => plain(() => api.backupStatus()),
    writeLog: (request) => plain(() => api.writeLog(request)),
    setBusyJob: (job) => plain(() => api.setBusyJob(job)),
  };
}

const wrapped = new WeakMap<AppApi, AppApi>();

/** The preload's bridge with plain errors, or null outside Electron. Every renderer use of `window.api` goes here. */
export function getElectronApi(): AppApi | null {
  const raw = typeof window === 'undefined' ? undefined : window.api;
  if (!raw) return null;
  let api = wrapped.get(raw);
  if (!api) {
    api = withPlainErrors(raw);
    wrapped.set(raw, api);
  }
  return api;
}

export function createElectronHost(api: AppApi): Host {
  return {
    kind: 'electron',
    async appInfo() {
      const info = await api.appInfo();
      return {
        productName: info.productName,
        version: info.version,
        dataLocation: info.userDataPath,
        logLocation: info.logsPath,
      };
    },
    async saveFile(name: string, bytes: Uint8Array<ArrayBuffer>, filters: FileFilter[]) {
      // Names built from free text (支部 or 党小组 names with 「/」) would be refused by main as a path.
      const result = await api.saveFile({ suggestedName: safeFileName(name), data: bytes, filters });
      if (result.ok) return 'saved';
      if ('canceled' in result) return 'canceled';
      throw new Error(result.error);
    },
    async openFile(accept: FileFilter[]) {
      const result = await api.openFile({ filters: accept });
      if (result.ok) return { name: result.name, bytes: result.data };
      if ('canceled' in result) return null;
      throw new Error(result.error);
    },
  };
}
