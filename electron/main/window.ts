// The main window: the only BrowserWindow the app opens, with every renderer-side protection switched on.
import {
  app,
  BrowserWindow,
  dialog,
  type Input,
  type MessageBoxSyncOptions,
  screen,
  type Size,
  type WebContents,
} from 'electron';
import type { BusyJob } from '../../shared/ipc';
import { logError } from './errorLog';
import { PRODUCT_NAME } from './identity';

/** Steps and bounds of Chromium's zoom level (factor 1.2^level): the step Electron's own View menu used, 58 %–173 %. */
const ZOOM_STEP = 0.5;
const ZOOM_MIN = -3;
const ZOOM_MAX = 3;

type ZoomChange = 'in' | 'out' | 'reset';

/** Ctrl+= / Ctrl++ / Ctrl+- / Ctrl+0 (numpad too, and any layout, since `key` is the typed character). */
function zoomKey(input: Input): ZoomChange | null {
  if (input.type !== 'keyDown' || input.alt) return null;
  if (!(input.control || (process.platform === 'darwin' && input.meta))) return null;
  if (input.key === '=' || input.key === '+') return 'in';
  if (input.key === '-') return 'out';
  if (input.key === '0') return 'reset';
  return null;
}

function zoom(contents: WebContents, change: ZoomChange): void {
  const level = change === 'reset' ? 0 : contents.zoomLevel + (change === 'in' ? ZOOM_STEP : -ZOOM_STEP);
  contents.zoomLevel = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, level));
}

/**
 * Zoom from the keyboard and Ctrl + mouse wheel. An installed build has no application menu (index.ts), and with it
 * went the View menu's zoom accelerators; a 书记 on a small or high-resolution screen still needs them. Nothing else
 * of that menu comes back: no reload (it would reset the app lock's wrong-password counter), no developer tools.
 */
function enableZoom(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    const change = zoomKey(input);
    if (change === null) return;
    event.preventDefault();
    zoom(contents, change);
  });
  // Electron only reports Ctrl + wheel; the page does not zoom unless main applies it.
  contents.on('zoom-changed', (_event, direction) => zoom(contents, direction));
}

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string;
  /** app://ledger/index.html in production, the Vite dev server in dev. */
  url: string;
}

/** The window's first size where the screen has room for it. */
const DEFAULT_SIZE: Size = { width: 1280, height: 820 };
/** Below this the ledger tables and the form side by side no longer fit. */
const MIN_SIZE: Size = { width: 1024, height: 680 };

/**
 * Room the screen leaves for the window: the commonest office laptop (1366×768, a work area of about 1366×728) and a
 * 1920×1080 screen at 150 % (1280×680 logical) are smaller than the default window, which would run off the bottom of
 * the screen (Windows does not shrink it). There the window fits the work area and opens maximised: the ledger's wide
 * tables (各支部概览 fits 1366 px) need every pixel, and a window a few pixels narrower than the screen helps no one.
 */
export function initialLayout(area: Size): { size: Size; minSize: Size; maximise: boolean } {
  const fit = (size: Size): Size => ({
    width: Math.min(size.width, area.width),
    height: Math.min(size.height, area.height),
  });
  const maximise = area.width < DEFAULT_SIZE.width + 100 || area.height < DEFAULT_SIZE.height + 40;
  return { size: fit(DEFAULT_SIZE), minSize: fit(MIN_SIZE), maximise };
}

export function createMainWindow({ preloadPath, url }: MainWindowOptions): BrowserWindow {
  const layout = initialLayout(screen.getPrimaryDisplay().workAreaSize);
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    ...layout.size,
    minWidth: layout.minSize.width,
    minHeight: layout.minSize.height,
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
      // An installed build has no developer tools: with them, anyone at a locked PC could read or change every record
      // (the app lock is a gate in the page). Run from the source tree (npm start, the Electron e2e tests) keeps them.
      devTools: !app.isPackaged,
    },
  });
  // Keep the product name in the title bar whatever <title> the page sets.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => {
    if (layout.maximise) window.maximize();
    window.show();
  });
  enableZoom(window.webContents);
  // A form with unsaved edits, or a restore or backup under way, refuses to unload (renderer/src/ui/leaveGuard.ts);
  // Electron shows nothing by itself, so the window would just not close (or reload). Ask, and unload only when told.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, unloadQuestion(busyJobs.get(window.webContents)));
    if (choice === 0) event.preventDefault();
  });
  // A renderer that dies (out of memory in a large restore, a GPU driver fault) leaves a blank window: log why.
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    logError('页面进程意外退出', `原因：${details.reason}，退出码：${details.exitCode}`);
  });
  window.loadURL(url).catch((error: unknown) => failedToLoad(error));
  return window;
}

/** The job each window's page says is running (`window:busy`); none means a refused unload is about unsaved edits. */
const busyJobs = new WeakMap<WebContents, BusyJob>();

export function setBusyJob(contents: WebContents, job: BusyJob | null): void {
  if (job === null) busyJobs.delete(contents);
  else busyJobs.set(contents, job);
}

/** Closing or reloading: button 0 lets the window go, button 1 (the default, and Esc) keeps it. */
function unloadQuestion(job: BusyJob | undefined): MessageBoxSyncOptions {
  const common = { type: 'warning', title: PRODUCT_NAME, defaultId: 1, cancelId: 1, noLink: true } as const;
  if (job === 'restore') {
    return {
      ...common,
      message: '正在从备份恢复，尚未完成',
      // Both restore paths write in one transaction or into a new database switched to at the end (docs/backup-format.md).
      detail:
        '现在关闭或重新载入窗口，恢复会中止，需要时请重新恢复。本机数据不会只恢复一半：仍是恢复前的数据；若恢复已到最后一步，则为恢复后的数据。',
      buttons: ['仍然关闭', '等待恢复完成'],
    };
  }
  if (job === 'backup') {
    return {
      ...common,
      message: '正在备份，尚未完成',
      detail: '现在关闭或重新载入窗口，这次备份不会保存。本机的台账数据不受影响。',
      buttons: ['仍然关闭', '等待备份完成'],
    };
  }
  return {
    ...common,
    message: '有尚未保存的修改',
    detail: '关闭或重新载入窗口后，这些修改将丢失。',
    buttons: ['放弃修改', '继续编辑'],
  };
}

/**
 * The page did not load (a damaged installation, the dev server not running): the window was never shown
 * (ready-to-show), so without a word the app would sit invisible in the background. Log it, say so, and quit.
 * ERR_ABORTED is a load replaced by another one (or the window closed while loading), not a failure.
 */
function failedToLoad(error: unknown): void {
  console.error('主窗口页面加载失败', error);
  if ((error as { code?: unknown } | null)?.code === 'ERR_ABORTED') return;
  const folder = logError('主窗口页面加载失败', error);
  const reason = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(
    `${PRODUCT_NAME}无法显示界面`,
    [
      '本软件的界面没有加载成功，软件将退出。本机的台账数据没有因此改动。',
      '',
      `错误信息：${reason}`,
      '',
      '请重新打开本软件；如仍不行，请管理员重新安装本软件（台账数据不在安装目录中，重新安装不会影响数据）。',
      ...(folder ? ['', `错误已记录在日志文件夹：${folder}`] : []),
    ].join('\n'),
  );
  app.quit();
}
