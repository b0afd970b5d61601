// The record form's 会议日期 and times as people type them: a 补录 form opened on 2025-01-31 saves the 2025.1.15
// typed over it (it saved 2025-01-31), text that is not a date is refused under the field and nothing is saved, and
// 9.30 / 11点 are read as 09:30 / 11:00.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Branch, Meeting, Member } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { MeetingForm } from '../../../renderer/src/features/meetings/MeetingForm';

afterEach(cleanup);

async function seed(): Promise<{ branch: Branch; members: Member[] }> {
  const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  const members = [
    await createMember(branch.id, {
      name: '张三',
      gender: '男',
      birthDate: '1980-01-01',
      joinedDate: '2005-07-01',
      status: '正式',
    }),
  ];
  return { branch, members };
}

function renderForm(branch: Branch, members: readonly Member[], initialDate: string) {
  const onSaved = vi.fn();
  render(
    <AppProviders>
      <MeetingForm
        branch={branch}
        members={members}
        venues={[]}
        initialDate={initialDate}
        onSaved={onSaved}
        onCancel={() => undefined}
      />
    </AppProviders>,
  );
  return { onSaved };
}

const input = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: '保存' }));

function typeDate(text: string) {
  const date = input('会议日期');
  fireEvent.focus(date);
  fireEvent.mouseDown(date);
  fireEvent.change(date, { target: { value: text } });
  fireEvent.blur(date);
}

describe('MeetingForm: dates and times as typed', { timeout: 30_000 }, () => {
  it('saves 2025.1.15 typed over the 补录 date 2025-01-31, and 9.30 / 11点 as 09:30 / 11:00', async () => {
    const { branch, members } = await seed();
    const { onSaved } = renderForm(branch, members, '2025-01-31');
    typeDate('2025.1.15');
    expect(input('会议日期').value).toBe('2025-01-15');
    fireEvent.change(input('主题'), { target: { value: '研究工作' } });
    fireEvent.change(input('开始时间'), { target: { value: '9.30' } });
    fireEvent.blur(input('开始时间'));
    expect(input('开始时间').value).toBe('09:30');
    fireEvent.change(input('结束时间'), { target: { value: '11点' } });
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
    const saved = onSaved.mock.calls[0]![0] as Meeting;
    expect([saved.date, saved.startTime, saved.endTime]).toEqual(['2025-01-15', '09:30', '11:00']);
  });

  it('refuses text that is not a date under 会议日期 and saves nothing, the text still in the box', async () => {
    const { branch, members } = await seed();
    const { onSaved } = renderForm(branch, members, '2025-01-31');
    typeDate('2025.1.32');
    fireEvent.change(input('主题'), { target: { value: '研究工作' } });
    save();
    expect(
      await screen.findByText('日期“2025.1.32”不存在：2025年1月只有 31 天', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(input('会议日期').value).toBe('2025.1.32');
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.meetings.count()).toBe(0);
  });
});
