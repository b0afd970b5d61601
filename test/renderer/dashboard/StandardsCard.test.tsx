// The 工作台's 「评价有标准」 card in a DOM: the selected year's latest 考评 of each kind with its score, grade and date,
// what is still missing with 新建考评, and the year's 民主评议党员 — kept live as 考评 are saved.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createAssessment } from '../../../renderer/src/db/repositories/assessments';
import { saveMemberEvaluations } from '../../../renderer/src/db/repositories/memberEvaluations';
import { ensureBuiltInStandards } from '../../../renderer/src/db/repositories/standards';
import { Dashboard } from '../../../renderer/src/features/dashboard/Dashboard';
import { standardsRouteFromHash } from '../../../renderer/src/features/standards/standardsRoute';
import { seed, setChinaNow } from '../meetings/fixtures';
import { assessmentInput as assessment } from './assessmentFixtures';

beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/');
});

const card = () => screen.getByRole('region', { name: '评价有标准' });

/** Renders the 工作台 at `hash` and waits for its cards. */
async function renderAt(hash: string, branch: Awaited<ReturnType<typeof seed>>['branch']) {
  window.history.replaceState(null, '', hash);
  render(
    <AppProviders>
      <Dashboard branch={branch} />
    </AppProviders>,
  );
  await screen.findByRole('region', { name: '评价有标准' }, { timeout: 20_000 });
}

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('评价有标准 card', { timeout: 40_000 }, () => {
  it("shows each kind's latest 考评 of the year, and follows a 考评 saved while it is open", async () => {
    await ensureBuiltInStandards();
    const { branch, zhang, li, wang } = await seed();
    // Two 自评 of 2029: the later 考评日期 is the one that counts, however they were saved.
    await createAssessment(branch.id, await assessment(8, { date: '2030-01-10' }));
    await createAssessment(branch.id, await assessment(30, { date: '2029-12-20' }));
    // A 2030 自评 is another year's.
    await createAssessment(
      branch.id,
      await assessment(0, { periodStart: '2030-01-01', periodEnd: '2030-12-31', date: '2030-06-01' }),
    );
    await saveMemberEvaluations(branch.id, 2029, [
      { memberId: zhang.id, grade: '合格' },
      { memberId: li.id, grade: '基本合格' },
      // Written up, not yet graded: not counted as 已评.
      { memberId: wang.id, selfResult: '对照标准进行了自评。', grade: '' },
    ]);
    await renderAt('#/home?year=2029', branch);

    const self = await within(card()).findByText(/^自评 92 分/);
    expect(self.closest('li, div')?.textContent).toContain('自评 92 分 / 满分 100 · 优秀（2030-01-10）');
    // The one shown opens that 考评.
    const link = within(card()).getByRole('link', { name: /自评 92 分/ });
    const route = standardsRouteFromHash(link.getAttribute('href')!);
    expect(route).toMatchObject({ tab: 'assessments', view: 'show' });
    expect(card().textContent).toContain('本年度共 2 份自评，以考评日期最晚的一份为准');
    expect(card().textContent).toContain('2029 年度尚无上级评定');
    expect(card().textContent).toContain('2029 年度尚无群众评议考评');
    expect(card().textContent).toContain('民主评议：已评 2 人');

    // Saved elsewhere while the 工作台 is open: the card follows.
    await createAssessment(
      branch.id,
      await assessment(10.5, { kind: '上级评定', assessor: '机关党委', date: '2030-02-01' }),
    );
    expect(await within(card()).findByText(/^上级评定 89\.5 分/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(card().textContent).toContain('上级评定 89.5 分 / 满分 100 · 良好（2030-02-01）');
    expect(card().textContent).not.toContain('尚无上级评定');
  });

  it('says what a year still lacks and opens the new-考评 form', async () => {
    await ensureBuiltInStandards();
    const { branch } = await seed();
    await renderAt('#/home?year=2029', branch);

    expect(await within(card()).findByText('2029 年度尚未自评')).toBeTruthy();
    expect(card().textContent).toContain('民主评议：尚未开展');
    fireEvent.click(within(card()).getByRole('button', { name: '新建考评' }));
    await waitFor(() =>
      expect(standardsRouteFromHash(window.location.hash)).toEqual({ tab: 'assessments', view: 'new' }),
    );
  });
});
