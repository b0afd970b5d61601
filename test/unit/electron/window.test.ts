// The main window's options: every renderer protection on, the preload wired in, shown only when ready.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerWindowHandlers } from '../../../electron/main/ipc/window';
import { createMainWindow } from '../../../electron/main/window';
import { app, dialog, FakeWebFrame, invokeEventFrom, resetFakeElectron, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

beforeEach(() => {
  resetFakeElectron();
});

function open() {
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', url: 'app://ledger/index.html' });
  const window = state.windows[0];
  if (!window) throw new Error('no window was created');
  return window;
}

describe('createMainWindow', () => {
  it('locks down webPreferences', () => {
    const { options } = open();
    const prefs = options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(prefs.preload).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('has no developer tools in an installed build, so Ctrl+Shift+I cannot get past the app lock', () => {
    app.isPackaged = true;
    const prefs = open().options.webPreferences as Record<string, unknown>;
    expect(prefs.devTools).toBe(false);
  });

  it('keeps developer tools when run from the source tree (npm start, the Electron e2e tests)', () => {
    app.isPackaged = false;
    const prefs = open().options.webPreferences as Record<string, unknown>;
    expect(prefs.devTools).toBe(true);
  });

  it('has the product title and a minimum size, and loads the given URL', () => {
    const window = open();
    expect(window.options).toMatchObject({ title: '支部标准化台账', show: false });
    expect(window.options.minWidth).toBeGreaterThanOrEqual(800);
    expect(window.options.minHeight).toBeGreaterThanOrEqual(600);
    expect(window.loadedUrl).toBe('app://ledger/index.html');
  });

  it('fits a small screen and opens maximised there, so its bottom is never below the taskbar', () => {
    // A 1366×768 laptop: a work area of 1366×728, smaller than the 1280×820 window.
    state.workArea = { width: 1366, height: 728 };
    const small = open();
    expect(small.options).toMatchObject({ width: 1280, height: 728, minWidth: 1024, minHeight: 680 });
    small.emit('ready-to-show');
    expect(small.maximized).toBe(true);
    expect(small.visible).toBe(true);
    // 1920×1080 at 150 %: 1280×680 logical, a window that may not be smaller than that.
    resetFakeElectron();
    state.workArea = { width: 1280, height: 680 };
    expect(open().options).toMatchObject({ width: 1280, height: 680, minWidth: 1024, minHeight: 680 });
  });

  it('keeps its size on a large screen, not maximised', () => {
    const window = open();
    expect(window.options).toMatchObject({ width: 1280, height: 820 });
    window.emit('ready-to-show');
    expect(window.maximized).toBe(false);
  });

  it('shows itself only once ready-to-show fires', () => {
    const window = open();
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('keeps its title when the page sets another', () => {
    const window = open();
    const event = { preventDefault: vi.fn() };
    window.emit('page-title-updated', event, 'Vite App');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('asks before a window with unsaved edits closes, and closes only when told to discard them', () => {
    const window = open();
    dialog.showMessageBoxSync.mockReturnValueOnce(1);
    const stay = { preventDefault: vi.fn() };
    window.webContents.emit('will-prevent-unload', stay);
    expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ message: '有尚未保存的修改', buttons: ['放弃修改', '继续编辑'], cancelId: 1 }),
    );
    // 继续编辑: the unload stays prevented.
    expect(stay.preventDefault).not.toHaveBeenCalled();
    dialog.showMessageBoxSync.mockReturnValueOnce(0);
    const leave = { preventDefault: vi.fn() };
    window.webContents.emit('will-prevent-unload', leave);
    expect(leave.preventDefault).toHaveBeenCalled();
  });

  describe('closing during a job the page said is running (window:busy) asks about that job', () => {
    function registeredBusy(window: ReturnType<typeof open>) {
      registerWindowHandlers();
      const handler = state.ipcHandlers.get('window:busy');
      if (!handler) throw new Error('no handler for window:busy');
      return (job: unknown) => handler(invokeEventFrom(window), job);
    }

    it('a restore that is writing: 仍然关闭 or 等待恢复完成, and waiting is the default', async () => {
      const window = open();
      await registeredBusy(window)('restore');
      dialog.showMessageBoxSync.mockReturnValueOnce(1);
      const wait = { preventDefault: vi.fn() };
      window.webContents.emit('will-prevent-unload', wait);
      expect(dialog.showMessageBoxSync).toHaveBeenLastCalledWith(
        window,
        expect.objectContaining({
          message: '正在从备份恢复，尚未完成',
          buttons: ['仍然关闭', '等待恢复完成'],
          defaultId: 1,
          cancelId: 1,
        }),
      );
      expect(wait.preventDefault).not.toHaveBeenCalled();
      dialog.showMessageBoxSync.mockReturnValueOnce(0);
      const close = { preventDefault: vi.fn() };
      window.webContents.emit('will-prevent-unload', close);
      expect(close.preventDefault).toHaveBeenCalled();
    });

    it('a backup asks about the backup; once the page says the job ended, the question is about edits again', async () => {
      const window = open();
      const busy = registeredBusy(window);
      await busy('backup');
      window.webContents.emit('will-prevent-unload', { preventDefault: vi.fn() });
      expect(dialog.showMessageBoxSync).toHaveBeenLastCalledWith(
        window,
        expect.objectContaining({ message: '正在备份，尚未完成', buttons: ['仍然关闭', '等待备份完成'] }),
      );
      await busy(null);
      window.webContents.emit('will-prevent-unload', { preventDefault: vi.fn() });
      expect(dialog.showMessageBoxSync).toHaveBeenLastCalledWith(
        window,
        expect.objectContaining({ message: '有尚未保存的修改' }),
      );
    });

    it('refuses a job it does not know and a foreign page, changing nothing', async () => {
      const window = open();
      const busy = registeredBusy(window);
      await expect(busy('format-disk')).rejects.toThrow(/参数无效/);
      const handler = state.ipcHandlers.get('window:busy')!;
      await expect(
        handler(invokeEventFrom(window, new FakeWebFrame('https://example.com/')), 'restore'),
      ).rejects.toThrow(/来源不受信任/);
      window.webContents.emit('will-prevent-unload', { preventDefault: vi.fn() });
      expect(dialog.showMessageBoxSync).toHaveBeenLastCalledWith(
        window,
        expect.objectContaining({ message: '有尚未保存的修改' }),
      );
    });
  });

  describe('failures are logged, not only printed to a console an installed build does not have', () => {
    let logs = '';
    beforeEach(() => {
      logs = mkdtempSync(join(tmpdir(), 'ledger-window-'));
      state.paths.set('logs', logs);
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      return () => rmSync(logs, { recursive: true, force: true });
    });
    const logText = () => readFileSync(join(logs, 'errors.log'), 'utf8');

    it('a page that does not load: logged, said in a Chinese box, and the invisible app quits', async () => {
      state.loadError = Object.assign(new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://ledger/index.html'"), {
        code: 'ERR_FILE_NOT_FOUND',
      });
      open();
      await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
      expect(state.errorBoxes).toHaveLength(1);
      expect(state.errorBoxes[0]!.title).toBe('支部标准化台账无法显示界面');
      expect(state.errorBoxes[0]!.content).toContain('错误信息：ERR_FILE_NOT_FOUND');
      expect(state.errorBoxes[0]!.content).toContain('重新安装不会影响数据');
      expect(state.errorBoxes[0]!.content).toContain(`错误已记录在日志文件夹：${logs}`);
      expect(logText()).toContain('主窗口页面加载失败\nERR_FILE_NOT_FOUND (-6)');
    });

    it('a load replaced by another (ERR_ABORTED) is no failure', async () => {
      state.loadError = Object.assign(new Error('ERR_ABORTED (-3)'), { code: 'ERR_ABORTED' });
      open();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(state.errorBoxes).toHaveLength(0);
      expect(app.quit).not.toHaveBeenCalled();
    });

    it('a page process that dies is logged with its reason; a clean exit is not', () => {
      const window = open();
      window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
      window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: -536870904 });
      expect(logText()).toContain('页面进程意外退出\n原因：oom，退出码：-536870904');
      expect(logText()).not.toContain('clean-exit');
    });
  });

  describe('zoom (the menu that used to carry Ctrl+= / Ctrl+- / Ctrl+0 is gone in installed builds)', () => {
    function press(window: ReturnType<typeof open>, key: string, modifiers: Record<string, boolean> = {}) {
      const event = { preventDefault: vi.fn() };
      const input = { type: 'keyDown', key, control: true, shift: false, alt: false, meta: false, ...modifiers };
      window.webContents.emit('before-input-event', event, input);
      return event;
    }

    it('zooms in with Ctrl+= or Ctrl++, out with Ctrl+-, back to 100 % with Ctrl+0, as the default View menu did', () => {
      const window = open();
      expect(press(window, '=').preventDefault).toHaveBeenCalled();
      expect(window.webContents.zoomLevel).toBe(0.5);
      press(window, '+', { shift: true });
      expect(window.webContents.zoomLevel).toBe(1);
      press(window, '-');
      expect(window.webContents.zoomLevel).toBe(0.5);
      press(window, '0');
      expect(window.webContents.zoomLevel).toBe(0);
    });

    it('stays within bounds', () => {
      const window = open();
      for (let i = 0; i < 20; i++) press(window, '=');
      expect(window.webContents.zoomLevel).toBe(3);
      for (let i = 0; i < 40; i++) press(window, '-');
      expect(window.webContents.zoomLevel).toBe(-3);
    });

    it('leaves other keys, key-up, Ctrl+Alt (AltGr) and unmodified keys to the page', () => {
      const window = open();
      for (const event of [
        press(window, 'r'),
        press(window, '=', { control: false }),
        press(window, '=', { alt: true }),
        press(window, 'F5', { control: false }),
      ]) {
        expect(event.preventDefault).not.toHaveBeenCalled();
      }
      const up = { preventDefault: vi.fn() };
      window.webContents.emit('before-input-event', up, { type: 'keyUp', key: '=', control: true });
      expect(up.preventDefault).not.toHaveBeenCalled();
      expect(window.webContents.zoomLevel).toBe(0);
    });

    it('zooms with Ctrl + mouse wheel', () => {
      const window = open();
      window.webContents.emit('zoom-changed', {}, 'in');
      window.webContents.emit('zoom-changed', {}, 'in');
      window.webContents.emit('zoom-changed', {}, 'out');
      expect(window.webContents.zoomLevel).toBe(0.5);
    });
  });
});
