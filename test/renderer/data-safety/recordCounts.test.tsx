// What 数据安全 says a backup holds reads the same everywhere: 立即备份's message, the restore preview and 恢复完成 count
// the same 条记录 (not the attachments, the 操作日志 or the settings), with thousands separators; and the preview of a
// 30-branch backup stays readable (labels on one line, the branches summed up with the list one click away).
import { File as NodeFile } from 'node:buffer';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RECORD_TABLES } from '../../../shared/backup/tables';
import { AppProviders } from '../../../renderer/src/app/providers';
import { type BackupPreview, restoreBackup, type RestoreResult } from '../../../renderer/src/db/backup/restore';
import { __resetDatabaseForTests } from '../../../renderer/src/db/db';
import { BackupPreviewCard } from '../../../renderer/src/features/data-safety/BackupPreviewCard';
import { DataSafetyPage } from '../../../renderer/src/features/data-safety/DataSafetyPage';
import { RestoreCard } from '../../../renderer/src/features/data-safety/RestoreCard';
import type { RestoreFlow } from '../../../renderer/src/features/data-safety/useRestoreFlow';
import { blobOf, installCloneableBlob, seedFromFixture, snapshot } from '../backup/helpers';
import { installDesktopApi, removeDesktopApi } from './desktopApi';

installCloneableBlob();

afterEach(() => {
  cleanup();
  removeDesktopApi();
});

/** The ledger's records as stored here, counted independently of the code under test. */
async function recordsHere(): Promise<{ records: number; attachments: number }> {
  const tables = await snapshot();
  return {
    records: RECORD_TABLES.reduce((n, t) => n + (tables[t]?.length ?? 0), 0),
    attachments: tables.attachments!.length,
  };
}

describe('counts', () => {
  it('立即备份, the preview and 恢复完成 give the same 条记录, with thousands separators', async () => {
    // Enough members for a number over a thousand.
    await seedFromFixture(1200);
    const { records, attachments } = await recordsHere();
    expect(records).toBeGreaterThan(1000);
    const shown = records.toLocaleString('zh-CN');
    expect(shown).toContain(',');
    const saved = installDesktopApi();
    render(
      <AppProviders>
        <DataSafetyPage />
      </AppProviders>,
    );

    fireEvent.click(await screen.findByRole('button', { name: /立即备份/ }));
    expect(
      await screen.findByText(
        new RegExp(`^备份已保存：${shown} 条记录（不含操作日志），${attachments} 个附件，`),
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();

    const file = new NodeFile([saved[0]!.data as Uint8Array<ArrayBuffer>], saved[0]!.suggestedName, {
      type: 'application/zip',
    });
    fireEvent.change(document.querySelector('input[type=file]')!, { target: { files: [file] } });
    const card = await screen.findByText('备份内容（已通过校验）', {}, { timeout: 10_000 });
    expect(card).toBeTruthy();
    expect(screen.getByText(`${shown} 条（不含操作日志）`)).toBeTruthy();
    expect(screen.getByText(new RegExp(`^${attachments} 个，`))).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '覆盖全部' }));
    const confirm = await screen.findByRole('dialog', { name: '覆盖全部数据？' });
    fireEvent.click(within(confirm).getByRole('button', { name: '覆盖全部' }));
    expect(await screen.findByText('恢复完成', {}, { timeout: 10_000 })).toBeTruthy();
    expect(document.body.textContent).toContain(`共 ${shown} 条记录（不含操作日志）、${attachments} 个附件。`);
  });

  it('作为新支部导入 counts as 覆盖全部 does', async () => {
    await seedFromFixture(10);
    const here = await recordsHere();
    const { exportBackupBlob } = await import('../../../renderer/src/db/backup/export');
    const { blob } = await exportBackupBlob();
    await __resetDatabaseForTests();
    const result = await restoreBackup(blobOf(new Uint8Array(await blob.arrayBuffer())), 'addAsNewBranches');
    expect(result).toMatchObject({ ok: true, records: here.records, attachments: here.attachments });
  });
});

/** A backup of `count` branches, the first `same` of which this computer has. */
function previewOf(count: number, same: number): BackupPreview {
  const branches = Array.from({ length: count }, (_, i) => ({ id: `b-${i}`, name: `第${i + 1}党支部` }));
  return {
    createdAt: '2026-01-20T02:00:00.000Z',
    appVersion: '0.1.0',
    schemaVersion: 6,
    branches,
    tables: [
      { table: 'branches', label: '支部', rows: count },
      { table: 'meetings', label: '会议记录', rows: 21442 },
      { table: 'attachments', label: '附件', rows: 2010 },
      { table: 'audit', label: '操作日志', rows: 261000 },
    ],
    attachments: { count: 2010, bytes: 7_000_000 },
    fileBytes: 41_600_000,
    here: {
      same: branches.slice(0, same).map((b) => ({ ...b, localName: b.name })),
      sameName: [],
      onlyHere: [],
      total: same,
    },
    fileRows: {},
  };
}

function renderPreview(preview: BackupPreview) {
  return render(
    <AppProviders>
      <BackupPreviewCard preview={preview} fileName="organ.zip" />
    </AppProviders>,
  );
}

const branchCell = () => screen.getByText('支部', { selector: 'th, th *' }).closest('tr')!.querySelector('td')!;

describe('the preview of a large backup', () => {
  it('keeps its labels on one line and sums up 30 branches, the full list one click away', () => {
    renderPreview(previewOf(30, 30));
    const label = screen.getByText('备份时间', { selector: 'th, th *' }).closest('th')!;
    expect(label.style.whiteSpace).toBe('nowrap');
    expect(branchCell().textContent).toBe('30 个支部（均为本机已有）展开全部');
    expect(screen.getByText(`${(21442 + 30).toLocaleString('zh-CN')} 条（不含操作日志）`)).toBeTruthy();
    expect(screen.getByText('21,442')).toBeTruthy();

    const more = within(branchCell()).getByRole('button', { name: '展开全部' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    const full = branchCell().textContent!;
    expect(full).toContain('第1党支部（本机已有）、第2党支部（本机已有）');
    expect(full).toContain('第30党支部（本机已有）');
    expect(within(branchCell()).getByRole('button', { name: '收起' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('names the few branches that differ from the rest', () => {
    renderPreview(previewOf(30, 3));
    expect(branchCell().textContent).toBe('30 个支部（其中 3 个本机已有：第1党支部、第2党支部、第3党支部）展开全部');
    cleanup();
    renderPreview(previewOf(30, 27));
    expect(branchCell().textContent).toBe(
      '30 个支部（其中 27 个本机已有，本机没有的 3 个：第28党支部、第29党支部、第30党支部）展开全部',
    );
  });

  it('names up to five branches in full', () => {
    renderPreview(previewOf(5, 1));
    expect(branchCell().textContent).toBe('第1党支部（本机已有）、第2党支部、第3党支部、第4党支部、第5党支部');
  });

  it('恢复完成 sums up 30 branches too', () => {
    const branches = previewOf(30, 0).branches;
    const result: Extract<RestoreResult, { ok: true }> = {
      ok: true,
      mode: 'replace',
      branches,
      rows: 500_836,
      records: 236_826,
      attachments: 2010,
    };
    const flow: RestoreFlow = {
      state: { step: 'done', name: 'organ.zip', result },
      busy: false,
      inspect: vi.fn(),
      restore: vi.fn(),
      reset: vi.fn(),
    };
    render(
      <AppProviders>
        <RestoreCard flow={flow} />
      </AppProviders>,
    );
    const done = screen.getByText('恢复完成').closest('.ant-alert')!;
    expect(done.textContent).toContain(
      '已覆盖全部：30 个支部展开全部，共 236,826 条记录（不含操作日志）、2,010 个附件。',
    );
    fireEvent.click(within(done as HTMLElement).getByRole('button', { name: '展开全部' }));
    expect(done.textContent).toContain('第1党支部、第2党支部');
  });
});
