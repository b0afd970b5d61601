// The records list on a narrow window (a 1366×768 screen at 200 %, 683 px): date and kind share a column and the marks
// go under the topic, so the topic is not squeezed to a few characters a line; wide, the four columns stay.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { MeetingsPage } from '../../../renderer/src/features/meetings/MeetingsPage';
import { meetingInput, seed, setChinaNow } from './fixtures';

const setWidth = (width: number) => {
  (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport(
    {
      width,
      height: 768,
    },
  );
};

beforeEach(() => setChinaNow('2030-12-31T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  setWidth(1024);
  window.history.replaceState(null, '', '#/records');
});

async function open(width: number) {
  setWidth(width);
  const { branch } = await seed();
  await setCurrentBranchId(branch.id);
  await createMeeting(branch.id, meetingInput({ topic: '研究部署年度党建工作', date: '2030-03-10' }));
  window.history.replaceState(null, '', '#/records?year=2030');
  render(
    <AppProviders>
      <MeetingsPage />
    </AppProviders>,
  );
  const table = await screen.findByRole('table');
  await vi.waitFor(() => expect(within(table).getByRole('link', { name: '研究部署年度党建工作' })).toBeTruthy());
  return table;
}

const headers = (table: HTMLElement) =>
  within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent);

describe('records list width', { timeout: 40_000 }, () => {
  it('at 683 px: 日期、类型 and 主题, the marks under the topic', async () => {
    const table = await open(683);
    expect(headers(table)).toEqual(['日期、类型', '主题']);
    const cell = within(table).getByRole('link', { name: '研究部署年度党建工作' }).closest('td')!;
    expect(within(cell).getByText('第1次')).toBeTruthy();
    expect(within(table).getByText('支委会')).toBeTruthy();
  });

  it('at 1280 px: 日期, 类型, 主题, 标记', async () => {
    const table = await open(1280);
    expect(headers(table)).toEqual(['日期', '类型', '主题', '标记']);
  });
});
