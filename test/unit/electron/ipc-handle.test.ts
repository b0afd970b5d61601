// The typed IPC wrapper: foreign or vanished senders are refused, malformed payloads never reach a handler.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handle } from '../../../electron/main/ipc/handle';
import { FakeBrowserWindow, FakeWebFrame, invokeEventFrom, resetFakeElectron, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

function ourWindow(url = 'app://ledger/index.html'): FakeBrowserWindow {
  const window = new FakeBrowserWindow({});
  void window.loadURL(url);
  return window;
}

function call(channel: string, event: unknown, payload: unknown): Promise<unknown> {
  const registered = state.ipcHandlers.get(channel);
  if (!registered) throw new Error(`no handler for ${channel}`);
  return registered(event, payload);
}

const validSave = { suggestedName: '2025年度迎检卷宗.pdf', data: new Uint8Array([37, 80, 68, 70]) };

beforeEach(() => {
  resetFakeElectron();
});

describe('handle()', () => {
  it('passes a valid request from our main frame to the handler, parsed (defaults applied)', async () => {
    const fn = vi.fn(async () => ({ ok: true as const, path: '/docs/x.pdf' }));
    handle('file:save', fn);
    const window = ourWindow();
    await expect(call('file:save', invokeEventFrom(window), validSave)).resolves.toEqual({
      ok: true,
      path: '/docs/x.pdf',
    });
    expect(fn).toHaveBeenCalledOnce();
    const [request] = fn.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(request).toEqual({ ...validSave, filters: [] });
  });

  it('refuses a call from a foreign page and does not run the handler', async () => {
    const fn = vi.fn();
    handle('file:save', fn);
    const window = ourWindow('https://evil.example/');
    await expect(call('file:save', invokeEventFrom(window), validSave)).rejects.toThrow(/来源不受信任.*evil\.example/);
    expect(fn).not.toHaveBeenCalled();
  });

  it('refuses a call whose sender frame is gone', async () => {
    const fn = vi.fn();
    handle('app:info', fn);
    await expect(call('app:info', invokeEventFrom(ourWindow(), null), undefined)).rejects.toThrow(/发送方页面已不存在/);
    expect(fn).not.toHaveBeenCalled();
  });

  it('refuses a sub-frame even when it shows one of our pages', async () => {
    const fn = vi.fn();
    handle('app:info', fn);
    const window = ourWindow();
    const child = new FakeWebFrame('app://ledger/index.html');
    child.parent = window.webContents.mainFrame;
    await expect(call('app:info', invokeEventFrom(window, child), undefined)).rejects.toThrow(/主窗口/);
    expect(fn).not.toHaveBeenCalled();
  });

  it('refuses a frame that is not the main frame of any of our windows', async () => {
    const fn = vi.fn();
    handle('app:info', fn);
    const stray = {
      sender: { getURL: () => 'app://ledger/index.html' },
      senderFrame: new FakeWebFrame('app://ledger/index.html'),
    };
    await expect(call('app:info', stray, undefined)).rejects.toThrow(/主窗口/);
    expect(fn).not.toHaveBeenCalled();
  });

  it.each([
    ['a path in suggestedName', { ...validSave, suggestedName: '../x' }, /suggestedName：文件名不能包含路径/],
    ['a Windows path in suggestedName', { ...validSave, suggestedName: 'C:\\x.pdf' }, /suggestedName/],
    ['data that is not a Uint8Array', { ...validSave, data: [37, 80, 68, 70] }, /data：/],
    ['data as a string', { ...validSave, data: '%PDF' }, /data：/],
    ['a missing name', { data: validSave.data }, /suggestedName：/],
    [
      'a bad filter extension',
      { ...validSave, filters: [{ name: 'PDF', extensions: ['.pdf'] }] },
      /filters\.0\.extensions\.0/,
    ],
    ['no payload at all', undefined, /参数：/],
  ])('refuses %s with a Chinese error and never calls the handler', async (_label, payload, detail) => {
    const fn = vi.fn();
    handle('file:save', fn);
    const error = await call('file:save', invokeEventFrom(ourWindow()), payload).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toMatch(/^IPC 调用「file:save」的参数无效：/);
    expect(error?.message).toMatch(detail);
    // Every message, zod's own included, is in Chinese.
    expect(error?.message).not.toMatch(/Invalid|expected/);
    expect(fn).not.toHaveBeenCalled();
  });

  it('refuses an app:info call that smuggles a payload', async () => {
    const fn = vi.fn();
    handle('app:info', fn);
    await expect(call('app:info', invokeEventFrom(ourWindow()), { path: '/etc' })).rejects.toThrow(/参数无效/);
    expect(fn).not.toHaveBeenCalled();
  });
});
