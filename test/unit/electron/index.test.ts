// The app lifecycle: fixed userData first, single instance, sandbox, and what happens on ready.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
// Importing the mocked module here runs the vi.mock factory now, so it shares this file's copy of the fake.
import 'electron';
import * as fake from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

type Fake = typeof fake;

/**
 * Starts a fresh copy of the main entry (it starts the app on import) against the reset fake, with the given lock
 * outcome. The fake itself is imported once: vi.mock caches the module it stands in for across vi.resetModules.
 */
async function boot(lock: boolean, packaged = false): Promise<Fake> {
  fake.resetFakeElectron();
  fake.state.singleInstanceLock = lock;
  fake.app.isPackaged = packaged;
  vi.resetModules();
  await import('../../../electron/main/index');
  return fake;
}

async function bootReady(packaged = false): Promise<Fake> {
  const fake = await boot(true, packaged);
  fake.app.becomeReady();
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
  return fake;
}

beforeEach(() => {
  vi.unstubAllEnvs();
});

describe('main entry', () => {
  it('sets userData to appData/branch-ledger before anything else', async () => {
    const { state } = await boot(true);
    expect(state.paths.get('userData')).toBe(join('/fake/appData', 'branch-ledger'));
    const firstChange = state.appCalls.findIndex((c) => !c.startsWith('getPath:'));
    expect(state.appCalls[firstChange]).toBe('setPath:userData');
    expect(state.appCalls.indexOf('setPath:userData')).toBeLessThan(
      state.appCalls.indexOf('requestSingleInstanceLock'),
    );
    expect(state.appCalls.indexOf('setPath:userData')).toBeLessThan(
      state.appCalls.indexOf('registerSchemesAsPrivileged'),
    );
  });

  it('registers the privileged scheme and enables the sandbox before ready', async () => {
    const { state } = await boot(true);
    const whenReady = state.appCalls.indexOf('whenReady');
    expect(state.appCalls.indexOf('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(state.appCalls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(whenReady);
    expect(state.appCalls.indexOf('enableSandbox')).toBeLessThan(whenReady);
    expect(state.appCalls.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
  });

  it('quits without a window when another instance holds the lock', async () => {
    const fake = await boot(false);
    expect(fake.app.quit).toHaveBeenCalledOnce();
    fake.app.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.ipcHandlers.size).toBe(0);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
  });

  it('on ready: hardens the session, serves app://, registers IPC and opens app://ledger/index.html', async () => {
    const { state, defaultSession } = await bootReady();
    expect(defaultSession.permissionRequestHandler).not.toBeNull();
    expect(defaultSession.beforeRequest).not.toBeNull();
    expect(state.protocolHandlers.has('app')).toBe(true);
    expect([...state.ipcHandlers.keys()].sort()).toEqual([
      'app:info',
      'backup:list',
      'backup:read',
      'backup:status',
      'backup:write',
      'file:open',
      'file:save',
      'log:write',
      'window:busy',
    ]);
    const window = state.windows[0];
    expect(window?.loadedUrl).toBe('app://ledger/index.html');
    const prefs = window?.options.webPreferences as { preload: string };
    expect(prefs.preload).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('an installed build has no application menu: no Ctrl+R / Ctrl+Shift+I accelerators, no English menu on Alt', async () => {
    const { state, Menu } = await bootReady(true);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(state.applicationMenu).toBeNull();
    // Before the window exists, so it is never created with Electron's default File/Edit/View/Window/Help menu.
    expect(state.appCalls.indexOf('Menu.setApplicationMenu')).toBeLessThan(state.appCalls.indexOf('new BrowserWindow'));
    const prefs = state.windows[0]?.options.webPreferences as { devTools: boolean };
    expect(prefs.devTools).toBe(false);
  });

  it('run from the source tree keeps the default menu and developer tools', async () => {
    const { state, Menu } = await bootReady(false);
    expect(Menu.setApplicationMenu).not.toHaveBeenCalled();
    const prefs = state.windows[0]?.options.webPreferences as { devTools: boolean };
    expect(prefs.devTools).toBe(true);
  });

  it('loads the dev server when VITE_DEV_SERVER_URL is set', async () => {
    vi.stubEnv('VITE_DEV_SERVER_URL', 'http://localhost:5173/');
    const { state } = await bootReady();
    expect(state.windows[0]?.loadedUrl).toBe('http://localhost:5173/');
  });

  it('passes --reset-app-lock to the page as a query on the fixed origin, and only then', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--reset-app-lock'];
    try {
      const { state } = await bootReady();
      expect(state.windows[0]?.loadedUrl).toBe('app://ledger/index.html?reset-app-lock=1');
    } finally {
      process.argv = argv;
    }
  });

  it('brings the existing window forward on second-instance', async () => {
    const { app, state } = await bootReady();
    const window = state.windows[0]!;
    window.minimized = true;
    window.focused = false;
    app.emit('second-instance', {}, ['electron', '.'], '/');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    expect(state.windows).toHaveLength(1);
  });

  it('hardens every webContents as it is created', async () => {
    const { app, FakeWebContents } = await bootReady();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({} as never)).toEqual({ action: 'deny' });
  });

  it('quits when the last window closes, except on macOS', async () => {
    const { app } = await bootReady();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('a start-up failure is not silent: a Chinese error box, an entry in the log folder, then quit', async () => {
    const logs = mkdtempSync(join(tmpdir(), 'ledger-start-'));
    try {
      const fake = await boot(true, true);
      fake.state.paths.set('logs', logs);
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      fake.protocol.handle.mockImplementationOnce(() => {
        throw new Error('无法注册 app:// 协议');
      });
      fake.app.becomeReady();
      await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledOnce());

      expect(fake.state.windows).toHaveLength(0);
      expect(fake.state.errorBoxes).toHaveLength(1);
      const box = fake.state.errorBoxes[0]!;
      expect(box.title).toBe('支部标准化台账无法启动');
      expect(box.content).toContain('本机的台账数据没有因此改动');
      expect(box.content).toContain('错误信息：无法注册 app:// 协议');
      expect(box.content).toContain(`错误已记录在日志文件夹：${logs}`);
      // The box comes before the quit: quitting first could end the process before the user sees it.
      expect(fake.state.appCalls.indexOf('dialog.showErrorBox')).toBeLessThan(fake.state.appCalls.indexOf('quit'));
      expect(readFileSync(join(logs, 'errors.log'), 'utf8')).toMatch(
        /版本 0\.1\.0 {2}启动失败\n无法注册 app:\/\/ 协议/,
      );
    } finally {
      rmSync(logs, { recursive: true, force: true });
    }
  });

  it('a failure before ready is said too, without a log folder line when the log cannot be written', async () => {
    fake.resetFakeElectron();
    vi.resetModules();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fake.app.requestSingleInstanceLock.mockImplementationOnce(() => {
      throw new Error('单实例锁失败');
    });
    // No 'logs' path in the fake: the log cannot be written.
    fake.state.paths.delete('logs');
    await import('../../../electron/main/index');
    expect(fake.state.errorBoxes).toHaveLength(1);
    expect(fake.state.errorBoxes[0]!.content).toContain('错误信息：单实例锁失败');
    expect(fake.state.errorBoxes[0]!.content).not.toContain('日志文件夹');
    expect(fake.app.quit).toHaveBeenCalledOnce();
  });
});
