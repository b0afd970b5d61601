// A scored 考评 and the 标准库 in a DOM: 查看依据 of an automatic item stored without its calculation note (as in the
// sample data) is never called manual; a 考评 made by mistake, and an unused copied standard, can be deleted after
// confirming, and the year-on-year chart then shows the remaining 考评; one a 争创活动 links is not offered for deletion,
// only the reason is shown.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../shared/schemas';
import { BUILT_IN_STANDARDS } from '../../../shared/standards';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import { createAssessment } from '../../../renderer/src/db/repositories/assessments';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createCampaign, setCampaignAssessment } from '../../../renderer/src/db/repositories/campaigns';
import { copyStandard, ensureBuiltInStandards, getStandard } from '../../../renderer/src/db/repositories/standards';
import { AssessmentsPanel } from '../../../renderer/src/features/standards/AssessmentsPanel';
import { AssessmentView } from '../../../renderer/src/features/standards/AssessmentView';
import { StandardLibrary } from '../../../renderer/src/features/standards/StandardLibrary';
import { PHASES } from '../learning/fixtures';

const STANDARDIZATION_ID = BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === 'standardization')!.id;

beforeEach(() => window.history.replaceState(null, '', '#/standards'));
afterEach(cleanup);

async function scored(branchId: string, changes: { less?: number; date?: string } = {}) {
  const standard = (await getStandard(STANDARDIZATION_ID))!;
  return createAssessment(branchId, {
    standardId: STANDARDIZATION_ID,
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    kind: '自评',
    assessor: '张三',
    date: changes.date ?? '2026-01-10',
    scores: standard.items
      .filter((i) => i.rule.kind === 'manual')
      .map((i, n) => ({
        code: i.code,
        score: n === 0 ? i.maxScore - (changes.less ?? 0) : i.maxScore,
        // A deduction needs its 扣分说明.
        comment: n === 0 && changes.less ? '记录要素不全' : '',
      })),
  });
}

async function setUp() {
  await ensureBuiltInStandards();
  return createBranch({ name: '甲支部', termStart: '2024-01-01', termEnd: '2027-12-31' });
}

const inApp = (node: React.ReactNode) => render(<AppProviders>{node}</AppProviders>);

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('考评 result and 标准库', { timeout: 40_000 }, () => {
  it('says an automatic item’s calculation note was not saved, with its automatic score, rather than “人工评分”', async () => {
    const branch = await setUp();
    const saved = await scored(branch.id);
    // As the sample data stores it: automatic, 1 分, with neither explanation, autoScore nor evidence.
    const legacy: Assessment = {
      ...saved,
      scores: saved.scores.map((s) => {
        if (!s.auto) return s;
        const { explanation: _e, autoScore: _a, ...rest } = s;
        return { ...rest, score: s.code === 'A1' ? 1 : s.score, evidenceIds: [] };
      }),
    };
    inApp(<AssessmentView assessment={legacy} />);
    fireEvent.click(screen.getByRole('button', { name: '查看依据 A1' }));
    const drawer = await screen.findByRole('dialog');
    await waitFor(() => expect(within(drawer).getByText('评分时未保存计算说明（自动得分 1 分）')).toBeTruthy());
    expect(within(drawer).queryByText(/人工评分/)).toBeNull();
    expect(within(drawer).getByText('评分时未保存计入本项的记录')).toBeTruthy();
  });

  it('deletes a second 2025 自评 from the list after confirming; the chart shows the first one again', async () => {
    const branch = await setUp();
    const real = await scored(branch.id, { less: 2 });
    const mistake = await scored(branch.id, { date: '2026-11-27' });
    inApp(<AssessmentsPanel branch={branch} route={{ tab: 'assessments', view: 'list' }} />);
    const chart = () => screen.getByRole('img', { name: /历年考评得分/ }).getAttribute('aria-label');
    // The chart follows the database through a live query: on a busy machine it may take longer than a second.
    await waitFor(() => expect(chart()).toContain(`2025年自评 ${mistake.total} 分`), { timeout: 5000 });

    fireEvent.click(await screen.findByRole('button', { name: '删除2026-11-27自评' }));
    // Nothing is deleted before the confirmation.
    const confirm = await screen.findByText('删除2025年度自评（2026-11-27，考评人张三）？');
    expect(await db.assessments.count()).toBe(2);
    const popover = confirm.closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popover).getByRole('button', { name: '删除' }));

    await waitFor(() => expect(chart()).toContain(`2025年自评 ${real.total} 分`), { timeout: 5000 });
    expect((await db.assessments.toArray()).map((a) => a.id)).toEqual([real.id]);
    expect((await listAudit('assessment', mistake.id, branch.id)).map((e) => e.action)).toEqual(['create', 'delete']);
  });

  it('deletes a 考评 from its own page after confirming', async () => {
    const branch = await setUp();
    const assessment = await scored(branch.id);
    inApp(<AssessmentView assessment={assessment} />);
    fireEvent.click(screen.getByRole('button', { name: /删除考评/ }));
    const popover = (await screen.findByText('删除2025年度自评？')).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popover).getByRole('button', { name: '删除' }));
    await waitFor(async () => expect(await db.assessments.count()).toBe(0));
    expect(window.location.hash).toBe('#/standards');
  });

  it('a 考评 a 争创活动 links: 删除 on its page and in the list shows only why not, and nothing is deleted', async () => {
    const branch = await setUp();
    const assessment = await scored(branch.id);
    const campaign = await createCampaign(branch.id, {
      name: '2025年“争做×先锋”活动',
      phases: PHASES,
    });
    await setCampaignAssessment(campaign.id, assessment.id);
    const reason = '该考评已关联争创活动「2025年“争做×先锋”活动」的“量化考评”环节，请先在争创活动中取消关联，再删除';

    inApp(<AssessmentView assessment={assessment} />);
    fireEvent.click(screen.getByRole('button', { name: /删除考评/ }));
    const notice = (await screen.findByText('不能删除该考评')).closest('.ant-popover') as HTMLElement;
    expect(within(notice).getByText(reason)).toBeTruthy();
    // No question whose answer would be refused: the only button acknowledges.
    expect(within(notice).queryByRole('button', { name: '删除' })).toBeNull();
    fireEvent.click(within(notice).getByRole('button', { name: '知道了' }));
    expect(await db.assessments.count()).toBe(1);
    cleanup();

    inApp(<AssessmentsPanel branch={branch} route={{ tab: 'assessments', view: 'list' }} />);
    fireEvent.click(await screen.findByRole('button', { name: '删除2026-01-10自评' }));
    const listed = (await screen.findByText('不能删除该考评')).closest('.ant-popover') as HTMLElement;
    expect(within(listed).getByText(reason)).toBeTruthy();
    expect(screen.queryByText(/删除后不能恢复/)).toBeNull();
    cleanup();

    // Unlinked, it can be deleted after the question again.
    await setCampaignAssessment(campaign.id, '');
    inApp(<AssessmentView assessment={assessment} />);
    await waitFor(async () => expect(await db.campaigns.get(campaign.id)).toMatchObject({ assessmentId: '' }));
    fireEvent.click(screen.getByRole('button', { name: /删除考评/ }));
    const popover = (await screen.findByText('删除2025年度自评？')).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popover).getByRole('button', { name: '删除' }));
    await waitFor(async () => expect(await db.assessments.count()).toBe(0));
  });

  it('deletes an abandoned 复制后修改 copy from the 标准库; a copy a 考评 uses is refused with the reason', async () => {
    const branch = await setUp();
    const abandoned = await copyStandard(STANDARDIZATION_ID);
    inApp(<StandardLibrary route={{ tab: 'library', standardId: abandoned.id }} />);
    fireEvent.click(await screen.findByRole('button', { name: /删除/ }));
    const popover = (await screen.findByText(`删除评价标准「${abandoned.name}」？`)).closest(
      '.ant-popover',
    ) as HTMLElement;
    fireEvent.click(within(popover).getByRole('button', { name: '删除' }));
    await waitFor(async () => expect(await getStandard(abandoned.id)).toBeUndefined());
    cleanup();

    const used = await copyStandard(STANDARDIZATION_ID, '本单位标准');
    await createAssessment(branch.id, {
      standardId: used.id,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      kind: '自评',
      assessor: '张三',
      date: '2026-01-10',
      scores: used.items.filter((i) => i.rule.kind === 'manual').map((i) => ({ code: i.code, score: i.maxScore })),
    });
    inApp(<StandardLibrary route={{ tab: 'library', standardId: used.id }} />);
    fireEvent.click(await screen.findByRole('button', { name: /删除/ }));
    const again = (await screen.findByText('删除评价标准「本单位标准」？')).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(again).getByRole('button', { name: '删除' }));
    await screen.findByText('未能删除：「本单位标准」已被 1 次考评采用，不能删除；如确需删除，请先删除这些考评');
    expect(await getStandard(used.id)).toBeDefined();
  });
});
