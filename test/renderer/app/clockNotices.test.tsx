// The PC's clock and time zone: a date behind the ledger's own records is said above every page (and the 年度 pickers
// still reach the records' years); a time zone other than Beijing time is said once, until 不再提示.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClockNotices, TIME_ZONE_NOTICE_KEY } from '../../../renderer/src/app/ClockNotices';
import { dayAheadOfClock, foreignTimeZone, yearsToOffer } from '../../../renderer/src/app/clockCheck';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { YearSelect } from '../../../renderer/src/features/dashboard/YearSelect';
import { MeetingsPage } from '../../../renderer/src/features/meetings/MeetingsPage';
import { meetingInput, seed, setChinaNow } from '../meetings/fixtures';

const savedZone = process.env.TZ;
beforeEach(() => {
  // Beijing time unless a test says otherwise, so only the notice under test shows.
  process.env.TZ = 'Asia/Shanghai';
  localStorage.removeItem(TIME_ZONE_NOTICE_KEY);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
  window.history.replaceState(null, '', '#/');
});

/** A branch with records up to 2030-03-10, entered on 2030-03-12; then the PC's clock shows `now`. */
async function ledgerThen(now: string) {
  setChinaNow('2030-03-12T10:00:00');
  const { branch } = await seed();
  await setCurrentBranchId(branch.id);
  await createMeeting(branch.id, meetingInput({ date: '2029-11-10', topic: '十一月支委会' }));
  await createMeeting(branch.id, meetingInput({ date: '2030-03-10' }));
  setChinaNow(now);
  return branch;
}

const notices = () =>
  render(
    <AppProviders>
      <ClockNotices />
    </AppProviders>,
  );

describe('clock behind the ledger', { timeout: 40_000 }, () => {
  it('names today and the ledger’s latest day, and how to correct the clock', async () => {
    await ledgerThen('2020-01-01T09:00:00');
    notices();
    const title = await screen.findByText('本机日期为 2020-01-01，早于台账中最新的记录（2030-03-12）');
    expect(title.closest('.ant-alert')?.textContent).toContain('请先校正电脑的日期和时间');
  });

  it('says nothing once the clock has caught up', async () => {
    await ledgerThen('2030-03-12T18:00:00');
    notices();
    // Let the reads finish before looking for what is not there.
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByText(/本机日期为/)).toBeNull();
  });

  it('judges by the newest 会议日期 and the latest change, allowing a clock a few minutes slow', () => {
    const now = new Date('2030-03-12T10:00:00+08:00');
    expect(dayAheadOfClock({ lastMeetingDate: '2030-03-13' }, now)).toBe('2030-03-13');
    expect(dayAheadOfClock({ lastMeetingDate: '2030-03-12' }, now)).toBeUndefined();
    expect(dayAheadOfClock({ lastChangeAt: '2030-03-14T01:00:00.000Z' }, now)).toBe('2030-03-14');
    // Five minutes ahead, across midnight: a clock corrected by NTP, not a wrong date.
    const midnight = new Date('2030-03-12T23:58:00+08:00');
    expect(dayAheadOfClock({ lastChangeAt: '2030-03-12T16:03:00.000Z' }, midnight)).toBeUndefined();
    expect(dayAheadOfClock({}, now)).toBeUndefined();
  });

  it('the 工作台’s 年度 picker still offers the years the records span', async () => {
    await ledgerThen('2020-01-01T09:00:00');
    render(
      <AppProviders>
        <YearSelect value={2020} onChange={() => undefined} currentYear={2020} />
      </AppProviders>,
    );
    fireEvent.mouseDown(screen.getByLabelText('年度'));
    expect(await screen.findByTitle('2030年')).toBeTruthy();
    expect(screen.getByTitle('2029年')).toBeTruthy();
    expect(screen.getByTitle('2014年')).toBeTruthy();
  });

  it('the 工作记录 年份 filter still offers the years the records span', async () => {
    await ledgerThen('2020-01-01T09:00:00');
    window.history.replaceState(null, '', '#/records');
    render(
      <AppProviders>
        <MeetingsPage />
      </AppProviders>,
    );
    const year = await screen.findByLabelText('年份', undefined, { timeout: 10_000 });
    fireEvent.mouseDown(year);
    expect(await screen.findByTitle('2030年')).toBeTruthy();
    expect(screen.getByTitle('2029年')).toBeTruthy();
    expect(screen.getByTitle('2020年')).toBeTruthy();
  });

  it('yearsToOffer adds the records’ years to the recent ones, newest first', () => {
    expect(yearsToOffer([2020, 2019], { first: '2028-05-01', last: '2030-03-10' })).toEqual([
      2030, 2029, 2028, 2020, 2019,
    ]);
    expect(yearsToOffer([2026, 2025], undefined)).toEqual([2026, 2025]);
  });
});

describe('time zone other than Beijing time', { timeout: 40_000 }, () => {
  it('is said once, and 不再提示 is remembered', async () => {
    process.env.TZ = 'UTC';
    setChinaNow('2030-03-12T10:00:00');
    notices();
    const title = await screen.findByText('电脑时区不是北京时间（UTC+8）');
    const text = title.closest('.ant-alert')?.textContent ?? '';
    expect(text).toContain('本机时区为 UTC+0，比北京时间慢 8 小时');
    expect(text).toContain('(UTC+08:00) 北京');
    fireEvent.click(screen.getByRole('button', { name: '知道了，不再提示' }));
    await waitFor(() => expect(screen.queryByText('电脑时区不是北京时间（UTC+8）')).toBeNull());

    // The next start: still dismissed.
    cleanup();
    notices();
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByText('电脑时区不是北京时间（UTC+8）')).toBeNull();

    // Another wrong zone is said again.
    process.env.TZ = 'America/New_York';
    cleanup();
    notices();
    expect(await screen.findByText('电脑时区不是北京时间（UTC+8）')).toBeTruthy();
    expect(screen.getByText(/本机时区为 UTC−4（America\/New_York），比北京时间慢 12 小时/)).toBeTruthy();
  });

  it('names the zone’s offset, and is silent in Beijing time', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(foreignTimeZone(new Date('2030-03-12T02:00:00Z'))).toBeUndefined();
    process.env.TZ = 'Asia/Kolkata';
    expect(foreignTimeZone(new Date('2030-03-12T02:00:00Z'))).toMatchObject({ offset: 'UTC+5:30', hours: 2.5 });
  });
});
