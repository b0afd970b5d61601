// Host inside Electron: every file operation goes through the preload's typed `window.api`.
import type { AppApi, FileFilter } from '../../../shared/ipc';
import type { Host } from './host';

export function createElectronHost(api: AppApi): Host {
  return {
    kind: 'electron',
    async appInfo() {
      const info = await api.appInfo();
      return { productName: info.productName, version: info.version, dataLocation: info.userDataPath };
    },
    async saveFile(name: string, bytes: Uint8Array<ArrayBuffer>, filters: FileFilter[]) {
      const result = await api.saveFile({ suggestedName: name, data: bytes, filters });
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
