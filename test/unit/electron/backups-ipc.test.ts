// backup:* IPC through the fake Electron: kinds and names are validated, files land in userData/backups.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerBackupHandlers } from '../../../electron/main/ipc/backups';
import { FakeBrowserWindow, invokeEventFrom, resetFakeElectron, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

let userData: string;
let window: FakeBrowserWindow;

function call(channel: string, payload?: unknown): Promise<unknown> {
  const registered = state.ipcHandlers.get(channel);
  if (!registered) throw new Error(`no handler for ${channel}`);
  return registered(invokeEventFrom(window), payload);
}

beforeEach(() => {
  resetFakeElectron();
  userData = mkdtempSync(join(tmpdir(), 'ledger-userdata-'));
  state.paths.set('userData', userData);
  window = new FakeBrowserWindow({});
  void window.loadURL('app://ledger/index.html');
  registerBackupHandlers();
});

afterEach(() => {
  rmSync(userData, { recursive: true, force: true });
});

describe('backup IPC', () => {
  it('registers the four backup channels', () => {
    expect([...state.ipcHandlers.keys()].sort()).toEqual([
      'backup:list',
      'backup:read',
      'backup:status',
      'backup:write',
    ]);
  });

  it('backup:write puts the bytes in userData/backups under a name main chooses, and list/read/status see it', async () => {
    const result = (await call('backup:write', { kind: 'daily', data: new Uint8Array([7, 8, 9]) })) as {
      path: string;
      bytes: number;
    };
    const dir = join(userData, 'backups');
    expect(result.bytes).toBe(3);
    expect(result.path.startsWith(dir)).toBe(true);
    expect([...readFileSync(result.path)]).toEqual([7, 8, 9]);
    expect(readdirSync(dir)).toHaveLength(1);

    const list = (await call('backup:list')) as { name: string; kind: string; bytes: number }[];
    expect(list).toEqual([expect.objectContaining({ kind: 'daily', bytes: 3 })]);
    expect([...((await call('backup:read', list[0]!.name)) as Uint8Array)]).toEqual([7, 8, 9]);
    const status = (await call('backup:status')) as { lastDailyDate: string | null; dir: string };
    expect(status.dir).toBe(dir);
    expect(status.lastDailyDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    [{ kind: 'weekly', data: new Uint8Array([1]) }, /备份类型无效/],
    [{ kind: 'daily', data: new Uint8Array(0) }, /备份内容为空/],
    [{ kind: 'daily', data: 'not bytes' }, /参数无效/],
    [{ kind: 'daily', data: new Uint8Array([1]), path: '/etc/passwd' }, null],
  ])('backup:write validates %o', async (payload, message) => {
    if (message) {
      await expect(call('backup:write', payload)).rejects.toThrow(message);
    } else {
      // Unknown keys are stripped by the schema: the bytes still go only to userData/backups.
      const result = (await call('backup:write', payload)) as { path: string };
      expect(result.path.startsWith(join(userData, 'backups'))).toBe(true);
    }
  });

  it.each(['../secret.zip', '..\\..\\secret.zip', '/etc/passwd', 'daily-20250318-100000.zip/../../x', 'x.zip', 42])(
    'backup:read refuses the name %j before touching the disk',
    async (name) => {
      writeFileSync(join(userData, 'secret.zip'), 'secret');
      await expect(call('backup:read', name)).rejects.toThrow(/备份文件名无效|参数无效/);
    },
  );

  it('backup:read of a valid but missing name fails in Chinese', async () => {
    await expect(call('backup:read', 'daily-20250318-100000.zip')).rejects.toThrow(
      /^无法读取备份「daily-20250318-100000\.zip」：文件不存在$/,
    );
  });

  it('backup:write into a folder that cannot be created fails in Chinese, without Node English or the path', async () => {
    writeFileSync(join(userData, 'backups'), 'a file where the folder should be');
    // mkdir fails with EEXIST, a code without its own sentence: the generic one, with the code for support.
    await expect(call('backup:write', { kind: 'daily', data: new Uint8Array([1]) })).rejects.toThrow(
      /^自动备份写入失败：系统错误（EEXIST）$/,
    );
  });

  it('refuses calls from a foreign page', async () => {
    void window.loadURL('https://example.com/');
    await expect(call('backup:list')).rejects.toThrow(/来源不受信任/);
    expect(existsSync(join(userData, 'backups'))).toBe(false);
  });
});
