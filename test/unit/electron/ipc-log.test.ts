// log:write through the fake Electron: the page's failures land in the error log, and only in the shape allowed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerLogHandlers } from '../../../electron/main/ipc/log';
import { FakeBrowserWindow, FakeWebFrame, invokeEventFrom, resetFakeElectron, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

let logs: string;
let window: FakeBrowserWindow;

function call(payload: unknown, frame?: FakeWebFrame): Promise<unknown> {
  const registered = state.ipcHandlers.get('log:write');
  if (!registered) throw new Error('no handler for log:write');
  return registered(invokeEventFrom(window, frame), payload);
}

beforeEach(() => {
  resetFakeElectron();
  logs = mkdtempSync(join(tmpdir(), 'ledger-logs-'));
  state.paths.set('logs', logs);
  window = new FakeBrowserWindow({});
  void window.loadURL('app://ledger/index.html');
  registerLogHandlers();
});

afterEach(() => {
  rmSync(logs, { recursive: true, force: true });
});

describe('log:write', () => {
  it('appends the page’s start-up and automatic-backup failures under a Chinese heading', async () => {
    await call({
      source: 'startup',
      message: '无法打开本地数据库：UnknownError: Internal error opening backing store',
    });
    await call({ source: 'auto-backup', message: '自动备份写入失败：磁盘空间不足' });
    const text = readFileSync(join(logs, 'errors.log'), 'utf8');
    expect(text).toContain(
      '页面启动失败（数据库）\n无法打开本地数据库：UnknownError: Internal error opening backing store',
    );
    expect(text).toContain('自动备份没有完成\n自动备份写入失败：磁盘空间不足');
  });

  it('refuses an unknown source, an empty or oversized message, and a foreign frame, writing nothing', async () => {
    await expect(call({ source: 'anything', message: 'x' })).rejects.toThrow(/参数无效/);
    await expect(call({ source: 'startup', message: '' })).rejects.toThrow(/参数无效/);
    await expect(call({ source: 'startup', message: 'x'.repeat(8001) })).rejects.toThrow(/参数无效/);
    const foreign = new FakeWebFrame('https://example.com/');
    await expect(call({ source: 'startup', message: 'x' }, foreign)).rejects.toThrow(/来源不受信任/);
    expect(() => readFileSync(join(logs, 'errors.log'))).toThrow();
  });
});
