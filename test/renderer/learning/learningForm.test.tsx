// 登记学习 and 技能比武 in a DOM: the member pickers follow the entered date's roster, so an entry from before someone
// left can still be back-filled, and nobody can be named for a day after they left; 学习日期 is not after today, said
// in the same 保存 as the other problems.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { chinaToday } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createLearning } from '../../../renderer/src/db/repositories/learning';
import { listMembers } from '../../../renderer/src/db/repositories/members';
import { CompetitionForm } from '../../../renderer/src/features/learning/CompetitionForm';
import { LearningForm } from '../../../renderer/src/features/learning/LearningForm';
import { branchWithMembers } from './fixtures';

afterEach(cleanup);

function setDate(label: string, value: string): void {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

/** The names the select labelled `label` offers, read from its open dropdown. */
async function offered(label: string): Promise<string[]> {
  fireEvent.mouseDown(screen.getAllByLabelText(label)[0]!);
  await waitFor(() => expect(document.querySelector('.ant-select-dropdown')).not.toBeNull());
  return [...document.querySelectorAll('.ant-select-dropdown .ant-select-item-option')].map(
    (o) => o.getAttribute('title') ?? o.textContent ?? '',
  );
}

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('member pickers by date', { timeout: 20_000 }, () => {
  it('登记学习 offers 李四 (left 2024-06-30) for 2024-06-29 and not for 2024-06-30', async () => {
    const { branch } = await branchWithMembers();
    const members = await listMembers(branch.id);
    render(
      <AppProviders>
        <LearningForm branchId={branch.id} members={members} />
      </AppProviders>,
    );
    setDate('学习日期', '2024-06-29');
    // Listed, and marked as having left since.
    await waitFor(async () => expect((await offered('党员')).sort()).toEqual(['张三', '李四（已离开支部）'].sort()));
    setDate('学习日期', '2024-06-30');
    await waitFor(async () => expect(await offered('党员')).toEqual(['张三']));
  });

  it('技能比武 offers the roster of the 比武日期', async () => {
    const { branch } = await branchWithMembers();
    const members = await listMembers(branch.id);
    render(
      <AppProviders>
        <CompetitionForm branchId={branch.id} members={members} onDone={() => {}} />
      </AppProviders>,
    );
    fireEvent.click(screen.getByRole('button', { name: /添加参赛人员/ }));
    setDate('比武日期', '2024-05-20');
    await waitFor(async () => expect(await offered('参赛党员')).toContain('李四（已离开支部）'));
    setDate('比武日期', '2024-07-01');
    await waitFor(async () => expect((await offered('参赛党员')).join()).not.toContain('李四'));
  });
});

/** The day after `day` ('YYYY-MM-DD'). */
function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

describe('学习日期 not after today', { timeout: 20_000 }, () => {
  it('编辑: an emptied 标题 and a future 学习日期 are both shown after one 保存', async () => {
    const { branch, zhang } = await branchWithMembers();
    const members = await listMembers(branch.id);
    const entry = await createLearning(branch.id, {
      memberId: zhang.id,
      kind: '日阅一文',
      title: '学习党章',
      date: '2025-03-02',
      notes: '',
      attachmentIds: [],
    });
    render(
      <AppProviders>
        <LearningForm branchId={branch.id} members={members} entry={entry} />
      </AppProviders>,
    );
    const today = chinaToday();
    const drawer = within(await screen.findByRole('dialog'));
    fireEvent.change(drawer.getByLabelText('标题'), { target: { value: '' } });
    setDate('学习日期', dayAfter(today));
    fireEvent.click(drawer.getByRole('button', { name: '保存' }));

    expect(await drawer.findByText(`学习日期不能晚于今天（${today}）`)).toBeTruthy();
    expect(drawer.getByText('请填写标题')).toBeTruthy();
    expect((await db.learningMonths.toArray()).flatMap((m) => m.entries)[0]?.title).toBe('学习党章');
  });

  it('登记: a member who has left, for a day after they left, is refused with the date in one 保存', async () => {
    const { branch, li } = await branchWithMembers();
    const members = await listMembers(branch.id);
    render(
      <AppProviders>
        <LearningForm branchId={branch.id} members={members} />
      </AppProviders>,
    );
    setDate('学习日期', '2024-06-29');
    fireEvent.mouseDown(screen.getByLabelText('党员'));
    fireEvent.click(await screen.findByTitle('李四（已离开支部）'));
    setDate('学习日期', dayAfter(chinaToday()));
    fireEvent.click(screen.getByRole('button', { name: '登记' }));

    expect(await screen.findByText(`学习日期不能晚于今天（${chinaToday()}）`)).toBeTruthy();
    expect(screen.getByText(`“${li.name}”已于 ${li.leftDate} 离开支部，不能登记此后的记录`)).toBeTruthy();
    expect(screen.getByText('请填写标题')).toBeTruthy();
  });

  it('greys out the days after today in the 学习日期 calendar', async () => {
    const { branch } = await branchWithMembers();
    render(
      <AppProviders>
        <LearningForm branchId={branch.id} members={await listMembers(branch.id)} />
      </AppProviders>,
    );
    const today = chinaToday();
    const cell = (day: string) => document.querySelector(`td[title="${day}"]`);
    fireEvent.mouseDown(screen.getByLabelText('学习日期'));
    fireEvent.click(screen.getByLabelText('学习日期'));
    await waitFor(() => expect(cell(today)).toBeTruthy());
    expect(cell(today)!.className).not.toContain('ant-picker-cell-disabled');
    expect(cell(dayAfter(today))!.className).toContain('ant-picker-cell-disabled');
  });
});
