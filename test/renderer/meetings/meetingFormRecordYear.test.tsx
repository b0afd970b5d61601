// The record form's 所属年度: offered for a 组织生活会 or 民主评议党员 held from January to March, last year by default in
// January–February (said to a screen reader), saved on the record; gone again, and not saved, once the date or kind
// no longer allows it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeetingKind } from '../../../shared/domain/vocab';
import type { Branch, Meeting, Member } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { MeetingForm } from '../../../renderer/src/features/meetings/MeetingForm';

afterEach(cleanup);

async function seed(): Promise<{ branch: Branch; members: Member[] }> {
  const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  const member = await createMember(branch.id, {
    name: '张三',
    gender: '男',
    birthDate: '1980-01-01',
    joinedDate: '2005-07-01',
    status: '正式',
  });
  return { branch, members: [member] };
}

function renderForm(branch: Branch, members: readonly Member[], kind: MeetingKind, date: string) {
  const onSaved = vi.fn();
  render(
    <AppProviders>
      <MeetingForm
        branch={branch}
        members={members}
        venues={[]}
        initialKind={kind}
        initialDate={date}
        onSaved={onSaved}
        onCancel={() => undefined}
      />
    </AppProviders>,
  );
  return { onSaved };
}

const input = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: '保存' }));
/** What a screen reader hears after the field's name: the texts its aria-describedby points at. */
const described = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

function typeDate(text: string) {
  const date = input('会议日期');
  fireEvent.focus(date);
  fireEvent.mouseDown(date);
  fireEvent.change(date, { target: { value: text } });
  fireEvent.blur(date);
}

describe('MeetingForm: 所属年度', { timeout: 30_000 }, () => {
  it('a 组织生活会 on 2026-01-20 is for 2025 unless changed, and is saved so', async () => {
    const { branch, members } = await seed();
    const { onSaved } = renderForm(branch, members, '组织生活会', '2026-01-20');
    const field = await screen.findByLabelText('所属年度', { exact: true });
    expect(described(field)).toContain('2025年度（上一年度）');
    expect(screen.getByText('2025年度序号')).toBeTruthy();
    fireEvent.change(input('主题'), { target: { value: '2025年度组织生活会' } });
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
    const saved = onSaved.mock.calls[0]![0] as Meeting;
    expect(saved.forYear).toBe(2025);
  });

  it('moved to April, the choice goes and the record is of its own year', async () => {
    const { branch, members } = await seed();
    const { onSaved } = renderForm(branch, members, '民主评议党员', '2026-02-10');
    expect(await screen.findByLabelText('所属年度', { exact: true })).toBeTruthy();
    typeDate('2026-04-08');
    await waitFor(() => expect(screen.queryByLabelText('所属年度', { exact: true })).toBeNull());
    fireEvent.change(input('主题'), { target: { value: '民主评议党员' } });
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 5000 });
    expect('forYear' in (onSaved.mock.calls[0]![0] as Meeting)).toBe(false);
  });

  it('is not offered for other kinds; in March it is last year only while last year has none of the kind', async () => {
    const { branch, members } = await seed();
    renderForm(branch, members, '支委会', '2026-01-20');
    await screen.findByLabelText('主题', { exact: true });
    expect(screen.queryByLabelText('所属年度', { exact: true })).toBeNull();
    cleanup();
    // No 2025 组织生活会 yet: a March one is most likely 2025's, and the hint says why.
    renderForm(branch, members, '组织生活会', '2026-03-05');
    let field = await screen.findByLabelText('所属年度', { exact: true });
    await waitFor(() => expect(described(field)).toContain('2025年度（上一年度）'));
    expect(described(field)).toContain('2025年度还没有组织生活会记录');
    cleanup();
    await createMeeting(branch.id, {
      kind: '组织生活会',
      topic: '2025年度组织生活会',
      date: '2025-12-16',
      attendance: [{ memberId: members[0]!.id, name: '张三', status: '出席' }],
    });
    renderForm(branch, members, '组织生活会', '2026-03-05');
    field = await screen.findByLabelText('所属年度', { exact: true });
    await waitFor(() => expect(described(field)).toContain('2026年度'));
    expect(described(field)).not.toContain('上一年度）');
    expect(described(field)).not.toContain('还没有');
  });

  it('keeps a year chosen by hand while the date moves through months whose default is another', async () => {
    const { branch, members } = await seed();
    await createMeeting(branch.id, {
      kind: '组织生活会',
      topic: '2025年度组织生活会',
      date: '2025-12-16',
      attendance: [{ memberId: members[0]!.id, name: '张三', status: '出席' }],
    });
    renderForm(branch, members, '组织生活会', '2026-03-10');
    const field = () => screen.getByLabelText('所属年度', { exact: true });
    await screen.findByLabelText('所属年度', { exact: true });
    await waitFor(() => expect(described(field())).toContain('2026年度'));
    // Choose 2025年度 by hand.
    fireEvent.mouseDown(field());
    fireEvent.click(await screen.findByTitle('2025年度（上一年度）'));
    await waitFor(() => expect(described(field())).toContain('2025年度（上一年度）'));
    typeDate('2026-01-10');
    await waitFor(() => expect(described(field())).toContain('2025年度（上一年度）'));
    typeDate('2026-03-12');
    await waitFor(() => expect(described(field())).toContain('2025年度（上一年度）'));
    // Out of the window and back: still the hand choice.
    typeDate('2026-05-12');
    await waitFor(() => expect(screen.queryByLabelText('所属年度', { exact: true })).toBeNull());
    typeDate('2026-03-20');
    await waitFor(() => expect(described(field())).toContain('2025年度（上一年度）'));
  });
});
