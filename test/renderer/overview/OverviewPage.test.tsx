// 各支部概览 in a DOM: it follows the records as they change, and a branch's name makes it current and opens its 工作台
// at the year shown; the year is kept in the address; same-named branches say what tells them apart.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
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

/** A branch's 支委会 cell, red and a link while a month is missed. */
const committeeCell = (branch: string) => screen.getByLabelText(new RegExp(`^${branch}支委会 `));

/** A branch's 党小组会 cell. */
const groupCell = (branch: string) => screen.getByLabelText(new RegExp(`^${branch}党小组会 `));

/** What a red cell's tooltip says once the cell has the keyboard's focus. */
/** The branches in the order the table lists them. */
const rowNames = () =>
  [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')].map(
    (tr) => tr.querySelector('td button')?.textContent,
  );

async function missedMonths(cell: HTMLElement): Promise<string | null> {
  act(() => cell.focus());
  const tip = await screen.findByRole('tooltip');
  // Read with the cell, not only on hover.
  expect(cell.getAttribute('aria-describedby')).toBe(tip.id);
  return tip.textContent;
}

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
    expect(await screen.findAllByLabelText(/^.支部支委会 0\/5 缺5，/)).toHaveLength(2);
    expect(await screen.findByText('当前支部')).toBeTruthy();

    await createMeeting(branch.id, meetingInput({ date: '2030-02-10', attendance: present(zhang, li) }));
    await waitFor(() => expect(committeeCell('甲支部').textContent).toBe('1/5 缺4'));
    expect(committeeCell('乙支部').textContent).toBe('0/5 缺5');
    // Both branches were set up in the app today: the months before are gaps the 工作台 asks to 补录, and say so.
    expect(await missedMonths(committeeCell('甲支部'))).toBe(
      '支委会未开展：1月、3月、4月、5月其中 4 项在开始使用台账（2030年6月15日）之前，如已开展请补录',
    );
    expect(screen.getByText(/「甲支部」「乙支部」于本年度开始使用台账，其中 \d+ 项缺项在开始使用之前/)).toBeTruthy();
    expect(screen.queryByText(/本届任期已届满/)).toBeNull();
    // A term over (本届结束日期 before today) is said for the 机关党委 to follow up.
    await db.branches.update(other.id, { termEnd: '2030-06-14' });
    expect(
      await screen.findByText('「乙支部」本届任期已届满（2030年6月14日），尚未登记新一届：请督促按期换届。'),
    ).toBeTruthy();

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
    await waitFor(() => expect(committeeCell('甲支部').textContent).toBe('1/12 缺11'));
    expect(screen.getByLabelText('年度').closest('.ant-select')?.textContent).toContain('2029年');
    const summary = screen.getByText(/个支部有未达标项/).closest('div')!.textContent;
    expect(summary).toContain('2029年草稿 1 份');
    expect(summary).toContain('阵地复查逾期（截至今天）0 处');
    expect(summary).not.toContain('本年度');

    // Another year goes into the address (replaced: back leaves the page rather than stepping through years).
    fireEvent.mouseDown(screen.getByLabelText('年度'));
    fireEvent.click(await screen.findByTitle('2030年'));
    await waitFor(() => expect(window.location.hash).toBe('#/overview?year=2030'));
    await waitFor(() => expect(screen.getAllByLabelText(/^.支部支委会 0\/5 缺5，/)).toHaveLength(2));

    window.history.replaceState(null, '', '#/overview?year=2029');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.getByLabelText('年度').closest('.ant-select')?.textContent).toContain('2029年'));
    await waitFor(() => expect(committeeCell('甲支部').textContent).toBe('1/12 缺11'));
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
    await waitFor(() => expect(rowNames()).toEqual(['安监局党支部', '甲支部', '乙支部']));
    fireEvent.click(screen.getAllByText('未达标')[0]!);
    await waitFor(() => expect(rowNames()).toEqual(['甲支部', '乙支部', '安监局党支部']));
  });

  it('shows the month still running as due but no gap, as the 工作台 does, and a red cell opens that 工作台', async () => {
    const { branch, other } = await seed();
    await setCurrentBranchId(other.id);
    render(
      <AppProviders>
        <OverviewPage />
      </AppProviders>,
    );
    // 15 June 2030: 第一党小组 missed January to May; June is running — the 工作台's 「0/6 项（党小组），1 个党小组待记录」.
    await waitFor(() => expect(groupCell('甲支部').textContent).toBe('0/6 缺5待1'));
    const tip = await missedMonths(groupCell('甲支部'));
    expect(tip).toBe(
      '党小组会未开展：第一党小组 1月、2月、3月、4月、5月其中 5 项在开始使用台账（2030年6月15日）之前，如已开展请补录' +
        '尚未记录：第一党小组（6月还剩 16 天）',
    );

    // The gap is a link to where it is made good: the branch's 工作台 of the year, made current.
    fireEvent.click(groupCell('甲支部'));
    await waitFor(() => expect(window.location.hash).toBe('#/home?year=2030'));
    expect(await getCurrentBranchId()).toBe(branch.id);
  });

  it('sorts by a rule’s gaps, by the gaps of all rules together and by the 考评 score', async () => {
    const { branch, other, zhang, li } = await seed();
    await setCurrentBranchId(branch.id);
    // No 党小组: its 党小组会 does not apply.
    const third = await createBranch({ name: '安监局党支部', termStart: '2029-01-01', termEnd: '2031-12-31' });
    // 甲支部 held January's and February's 支委会: 缺3 where the others have 缺5.
    for (const date of ['2030-01-10', '2030-02-10']) {
      await createMeeting(branch.id, meetingInput({ date, attendance: present(zhang, li) }));
    }
    const at = new Date().toISOString();
    const assessment = (id: string, branchId: string, total: number) => ({
      id,
      branchId,
      standardId: 's1',
      standardSnapshot: { totalScore: 100 },
      periodStart: '2030-01-01',
      periodEnd: '2030-12-31',
      kind: '自评',
      scores: [],
      total,
      grade: '',
      assessor: '',
      date: '2030-06-01',
      createdAt: at,
      updatedAt: at,
    });
    await db.assessments.bulkAdd([assessment('a1', branch.id, 90), assessment('a2', other.id, 75)] as never);
    render(
      <AppProviders>
        <OverviewPage />
      </AppProviders>,
    );
    await waitFor(() => expect(rowNames()).toEqual([third.name, '甲支部', '乙支部']));
    await screen.findAllByLabelText(/^乙支部支委会 0\/5 缺5/);

    // 支委会, most missed first: 缺5 and 缺5 in name order, then 甲支部's 缺3.
    fireEvent.click(screen.getAllByText('支委会')[0]!);
    await waitFor(() => expect(rowNames()).toEqual([third.name, '乙支部', '甲支部']));

    // 未达标 counts rules: 甲支部 and 乙支部 miss four each. 缺项合计 counts what each misses: 乙支部's 支委会 缺5
    // outweighs 甲支部's 缺3 (1 支部党员大会 + 5 支委会 + 5 党小组会 + 5 主题党日 = 16 against 14; 安监局 11).
    fireEvent.click(screen.getAllByText('未达标')[0]!);
    await waitFor(() => expect(rowNames()).toEqual(['甲支部', '乙支部', third.name]));
    fireEvent.click(screen.getAllByText('缺项合计')[0]!);
    await waitFor(() => expect(rowNames()).toEqual(['乙支部', '甲支部', third.name]));
    expect(document.querySelector('.ant-table-tbody tr.ant-table-row td:nth-child(3)')?.textContent).toBe('缺16');

    // 考评, lowest first, a branch not yet assessed before any score; then highest first.
    fireEvent.click(screen.getAllByText('2030年考评')[0]!);
    await waitFor(() => expect(rowNames()).toEqual([third.name, '乙支部', '甲支部']));
    fireEvent.click(screen.getAllByText('2030年考评')[0]!);
    await waitFor(() => expect(rowNames()).toEqual(['甲支部', '乙支部', third.name]));
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
