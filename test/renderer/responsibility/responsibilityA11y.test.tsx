// 领导责任 from the keyboard and a screen reader: in its form Enter in a 职责 or a 任务 goes on to the next field instead
// of saving half-filled, Enter in 完成情况 is a new line, Ctrl+Enter saves and the keys are said by 保存; a list's card
// is a heading (h3 under the page's h2) with its parts under it (h4), no level skipped.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { createResponsibility } from '../../../renderer/src/db/repositories/responsibilities';
import { ResponsibilityCard } from '../../../renderer/src/features/responsibility/ResponsibilityCard';
import { emptyTask } from '../../../renderer/src/features/responsibility/responsibilityFormValues';
import { input, renderForm } from './fixtures';

afterEach(cleanup);

/** fireEvent returns false when the form prevented the key's default: the browser's implicit submission. */
const enter = (element: HTMLElement, init: Record<string, unknown> = {}) => {
  element.focus();
  return fireEvent.keyDown(element, { key: 'Enter', code: 'Enter', ...init });
};

async function seed() {
  const branch = await createBranch({ name: '甲支部', termStart: '2024-01-01', termEnd: '2027-12-31' });
  const hu = await createMember(branch.id, {
    name: '胡桂兰',
    gender: '女',
    birthDate: '1980-01-01',
    joinedDate: '2005-07-01',
    status: '正式',
  });
  return { branch, hu };
}

// antd forms render slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('领导责任 keys and headings', { timeout: 30_000 }, () => {
  it('Enter in 职责 and 任务 goes on, in 完成情况 is a new line; Ctrl+Enter saves', async () => {
    const { branch, hu } = await seed();
    const { onSaved } = renderForm(branch, [hu], {
      year: 2025,
      holderMemberId: hu.id,
      holderName: hu.name,
      role: '直接责任人',
      duties: ['抓好组织发展'],
      tasks: [emptyTask()],
      reports: [],
    });
    const duty = await screen.findByLabelText('职责 1');
    expect(enter(duty)).toBe(false);
    expect(document.activeElement).toBe(screen.getByLabelText('任务'));
    const task = screen.getByLabelText('任务');
    fireEvent.change(task, { target: { value: '制定年度计划' } });
    expect(enter(task)).toBe(false);
    expect(document.activeElement).toBe(screen.getByLabelText('完成时限'));
    expect(enter(screen.getByLabelText('完成情况'))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onSaved).not.toHaveBeenCalled();

    const save = screen.getByRole('button', { name: '保存' });
    expect(save.getAttribute('aria-keyshortcuts')).toBe('Control+Enter');
    expect(document.getElementById(save.getAttribute('aria-describedby')!)?.textContent).toBe(
      '快捷键：Ctrl+Enter 保存；在单行输入框中按回车跳到下一项',
    );
    enter(task, { ctrlKey: true });
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 8000 });
    expect(await db.responsibilities.toArray()).toMatchObject([
      { holderName: '胡桂兰', tasks: [{ title: '制定年度计划' }] },
    ]);
  });

  it('a card is an h3 named by its holder, its parts h4 under it', async () => {
    const { branch, hu } = await seed();
    const list = await createResponsibility(
      branch.id,
      input({ year: 2025, holderMemberId: hu.id, holderName: hu.name, role: '直接责任人' }),
    );
    render(
      <AppProviders>
        <ResponsibilityCard
          responsibility={list}
          evidence={new Map()}
          today="2025-06-01"
          onEdit={() => undefined}
          onDelete={() => undefined}
        />
      </AppProviders>,
    );
    const card = await screen.findByRole('region', { name: '胡桂兰（直接责任人）' });
    expect(within(card).getByRole('heading', { level: 3 }).textContent).toBe('胡桂兰（直接责任人）');
    expect(
      within(card)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['职责', '任务清单', '述职']);
    expect(within(card).queryByRole('heading', { level: 5 })).toBeNull();
  });
});
