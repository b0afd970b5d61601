// Switching the current branch in a DOM: with a half-typed form the header's 当前支部 asks first (the leave guard's
// 「离开此页？」) and switches only on 「放弃修改并离开」; a 阵地 or 考评 page left over from the other branch names that
// branch and offers the way back instead of letting anything be written to it.
import { Blob as NodeBlob } from 'node:buffer';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_STANDARDS } from '../../../shared/standards';
import { AppProviders } from '../../../renderer/src/app/providers';
import { BranchSwitcher } from '../../../renderer/src/app/BranchSwitcher';
import { db } from '../../../renderer/src/db/db';
import { createAssessment } from '../../../renderer/src/db/repositories/assessments';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { getCurrentBranchId, setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { ensureBuiltInStandards, getStandard } from '../../../renderer/src/db/repositories/standards';
import { createVenue } from '../../../renderer/src/db/repositories/venues';
import { StandardsPage } from '../../../renderer/src/features/standards/StandardsPage';
import { VenuesPage } from '../../../renderer/src/features/venues/VenuesPage';
import { LeaveConfirm } from '../../../renderer/src/ui/LeaveConfirm';
import {
  hasUnsavedChanges,
  installLeaveGuard,
  pendingLeave,
  uninstallLeaveGuard,
} from '../../../renderer/src/ui/leaveGuard';

// The pages are large and this machine shared: give first renders and live queries time.
configure({ asyncUtilTimeout: 8000 });

async function at(hash: string) {
  window.history.replaceState(null, '', hash);
  // happy-dom reports replaceState as a (late) hashchange: let it pass before guarding (as leaveGuard.test does).
  await new Promise((resolve) => setTimeout(resolve, 20));
  installLeaveGuard();
}

beforeEach(() => vi.stubGlobal('Blob', NodeBlob));
afterEach(() => {
  cleanup();
  uninstallLeaveGuard();
  vi.unstubAllGlobals();
});

async function twoBranches() {
  const jia = await createBranch({ name: '甲支部', termStart: '2024-01-01', termEnd: '2027-12-31' });
  const yi = await createBranch({ name: '乙支部', termStart: '2024-01-01', termEnd: '2027-12-31' });
  await setCurrentBranchId(jia.id);
  return { jia, yi };
}

const shell = (page: ReactNode) =>
  render(
    <AppProviders>
      <BranchSwitcher />
      {page}
      <LeaveConfirm />
    </AppProviders>,
  );

/** Picks a branch in the header's 当前支部, as a user does (antd's Select opens on mousedown). */
async function pickBranch(name: string) {
  fireEvent.mouseDown(screen.getByLabelText('当前支部'));
  await waitFor(() => expect(document.querySelector(`.ant-select-item-option[title="${name}"]`)).not.toBeNull());
  fireEvent.click(document.querySelector(`.ant-select-item-option[title="${name}"]`)!);
}

const switcherShows = () => screen.getByLabelText('当前支部').closest('.ant-select')?.textContent;

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('switching the current branch', { timeout: 40_000 }, () => {
  it('asks before dropping a half-typed form; 继续编辑 keeps it, 放弃修改并离开 switches', async () => {
    const { jia, yi } = await twoBranches();
    await at('#/venues/new');
    shell(<VenuesPage />);
    const name = await screen.findByLabelText(/阵地名称/);
    fireEvent.change(name, { target: { value: '半截录入的阵地' } });
    await waitFor(() => expect(hasUnsavedChanges()).toBe(true));

    await pickBranch('乙支部');
    const ask = await screen.findByRole('dialog', { name: '离开此页？' });
    expect(ask.textContent).toContain('「活动阵地」有尚未保存的修改，切换到「乙支部」后这些修改将丢失。');
    fireEvent.click(within(ask).getByRole('button', { name: '继续编辑' }));
    expect(pendingLeave()).toBeUndefined();
    expect(await getCurrentBranchId()).toBe(jia.id);
    expect(switcherShows()).toBe('甲支部');
    expect((screen.getByLabelText(/阵地名称/) as HTMLInputElement).value).toBe('半截录入的阵地');

    await pickBranch('乙支部');
    await waitFor(() => expect(pendingLeave()).toBeDefined());
    // The first question may still be in the page, hidden; this is the new one.
    const again = (await screen.findAllByRole('dialog', { name: '离开此页？' })).at(-1)!;
    await act(async () => {
      fireEvent.click(within(again).getByRole('button', { name: '放弃修改并离开' }));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await waitFor(async () => expect(await getCurrentBranchId()).toBe(yi.id));
    await waitFor(() => expect(switcherShows()).toBe('乙支部'));
    // The form of 甲支部 is gone: 乙支部's starts empty, and nothing was saved anywhere.
    await waitFor(() => expect((screen.getByLabelText(/阵地名称/) as HTMLInputElement).value).toBe(''));
    expect(hasUnsavedChanges()).toBe(false);
    expect(await db.venues.count()).toBe(0);
  });

  it('switches at once when nothing is edited', async () => {
    const { yi } = await twoBranches();
    await at('#/venues');
    shell(<VenuesPage />);
    await screen.findByText(/尚未登记活动阵地/);
    await pickBranch('乙支部');
    await waitFor(async () => expect(await getCurrentBranchId()).toBe(yi.id));
    expect(screen.queryByRole('dialog', { name: '离开此页？' })).toBeNull();
  });

  it('a venue page left from the other branch names it and offers no 登记复查; the switch-back button works', async () => {
    const { jia, yi } = await twoBranches();
    const venue = await createVenue(jia.id, {
      name: '党建宣传栏',
      kind: '党建宣传栏',
      address: '',
      areaM2: 3,
      capacity: 0,
      manager: '',
    });
    await at(`#/venues/${venue.id}`);
    shell(<VenuesPage />);
    await screen.findByRole('heading', { name: '登记复查' });

    await act(() => setCurrentBranchId(yi.id));
    const notice = await screen.findByText('该阵地属于「甲支部」');
    expect(notice).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '登记复查' })).toBeNull();
    expect(screen.queryByRole('button', { name: /登记复查/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '编辑' })).toBeNull();
    expect(screen.queryByRole('button', { name: '删除阵地' })).toBeNull();

    // Its edit page refuses too.
    await act(async () => {
      window.location.hash = `#/venues/${venue.id}/edit`;
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await screen.findByText('该阵地属于「甲支部」');
    expect(screen.queryByLabelText(/阵地名称/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '切换到「甲支部」' }));
    await waitFor(async () => expect(await getCurrentBranchId()).toBe(jia.id));
    expect(await screen.findByLabelText(/阵地名称/)).toBeTruthy();

    // And 返回本支部阵地列表 goes to the list of the branch now current.
    await act(() => setCurrentBranchId(yi.id));
    fireEvent.click(await screen.findByRole('button', { name: '返回本支部阵地列表' }));
    await waitFor(() => expect(window.location.hash).toBe('#/venues'));
    await screen.findByText(/尚未登记活动阵地/);
  });

  it('a 考评 of the other branch names it instead of 「找不到」', async () => {
    const { jia, yi } = await twoBranches();
    await ensureBuiltInStandards();
    const standardId = BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === 'standardization')!.id;
    const standard = (await getStandard(standardId))!;
    const assessment = await createAssessment(jia.id, {
      standardId,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      kind: '自评',
      assessor: '张三',
      date: '2026-01-10',
      scores: standard.items.filter((i) => i.rule.kind === 'manual').map((i) => ({ code: i.code, score: i.maxScore })),
    });
    await setCurrentBranchId(yi.id);
    await at(`#/standards?assessment=${assessment.id}`);
    shell(<StandardsPage />);
    await screen.findByText('该考评属于「甲支部」');
    fireEvent.click(screen.getByRole('button', { name: '返回本支部考评列表' }));
    await waitFor(() => expect(window.location.hash).toBe('#/standards'));
  });
});
