// The 工作台 in a DOM across New Year: 上一年度收尾 in January (and not in March, nor on last year's own 工作台), an
// earlier year's overdue task with its year, and 谈心谈话 still pending on 31 December shown as not complete.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { createResponsibility } from '../../../renderer/src/db/repositories/responsibilities';
import { Dashboard } from '../../../renderer/src/features/dashboard/Dashboard';
import { recordsViewFromHash } from '../../../renderer/src/features/meetings/recordsRoute';
import { meetingInput, present, seed, setChinaNow } from '../meetings/fixtures';
import { input } from '../responsibility/fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/');
});

async function lastYearWithLooseEnds() {
  const seeded = await seed();
  const { branch, zhang, li } = seeded;
  // One 支委会 of 2029, still a draft: eleven months missed, one draft.
  await createMeeting(branch.id, meetingInput({ date: '2029-12-10', attendance: present(zhang, li) }));
  await createResponsibility(
    branch.id,
    input({
      year: 2029,
      holderMemberId: zhang.id,
      tasks: [{ title: '更新党员活动室电教设备', deadline: '2029-11-30', status: '进行中' }],
    }),
  );
  return seeded;
}

const renderDashboard = (branch: Awaited<ReturnType<typeof seed>>['branch']) =>
  render(
    <AppProviders>
      <Dashboard branch={branch} />
    </AppProviders>,
  );

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('Dashboard across New Year', { timeout: 40_000 }, () => {
  it("shows last year's loose ends in January, with where to tie each, and last year's overdue task", async () => {
    setChinaNow('2030-01-05T09:00:00');
    const { branch } = await lastYearWithLooseEnds();
    renderDashboard(branch);
    const closing = await screen.findByRole('region', { name: '上一年度收尾' });
    expect(within(closing).getByText('上一年度收尾（2029年度）')).toBeTruthy();
    expect(within(closing).getByText(/还有 1 份记录尚未定稿/)).toBeTruthy();
    const drafts = within(closing).getByRole('link', { name: '查看草稿并定稿' });
    expect(recordsViewFromHash(drafts.getAttribute('href')!)).toEqual({
      view: 'list',
      filter: { year: 2029, status: '草稿' },
    });
    expect(within(closing).getByRole('link', { name: '查看2029年工作台补录' }).getAttribute('href')).toBe(
      '#/home?year=2029',
    );
    expect(within(closing).getByText(/1 项任务逾期未完成/)).toBeTruthy();
    expect(within(closing).getByText('2029 年度尚未自评，2029 年度尚无上级评定', { exact: false })).toBeTruthy();

    const tasks = screen.getByRole('region', { name: '领导有责任' });
    expect(await within(tasks).findByText(/更新党员活动室电教设备/)).toBeTruthy();
    expect(within(tasks).getByRole('link', { name: '2029年度' }).getAttribute('href')).toBe(
      '#/responsibility?year=2029',
    );
  });

  it('has no such block in March, nor on the 工作台 of last year itself', async () => {
    setChinaNow('2030-03-01T09:00:00');
    const { branch } = await lastYearWithLooseEnds();
    renderDashboard(branch);
    // The overdue task of 2029 is still there in March.
    expect(await screen.findByText(/更新党员活动室电教设备/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: '上一年度收尾' })).toBeNull();
    cleanup();

    setChinaNow('2030-01-05T09:00:00');
    window.history.replaceState(null, '', '#/home?year=2029');
    renderDashboard(branch);
    expect(await screen.findByText('支委会 1/12 个月')).toBeTruthy();
    expect(screen.queryByRole('region', { name: '上一年度收尾' })).toBeNull();
  });

  it('on 31 December names who has not been talked with, offers to record it, and draws no full bar', async () => {
    setChinaNow('2029-12-31T23:50:00');
    const { branch, zhang, li } = await seed();
    await createMeeting(
      branch.id,
      meetingInput({
        kind: '谈心谈话',
        topic: '谈心',
        date: '2029-12-03',
        talkParties: [zhang.id, li.id],
        attendance: present(zhang, li),
      }),
    );
    renderDashboard(branch);
    const talks = await screen.findByRole('group', { name: '谈心谈话' });
    expect(await within(talks).findByText('谈心谈话 2/3 人，1 人待谈')).toBeTruthy();
    expect(within(talks).getByText('尚未谈话：王五（本年度还剩 1 天）')).toBeTruthy();
    expect(within(talks).getByRole('button', { name: '去记录：谈心谈话（王五）' })).toBeTruthy();
    expect(talks.querySelector('.ant-progress-status-success')).toBeNull();
  });
});
