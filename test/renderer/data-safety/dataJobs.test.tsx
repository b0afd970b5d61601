// 数据安全's jobs outlive the page: a backup or a check goes on when the user leaves, is shown again on return (and in
// the header meanwhile), cannot be started twice; while a restore writes, the whole window is blocked until it ends.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupManifest } from '../../../shared/backup';
import type { BackupFileInfo } from '../../../shared/ipc';
import { App } from '../../../renderer/src/app/App';
import { installDesktopApi, removeDesktopApi } from './desktopApi';
import { navigate } from '../../../renderer/src/app/useHashRoute';
import type { ExportProgress } from '../../../renderer/src/db/backup/export';
import { exportBackupBlob } from '../../../renderer/src/db/backup/export';
import {
  type BackupPreview,
  inspectBackupFile,
  type InspectFileResult,
  type RestoreOptions,
  restoreBackup,
  type RestoreResult,
} from '../../../renderer/src/db/backup/restore';

vi.mock(import('../../../renderer/src/db/backup/export'), async (importOriginal) => ({
  ...(await importOriginal()),
  exportBackupBlob: vi.fn(),
}));
vi.mock(import('../../../renderer/src/db/backup/restore'), async (importOriginal) => ({
  ...(await importOriginal()),
  inspectBackupFile: vi.fn(),
  restoreBackup: vi.fn(),
}));

/** A promise the test settles, as a long job that ends when the test says. */
function gate<T>() {
  let settle!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  return { promise, settle, fail };
}

const AUTO_BACKUP: BackupFileInfo = {
  name: 'daily-2026-11-27.zip',
  kind: 'daily',
  createdAt: '2026-11-27T01:00:00.000Z',
  bytes: 2048,
};

/** The desktop app: a save dialog that accepts, one automatic backup (its bytes not a backup). */
const desktop = () => installDesktopApi([AUTO_BACKUP], { readBackup: vi.fn(async () => new Uint8Array([1, 2, 3])) });

function preview(): BackupPreview {
  return {
    createdAt: '2026-11-20T02:00:00.000Z',
    appVersion: '1.2.0',
    schemaVersion: 7,
    branches: [{ id: 'b-file', name: '备份中的党支部' }],
    tables: [{ table: 'meetings', label: '会议记录', rows: 12 }],
    attachments: { count: 0, bytes: 0 },
    fileBytes: 1000,
    here: { same: [], sameName: [], onlyHere: [], total: 0 },
    fileRows: {},
  };
}

const manifest = {
  tables: { meetings: { rows: 1200 }, attachments: { rows: 3 }, audit: { rows: 5000 }, settings: { rows: 2 } },
  attachments: { count: 3, bytes: 30 },
} as unknown as BackupManifest;

const restoreButtons = () => screen.queryAllByRole('button', { name: '恢复' });
const chooseFileButton = () => screen.getByRole('button', { name: /选择备份文件/ });
const fileInput = () => document.querySelector<HTMLInputElement>('input[type=file]')!;
const header = () => document.querySelector<HTMLElement>('header')!;

async function openDataSafety() {
  navigate('security');
  await screen.findByRole('heading', { level: 2, name: '数据安全' });
  // The automatic backups listed (their 恢复 buttons are what a job disables).
  await waitFor(() => expect(restoreButtons()).toHaveLength(1));
}

async function leaveDataSafety() {
  navigate('venues');
  await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: '数据安全' })).toBeNull());
}

function chooseFile(name: string) {
  fireEvent.change(fileInput(), { target: { files: [new File(['PK'], name, { type: 'application/zip' })] } });
}

beforeEach(() => {
  window.location.hash = '#/home';
  vi.mocked(exportBackupBlob).mockReset();
  vi.mocked(inspectBackupFile).mockReset();
  vi.mocked(restoreBackup).mockReset();
});

afterEach(() => {
  cleanup();
  removeDesktopApi();
});

describe('立即备份 and the check of a file outlive the page', () => {
  it('a backup goes on when the user leaves 数据安全, is shown on return and cannot be started twice', async () => {
    const saved = desktop();
    const exported = gate<{ blob: Blob; manifest: BackupManifest }>();
    vi.mocked(exportBackupBlob).mockImplementation(async (options) => {
      const progress: ExportProgress = {
        phase: 'tables',
        table: 'meetings',
        label: '会议记录',
        rows: 1200,
        rowsDone: 600,
        rowsTotal: 1200,
      };
      options?.onProgress?.(progress);
      return exported.promise;
    });
    render(<App versionChanged={false} />);
    await openDataSafety();
    fireEvent.click(screen.getByRole('button', { name: /立即备份/ }));
    expect(await screen.findByText('正在写入：会议记录（1,200 条）')).toBeTruthy();

    await leaveDataSafety();
    // Elsewhere, the header says a backup runs (and leads back to it).
    expect(within(header()).getByRole('button', { name: /正在备份/ }).textContent).toBe('正在备份（25%）');

    await openDataSafety();
    expect(screen.getByText('正在写入：会议记录（1,200 条）')).toBeTruthy();
    expect(within(header()).queryByRole('button', { name: /正在备份/ })).toBeNull();
    // Nothing else may start: a second backup, a check of a file, a restore from the automatic backups.
    fireEvent.click(screen.getByRole('button', { name: /立即备份/ }));
    expect(exportBackupBlob).toHaveBeenCalledTimes(1);
    expect(chooseFileButton()).toHaveProperty('disabled', true);
    expect(restoreButtons()[0]).toHaveProperty('disabled', true);

    // It ends on another page: the outcome is still told, once, and the header note goes.
    await leaveDataSafety();
    exported.settle({ blob: new Blob(['zip']), manifest });
    expect(await screen.findByText(/^备份已保存：1,200 条记录（不含操作日志），3 个附件，/)).toBeTruthy();
    expect(saved).toHaveLength(1);
    await waitFor(() => expect(within(header()).queryByRole('button', { name: /正在备份/ })).toBeNull());

    await openDataSafety();
    expect(chooseFileButton()).toHaveProperty('disabled', false);
    expect(restoreButtons()[0]).toHaveProperty('disabled', false);
  });

  it('a check goes on when the user leaves, blocks nothing, and its result waits on 数据安全', async () => {
    desktop();
    const checked = gate<InspectFileResult>();
    vi.mocked(inspectBackupFile).mockImplementation(async (_file, options?: RestoreOptions) => {
      options?.onProgress?.({ phase: 'checking', bytesRead: 40, bytesTotal: 100 });
      return checked.promise;
    });
    render(<App versionChanged={false} />);
    await openDataSafety();
    chooseFile('旧电脑.zip');
    expect(await screen.findByText('正在校验「旧电脑.zip」…')).toBeTruthy();

    await leaveDataSafety();
    expect(within(header()).getByRole('button', { name: /正在校验备份文件/ }).textContent).toBe(
      '正在校验备份文件（40%）',
    );
    // A check writes nothing: the app stays usable.
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.querySelector('[inert]')).toBeNull();

    await openDataSafety();
    expect(screen.getByText('正在校验「旧电脑.zip」…')).toBeTruthy();
    expect(chooseFileButton()).toHaveProperty('disabled', true);
    expect(restoreButtons()[0]).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: /立即备份/ })).toHaveProperty('disabled', true);

    await leaveDataSafety();
    checked.settle({ ok: true, preview: preview() });
    expect(await screen.findByText('「旧电脑.zip」已通过校验，请到「数据安全」选择恢复方式')).toBeTruthy();
    await openDataSafety();
    expect(screen.getByText('备份内容（已通过校验）')).toBeTruthy();
    expect(chooseFileButton()).toHaveProperty('disabled', false);
  });

  it('an automatic backup that cannot be read is refused with the reason, and releases the buttons', async () => {
    desktop();
    vi.mocked(window.api!.readBackup).mockRejectedValue(new Error('备份文件不存在'));
    render(<App versionChanged={false} />);
    await openDataSafety();
    fireEvent.click(restoreButtons()[0]!);
    expect(await screen.findByText('无法读取该文件：备份文件不存在')).toBeTruthy();
    expect(restoreButtons()[0]).toHaveProperty('disabled', false);
    expect(inspectBackupFile).not.toHaveBeenCalled();
  });
});

describe('while a restore writes, the window is blocked', () => {
  async function startRestore(result: Promise<RestoreResult>): Promise<(options: RestoreOptions) => void> {
    let seen: RestoreOptions = {};
    vi.mocked(inspectBackupFile).mockResolvedValue({ ok: true, preview: preview() });
    vi.mocked(restoreBackup).mockImplementation(async (_file, _mode, options = {}) => {
      seen = options;
      return result;
    });
    render(<App versionChanged={false} />);
    await openDataSafety();
    // A file that passed the check blocks nothing yet: the user may still go elsewhere.
    chooseFile('旧电脑.zip');
    fireEvent.click(await screen.findByRole('button', { name: '作为新支部导入' }));
    await screen.findByRole('alertdialog');
    return (options) => Object.assign(options, seen);
  }

  it('from the chosen mode until the restore ends: a mask with the progress, nothing under it reachable', async () => {
    desktop();
    const restored = gate<RestoreResult>();
    const options: RestoreOptions = {};
    (await startRestore(restored.promise))(options);

    const mask = screen.getByRole('alertdialog', { name: '正在从备份恢复（0%）' });
    expect(mask.textContent).toContain('完成前请勿关闭软件');
    // The app under the mask: no pointer, no focus, hidden from screen readers; the focus is on the mask.
    expect(screen.getByRole('navigation', { hidden: true }).closest('[inert]')).not.toBeNull();
    expect(document.activeElement).toBe(mask);
    // No key reaches the app: its shortcuts (Ctrl+S) listen on the document.
    const shortcut = vi.fn();
    document.addEventListener('keydown', shortcut);
    const key = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true });
    mask.dispatchEvent(key);
    expect(shortcut).not.toHaveBeenCalled();
    expect(key.defaultPrevented).toBe(true);

    options.onProgress?.({ phase: 'writing', table: 'meetings', label: '会议记录', done: 1, total: 2 });
    expect(await screen.findByRole('alertdialog', { name: '正在从备份恢复（80%）' })).toBeTruthy();

    restored.settle({ ok: false, errors: ['写入数据库时出错：磁盘空间不足'] });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(document.querySelector('[inert]')).toBeNull();
    expect(screen.getByText('恢复没有完成')).toBeTruthy();
    expect(screen.getByText('写入数据库时出错：磁盘空间不足')).toBeTruthy();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
    expect(shortcut).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', shortcut);
  });

  it('an unexpected error ends the block too, and says so', async () => {
    desktop();
    const restored = gate<RestoreResult>();
    await startRestore(restored.promise);
    restored.fail(new Error('数据库已被关闭'));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(document.querySelector('[inert]')).toBeNull();
    expect(screen.getByText('恢复时出错：数据库已被关闭')).toBeTruthy();
    expect(chooseFileButton()).toHaveProperty('disabled', false);
  });

  it('a restore that ends well unblocks and shows its result', async () => {
    desktop();
    const restored = gate<RestoreResult>();
    await startRestore(restored.promise);
    restored.settle({
      ok: true,
      mode: 'addAsNewBranches',
      branches: [{ id: 'b-file', name: '备份中的党支部' }],
      rows: 5015,
      records: 1200,
      attachments: 3,
      unchanged: 0,
    });
    expect(await screen.findByText('恢复完成')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.body.textContent).toContain(
      '已作为新支部导入：备份中的党支部，共 1,200 条记录（不含操作日志）、3 个附件。',
    );
  });
});
