// 各支部概览 in a DOM: it follows the records as they change, and a branch's name makes it current and opens its 工作台.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { getCurrentBranchId, setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { OverviewPage } from '../../../renderer/src/features/overview/OverviewPage';
import { meetingInput, present, seed, setChinaNow } from '../meetings/fixtures';

beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/');
});

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('OverviewPage', { timeout: 40_000 }, () => {
  it('updates a branch’s row when a record is added, and opens the 工作台 of the branch clicked', async () => {
    const { branch, other, zhang, li } = await seed();
    await setCurrentBranchId(branch.id);
    render(
      <AppProviders>
        <OverviewPage />
      </AppProviders>,
    );
    // 2030 until June: five months of 支委会 are due, neither branch held one.
    expect(await screen.findAllByTitle('支委会未开展：1月、2月、3月、4月、5月')).toHaveLength(2);
    expect(await screen.findByText('当前支部')).toBeTruthy();

    await createMeeting(branch.id, meetingInput({ date: '2030-02-10', attendance: present(zhang, li) }));
    await waitFor(() => expect(screen.getByTitle('支委会未开展：1月、3月、4月、5月')).toBeTruthy());
    expect(screen.getAllByTitle('支委会未开展：1月、2月、3月、4月、5月')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: other.name }));
    await waitFor(() => expect(window.location.hash).toBe('#/home'));
    expect(await getCurrentBranchId()).toBe(other.id);
  });

  it('sorts by 未达标, most first, branches with as many keeping their name order', async () => {
    const { branch } = await seed();
    await setCurrentBranchId(branch.id);
    // No 党小组: its 党小组会 does not apply, so it misses one requirement fewer than 甲支部 and 乙支部.
    await createBranch({ name: '安监局党支部', termStart: '2029-01-01', termEnd: '2031-12-31' });
    render(
      <AppProviders>
        <OverviewPage />
      </AppProviders>,
    );
    const names = () =>
      [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')].map(
        (tr) => tr.querySelector('td button')?.textContent,
      );
    await waitFor(() => expect(names()).toEqual(['安监局党支部', '甲支部', '乙支部']));
    fireEvent.click(screen.getAllByText('未达标')[0]!);
    await waitFor(() => expect(names()).toEqual(['甲支部', '乙支部', '安监局党支部']));
  });

  it('says there is nothing to compare with a single branch', async () => {
    const { branch } = await seed();
    await setCurrentBranchId(branch.id);
    const { db } = await import('../../../renderer/src/db/db');
    await db.branches.where('name').notEqual(branch.name).delete();
    render(
      <AppProviders>
        <OverviewPage />
      </AppProviders>,
    );
    expect(await screen.findByText('本机只有一个支部')).toBeTruthy();
  });
});
