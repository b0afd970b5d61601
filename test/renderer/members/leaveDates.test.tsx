// 转出 of a member who transferred in: a 离开日期 before her 转入本支部日期 is refused under 离开日期 — the one date the
// dialog edits — not in a banner about a field it does not show.
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { MemberLeaveForm } from '../../../renderer/src/features/members/MemberLeaveForm';
import { memberInput } from '../meetings/fixtures';

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

  it('reminds that a 委员 who leaves needs a 换届/调整 in 支部概况, and says nothing of an ordinary member', async () => {
    const branch = await createBranch({
      name: '乙支部',
      termStart: '2023-03-01',
      termEnd: '2026-02-28',
      committee: [{ name: '罗雪', role: '书记' }],
    });
    await setCurrentBranchId(branch.id);
    const luo = await createMember(branch.id, memberInput('罗雪', '女'));
    const wang = await createMember(branch.id, memberInput('王芳', '女'));
    const view = render(
      <AppProviders>
        <MemberLeaveForm member={luo} onDone={vi.fn()} />
      </AppProviders>,
    );
    expect(
      await screen.findByText(
        '「罗雪」是支委会成员（书记）。转出后请到「支部概况」为其办理「换届/调整」，填写任职止；否则此后的支委会仍按其在任计算法定人数。',
      ),
    ).toBeTruthy();
    view.rerender(
      <AppProviders>
        <MemberLeaveForm member={wang} onDone={vi.fn()} />
      </AppProviders>,
    );
    await waitFor(() => expect(screen.queryByText(/是支委会成员/)).toBeNull());
  });
});
