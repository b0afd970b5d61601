// 各支部概览 in a DOM: it follows the records as they change, and a branch's name makes it current and opens its 工作台
// at the year shown; the year is kept in the address; same-named branches say what tells them apart.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
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
    await waitFor(() => expect(window.location.hash).toBe('#/home?year=2030'));
    expect(await getCurrentBranchId()).toBe(other.id);
  });

  it('shows the year in the address, keeps a change of year there, and opens a branch at that year', async () => {
    const { branch, other, zhang, li } = await seed();
    await setCurrentBranchId(branch.id);
    await createMeeting(branch.id, meetingInput({ date: '2029-02-10', attendance: present(zhang, li) }));
    window.history.replaceState(null, '', '#/overview?year=2029');
    render(
      <AppProviders>
        <OverviewPage />
      </AppProviders>,
    );
    // 2029 in full: 甲支部 held February's 支委会, 乙支部 none.
    expect(await screen.findByTitle(/^支委会未开展：1月、3月、4月/)).toBeTruthy();
    expect(screen.getByLabelText('年度').closest('.ant-select')?.textContent).toContain('2029年');
    const summary = screen.getByText(/个支部有未达标项/).closest('div')!.textContent;
    expect(summary).toContain('2029年草稿 1 份');
    expect(summary).toContain('阵地复查逾期（截至今天）0 处');
    expect(summary).not.toContain('本年度');

    // Another year goes into the address (replaced: back leaves the page rather than stepping through years).
    fireEvent.mouseDown(screen.getByLabelText('年度'));
    fireEvent.click(await screen.findByTitle('2030年'));
    await waitFor(() => expect(window.location.hash).toBe('#/overview?year=2030'));
    await waitFor(() => expect(screen.getAllByTitle('支委会未开展：1月、2月、3月、4月、5月')).toHaveLength(2));

    window.history.replaceState(null, '', '#/overview?year=2029');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.getByLabelText('年度').closest('.ant-select')?.textContent).toContain('2029年'));
    await screen.findByTitle(/^支委会未开展：1月、3月、4月/);
    fireEvent.click(screen.getByRole('button', { name: other.name }));
    await waitFor(() => expect(window.location.hash).toBe('#/home?year=2029'));
    expect(await getCurrentBranchId()).toBe(other.id);
  });

  it('tells same-named branches apart', async () => {
    const { branch, other } = await seed();
    await setCurrentBranchId(branch.id);
    // As after 作为新支部导入 next to a branch typed by hand: the same name, created on different days.
    await db.branches.update(other.id, { name: '甲支部', createdAt: '2025-03-01T02:00:00.000Z' });
    await db.branches.update(branch.id, { createdAt: '2030-06-01T02:00:00.000Z' });
    render(
      <AppProviders>
        <OverviewPage />
      </AppProviders>,
    );
    expect(await screen.findByRole('button', { name: '甲支部（建于 2025-03-01）' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '甲支部（建于 2030-06-01）' })).toBeTruthy();
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
