// The start-up error screen: each case with a known remedy says what to do, and offers 重新加载 only where it can help.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppApi, AppInfo } from '../../../shared/ipc';
import { AppProviders } from '../../../renderer/src/app/providers';
import { StartupError } from '../../../renderer/src/app/StartupError';
import { recoveryPaths } from '../../../renderer/src/app/StartupRecoverySteps';
import { PreUpgradeBackupError } from '../../../renderer/src/db/backup/preUpgrade';
import { NewerDatabaseError } from '../../../renderer/src/db/db';

const ROAMING = 'C:\\Users\\书记\\AppData\\Roaming';
const DATA_FOLDER = `${ROAMING}\\branch-ledger`;
const LOGS = `${DATA_FOLDER}\\logs`;

/** The desktop app's bridge; `appInfo` fails when `info` is null. */
function installDesktop(info: Partial<AppInfo> | null = { userDataPath: DATA_FOLDER, logsPath: LOGS }): void {
  const appInfo = vi.fn(async () => {
    if (info === null) throw new Error('IPC 不可用');
    return { productName: '支部标准化台账', version: '0.2.0', ...info } as AppInfo;
  });
  (window as { api?: Partial<AppApi> }).api = { appInfo };
}

afterEach(() => {
  cleanup();
  delete (window as { api?: AppApi }).api;
  vi.useRealTimers();
});

function show(error: unknown) {
  render(
    <AppProviders>
      <StartupError error={error} />
    </AppProviders>,
  );
}

describe('StartupError', () => {
  it('a database from a newer build of unknown version: says what to install, and offers no reload', () => {
    show(new NewerDatabaseError(7, 6));
    expect(screen.getByText('本机数据来自较新版本的本软件')).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toContain(
      '本机的数据由较新版本的本软件写入（数据版本 7），当前版本只支持到数据版本 6。为保护数据，本次没有打开。',
    );
    expect(text).toContain('请安装写入这些数据的版本或更新的版本。如不清楚应安装哪个版本，请联系管理员。');
    expect(text).not.toContain('关闭其他');
    expect(screen.queryByRole('button', { name: '重新加载' })).toBeNull();
  });

  it('a database from a newer build that recorded itself: names that version, and the footer shows this one', async () => {
    installDesktop();
    show(new NewerDatabaseError(8, 7, '0.3.0'));
    expect(await screen.findByText(/版本 0\.2\.0/)).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toContain('本机的数据由 0.3.0 版的本软件写入（数据版本 8）');
    expect(text).toContain('请安装 0.3.0 或更新的版本。');
    expect(text).toContain('支部标准化台账 · 版本 0.2.0 · 桌面版');
    // The data are fine: no way of setting them aside is offered.
    expect(text).not.toContain('从自动备份恢复');
  });

  it('a pre-upgrade backup refused for lack of permission: names the data folder’s permissions', () => {
    show(new PreUpgradeBackupError('自动备份写入失败：没有写入权限'));
    expect(screen.getByText('升级前的自动备份没有完成')).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toContain('原有数据没有任何改动');
    expect(text).toContain('请联系管理员检查数据文件夹的权限');
    expect(text).toContain('升级数据库前的自动备份失败，为保护数据本次没有升级：自动备份写入失败：没有写入权限');
    expect(screen.getByRole('button', { name: '重新加载' })).toBeTruthy();
  });

  it('any other error: the general advice and the error text without a bare 「Error:」', () => {
    show(new Error('无法打开本地数据库：UnknownError'));
    expect(screen.getByText('无法打开数据库')).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toContain('请关闭其他已打开的本程序窗口后重新加载');
    expect(text).toContain('无法打开本地数据库：UnknownError');
    expect(text).not.toContain('Error: 无法打开');
  });

  it('in the desktop app: steps that need no open database, with this PC’s own paths, and where the log is', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-18T02:00:00Z'));
    installDesktop();
    show(new Error('无法打开本地数据库：UnknownError: Internal error opening backing store'));
    expect(await screen.findByText('仍打不开时：从本机的自动备份恢复')).toBeTruthy();
    const text = document.body.textContent ?? '';
    // One window is all the desktop app has: that advice cannot help there.
    expect(text).not.toContain('关闭其他');
    expect(text).toContain('数据没有被删除');
    expect(text).toContain('重新启动电脑');
    expect(text).toContain(`在地址栏粘贴 ${ROAMING} 后按回车`);
    expect(text).toContain('找到 branch-ledger 文件夹，右键「重命名」，改为 branch-ledger.损坏-20250318');
    expect(text).toContain(
      `「数据安全」→「从备份恢复」→「选择备份文件」，在「文件名」一栏粘贴 ${ROAMING}\\branch-ledger.损坏-20250318\\backups`,
    );
    expect(text).toContain('点「覆盖全部」');
    expect(text).toContain(`错误已记录在日志文件夹：${LOGS}`);
    expect(text).toContain('无法打开本地数据库：UnknownError: Internal error opening backing store');
    expect(text).toContain('支部标准化台账 · 版本 0.2.0 · 桌面版');
    // Every path can be copied, to paste into Explorer or the file dialog.
    expect(screen.getAllByRole('button', { name: '复制' })).toHaveLength(3);
    expect(screen.getByRole('button', { name: '重新加载' })).toBeTruthy();
  });

  it('in the desktop app when it cannot say where its data are: the steps with Windows’ default folder', async () => {
    installDesktop(null);
    show(new Error('无法打开本地数据库：UnknownError'));
    expect(await screen.findByText('仍打不开时：从本机的自动备份恢复')).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toContain('在地址栏粘贴 %APPDATA% 后按回车');
    expect(text).toMatch(/粘贴 %APPDATA%\\branch-ledger\.损坏-\d{8}\\backups/);
    expect(text).not.toContain('日志文件夹');
  });

  it('in a browser: no data folder to rename, so no steps', async () => {
    show(new Error('无法打开本地数据库：UnknownError'));
    expect(await screen.findByText(/在浏览器中运行/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('从自动备份恢复');
  });
});

describe('recoveryPaths', () => {
  it('works with Linux paths too, and a trailing separator', () => {
    expect(recoveryPaths('/home/shuji/.config/branch-ledger/', new Date('2025-12-31T17:00:00Z'))).toEqual({
      parent: '/home/shuji/.config',
      name: 'branch-ledger',
      renamed: 'branch-ledger.损坏-20260101',
      renamedBackups: '/home/shuji/.config/branch-ledger.损坏-20260101/backups',
    });
  });
});
