// The 党员 forms' keys, as in the record form: Enter in 姓名 goes on to 性别 instead of saving a half-filled member (and
// lighting up 「请选择性别」 for fields not reached yet); Ctrl+Enter saves; the keys are said beside 保存. The roster's
// 转出 button is named from its visible words on.
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { MemberForm } from '../../../renderer/src/features/members/MemberForm';
import { MemberLeaveForm } from '../../../renderer/src/features/members/MemberLeaveForm';
import { MembersPanel } from '../../../renderer/src/features/members/MembersPanel';

configure({ asyncUtilTimeout: 8000 });
afterEach(cleanup);

const branchInput = { name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' };
const wangFang = {
  name: '王芳',
  gender: '女' as const,
  birthDate: '1985-05-01',
  joinedDate: '2008-07-01',
  status: '正式' as const,
};
/** fireEvent returns false when the form prevented the key's default: the browser's implicit submission. */
const enter = (element: HTMLElement, init: Record<string, unknown> = {}) => {
  element.focus();
  return fireEvent.keyDown(element, { key: 'Enter', code: 'Enter', ...init });
};

// antd forms render slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('党员 form keys', { timeout: 30_000 }, () => {
  it('Enter in 姓名 goes on to 性别 and asks nothing; Ctrl+Enter saves; the keys are said by 保存', async () => {
    const branch = await createBranch(branchInput);
    const onSaved = vi.fn();
    render(
      <AppProviders>
        <MemberForm branch={branch} onSaved={onSaved} onCancel={() => undefined} />
      </AppProviders>,
    );
    const name = await screen.findByLabelText('姓名');
    fireEvent.change(name, { target: { value: '王芳' } });
    expect(enter(name)).toBe(false);
    expect(document.activeElement).toBe(screen.getByLabelText('性别'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByText('请选择性别')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();

    const save = screen.getByRole('button', { name: '保存' });
    expect(save.getAttribute('aria-keyshortcuts')).toBe('Control+Enter');
    const hint = document.getElementById(save.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toBe('快捷键：Ctrl+Enter 保存；在单行输入框中按回车跳到下一项');

    // Ctrl+Enter is 保存: the fields not filled in are asked for.
    enter(screen.getByLabelText('职务'), { ctrlKey: true });
    expect(await screen.findByText('请选择性别')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.members.count()).toBe(0);
  });

  it('Ctrl+Enter that does not save says how many problems there are and focuses the first, as 保存 does', async () => {
    const branch = await createBranch(branchInput);
    const scrolled: Element[] = [];
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    try {
      render(
        <AppProviders>
          <MemberForm branch={branch} onSaved={() => undefined} onCancel={() => undefined} />
        </AppProviders>,
      );
      // 姓名 filled; 性别, 出生日期 and 入党日期 missing, the first of them is 性别.
      fireEvent.change(await screen.findByLabelText('姓名'), { target: { value: '王芳' } });
      enter(screen.getByLabelText('电话'), { ctrlKey: true });
      expect(await screen.findByText('有 3 处需要修改，请查看标红的项目')).toBeTruthy();
      const gender = screen.getByLabelText('性别');
      await waitFor(() => expect(document.activeElement).toBe(gender));
      expect(scrolled[0]).toBe(gender.closest('.ant-form-item'));
    } finally {
      scroll.mockRestore();
    }
  });

  it('转出: Enter in the date box does not transfer the member out; Ctrl+Enter in 离开原因 does', async () => {
    const branch = await createBranch(branchInput);
    const member = await createMember(branch.id, wangFang);
    const onDone = vi.fn();
    render(
      <AppProviders>
        <MemberLeaveForm member={member} onDone={onDone} />
      </AppProviders>,
    );
    const date = await screen.findByLabelText('离开日期');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '2024-06-30' } });
    expect(enter(date)).toBe(false);
    const reason = screen.getByLabelText('离开原因');
    fireEvent.change(reason, { target: { value: '组织关系转出' } });
    // A new line in the reason box.
    expect(enter(reason)).toBe(true);
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByText('快捷键：Ctrl+Enter 确认转出；在单行输入框中按回车跳到下一项')).toBeTruthy();
    enter(reason, { ctrlKey: true });
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await db.members.get(member.id))?.leftDate).toBe('2024-06-30');
  });

  it('names 转出 from its visible words on: 「转出/离开支部：王芳」', async () => {
    const branch = await createBranch(branchInput);
    await createMember(branch.id, wangFang);
    render(
      <AppProviders>
        <MembersPanel branch={branch} />
      </AppProviders>,
    );
    expect(await screen.findByRole('button', { name: '转出/离开支部：王芳' })).toBeTruthy();
  });
});
