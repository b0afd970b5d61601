// file:save and file:open through fake dialogs and a real temp folder.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerAppHandlers } from '../../../electron/main/ipc/app';
import { registerFileHandlers } from '../../../electron/main/ipc/files';
import { dialog, FakeBrowserWindow, invokeEventFrom, resetFakeElectron, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
// Real fs throughout; only rename can be made to fail on demand (a file held open by another program).
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  return { ...actual, rename: vi.fn(actual.rename) };
});

let dir: string;
let window: FakeBrowserWindow;

function call(channel: string, payload: unknown): Promise<unknown> {
  const registered = state.ipcHandlers.get(channel);
  if (!registered) throw new Error(`no handler for ${channel}`);
  return registered(invokeEventFrom(window), payload);
}

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'ledger-files-'));
  state.paths.set('documents', dir);
  window = new FakeBrowserWindow({});
  void window.loadURL('app://ledger/index.html');
  registerAppHandlers();
  registerFileHandlers();
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('file:save', () => {
  it('offers the documents folder with the suggested name, then writes the bytes where the user chose', async () => {
    const chosen = join(dir, '卷宗.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const filters = [{ name: 'PDF 文件', extensions: ['pdf'] }];
    const result = await call('file:save', {
      suggestedName: '2025年度卷宗.pdf',
      filters,
      data: new Uint8Array([1, 2, 3]),
    });
    expect(result).toEqual({ ok: true, path: chosen });
    expect([...readFileSync(chosen)]).toEqual([1, 2, 3]);
    const [parent, options] = dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(parent).toBe(window);
    expect(options).toMatchObject({ defaultPath: join(dir, '2025年度卷宗.pdf'), filters });
  });

  it('reports a cancelled dialog and writes nothing', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(call('file:save', { suggestedName: 'a.zip', data: new Uint8Array([1]) })).resolves.toEqual({
      ok: false,
      canceled: true,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a missing folder in Chinese, without Node English or the temp-file path', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'no-such-folder', 'a.zip') });
    const result = await call('file:save', { suggestedName: 'a.zip', data: new Uint8Array([1]) });
    expect(result).toEqual({ ok: false, error: '保存失败：文件夹不存在，请重新选择保存位置' });
  });

  it('says to close the file when the previous copy is still open in another program (Windows: EPERM on rename)', async () => {
    const chosen = join(dir, '2025年度迎检卷宗.pdf');
    writeFileSync(chosen, 'the copy open in WPS');
    const locked = Object.assign(new Error(`EPERM: operation not permitted, rename '${chosen}.tmp-1' -> '${chosen}'`), {
      code: 'EPERM',
    });
    vi.mocked(rename).mockRejectedValue(locked);
    try {
      dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
      const result = await call('file:save', { suggestedName: '卷宗.pdf', data: new Uint8Array([1]) });
      expect(result).toEqual({
        ok: false,
        error: '保存失败：文件正被其他程序打开或没有写入权限，请关闭该文件后重试，或换一个文件名',
      });
    } finally {
      vi.mocked(rename).mockReset();
      vi.mocked(rename).mockImplementation((await vi.importActual<typeof fsPromises>('node:fs/promises')).rename);
    }
    // The open copy is untouched and no temp file is left beside it.
    expect(readFileSync(chosen, 'utf8')).toBe('the copy open in WPS');
    expect(readdirSync(dir)).toEqual(['2025年度迎检卷宗.pdf']);
  });

  it('never opens a dialog for a malformed request', async () => {
    await expect(call('file:save', { suggestedName: '../../evil.sh', data: new Uint8Array([1]) })).rejects.toThrow(
      /参数无效/,
    );
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('file:open', () => {
  it('returns the name and bytes of the chosen file', async () => {
    const file = join(dir, '花名册.xlsx');
    writeFileSync(file, new Uint8Array([9, 8, 7]));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const result = (await call('file:open', { filters: [{ name: 'Excel', extensions: ['xlsx'] }] })) as {
      ok: true;
      name: string;
      data: Uint8Array;
    };
    expect(result.ok).toBe(true);
    expect(result.name).toBe('花名册.xlsx');
    expect(result.data).toBeInstanceOf(Uint8Array);
    expect([...result.data]).toEqual([9, 8, 7]);
  });

  it('refuses a file larger than maxBytes with a Chinese error', async () => {
    const file = join(dir, 'big.zip');
    writeFileSync(file, new Uint8Array(2048));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const result = await call('file:open', { maxBytes: 1024 });
    expect(result).toEqual({ ok: false, error: '文件「big.zip」过大（2.0 KB），上限为 1.0 KB' });
  });

  it('reports a cancelled dialog', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(call('file:open', {})).resolves.toEqual({ ok: false, canceled: true });
  });

  it('reports a file that vanished after it was chosen in Chinese', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(dir, '花名册.xlsx')] });
    await expect(call('file:open', {})).resolves.toEqual({
      ok: false,
      error: '无法读取文件「花名册.xlsx」：文件不存在',
    });
  });

  it('refuses a folder', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [dir] });
    const result = (await call('file:open', {})) as { ok: boolean; error: string };
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/不是文件|无法读取/);
  });
});

describe('app:info', () => {
  it('reports the fixed name and the userData folder', async () => {
    state.paths.set('userData', '/fake/appData/branch-ledger');
    state.paths.set('logs', '/fake/appData/branch-ledger/logs');
    const info = (await call('app:info', undefined)) as Record<string, string>;
    expect(info).toMatchObject({
      name: 'branch-ledger',
      productName: '支部标准化台账',
      version: '0.1.0',
      userDataPath: '/fake/appData/branch-ledger',
      logsPath: '/fake/appData/branch-ledger/logs',
      platform: process.platform,
    });
  });
});
