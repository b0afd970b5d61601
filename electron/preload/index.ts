// Preload: the renderer's only bridge to main, a few named methods typed by the shared IPC contract.
import { contextBridge, ipcRenderer } from 'electron';
import type { AppApi, Channel, RequestOf, ResponseOf } from '../../shared/ipc';

/** Only named channels, never ipcRenderer itself: the page cannot reach channels the contract does not list. */
function invoke<K extends Channel>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  return ipcRenderer.invoke(channel, request) as Promise<ResponseOf<K>>;
}

const api = {
  appInfo: () => invoke('app:info', undefined),
  saveFile: (request) => invoke('file:save', request),
  openFile: (request) => invoke('file:open', request),
  writeBackup: (request) => invoke('backup:write', request),
  listBackups: () => invoke('backup:list', undefined),
  readBackup: (name) => invoke('backup:read', name),
  backupStatus: () => invoke('backup:status', undefined),
  writeLog: (request) => invoke('log:write', request),
  setBusyJob: (job) => invoke('window:busy', job),
} satisfies AppApi;

contextBridge.exposeInMainWorld('api', api);
