// 登记学习 and 技能比武 in a DOM: the member pickers follow the entered date's roster, so an entry from before someone
// left can still be back-filled, and nobody can be named for a day after they left.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
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
