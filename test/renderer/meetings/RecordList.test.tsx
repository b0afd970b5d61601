// The records list in a DOM: a 状态 filter from the hash (the 工作台's 草稿 link), a one-character search that keeps
// the filtered list, a calendar day with more records than fit saying 「另有 N 条」 and listing them all, and the list
// kept as it was — search, pages loaded, the record opened — across 返回列表 and the back button.
import { act, cleanup, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createMeeting, finalizeMeeting } from '../../../renderer/src/db/repositories/meetings';
import { setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { MeetingsPage } from '../../../renderer/src/features/meetings/MeetingsPage';
import { recordsHref } from '../../../renderer/src/features/meetings/recordsRoute';
import { meetingInput, seed, setChinaNow } from './fixtures';

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
configure({ asyncUtilTimeout: 8000 });
const slow = { timeout: 8000 };

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

/**
 * 45 records: 25 lectures 「学习宪法第i讲」 (odd i in 2030, even in 2029; i divisible by 4 a 主题党日, else a 支委会) and
 * 20 other 2030 meetings that do not mention it.
 */
async function manyRecords() {
  const { branch } = await seed();
  await setCurrentBranchId(branch.id);
  for (let i = 1; i <= 25; i++) {
    const date = `${i % 2 ? 2030 : 2029}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`;
    await createMeeting(
      branch.id,
      meetingInput({ kind: i % 4 === 0 ? '主题党日' : '支委会', topic: `学习宪法第${i}讲`, date }),
    );
  }
  for (let j = 1; j <= 20; j++) {
    const date = `2030-${String(1 + (j % 12)).padStart(2, '0')}-${String(1 + j).padStart(2, '0')}`;
    await createMeeting(branch.id, meetingInput({ topic: `其他工作${j}`, date }));
  }
  return branch;
}

async function searchFor(words: string) {
  const search = screen.getByRole('searchbox', { name: '搜索主题、内容、纪要' });
  fireEvent.change(search, { target: { value: words } });
  fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

const topics = (table: HTMLElement) =>
  within(table)
    .queryAllByRole('link')
    .map((a) => a.textContent);

describe('records list', { timeout: 40_000 }, () => {
  it('a branch with no record yet says what to do first; a filter that finds nothing says so', async () => {
    const { branch } = await seed();
    await setCurrentBranchId(branch.id);
    const table = await open('#/records');
    expect(
      await within(table).findByText('还没有工作记录。点“新建记录”录入第一次会议（三会一课、主题党日等）'),
    ).toBeTruthy();
    expect(within(table).queryByText('没有符合条件的记录')).toBeNull();
    cleanup();
    const filtered = await open(recordsHref({ view: 'list', filter: { kind: '党课' } }));
    expect(await within(filtered).findByText('没有符合条件的记录')).toBeTruthy();
  });

  it('opens filtered by kind, year and 草稿 from a link, with the 状态 filter showing 草稿', async () => {
    await records();
    const table = await open(recordsHref({ view: 'list', filter: { kind: '支委会', year: 2030, status: '草稿' } }));
    await vi.waitFor(() => expect(topics(table)).toEqual(['草稿乙', '草稿甲']), slow);
    const status = screen.getByLabelText('状态').closest('.ant-select')!;
    expect(status.textContent).toContain('草稿');
  });

  it('keeps the filters and the filtered list when the query is one character', async () => {
    await records();
    const table = await open(recordsHref({ view: 'list', filter: { kind: '主题党日', year: 2030 } }));
    await vi.waitFor(() => expect(topics(table)).toEqual(['党日丁']), slow);
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

  it('返回列表 comes back to the same search, the same rows loaded, at the record opened', async () => {
    await manyRecords();
    let table = await open('#/records');
    await searchFor('宪法');
    // The total is said at once, not only once every page is loaded.
    expect(await screen.findByText('共找到 25 条，已列出 20 条')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await screen.findByText('共找到 25 条')).toBeTruthy();
    await vi.waitFor(() => expect(topics(screen.getByRole('table'))).toHaveLength(25), slow);
    table = screen.getByRole('table');
    const opened = topics(table)[22]!;

    fireEvent.click(within(table).getByRole('link', { name: opened }));
    await screen.findByRole('heading', { level: 3, name: opened });
    fireEvent.click(screen.getByRole('button', { name: '返回列表' }));

    table = await screen.findByRole('table');
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: '搜索主题、内容、纪要' }).value).toBe('宪法');
    expect(await screen.findByText('共找到 25 条')).toBeTruthy();
    await vi.waitFor(() => expect(topics(screen.getByRole('table'))).toHaveLength(25), slow);
    // The row of the record opened has the focus (a keyboard user goes on from there) and is marked.
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe(opened), slow);
    expect(document.activeElement?.closest('tr')?.classList.contains('records-row-returned')).toBe(true);
  });

  it('加载更多 focuses the first record it adds (the button, now below them, no longer has the focus)', async () => {
    await manyRecords();
    await open(recordsHref({ view: 'list', filter: { year: 2030 } }));
    expect(await screen.findByText('共 33 条，已列出 20 条')).toBeTruthy();
    const more = screen.getByRole('button', { name: '加载更多' });
    more.focus();
    fireEvent.click(more);
    expect(await screen.findByText('共 33 条')).toBeTruthy();
    await vi.waitFor(() => expect(topics(screen.getByRole('table'))).toHaveLength(33), slow);
    const first = topics(screen.getByRole('table'))[20]!;
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe(first), slow);
    expect(document.activeElement?.tagName).toBe('A');
  });

  it('新建记录 on a list filtered to one 类型 opens a form of that type', async () => {
    await records();
    await open(recordsHref({ view: 'list', filter: { kind: '主题党日', year: 2030 } }));
    fireEvent.click(screen.getByRole('link', { name: /新建记录/ }));
    await screen.findByRole('heading', { level: 3, name: '新建工作记录' });
    const kind = screen.getByLabelText('会议类型');
    expect(kind.closest('.ant-select')!.textContent).toContain('主题党日');
  });

  it('the back button comes back to the filtered list with its pages loaded, at the record opened', async () => {
    await manyRecords();
    await open(recordsHref({ view: 'list', filter: { year: 2030 } }));
    expect(await screen.findByText('共 33 条，已列出 20 条')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await screen.findByText('共 33 条')).toBeTruthy();
    await vi.waitFor(() => expect(topics(screen.getByRole('table'))).toHaveLength(33), slow);
    const opened = topics(screen.getByRole('table'))[29]!;

    fireEvent.click(within(screen.getByRole('table')).getByRole('link', { name: opened }));
    await screen.findByRole('heading', { level: 3, name: opened });
    act(() => window.history.back());

    await screen.findByRole('table');
    await vi.waitFor(() => expect(topics(screen.getByRole('table'))).toHaveLength(33), slow);
    expect(screen.getByLabelText('年份').closest('.ant-select')!.textContent).toContain('2030');
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe(opened), slow);
  });

  it('narrows a search by 年份 and 类型 and counts its matches at once; the box shows the search of the address', async () => {
    await manyRecords();
    const table = await open(recordsHref({ view: 'list', filter: { year: 2029, kind: '主题党日', query: '宪法' } }));
    const search = screen.getByRole<HTMLInputElement>('searchbox', { name: '搜索主题、内容、纪要' });
    expect(search.value).toBe('宪法');
    // 宪法 lectures 2, 4, … 24 are of 2029; of those, 4, 8, … 24 are 主题党日.
    expect(await screen.findByText('共找到 6 条')).toBeTruthy();
    await vi.waitFor(
      () => expect(topics(table).sort()).toEqual([4, 8, 12, 16, 20, 24].map((i) => `学习宪法第${i}讲`).sort()),
      slow,
    );
    expect(screen.getByLabelText('类型').closest('.ant-select')!.textContent).toContain('主题党日');
    // Another filter keeps the search.
    cleanup();
    await open(recordsHref({ view: 'list', filter: { year: 2030, query: '宪法' } }));
    expect(await screen.findByText('共找到 13 条')).toBeTruthy();
    // Choosing 工作记录 again (every record, no search) empties the box as well as the list's search.
    act(() => window.location.replace('#/records'));
    expect(await screen.findByText('共 45 条，已列出 20 条')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: '搜索主题、内容、纪要' }).value).toBe('');
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
