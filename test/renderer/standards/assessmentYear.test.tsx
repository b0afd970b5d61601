// 新建考评 around New Year: the 考评年度 follows the 考评类型 until one is picked (in January and February the year just
// ended, as 卷宗导出), and a 考评日期 before the end of the year scored is warned of — the months to come would count as
// months without records.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Assessment, AssessmentInput } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createAssessment, listAssessments } from '../../../renderer/src/db/repositories/assessments';
import { AssessmentForm } from '../../../renderer/src/features/standards/AssessmentForm';
import { defaultAssessmentYear, openPeriodNotice } from '../../../renderer/src/features/standards/assessmentYear';
import { setChinaNow } from '../meetings/fixtures';
import { selfAssessment, setUp } from './assessmentFixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const held = (kind: Assessment['kind'], year: number, date = `${year + 1}-01-03`): Assessment =>
  ({ kind, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, date }) as Assessment;

describe('defaultAssessmentYear', () => {
  it('in January and February offers the year just ended to every kind that has none for it', () => {
    const others = [held('自评', 2025)];
    expect(defaultAssessmentYear(others, '上级评定', '2026-01-05')).toBe(2025);
    expect(defaultAssessmentYear(others, '群众评议', '2026-02-28')).toBe(2025);
    // That year already has its 自评: a second one goes to this year (and the form warns of the open period).
    expect(defaultAssessmentYear(others, '自评', '2026-01-05')).toBe(2026);
    // A branch without any 考评 starts with the year just ended, too.
    expect(defaultAssessmentYear([], '自评', '2026-01-05')).toBe(2025);
  });

  it('from March offers this year, after catching up a year the kind skipped', () => {
    expect(defaultAssessmentYear([], '自评', '2026-03-01')).toBe(2026);
    expect(defaultAssessmentYear([held('自评', 2025)], '自评', '2026-03-01')).toBe(2026);
    // The 2025 上级评定 was never entered: it is offered before 2026, which has not ended.
    expect(defaultAssessmentYear([held('自评', 2025)], '上级评定', '2026-06-10')).toBe(2025);
    expect(defaultAssessmentYear([held('上级评定', 2025), held('自评', 2025)], '上级评定', '2026-06-10')).toBe(2026);
  });

  it('a 考评 made too early (a 2026 自评 in January) does not hide the year just ended', () => {
    const others = [held('自评', 2026, '2026-01-04'), held('自评', 2025)];
    expect(defaultAssessmentYear(others, '上级评定', '2026-01-05')).toBe(2025);
  });
});

describe('openPeriodNotice', () => {
  it('says how much of the year had passed by the 考评日期', () => {
    expect(openPeriodNotice('2026-01-10', 2026)?.title).toBe(
      '考评期间尚未结束：截至考评日期（2026-01-10），2026年还不满一个月',
    );
    expect(openPeriodNotice('2026-06-30', 2026)?.title).toBe(
      '考评期间尚未结束：截至考评日期（2026-06-30），2026年只过了 6 个月',
    );
    expect(openPeriodNotice('2026-06-30', 2026)?.description).toContain('还没过完的 6 个月');
    expect(openPeriodNotice('2026-07-01', 2026)?.description).toContain('请把考评年度改为2025年');
    expect(openPeriodNotice('2025-12-20', 2026)?.title).toBe('考评日期早于考评期间：2025-12-20 时2026年度还没有开始');
  });

  it('is silent once the year is over, or without a date', () => {
    expect(openPeriodNotice('2026-12-31', 2026)).toBeUndefined();
    expect(openPeriodNotice('2027-01-10', 2026)).toBeUndefined();
    expect(openPeriodNotice(undefined, 2026)).toBeUndefined();
    expect(openPeriodNotice('明天', 2026)).toBeUndefined();
  });
});

async function renderForm() {
  const branch = await setUp();
  const others = await listAssessments(branch.id);
  render(
    <AppProviders>
      <AssessmentForm branch={branch} others={others} onSaved={() => undefined} onCancel={() => undefined} />
    </AppProviders>,
  );
  await screen.findByLabelText('A8 得分', undefined, { timeout: 10_000 });
  return branch;
}

const shown = (label: string) => screen.getByLabelText(label).closest('.ant-select')?.textContent;

async function choose(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const choices = await screen.findAllByTitle(option);
  fireEvent.click(choices[choices.length - 1]!);
}

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('新建考评 in January', { timeout: 40_000 }, () => {
  beforeEach(() => setChinaNow('2026-01-05T09:00:00'));

  async function with2025SelfAssessment() {
    const branch = await setUp();
    const input: AssessmentInput = await selfAssessment({ date: '2026-01-04' });
    await createAssessment(branch.id, input);
    const others = await listAssessments(branch.id);
    render(
      <AppProviders>
        <AssessmentForm branch={branch} others={others} onSaved={() => undefined} onCancel={() => undefined} />
      </AppProviders>,
    );
    await screen.findByLabelText('A8 得分', undefined, { timeout: 10_000 });
  }

  it('上级评定 and 群众评议 go to the year just ended while no year has been picked', async () => {
    await with2025SelfAssessment();
    // 2025 has its 自评: the form opens at 2026 — and says that year has hardly begun.
    expect(shown('考评年度')).toBe('2026年');
    await choose('考评类型', '上级评定');
    await waitFor(() => expect(shown('考评年度')).toBe('2025年'));
    expect(screen.queryByText(/考评期间尚未结束/)).toBeNull();
    await choose('考评类型', '自评');
    await waitFor(() => expect(shown('考评年度')).toBe('2026年'));
    await choose('考评类型', '群众评议');
    await waitFor(() => expect(shown('考评年度')).toBe('2025年'));
  });

  it('a year picked by the user stays when the 考评类型 changes', async () => {
    await with2025SelfAssessment();
    await choose('考评年度', '2024年');
    await waitFor(() => expect(shown('考评年度')).toBe('2024年'));
    await choose('考评类型', '上级评定');
    await waitFor(() => expect(shown('考评类型')).toBe('上级评定'));
    expect(shown('考评年度')).toBe('2024年');
  });

  it('warns when the 考评日期 comes before the end of the year scored, and not for the year just ended', async () => {
    await renderForm();
    // No 考评 yet: January scores the year just ended, which is over.
    expect(shown('考评年度')).toBe('2025年');
    expect(screen.queryByText(/考评期间尚未结束/)).toBeNull();

    await choose('考评年度', '2026年');
    const warning = await screen.findByText('考评期间尚未结束：截至考评日期（2026-01-05），2026年还不满一个月');
    expect(warning.closest('.ant-alert')?.textContent).toContain('请把考评年度改为2025年');
    // A warning, not a refusal.
    expect(screen.getByRole('button', { name: '保存' })).toBeTruthy();
  });
});
