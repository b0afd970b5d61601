// The main window's options: every renderer protection on, the preload wired in, shown only when ready.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow } from '../../../electron/main/window';
import { dialog, resetFakeElectron, state } from './fake-electron';

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

  it('has the product title and a minimum size, and loads the given URL', () => {
    const window = open();
    expect(window.options).toMatchObject({ title: '支部标准化台账', show: false });
    expect(window.options.minWidth).toBeGreaterThanOrEqual(800);
    expect(window.options.minHeight).toBeGreaterThanOrEqual(600);
    expect(window.loadedUrl).toBe('app://ledger/index.html');
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
});
