// The records list in a DOM: a 状态 filter from the hash (the 工作台's 草稿 link), a one-character search that keeps
// the filtered list, and a calendar day with more records than fit saying 「另有 N 条」 and listing them all.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createMeeting, finalizeMeeting } from '../../../renderer/src/db/repositories/meetings';
import { setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { MeetingsPage } from '../../../renderer/src/features/meetings/MeetingsPage';
import { recordsHref } from '../../../renderer/src/features/meetings/recordsRoute';
import { meetingInput, seed, setChinaNow } from './fixtures';

beforeEach(() => setChinaNow('2030-12-31T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/records');
});

async function open(hash: string) {
  window.history.replaceState(null, '', hash);
  render(
    <AppProviders>
      <MeetingsPage />
    </AppProviders>,
  );
  return screen.findByRole('table');
}

/** Two 支委会 drafts, one finalised 支委会 and one 主题党日 draft of 2030; a 支委会 draft of 2029. */
async function records() {
  const { branch } = await seed();
  await setCurrentBranchId(branch.id);
  await createMeeting(branch.id, meetingInput({ topic: '草稿甲', date: '2030-03-10' }));
  await createMeeting(branch.id, meetingInput({ topic: '草稿乙', date: '2030-05-10' }));
  const done = await createMeeting(branch.id, meetingInput({ topic: '定稿丙', date: '2030-04-10' }));
  await finalizeMeeting(done.id);
  await createMeeting(branch.id, meetingInput({ kind: '主题党日', topic: '党日丁', date: '2030-06-10' }));
  await createMeeting(branch.id, meetingInput({ topic: '旧稿戊', date: '2029-06-10' }));
  return branch;
}

const topics = (table: HTMLElement) =>
  within(table)
    .queryAllByRole('link')
    .map((a) => a.textContent);

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('records list', { timeout: 40_000 }, () => {
  it('opens filtered by kind, year and 草稿 from a link, with the 状态 filter showing 草稿', async () => {
    await records();
    const table = await open(recordsHref({ view: 'list', filter: { kind: '支委会', year: 2030, status: '草稿' } }));
    await vi.waitFor(() => expect(topics(table)).toEqual(['草稿乙', '草稿甲']));
    const status = screen.getByLabelText('状态').closest('.ant-select')!;
    expect(status.textContent).toContain('草稿');
  });

  it('keeps the filters and the filtered list when the query is one character', async () => {
    await records();
    const table = await open(recordsHref({ view: 'list', filter: { kind: '主题党日', year: 2030 } }));
    await vi.waitFor(() => expect(topics(table)).toEqual(['党日丁']));
    const search = screen.getByRole('searchbox', { name: '搜索主题、内容、纪要' });
    fireEvent.change(search, { target: { value: '稿' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(await screen.findByText(/请至少输入/)).toBeTruthy();
    expect(screen.queryByText(/搜索结果不受下方筛选条件限制/)).toBeNull();
    expect(screen.getByLabelText('类型').closest('.ant-select')!.textContent).toContain('主题党日');
    // Still the filtered list, not every record.
    await new Promise((r) => setTimeout(r, 50));
    expect(topics(screen.getByRole('table'))).toEqual(['党日丁']);
  });

  it('shows 「另有 N 条」 on a calendar day with more records than fit, opening all of them', async () => {
    const { branch } = await seed();
    await setCurrentBranchId(branch.id);
    for (let i = 1; i <= 6; i++) {
      await createMeeting(branch.id, meetingInput({ topic: `本日第${i}项议题`, date: '2030-12-28' }));
    }
    await createMeeting(branch.id, meetingInput({ topic: '只有一条', date: '2030-12-29' }));
    await open('#/records');
    act(() => screen.getByText('日历').click());
    const more = await screen.findByRole('button', { name: /2030-12-28 另有 3 条记录/ });
    expect(more.textContent).toBe('另有 3 条');
    const cell = more.closest('ul')!;
    expect(within(cell).getAllByRole('link')).toHaveLength(3);
    expect(screen.getByRole('link', { name: '2030-12-29 支委会：只有一条' })).toBeTruthy();
    // The day with one record has no such line.
    expect(screen.getAllByText(/^另有 \d+ 条$/)).toHaveLength(1);

    fireEvent.click(more);
    const popup = await screen.findByText('2030-12-28 的 6 条记录');
    const panel = popup.closest('.ant-popover') as HTMLElement;
    expect(within(panel).getAllByRole('link')).toHaveLength(6);
    expect(within(panel).getByRole('link', { name: '2030-12-28 支委会：本日第6项议题' })).toBeTruthy();
  });
});
