// The start-up error screen: each case with a known remedy says what to do, and offers 重新加载 only where it can help.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { StartupError } from '../../../renderer/src/app/StartupError';
import { PreUpgradeBackupError } from '../../../renderer/src/db/backup/preUpgrade';
import { NewerDatabaseError } from '../../../renderer/src/db/db';

afterEach(cleanup);

function show(error: unknown) {
  render(
    <AppProviders>
      <StartupError error={error} />
    </AppProviders>,
  );
}

describe('StartupError', () => {
  it('a database from a newer build: says to install the newer version, and offers no reload', () => {
    show(new NewerDatabaseError(7, 6));
    expect(screen.getByText('本机数据来自较新版本的本软件')).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toContain(
      '本机的数据由较新版本的本软件写入（数据版本 7），当前版本只支持到 6。为保护数据，本次没有打开。',
    );
    expect(text).toContain('请安装较新版本的本软件');
    expect(text).not.toContain('关闭其他');
    expect(screen.queryByRole('button', { name: '重新加载' })).toBeNull();
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
});
