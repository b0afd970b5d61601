// IPC handlers of the `app:` domain: what the renderer may learn about the running application.
import { app } from 'electron';
import { PRODUCT_NAME, USER_DATA_DIR_NAME } from '../identity';
import { handle } from './handle';

export function registerAppHandlers(): void {
  handle('app:info', async () => ({
    name: USER_DATA_DIR_NAME,
    productName: PRODUCT_NAME,
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    platform: process.platform,
    arch: process.arch,
    // Shown in 关于 so an admin knows which folder to back up.
    userDataPath: app.getPath('userData'),
    // Shown on the start-up error screen: the folder to send with a problem report.
    logsPath: app.getPath('logs'),
  }));
}
