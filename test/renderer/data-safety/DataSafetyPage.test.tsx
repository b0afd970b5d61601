// 数据安全 in the desktop app: when backups are taken, said truthfully, and the data folder an administrator needs.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppApi, AppInfo, BackupStatus } from '../../../shared/ipc';
import { AppProviders } from '../../../renderer/src/app/providers';
import { DataSafetyPage } from '../../../renderer/src/features/data-safety/DataSafetyPage';

const DATA_FOLDER = 'C:\\Users\\书记\\AppData\\Roaming\\branch-ledger';

function installDesktopApi(): void {
  const api: Partial<AppApi> = {
    appInfo: vi.fn(
      async () => ({ productName: '支部标准化台账', version: '1.2.0', userDataPath: DATA_FOLDER }) as AppInfo,
    ),
    listBackups: vi.fn(async () => []),
    backupStatus: vi.fn(async (): Promise<BackupStatus> => ({
      lastDailyDate: null,
      freeBytes: null,
      lowDisk: false,
      dir: `${DATA_FOLDER}\\backups`,
    })),
  };
  (window as { api?: Partial<AppApi> }).api = api;
}

afterEach(() => {
  cleanup();
  delete (window as { api?: AppApi }).api;
});

function renderPage() {
  render(
    <AppProviders>
      <DataSafetyPage />
    </AppProviders>,
  );
}

describe('DataSafetyPage, automatic backups', () => {
  it('says a backup precedes an upgrade only when the data format changes, and shows the data folder', async () => {
    installDesktopApi();
    renderPage();
    expect(await screen.findByText(DATA_FOLDER)).toBeTruthy();
    const card = document.body.textContent ?? '';
    expect(card).toContain('软件升级需要转换数据格式时，会先自动备份');
    expect(card).not.toContain('升级软件前也会自动备份');
    expect(card).toContain(`数据文件夹：${DATA_FOLDER}（自动备份在其中的 backups 文件夹）`);
    expect(screen.getByRole('button', { name: '复制路径' })).toBeTruthy();
  });

  it('shows no data folder in a browser, which has none', async () => {
    renderPage();
    expect(await screen.findByText('自动备份仅在桌面版中提供')).toBeTruthy();
    expect(document.body.textContent).not.toContain('数据文件夹');
  });
});
