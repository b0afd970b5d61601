// The main window: the only BrowserWindow the app opens, with every renderer-side protection switched on.
import { BrowserWindow, dialog } from 'electron';
import { PRODUCT_NAME } from './identity';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string;
  /** app://ledger/index.html in production, the Vite dev server in dev. */
  url: string;
}

export function createMainWindow({ preloadPath, url }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1280,
    height: 820,
    // Below this the ledger tables and the form side by side no longer fit.
    minWidth: 1024,
    minHeight: 680,
    // Shown on ready-to-show, so users never see an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Offline machines cannot fetch dictionaries, and the spellchecker has no Chinese anyway.
      spellcheck: false,
    },
  });
  // Keep the product name in the title bar whatever <title> the page sets.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  // A form with unsaved edits refuses to unload (renderer/src/ui/leaveGuard.ts); Electron shows nothing by itself,
  // so the window would just not close (or reload). Ask, and unload only on 「放弃修改」.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: PRODUCT_NAME,
      message: '有尚未保存的修改',
      detail: '关闭或重新载入窗口后，这些修改将丢失。',
      buttons: ['放弃修改', '继续编辑'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (choice === 0) event.preventDefault();
  });
  window.loadURL(url).catch((error: unknown) => console.error('主窗口页面加载失败', error));
  return window;
}
