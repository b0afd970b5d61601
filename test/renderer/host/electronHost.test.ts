// The renderer's side of the preload bridge: main's own words without Electron's envelope, and file names main accepts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppApi } from '../../../shared/ipc';
import { saveFileRequestSchema } from '../../../shared/ipc';
import { backupBeforeUpgrade } from '../../../renderer/src/db/backup/preUpgrade';
import { getBackupApi } from '../../../renderer/src/host/backupApi';
import { browserHost } from '../../../renderer/src/host/browserHost';
import { getHost } from '../../../renderer/src/host/host';
import { startupAdvice } from '../../../renderer/src/app/StartupError';
import { db } from '../../../renderer/src/db/db';

/** How Electron's ipcRenderer.invoke rejects when main's handler throws `error` (lib/renderer/api/ipc-renderer.ts). */
function electronRejection(channel: string, error: Error): Promise<never> {
  return Promise.reject(new Error(`Error invoking remote method '${channel}': ${error.toString()}`));
}

/** A preload bridge whose main side refuses what the real one refuses, in the way Electron reports it. */
function fakeApi(overrides: Partial<AppApi> = {}): AppApi {
  return {
    appInfo: vi.fn(),
    saveFile: vi.fn(async (request) => {
      const parsed = saveFileRequestSchema.safeParse(request);
      if (!parsed.success) {
        return electronRejection(
          'file:save',
          new Error('IPC 调用「file:save」的参数无效：suggestedName：文件名不能包含路径'),
        );
      }
      return { ok: true as const, path: `C:\\Users\\书记\\Documents\\${parsed.data.suggestedName}` };
    }),
    openFile: vi.fn(),
    writeBackup: vi.fn(() => electronRejection('backup:write', new Error('自动备份写入失败：磁盘空间不足'))),
    listBackups: vi.fn(() => electronRejection('backup:list', new TypeError('Cannot read properties of undefined'))),
    readBackup: vi.fn(() => Promise.reject(new Error('本地错误，没有 IPC 外壳'))),
    backupStatus: vi.fn(),
    ...overrides,
  } as AppApi;
}

function installApi(api: AppApi): void {
  (window as { api?: AppApi }).api = api;
}

afterEach(() => {
  delete (window as { api?: AppApi }).api;
  vi.restoreAllMocks();
});

describe('errors from main', () => {
  it('reach the user as main’s own Chinese message, without Electron’s English envelope', async () => {
    installApi(fakeApi());
    const api = getBackupApi()!;
    await expect(api.writeBackup({ kind: 'daily', data: new Uint8Array(1) })).rejects.toThrow(
      /^自动备份写入失败：磁盘空间不足$/,
    );
    await expect(api.listBackups()).rejects.toThrow(/^Cannot read properties of undefined$/);
    // An error that did not come through IPC is left as it was.
    await expect(api.readBackup('daily-20250101-000000.zip')).rejects.toThrow(/^本地错误，没有 IPC 外壳$/);
  });

  it('also through the host: a refused save shows main’s reason only', async () => {
    installApi(fakeApi({ saveFile: () => electronRejection('file:save', new Error('文件过大')) }));
    await expect(getHost().saveFile('a.pdf', new Uint8Array(1), [])).rejects.toThrow(/^文件过大$/);
  });

  it('a pre-upgrade backup on a full disk: the start-up screen says to free disk space', async () => {
    installApi(fakeApi());
    await db.open();
    db.close();
    const error = await backupBeforeUpgrade({ targetVersion: db.verno + 1 }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      '升级数据库前的自动备份失败，为保护数据本次没有升级：自动备份写入失败：磁盘空间不足',
    );
    const advice = startupAdvice(error);
    expect(advice.subTitle).toContain('磁盘空间不足');
    expect(advice.subTitle).toContain('请先清理磁盘空间后重新打开');
    expect(advice.subTitle).not.toContain('关闭其他');
    expect(advice.detail).not.toMatch(/Error invoking|Error:/);
  });
});

describe('saving under a name built from free text', () => {
  it('the desktop app suggests a name main accepts, 「/」 and other forbidden characters replaced', async () => {
    const api = fakeApi();
    installApi(api);
    const host = getHost();
    await expect(host.saveFile('党员名册-机关/后勤第一党支部-2025-06-01.xlsx', new Uint8Array(1), [])).resolves.toBe(
      'saved',
    );
    await expect(
      host.saveFile('2025-03-05-党小组会-第一党小组/离退休:"老同志"-第1次-会议记录单.pdf', new Uint8Array(1), []),
    ).resolves.toBe('saved');
    expect(vi.mocked(api.saveFile).mock.calls.map(([request]) => request.suggestedName)).toEqual([
      '党员名册-机关_后勤第一党支部-2025-06-01.xlsx',
      '2025-03-05-党小组会-第一党小组_离退休__老同志_-第1次-会议记录单.pdf',
    ]);
  });

  it('the browser downloads under the same cleaned name', async () => {
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await browserHost.saveFile('党员名册-机关/后勤第一党支部-2025-06-01.xlsx', new Uint8Array(1), []);
    expect(names).toEqual(['党员名册-机关_后勤第一党支部-2025-06-01.xlsx']);
  });
});
