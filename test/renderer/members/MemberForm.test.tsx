// MemberForm in a DOM: empty input shows field-level Chinese messages; a duplicate person is refused under 姓名; the
// 转入本支部日期 of a member who transferred in is asked with a hint, checked against 入党, and shown in the roster.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { MemberForm } from '../../../renderer/src/features/members/MemberForm';
import { MembersPanel } from '../../../renderer/src/features/members/MembersPanel';

afterEach(cleanup);

function typeDate(label: string, value: string) {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

async function fillWangFang() {
  fireEvent.change(await screen.findByLabelText('姓名'), { target: { value: '王芳' } });
  fireEvent.mouseDown(screen.getByLabelText('性别'));
  fireEvent.click(await screen.findByTitle('女'));
  typeDate('出生日期', '1985-05-01');
  typeDate('入党日期', '2010-07-01');
}

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
    // The field is marked first; its Form.Item draws the message in a render of its own (FormField), maybe a moment later.
    const message = await screen.findByText('请填写姓名', {}, { timeout: 5000 });
    expect(message.closest('.ant-form-item')?.contains(name)).toBe(true);
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

  it('asks for the 转入本支部日期 with a hint, refuses one before 入党 under it, and saves it', async () => {
    const { branch, onSaved } = await renderForm();
    await fillWangFang();
    const transfer = screen.getByLabelText('转入本支部日期');
    const hint = '从其他党组织转入的，填写组织关系转入本支部的日期；在本支部入党的不填';
    expect(screen.getByText(hint).id).toBe(transfer.getAttribute('aria-describedby'));
    typeDate('转入本支部日期', '2009-06-01');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const message = await screen.findByText('转入本支部日期不能早于入党日期', undefined, { timeout: 5000 });
    expect(message.closest('.ant-form-item')?.contains(transfer)).toBe(true);
    expect(await db.members.count()).toBe(0);

    typeDate('转入本支部日期', '2025-06-01');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
    const [saved] = await db.members.where('branchId').equals(branch.id).toArray();
    expect(saved).toMatchObject({ joinedDate: '2010-07-01', joinedBranchDate: '2025-06-01' });
  });

  it('shows in the roster when a member who joined elsewhere came to the branch', async () => {
    const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
    const input = { gender: '女', birthDate: '1985-05-01', joinedDate: '2010-07-01', status: '正式' } as const;
    await createMember(branch.id, { ...input, name: '王芳', joinedBranchDate: '2025-06-01' });
    await createMember(branch.id, { ...input, name: '李娜', birthDate: '1990-03-02' });
    render(
      <AppProviders>
        <MembersPanel branch={branch} />
      </AppProviders>,
    );
    const row = (await screen.findByText('王芳')).closest('tr')!;
    expect(row.textContent).toContain('2010-07-012025-06-01 转入');
    expect(screen.getByText('李娜').closest('tr')!.textContent).not.toContain('转入');
  });
});
