// 作废 in a record's view: offered on a 已定稿 record only, asks for a reason in its own box, says what it does, and
// takes the record away; a draft's 删除 says it cannot be undone and names the record; 出席情况 is summed up for every kind.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { createMeeting, finalizeMeeting } from '../../../renderer/src/db/repositories/meetings';
import { meetingInput, present, seed, setChinaNow } from './fixtures';
import { renderMeetingView } from './views';

beforeEach(() => {
  setChinaNow('2030-12-31T10:00:00');
  window.history.replaceState(null, '', '#/records');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('作废 and 删除草稿 in the record view', { timeout: 40_000 }, () => {
  it('voids a 已定稿 record only with a reason, and goes back to the list', async () => {
    const { branch } = await seed();
    const final = await finalizeMeeting(
      (await createMeeting(branch.id, meetingInput({ date: '2030-11-25', topic: '重复录入的支委会' }))).id,
    );
    await renderMeetingView(final.id, branch.id);
    fireEvent.click(await screen.findByRole('button', { name: '作废' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('2030-11-25 支委会「重复录入的支委会」（本年度第1次）');
    expect(dialog.textContent).toContain('作废不能撤销');
    const box = within(dialog).getByLabelText('作废原因');
    expect(document.activeElement).toBe(box);
    const confirm = within(dialog).getByRole('button', { name: /作\s?废/ });
    fireEvent.click(confirm);
    expect(await within(dialog).findByText(/^请填写作废原因/)).toBeTruthy();
    expect(await db.meetings.count()).toBe(1);

    fireEvent.change(box, { target: { value: '同一次会议录入了两次' } });
    fireEvent.click(confirm);
    await waitFor(async () => expect(await db.meetings.count()).toBe(0), { timeout: 5000 });
  });

  it('offers no 作废 on a draft, whose 删除 names it and says it cannot be undone', async () => {
    const { branch } = await seed();
    const draft = await createMeeting(branch.id, meetingInput({ date: '2030-04-10', topic: '一份草稿' }));
    await renderMeetingView(draft.id, branch.id);
    fireEvent.click(await screen.findByRole('button', { name: '删除草稿' }));
    expect(screen.queryByRole('button', { name: '作废' })).toBeNull();
    expect(
      await screen.findByText('2030-04-10 支委会「一份草稿」将被删除，不能恢复；操作日志会记下这次删除。'),
    ).toBeTruthy();
  });

  it('sums up the 出席情况 of every kind, as the printed record does', async () => {
    const { branch, zhang, li, wang } = await seed();
    const lesson = await createMeeting(
      branch.id,
      meetingInput({
        kind: '党课',
        lecturer: '张三',
        date: '2030-04-10',
        attendance: [...present(zhang, li), { memberId: wang.id, name: wang.name, status: '请假', reason: '出差' }],
        guests: [{ name: '赵六', org: '机关党委' }],
      }),
    );
    await renderMeetingView(lesson.id, branch.id);
    expect(await screen.findByText('应到 3 人，实到 2 人，请假 1 人，缺席 0 人，列席 1 人')).toBeTruthy();
  });
});
