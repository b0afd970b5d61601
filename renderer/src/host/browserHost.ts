// Host in a plain browser (dev server, e2e): saving is a download, opening is a hidden file input.
import { safeFileName } from '../../../shared/fileName';
import type { FileFilter } from '../../../shared/ipc';
import type { Host } from './host';

/** Vite exposes VITE_* variables; the build sets VITE_APP_VERSION from package.json when it can. */
const buildVersion: string = import.meta.env.VITE_APP_VERSION ?? '开发版';

function acceptAttribute(filters: FileFilter[]): string {
  return filters.flatMap((f) => f.extensions.map((ext) => `.${ext.toLowerCase()}`)).join(',');
}

export const browserHost: Host = {
  kind: 'browser',
  async appInfo() {
    return { productName: '支部标准化台账', version: buildVersion };
  },
  async saveFile(name: string, bytes: Uint8Array<ArrayBuffer>) {
    // A browser cannot tell whether the user kept the download, so a started download counts as saved.
    const url = URL.createObjectURL(new Blob([bytes]));
    try {
      const link = document.createElement('a');
      link.href = url;
      // The same name the desktop app would suggest (a browser's own cleaning differs between browsers).
      link.download = safeFileName(name);
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
    } finally {
      // Revoke later: Chromium reads the blob after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
    return 'saved';
  },
  openFile(accept: FileFilter[]) {
    return new Promise((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = acceptAttribute(accept);
      input.style.display = 'none';
      const finish = () => input.remove();
      input.addEventListener('cancel', () => {
        finish();
        resolve(null);
      });
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        finish();
        if (!file) {
          resolve(null);
          return;
        }
        file.arrayBuffer().then(
          (buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }),
          () => reject(new Error(`无法读取文件「${file.name}」`)),
        );
      });
      document.body.append(input);
      input.click();
    });
  },
};
