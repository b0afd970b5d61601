// The preload bridge: exactly one `api` object whose methods invoke the contract's channels and nothing raw.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppApi } from '../../../shared/ipc';
import { ipcRenderer, resetFakeElectron, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

let api: AppApi;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../../electron/preload/index');
  expect(state.exposed).toHaveLength(1);
  api = state.exposed[0]?.api as AppApi;
});

describe('preload', () => {
  it('exposes one object named api with only the contract methods', () => {
    expect(state.exposed.map((e) => e.key)).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'backupStatus',
      'listBackups',
      'openFile',
      'readBackup',
      'saveFile',
      'setBusyJob',
      'writeBackup',
      'writeLog',
    ]);
    // Nothing that would hand the page ipcRenderer or its send/on.
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke);
  });

  it('appInfo invokes app:info', async () => {
    ipcRenderer.invoke.mockClear();
    await api.appInfo();
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('app:info', undefined);
  });

  it('writeLog invokes log:write with the request unchanged', async () => {
    ipcRenderer.invoke.mockClear();
    await api.writeLog({ source: 'startup', message: '无法打开本地数据库：UnknownError' });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('log:write', {
      source: 'startup',
      message: '无法打开本地数据库：UnknownError',
    });
  });

  it('setBusyJob invokes window:busy with the job, or null when it ended', async () => {
    ipcRenderer.invoke.mockClear();
    await api.setBusyJob('restore');
    await api.setBusyJob(null);
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['window:busy', 'restore'],
      ['window:busy', null],
    ]);
  });

  it('saveFile invokes file:save with the request unchanged', async () => {
    ipcRenderer.invoke.mockClear();
    const request = { suggestedName: '卷宗.pdf', data: new Uint8Array([1]), filters: [] };
    await api.saveFile(request);
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('file:save', request);
  });

  it('openFile invokes file:open and returns what main answered', async () => {
    ipcRenderer.invoke.mockClear();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, canceled: true });
    await expect(api.openFile({ maxBytes: 10 })).resolves.toEqual({ ok: false, canceled: true });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('file:open', { maxBytes: 10 });
  });
});
