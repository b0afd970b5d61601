// 复制上一年度 in a DOM: last year's unfinished tasks are named in a dialog, the ticked ones go on in the new year's list,
// and the message says which stayed behind.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { updateBranch } from '../../../renderer/src/db/repositories/branches';
import { createResponsibility, listResponsibilities } from '../../../renderer/src/db/repositories/responsibilities';
import { setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { ResponsibilityPage } from '../../../renderer/src/features/responsibility/ResponsibilityPage';
import { seed, setChinaNow } from '../meetings/fixtures';
import { input } from './fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/');
});

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('复制上一年度 in the page', { timeout: 40_000 }, () => {
  it("asks which of last year's unfinished tasks to carry over, and carries the ticked ones", async () => {
    setChinaNow('2030-01-05T09:00:00');
    const { branch, zhang } = await seed();
    await setCurrentBranchId(branch.id);
    await createResponsibility(
      branch.id,
      input({
        year: 2029,
        holderMemberId: zhang.id,
        tasks: [
          { title: '更新党员活动室电教设备', deadline: '2029-11-30', status: '进行中' },
          { title: '建立党员积分台账', status: '未开始' },
        ],
      }),
    );
    window.history.replaceState(null, '', '#/responsibility?year=2030');
    render(
      <AppProviders>
        <ResponsibilityPage />
      </AppProviders>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /复制上一年度/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/2029年度有 2 项任务尚未完成/)).toBeTruthy();
    expect(within(dialog).getByText('已逾期')).toBeTruthy();
    // Both ticked; the 台账 stays in 2029.
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /建立党员积分台账/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: '复制并转入 1 项任务' }));

    expect(
      await screen.findByText(
        '已复制 1 位责任人的职责，转入 1 项未完成的任务：更新党员活动室电教设备（张三）；' +
          '2029年度尚未完成、未转入的任务：建立党员积分台账（张三）',
      ),
    ).toBeTruthy();
    expect(await screen.findByText('2029年度转入')).toBeTruthy();
    await waitFor(async () =>
      expect(
        (await listResponsibilities(branch.id, 2030)).flatMap((r) => r.tasks.map((t) => [t.title, t.carriedFrom])),
      ).toEqual([['更新党员活动室电教设备', 2029]]),
    );
  });

  it('says when a 书记 of the year, after a 换届, has no 第一责任人 list yet', async () => {
    setChinaNow('2030-09-05T09:00:00');
    const { branch, zhang } = await seed();
    await setCurrentBranchId(branch.id);
    await createResponsibility(branch.id, input({ year: 2030, holderMemberId: zhang.id }));
    window.history.replaceState(null, '', '#/responsibility?year=2030');
    render(
      <AppProviders>
        <ResponsibilityPage />
      </AppProviders>,
    );
    expect(await screen.findByText('张三（第一责任人）', { exact: false })).toBeTruthy();
    expect(screen.queryByText(/还没有第一责任人清单/)).toBeNull();

    // 换届 on 15 July: 王五 is 书记 from then, and the lists still have only 张三.
    await updateBranch(branch.id, {
      ...branch,
      committee: [
        { name: '张三', role: '书记', to: '2030-07-15' },
        { name: '王五', role: '书记', from: '2030-07-15' },
      ],
    });
    expect(await screen.findByText('支部概况中2030年度的书记王五（2030-07-15 起）还没有第一责任人清单')).toBeTruthy();
  });
});
