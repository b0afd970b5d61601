// 补录 of a year in the 工作记录 screens: 按日期顺序定稿 on the filtered list with one confirmation, the 定稿 dialog saying
// which finalised records it renumbers, a renumbering shown quietly beside the 更正, and 返回列表 keeping the filter.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Meeting } from '../../../shared/schemas/entities';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import { createMeeting, finalizeMeeting, listVenueChoices } from '../../../renderer/src/db/repositories/meetings';
import { setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { MeetingsPage } from '../../../renderer/src/features/meetings/MeetingsPage';
import { MeetingView } from '../../../renderer/src/features/meetings/MeetingView';
import { recordsHref, recordsViewFromHash } from '../../../renderer/src/features/meetings/recordsRoute';
import { meetingInput, seed, setChinaNow } from './fixtures';

beforeEach(() => setChinaNow('2030-12-31T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/records');
});

/** How long a find waits: antd in happy-dom on a busy machine. */
const SLOW = { timeout: 10_000 };

function page(hash: string) {
  window.history.replaceState(null, '', hash);
  render(
    <AppProviders>
      <MeetingsPage />
    </AppProviders>,
  );
}

/** Moves to `hash` as a click on a link does: the page follows the hashchange. */
async function follow(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

async function view(id: string, branchId: string) {
  const branch = (await db.branches.get(branchId))!;
  const members = await db.members.where('branchId').equals(branchId).toArray();
  render(
    <AppProviders>
      <MeetingView id={id} branch={branch} members={members} venues={await listVenueChoices(branchId)} />
    </AppProviders>,
  );
}

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('按日期顺序定稿', { timeout: 60_000 }, () => {
  it('finalises the filtered year’s drafts 1..n in date order after one confirmation, naming what stays a draft', async () => {
    const { branch, wang } = await seed();
    await setCurrentBranchId(branch.id);
    const made: Meeting[] = [];
    for (const [topic, date] of [
      ['十二月', '2030-12-09'],
      ['十月', '2030-10-14'],
      ['三月', '2030-03-11'],
      ['一月', '2030-01-14'],
    ] as const) {
      made.push(await createMeeting(branch.id, meetingInput({ topic, date })));
    }
    const lesson = await createMeeting(branch.id, meetingInput({ kind: '党课', lecturer: '张三', date: '2030-06-01' }));
    // Stored by an older build: a 请假 without its reason.
    await db.meetings.update(made[1]!.id, {
      attendance: [{ memberId: wang.id, name: '王五', status: '请假', reason: '' }],
    });

    page(recordsHref({ view: 'list', filter: { year: 2030, kind: '支委会' } }));
    expect(await screen.findByText('2030年度支委会还有 4 份草稿', {}, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /按日期顺序定稿/ }));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    expect(dialog.textContent).toContain('按日期顺序定稿2030年度支委会草稿？');
    expect(dialog.textContent).toContain('将按会议日期从早到晚定稿 3 份草稿（支委会 3 份）');
    expect(dialog.textContent).toContain('已定稿记录的序号不受影响。');
    const blocked = within(dialog).getByRole('list', { name: '不能定稿的草稿' });
    expect(blocked.textContent).toBe('2030-10-14 支委会「十月」：请填写“王五”请假的原因');
    // Irreversible: the dialog opens on 取消.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '取消' })));

    fireEvent.click(within(dialog).getByRole('button', { name: '确定定稿' }));
    await waitFor(async () => expect((await db.meetings.get(made[0]!.id))!.status).toBe('已定稿'), SLOW);
    const rows = await Promise.all(made.map((m) => db.meetings.get(m.id)));
    expect(rows.map((m) => [m!.topic, m!.status, m!.status === '已定稿' ? m!.seq : '—'])).toEqual([
      ['十二月', '已定稿', 3],
      ['十月', '草稿', '—'],
      ['三月', '已定稿', 2],
      ['一月', '已定稿', 1],
    ]);
    for (const m of made) expect((await listAudit('meeting', m.id)).some((e) => e.action === 'amend')).toBe(false);
    // The 党课 was not in the filter.
    expect((await db.meetings.get(lesson.id))!.status).toBe('草稿');
    expect((await screen.findAllByText('1 份草稿未定稿', {}, SLOW)).length).toBeGreaterThan(0);
  });

  it('is not offered without a year, nor when the year has no drafts left', async () => {
    const { branch } = await seed();
    await setCurrentBranchId(branch.id);
    await finalizeMeeting((await createMeeting(branch.id, meetingInput({ date: '2030-03-11' }))).id);
    await createMeeting(branch.id, meetingInput({ date: '2029-03-11' }));
    page('#/records');
    await screen.findByRole('table', {}, SLOW);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByRole('button', { name: /按日期顺序定稿/ })).toBeNull();
    cleanup();
    page(recordsHref({ view: 'list', filter: { year: 2030 } }));
    await screen.findByRole('table', {}, SLOW);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByRole('button', { name: /按日期顺序定稿/ })).toBeNull();
  });
});

describe('定稿 of one record', { timeout: 60_000 }, () => {
  it('warns how many finalised records it renumbers, and shows a renumbering apart from the 更正', async () => {
    const { branch } = await seed();
    const december = await createMeeting(branch.id, meetingInput({ topic: '十二月', date: '2030-12-09' }));
    const january = await createMeeting(branch.id, meetingInput({ topic: '一月', date: '2030-01-14' }));
    await finalizeMeeting(december.id);
    await view(january.id, branch.id);
    fireEvent.click(await screen.findByRole('button', { name: '定稿' }, SLOW));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    expect(dialog.textContent).toContain(
      '本年度已有 1 份已定稿的支委会记录日期在本记录之后，其序号将按日期顺序顺延（调整记入操作日志，不算更正）。',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: '确定定稿' }));
    await waitFor(async () => expect((await db.meetings.get(january.id))!.status).toBe('已定稿'), SLOW);
    cleanup();

    await view(december.id, branch.id);
    const moves = await screen.findByRole('list', { name: '序号调整' }, SLOW);
    expect(moves.textContent).toContain(
      '序号由第1次调整为第2次（2030-01-14的支委会记录「一月」定稿，按日期顺序重新编号）',
    );
    expect(screen.getByText('无更正')).toBeTruthy();
  });

  it('says nothing more when nothing is renumbered', async () => {
    const { branch } = await seed();
    const draft = await createMeeting(branch.id, meetingInput());
    await view(draft.id, branch.id);
    fireEvent.click(await screen.findByRole('button', { name: '定稿' }, SLOW));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    expect(dialog.textContent).not.toContain('序号');
  });
});

describe('返回列表', { timeout: 60_000 }, () => {
  it('reopens the list with the filters it was opened from', async () => {
    const { branch } = await seed();
    await setCurrentBranchId(branch.id);
    await createMeeting(branch.id, meetingInput({ topic: '三月支委会', date: '2030-03-11' }));
    const filter = { year: 2030, kind: '支委会' as const, status: '草稿' as const };
    page(recordsHref({ view: 'list', filter }));
    const link = await screen.findByRole('link', { name: '三月支委会' }, SLOW);
    const target = recordsViewFromHash(link.getAttribute('href')!);
    expect(target).toMatchObject({ view: 'show', list: filter });

    await follow(link.getAttribute('href')!);
    fireEvent.click(await screen.findByRole('button', { name: '返回列表' }, SLOW));
    expect(recordsViewFromHash(window.location.hash)).toEqual({
      view: 'list',
      filter,
      at: (target as { id: string }).id,
    });
    await waitFor(() => expect(screen.getByLabelText('年份').closest('.ant-select')!.textContent).toContain('2030年'));
  });

  it('opens the whole list, at the record, from a record opened from elsewhere', async () => {
    const { branch } = await seed();
    await setCurrentBranchId(branch.id);
    const m = await createMeeting(branch.id, meetingInput({ topic: '三月支委会', date: '2030-03-11' }));
    page(recordsHref({ view: 'show', id: m.id }));
    fireEvent.click(await screen.findByRole('button', { name: '返回列表' }, SLOW));
    expect(recordsViewFromHash(window.location.hash)).toEqual({ view: 'list', at: m.id });
  });
});
