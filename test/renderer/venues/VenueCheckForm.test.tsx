// VenueCheckForm in a DOM: a 复查 took place, so days after today are greyed out in its calendar, and a typed future
// date is refused in the same 保存 as the form's other problems.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chinaToday } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { addVenueCheck, createVenue } from '../../../renderer/src/db/repositories/venues';
import { VenueCheckForm } from '../../../renderer/src/features/venues/VenueCheckForm';

afterEach(cleanup);

async function setUp() {
  const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  const venue = await createVenue(branch.id, {
    name: '机关党员活动室',
    kind: '党员活动室',
    address: '',
    areaM2: 48,
    capacity: 30,
    manager: '',
  });
  const check = await addVenueCheck(venue.id, {
    date: '2025-11-20',
    inspector: '张三',
    findings: '',
    nextDueDate: '2026-05-20',
  });
  return { venue, check };
}

/** The day after `day` ('YYYY-MM-DD'). */
function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function typeDate(label: string, text: string) {
  const input = screen.getByLabelText(label);
  fireEvent.focus(input);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.blur(input);
}

describe('VenueCheckForm', { timeout: 30_000 }, () => {
  it('修改: a future 复查日期 and a 下次复查日期 before it are both shown after one 保存', async () => {
    const { venue, check } = await setUp();
    const onSaved = vi.fn();
    render(
      <AppProviders>
        <VenueCheckForm venueId={venue.id} check={check} onSaved={onSaved} />
      </AppProviders>,
    );
    const today = chinaToday();
    typeDate('复查日期', dayAfter(today));
    typeDate('下次复查日期', '2025-01-01');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));

    expect(await screen.findByText(`复查日期不能晚于今天（${today}）`)).toBeTruthy();
    expect(screen.getByText('下次复查日期必须晚于本次复查日期')).toBeTruthy();
    expect(screen.getByLabelText('复查日期').getAttribute('aria-invalid')).toBe('true');
    expect(onSaved).not.toHaveBeenCalled();
    expect((await db.venueChecks.get(check.id))?.date).toBe('2025-11-20');
  });

  it('登记: greys out the days after today in the 复查日期 calendar', async () => {
    const { venue } = await setUp();
    render(
      <AppProviders>
        <VenueCheckForm venueId={venue.id} />
      </AppProviders>,
    );
    const today = chinaToday();
    const cell = (day: string) =>
      document.querySelector(`.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) td[title="${day}"]`);
    const date = screen.getByLabelText('复查日期');
    fireEvent.mouseDown(date);
    fireEvent.click(date);
    await waitFor(() => expect(cell(today)).toBeTruthy());
    expect(cell(today)!.className).not.toContain('ant-picker-cell-disabled');
    // The grid of today's month always shows the next day (the first days of the next month follow the last row).
    expect(cell(dayAfter(today))!.className).toContain('ant-picker-cell-disabled');
  });
});
