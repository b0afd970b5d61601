// 立即备份 on a computer keeping several branches: the user may save the current branch only, in a file named after it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readBackup } from '../../../shared/backup';
import { AppProviders } from '../../../renderer/src/app/providers';
import { setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { BackupNowCard } from '../../../renderer/src/features/data-safety/BackupNowCard';
import { branchOneRows, copyOfBranch, storeBranches } from '../backup/branchFixtures';
import { chunksOf, installCloneableBlob } from '../backup/helpers';
import { installDesktopApi, removeDesktopApi } from './desktopApi';

installCloneableBlob();

afterEach(() => {
  cleanup();
  removeDesktopApi();
});

async function branchesIn(data: Uint8Array): Promise<string[]> {
  const names: string[] = [];
  const result = await readBackup(chunksOf(data), {
    onRows: (table, rows) => {
      if (table === 'branches') names.push(...rows.map((r) => String(r.name)));
    },
    onAttachment: () => undefined,
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return names;
}

describe('BackupNowCard', () => {
  it('offers 仅当前支部 with several branches and saves that branch alone, named after it', async () => {
    const rows = await branchOneRows();
    const two = copyOfBranch(rows, 'two', '机关第二党支部');
    await storeBranches(rows, two);
    await setCurrentBranchId(String(two.branches![0]!.id));
    const saved = installDesktopApi();
    render(
      <AppProviders>
        <BackupNowCard />
      </AppProviders>,
    );

    fireEvent.click(await screen.findByRole('radio', { name: '仅当前支部：机关第二党支部' }));
    expect(document.body.textContent).toContain('这不是本机的完整备份');
    fireEvent.click(screen.getByRole('button', { name: /立即备份/ }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 10_000 });
    expect(saved[0]!.suggestedName).toMatch(/^支部台账备份-机关第二党支部-\d{8}-\d{4}\.zip$/);
    expect(await branchesIn(saved[0]!.data)).toEqual(['机关第二党支部']);
    expect(await screen.findByText(/备份已保存（仅机关第二党支部）/)).toBeTruthy();

    // 全部 (the default) is still one choice away and saves every branch.
    fireEvent.click(screen.getByRole('radio', { name: '本机全部支部（2 个）' }));
    fireEvent.click(screen.getByRole('button', { name: /立即备份/ }));
    await waitFor(() => expect(saved).toHaveLength(2), { timeout: 10_000 });
    expect(saved[1]!.suggestedName).toMatch(/^支部台账备份-\d{8}-\d{4}\.zip$/);
    expect((await branchesIn(saved[1]!.data)).sort()).toEqual(['机关第一党支部', '机关第二党支部'].sort());
  });

  it('has no choice to make with one branch', async () => {
    await storeBranches(await branchOneRows());
    installDesktopApi();
    render(
      <AppProviders>
        <BackupNowCard />
      </AppProviders>,
    );
    expect(await screen.findByRole('button', { name: /立即备份/ })).toBeTruthy();
    // Let the branch queries settle before asserting the absence.
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
