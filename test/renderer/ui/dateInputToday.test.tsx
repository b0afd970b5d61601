// On a PC whose time zone is not Beijing time, the date picker's today (its mark and the 今天 button) is still
// chinaToday(): at 2025-12-31 12:00 in New York it is already 2026-01-01 in China, the day every form defaults to.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { chinaToday } from '../../../shared/schemas/common';
import { AppProviders } from '../../../renderer/src/app/providers';
import { DateInput } from '../../../renderer/src/ui/DateInput';
import { setChinaNow } from '../meetings/fixtures';

// Node reads TZ again whenever it is set; the worker process is shared with other test files, so it is put back.
const savedZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});
beforeEach(() => setChinaNow('2026-01-01T01:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Harness({ max }: Readonly<{ max?: string }>) {
  const [value, setValue] = useState<string | undefined>();
  return (
    <AppProviders>
      <label htmlFor="d">日期</label>
      <DateInput id="d" value={value} onChange={setValue} max={max} />
      <output>{value === undefined ? '（空）' : value}</output>
    </AppProviders>
  );
}

function openCalendar() {
  fireEvent.mouseDown(screen.getByLabelText('日期'));
  fireEvent.click(screen.getByLabelText('日期'));
}

describe('DateInput in another time zone', () => {
  it('the PC is in New York, a day behind Beijing', () => {
    expect(new Date().getDate()).toBe(31);
    expect(chinaToday()).toBe('2026-01-01');
  });

  it('marks Beijing time’s today in the calendar, and opens on its month', () => {
    render(<Harness />);
    openCalendar();
    expect(document.querySelector('td.ant-picker-cell-today')?.getAttribute('title')).toBe('2026-01-01');
  });

  it('今天 picks Beijing time’s today, even where `max` is that day', () => {
    render(<Harness max={chinaToday()} />);
    openCalendar();
    fireEvent.click(screen.getByText('今天'));
    expect(screen.getByRole('status').textContent).toBe('2026-01-01');
  });
});
