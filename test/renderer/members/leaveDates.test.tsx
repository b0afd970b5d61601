// 转出 of a member who transferred in: a 离开日期 before her 转入本支部日期 is refused under 离开日期 — the one date the
// dialog edits — not in a banner about a field it does not show.
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { MemberLeaveForm } from '../../../renderer/src/features/members/MemberLeaveForm';

configure({ asyncUtilTimeout: 8000 });
afterEach(cleanup);

describe('转出 dates', { timeout: 30_000 }, () => {
  it('says under 离开日期 that it cannot be before 转入本支部日期, and changes nothing', async () => {
    const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
    const member = await createMember(branch.id, {
      name: '王芳',
      gender: '女',
      birthDate: '1985-05-01',
      joinedDate: '2008-07-01',
      joinedBranchDate: '2024-06-01',
      status: '正式',
    });
    const onDone = vi.fn();
    render(
      <AppProviders>
        <MemberLeaveForm member={member} onDone={onDone} />
      </AppProviders>,
    );
    const date = await screen.findByLabelText('离开日期');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '2024-05-01' } });
    date.focus();
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter' });
    fireEvent.change(screen.getByLabelText('离开原因'), { target: { value: '组织关系转出' } });
    fireEvent.click(screen.getByRole('button', { name: /确认转出/ }));
    const message = await screen.findByText('转入本支部日期不能晚于离开支部日期');
    expect(message.closest('.ant-form-item')!.textContent).toContain('离开日期');
    expect(screen.queryByRole('alert', { name: /保存失败/ })).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
    await waitFor(async () => expect((await db.members.get(member.id))?.leftDate ?? '').toBe(''));
  });
});
