// 所属年度 in the 考评: 2025's 组织生活会 held on 2026-01-08 counts for 2025, and wherever a 考评 names it — the 佐证
// picker and the 评分依据 of A6 — it says 「2026-01-08（2025年度）」, as the 领导责任 picker does; a 2026 date alone read as
// a record of the wrong year.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createAssessment, listItemEvidenceChoices } from '../../../renderer/src/db/repositories/assessments';
import { AssessmentView } from '../../../renderer/src/features/standards/AssessmentView';
import { meetingRow, selfAssessment, setUp } from './assessmentFixtures';

afterEach(cleanup);

/** The branch-year of the fixtures, with its 组织生活会 held on 2026-01-08 for 2025. */
async function withLateMeeting() {
  const branch = await setUp([]);
  await db.meetings.add(
    meetingRow(branch.id, {
      id: 'late-life',
      kind: '组织生活会',
      topic: '2025年度组织生活会',
      date: '2026-01-08',
      forYear: 2025,
      seq: 1,
    }),
  );
  return branch;
}

describe('a record held after its year, in the 考评 of that year', { timeout: 40_000 }, () => {
  it('is offered as 佐证 with its 所属年度 beside the date; a record of its own year as before', async () => {
    const branch = await withLateMeeting();
    const choices = await listItemEvidenceChoices(branch.id, '2025-01-01', '2025-12-31');
    expect(choices.find((c) => c.id === 'late-life')).toEqual({
      id: 'late-life',
      group: '工作记录',
      label: '2026-01-08（2025年度） 组织生活会 2025年度组织生活会',
    });
    expect(choices.find((c) => c.id === 'zwh-2025-1')?.label).toBe('2025-01-10 支委会 1月支委会');
    // Not 2026's.
    const next = await listItemEvidenceChoices(branch.id, '2026-01-01', '2026-12-31');
    expect(next.map((c) => c.id)).not.toContain('late-life');
  });

  it('is listed under 评分依据 of A6 with its 所属年度', async () => {
    const branch = await withLateMeeting();
    const assessment = await createAssessment(branch.id, await selfAssessment());
    expect(assessment.scores.find((s) => s.code === 'A6')).toMatchObject({ score: 3, evidenceIds: ['late-life'] });
    render(
      <AppProviders>
        <AssessmentView assessment={assessment} />
      </AppProviders>,
    );
    fireEvent.click(screen.getByRole('button', { name: '查看依据 A6' }));
    const drawer = await screen.findByRole('dialog');
    const list = await within(drawer).findByRole('list', { name: '计入本项的记录' });
    await waitFor(() =>
      expect(within(list).getByRole('link').textContent).toBe(
        '2026-01-08（2025年度） 第1次组织生活会：2025年度组织生活会',
      ),
    );
  });
});
