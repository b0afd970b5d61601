// The records calendar to a screen reader and the keyboard: its 年份 and 月份 selects and its 视图 switch are named,
// year and month chosen there move the calendar, a record's link names its day first, and the panel around the days
// is no Tab stop of its own (it had no name, no visible focus and no keys).
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

const shown = (label: string) => screen.getByLabelText(label).closest('.ant-select')?.textContent;

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('MonthCalendar names and keys', { timeout: 40_000 }, () => {
  it('names its selects and switch; 年份 and 月份 move it; links start with the day; the panel is no Tab stop', async () => {
    const { branch } = await seed();
    await createMeeting(branch.id, meetingInput({ topic: '三月的支委会', date: '2029-03-10' }));
    render(
      <AppProviders>
        <MonthCalendar branchId={branch.id} />
      </AppProviders>,
    );
    await waitFor(() => expect(shown('年份')).toBe('2030年'));
    expect(shown('月份')).toBe('12月');
    const view = screen.getByRole('radiogroup', { name: '视图' });
    expect(view.textContent).toBe('月年');

    fireEvent.mouseDown(screen.getByLabelText('年份'));
    fireEvent.click(await screen.findByTitle('2029年'));
    fireEvent.mouseDown(screen.getByLabelText('月份'));
    fireEvent.click(await screen.findByTitle('3月'));
    await waitFor(() => expect(shown('月份')).toBe('3月'));
    expect(shown('年份')).toBe('2029年');
    // Entered long after (today is 2030-12-31): a 补录.
    const link = await screen.findByRole('link', { name: '2029-03-10 支委会：三月的支委会（补录）' });
    expect(link.textContent).toBe('支委会：三月的支委会（补录）');

    const panel = document.querySelector('.ant-picker-panel')!;
    expect(panel.getAttribute('tabindex')).toBe('-1');

    // The 年 view: no 月份 to choose.
    fireEvent.click(screen.getByRole('radio', { name: '年' }));
    await waitFor(() => expect(screen.queryByLabelText('月份')).toBeNull());
    expect(shown('年份')).toBe('2029年');
    expect(document.querySelector('.ant-picker-panel')!.getAttribute('tabindex')).toBe('-1');
  });
});
