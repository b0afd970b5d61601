// 学习与争创 from the keyboard and a screen reader: in 登记学习, 争创活动 and 技能比武 Enter in a one-line box goes on to
// the next field, Ctrl+Enter saves (登记), and the keys are said by the save button; the 机关文化 card is a heading
// (h3 under the page's h2) with 人人有格言 under it (h4), no level skipped.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { listLearning } from '../../../renderer/src/db/repositories/learning';
import { listMembers } from '../../../renderer/src/db/repositories/members';
import { CampaignForm } from '../../../renderer/src/features/learning/CampaignForm';
import { CompetitionForm } from '../../../renderer/src/features/learning/CompetitionForm';
import { CultureCard } from '../../../renderer/src/features/learning/CultureCard';
import { LearningForm } from '../../../renderer/src/features/learning/LearningForm';
import { branchWithMembers } from './fixtures';

afterEach(cleanup);

/** fireEvent returns false when the form prevented the key's default: the browser's implicit submission. */
const enter = (element: HTMLElement, init: Record<string, unknown> = {}) => {
  element.focus();
  return fireEvent.keyDown(element, { key: 'Enter', code: 'Enter', ...init });
};
const hintOf = (button: HTMLElement) => document.getElementById(button.getAttribute('aria-describedby')!)?.textContent;

// antd forms render slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('学习与争创 keys and headings', { timeout: 30_000 }, () => {
  it('登记学习: Enter in 标题 goes on to 学习日期; Ctrl+Enter 登记s', async () => {
    const { branch, zhang } = await branchWithMembers();
    render(
      <AppProviders>
        <LearningForm branchId={branch.id} members={await listMembers(branch.id)} />
      </AppProviders>,
    );
    fireEvent.mouseDown(screen.getByLabelText('党员'));
    fireEvent.click(await screen.findByTitle('张三'));
    const title = screen.getByLabelText('标题');
    fireEvent.change(title, { target: { value: '学习党章' } });
    expect(enter(title)).toBe(false);
    expect(document.activeElement).toBe(screen.getByLabelText('学习日期'));
    expect(enter(screen.getByLabelText('心得'))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listLearning(branch.id, '2000-01-01', '2100-12-31')).toEqual([]);

    const register = screen.getByRole('button', { name: '登记' });
    expect(register.getAttribute('aria-keyshortcuts')).toBe('Control+Enter');
    expect(hintOf(register)).toBe('快捷键：Ctrl+Enter 登记；在单行输入框中按回车跳到下一项');
    enter(title, { ctrlKey: true });
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('标题').value).toBe(''), { timeout: 8000 });
    expect(await listLearning(branch.id, '2000-01-01', '2100-12-31')).toMatchObject([
      { memberId: zhang.id, title: '学习党章' },
    ]);
  });

  it('争创活动: Enter in 活动名称 goes on to 活动主题; Ctrl+Enter asks for the missing dates', async () => {
    const { branch } = await branchWithMembers();
    const onSaved = vi.fn();
    render(
      <AppProviders>
        <CampaignForm branchId={branch.id} onSaved={onSaved} onCancel={() => undefined} />
      </AppProviders>,
    );
    const name = screen.getByLabelText('活动名称');
    expect(enter(name)).toBe(false);
    expect(document.activeElement).toBe(screen.getByLabelText('活动主题'));
    expect(hintOf(screen.getByRole('button', { name: '保存活动' }))).toBe(
      '快捷键：Ctrl+Enter 保存活动；在单行输入框中按回车跳到下一项',
    );
    enter(screen.getByLabelText('活动主题'), { ctrlKey: true });
    await waitFor(() => expect(screen.getByLabelText('调查研究开始日期').getAttribute('aria-invalid')).toBe('true'), {
      timeout: 8000,
    });
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('技能比武: Enter in 比武名称 goes on to 比武日期; Ctrl+Enter saves', async () => {
    const { branch } = await branchWithMembers();
    const onDone = vi.fn();
    render(
      <AppProviders>
        <CompetitionForm branchId={branch.id} members={await listMembers(branch.id)} onDone={onDone} />
      </AppProviders>,
    );
    const name = screen.getByLabelText('比武名称');
    fireEvent.change(name, { target: { value: '业务知识竞赛' } });
    expect(enter(name)).toBe(false);
    expect(document.activeElement).toBe(screen.getByLabelText('比武日期'));
    expect(onDone).not.toHaveBeenCalled();
    expect(hintOf(screen.getByRole('button', { name: '保存比武' }))).toBe(
      '快捷键：Ctrl+Enter 保存比武；在单行输入框中按回车跳到下一项',
    );
    enter(screen.getByLabelText('说明'), { ctrlKey: true });
    await waitFor(() => expect(onDone).toHaveBeenCalled(), { timeout: 8000 });
    expect(await db.competitions.toArray()).toMatchObject([{ name: '业务知识竞赛' }]);
  });

  it('机关文化 is an h3 with 人人有格言 an h4 under it', async () => {
    const { branch } = await branchWithMembers();
    render(
      <AppProviders>
        <CultureCard branch={branch} members={await listMembers(branch.id)} />
      </AppProviders>,
    );
    expect(screen.getByRole('heading', { level: 3, name: '机关文化' })).toBeTruthy();
    const mottos = screen.getByRole('heading', { level: 4, name: '人人有格言' });
    expect(within(mottos.closest('.ant-card')! as HTMLElement).queryByRole('heading', { level: 5 })).toBeNull();
  });
});
