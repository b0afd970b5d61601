// MemberForm in a DOM: empty input shows field-level Chinese messages; a duplicate person is refused under 姓名.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { MemberForm } from '../../../renderer/src/features/members/MemberForm';

afterEach(cleanup);

async function renderForm() {
  const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  const onSaved = vi.fn();
  render(
    <AppProviders>
      <MemberForm branch={branch} onSaved={onSaved} onCancel={() => undefined} />
    </AppProviders>,
  );
  return { branch, onSaved };
}

// antd forms render slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('MemberForm', { timeout: 20_000 }, () => {
  it('submitted empty, shows each required field’s message under it and stores nothing', async () => {
    const { onSaved } = await renderForm();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const name = await screen.findByLabelText('姓名');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'), { timeout: 5000 });
    expect(screen.getByText('请填写姓名').closest('.ant-form-item')?.contains(name)).toBe(true);
    expect(screen.getByText('请选择性别')).toBeTruthy();
    expect(screen.getAllByText('请填写日期')).toHaveLength(2);
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.members.count()).toBe(0);
  });

  it('shows the repository’s duplicate refusal under 姓名', async () => {
    const { branch, onSaved } = await renderForm();
    await createMember(branch.id, {
      name: '王芳',
      gender: '女',
      birthDate: '1985-05-01',
      joinedDate: '2008-07-01',
      status: '正式',
    });
    // The form's own required checks are covered above; here the schema passes and the repository refuses.
    const name = screen.getByLabelText('姓名');
    fireEvent.change(name, { target: { value: '王芳' } });
    const pickGender = screen.getByLabelText('性别');
    fireEvent.mouseDown(pickGender);
    fireEvent.click(await screen.findByTitle('女'));
    for (const [label, value] of [
      ['出生日期', '1985-05-01'],
      ['入党日期', '2008-07-01'],
    ]) {
      const input = screen.getByLabelText(label!);
      fireEvent.mouseDown(input);
      fireEvent.change(input, { target: { value } });
      fireEvent.keyDown(input, { key: 'Enter' });
    }
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const message = await screen.findByText('已有同名且出生日期相同的党员“王芳”', undefined, { timeout: 5000 });
    expect(message.closest('.ant-form-item')?.contains(name)).toBe(true);
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.members.count()).toBe(1);
  });
});
