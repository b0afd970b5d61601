// Main-process entry: the app's lifecycle only (paths, single instance, sandbox, protocol, window); the rest is delegated.
import { join } from 'node:path';
import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { logError } from './errorLog';
import { PRODUCT_NAME, USER_DATA_DIR_NAME } from './identity';
import { registerAppHandlers } from './ipc/app';
import { registerBackupHandlers } from './ipc/backups';
import { registerFileHandlers } from './ipc/files';
import { registerLogHandlers } from './ipc/log';
import { registerWindowHandlers } from './ipc/window';
import { wantsAppLockReset, withAppLockResetQuery } from '../../shared/lock/reset';
import { APP_INDEX_URL, registerAppProtocol, registerAppScheme } from './protocol';
import { devServerOrigin, hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

/** The bundle lives in out/main; the preload and the renderer build are its siblings. */
const outDir = join(__dirname, '..');

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  const devUrl = devServerOrigin() === null ? null : process.env.VITE_DEV_SERVER_URL;
  mainWindow = createMainWindow({
    preloadPath: join(outDir, 'preload', 'index.cjs'),
    // --reset-app-lock (an admin's way back in, docs/security.md) travels to the page as a query on the fixed origin.
    url: devUrl ?? (wantsAppLockReset(process.argv) ? withAppLockResetQuery(APP_INDEX_URL) : APP_INDEX_URL),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** What the start-up failure box says: what happened, that the data is untouched, what to do, where the log is. */
function startupFailureText(error: unknown, logFolder: string | null): string {
  const reason = error instanceof Error ? error.message : String(error);
  const lines = [
    '本软件启动时出错，已退出。本机的台账数据没有因此改动。',
    '',
    `错误信息：${reason}`,
    '',
    '请重新打开本软件；如仍无法启动，请重新启动电脑后再试。仍不行时请联系管理员，并提供上面的错误信息。',
  ];
  if (logFolder) lines.push('', `错误已记录在日志文件夹：${logFolder}`);
  return lines.join('\n');
}

/**
 * A start-up that failed must not just vanish: to the user that looks like 「双击没有反应」, and an installed build has
 * no console to read. Log it, say it in a Chinese box (usable before ready, too), then quit.
 */
function failStartup(error: unknown): void {
  const folder = logError('启动失败', error);
  try {
    dialog.showErrorBox(`${PRODUCT_NAME}无法启动`, startupFailureText(error, folder));
  } finally {
    app.quit();
  }
}

function startApp(): void {
  // First of all: the data folder is fixed (the single-instance lock lives there too) and never follows the
  // Chinese productName, which would change the path if the display name were ever edited.
  app.setPath('userData', join(app.getPath('appData'), USER_DATA_DIR_NAME));
  registerAppScheme();

  if (!app.requestSingleInstanceLock()) {
    // Another copy is running and has been told to come forward; two writers on one IndexedDB would corrupt it.
    app.quit();
    return;
  }
  app.enableSandbox();

  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      // An installed build has no menu at all. Electron's default one (built at launch unless the app sets its own)
      // is English, shows on Alt, and its accelerators are the only keys that reload the page (Ctrl+R,
      // Ctrl+Shift+R: a reload resets the app lock's wrong-password counter) or open developer tools (Ctrl+Shift+I,
      // around the lock); Electron, unlike Chrome, binds no such key itself (F5 and F12 do nothing). Its zoom keys
      // are re-bound in window.ts. Set before the window exists, so it never shows that menu. Development keeps it.
      if (app.isPackaged) Menu.setApplicationMenu(null);
      hardenSession(session.defaultSession);
      registerAppProtocol(join(outDir, 'renderer'));
      registerAppHandlers();
      registerFileHandlers();
      registerBackupHandlers();
      registerLogHandlers();
      registerWindowHandlers();
      openMainWindow();
      app.on('activate', () => {
        if (!mainWindow) openMainWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('启动失败', error);
      failStartup(error);
    });
}

try {
  startApp();
} catch (error) {
  console.error('启动失败', error);
  failStartup(error);
}
