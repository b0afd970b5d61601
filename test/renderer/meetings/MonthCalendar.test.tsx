// The records calendar in a DOM: it opens at the list's 年份/月份 filter (from the address), and a month clicked in
// the 年 view opens that month.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { MonthCalendar } from '../../../renderer/src/features/meetings/MonthCalendar';
import { meetingInput, seed, setChinaNow } from './fixtures';

beforeEach(() => setChinaNow('2030-12-31T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/records');
});

async function calendarAt(hash: string) {
  const { branch } = await seed();
  await createMeeting(branch.id, meetingInput({ topic: '三月的支委会', date: '2029-03-10' }));
  window.history.replaceState(null, '', hash);
  render(
    <AppProviders>
      <MonthCalendar branchId={branch.id} />
    </AppProviders>,
  );
}

const modeShown = () =>
  document.querySelector('.ant-picker-calendar-mode-switch .ant-radio-button-wrapper-checked')?.textContent;
const selects = () =>
  [...document.querySelectorAll('.ant-picker-calendar-header .ant-select')].map((s) => s.textContent);

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('MonthCalendar', { timeout: 40_000 }, () => {
  it('opens at the list’s year in the 年 view; a month clicked there opens in the month view', async () => {
    await calendarAt('#/records?year=2029');
    await waitFor(() => expect(modeShown()).toBe('年'));
    expect(selects()).toEqual(['2029年']);
    const march = await screen.findByTitle('1 条：支委会 1');
    fireEvent.click(march);
    await waitFor(() => expect(modeShown()).toBe('月'));
    expect(selects()).toEqual(['2029年', '3月']);
    expect(await screen.findByRole('link', { name: /^2029-03-10 支委会：三月的支委会/ })).toBeTruthy();
  });

  it('opens at the list’s month', async () => {
    await calendarAt('#/records?year=2029&month=3');
    expect(await screen.findByRole('link', { name: /^2029-03-10 支委会：三月的支委会/ })).toBeTruthy();
    expect(modeShown()).toBe('月');
    expect(selects()).toEqual(['2029年', '3月']);
  });

  it('opens at this month without a filter', async () => {
    await calendarAt('#/records');
    await waitFor(() => expect(selects()).toEqual(['2030年', '12月']));
    expect(modeShown()).toBe('月');
  });
});
