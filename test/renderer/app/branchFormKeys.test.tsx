// 支部概况 → 编辑 from the keyboard, as the record form: Enter in 上级党组织 or a 委员's 姓名 goes on to the next field
// instead of saving and closing the half-edited form; Enter in 单位精神 is a new line; Ctrl+Enter saves; the keys are
// said by 保存.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { BranchForm } from '../../../renderer/src/features/branch/BranchForm';

afterEach(cleanup);

/** fireEvent returns false when the form prevented the key's default: the browser's implicit submission. */
const enter = (element: HTMLElement, init: Record<string, unknown> = {}) => {
  element.focus();
  return fireEvent.keyDown(element, { key: 'Enter', code: 'Enter', ...init });
};

// antd forms render slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('支部概况 form keys', { timeout: 30_000 }, () => {
  it('Enter moves on through 上级党组织 and a 委员’s 姓名 and saves nothing; Ctrl+Enter saves', async () => {
    const branch = await createBranch({
      name: '第一党支部',
      termStart: '2024-01-01',
      termEnd: '2027-01-01',
      committee: [{ name: '张三', role: '书记' }],
    });
    const onSaved = vi.fn();
    render(
      <AppProviders>
        <BranchForm branch={branch} onSaved={onSaved} onCancel={() => undefined} />
      </AppProviders>,
    );
    const parent = await screen.findByLabelText('上级党组织');
    fireEvent.change(parent, { target: { value: '机关党委' } });
    expect(enter(parent)).toBe(false);
    expect(document.activeElement).toBe(screen.getByLabelText('成立日期'));

    const name = screen.getByLabelText('姓名');
    fireEvent.change(name, { target: { value: '张三丰' } });
    expect(enter(name)).toBe(false);
    expect(document.activeElement).toBe(screen.getByLabelText('职务'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onSaved).not.toHaveBeenCalled();
    expect((await db.branches.get(branch.id))?.parentOrg).toBe('');

    const save = screen.getByRole('button', { name: '保存' });
    expect(save.getAttribute('aria-keyshortcuts')).toBe('Control+Enter');
    expect(document.getElementById(save.getAttribute('aria-describedby')!)?.textContent).toBe(
      '快捷键：Ctrl+Enter 保存；在单行输入框中按回车跳到下一项',
    );
    // A new line in 单位精神; Ctrl+Enter there saves.
    const spirit = screen.getByLabelText('单位精神');
    expect(enter(spirit)).toBe(true);
    enter(spirit, { ctrlKey: true });
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 8000 });
    expect(await db.branches.get(branch.id)).toMatchObject({
      parentOrg: '机关党委',
      committee: [{ name: '张三丰', role: '书记' }],
    });
  });
});
