// The 工作台's year in a DOM: taken from the address (#/home?year=2029, as 各支部概览 opens a branch), this year
// without one, and a change of year kept in the address.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { Dashboard } from '../../../renderer/src/features/dashboard/Dashboard';
import { newRecordDate } from '../../../renderer/src/features/meetings/MeetingsPage';
import { recordsViewFromHash } from '../../../renderer/src/features/meetings/recordsRoute';
import { meetingInput, present, seed, setChinaNow } from '../meetings/fixtures';

beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/');
});

const yearShown = () => screen.getByLabelText('年度').closest('.ant-select')?.textContent;

/**
 * The seed, with the branch set up in the app on New Year's Day of last year: no gap of last year or this one is from
 * before the ledger (those would be folded, firstDay.test.ts), so they show in red with their 补录.
 */
async function seedLastYear() {
  setChinaNow('2029-01-01T10:00:00');
  const seeded = await seed();
  setChinaNow('2030-06-15T10:00:00');
  return seeded;
}

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('Dashboard year', { timeout: 40_000 }, () => {
  it('shows the year named in the address, and keeps a change of year there', async () => {
    const { branch, zhang, li } = await seedLastYear();
    await createMeeting(branch.id, meetingInput({ date: '2029-02-10', attendance: present(zhang, li) }));
    window.history.replaceState(null, '', '#/home?year=2029');
    render(
      <AppProviders>
        <Dashboard branch={branch} />
      </AppProviders>,
    );
    // 2029 in full: every month but February missed.
    expect(await screen.findByText(/未开展：1月、3月、4月、5月、6月、7月、8月、9月、10月、11月、12月/)).toBeTruthy();
    expect(yearShown()).toContain('2029年');

    fireEvent.mouseDown(screen.getByLabelText('年度'));
    fireEvent.click(await screen.findByTitle('2030年'));
    await waitFor(() => expect(window.location.hash).toBe('#/home?year=2030'));
    await waitFor(() => expect(yearShown()).toContain('2030年'));
    expect(await screen.findByText(/未开展：1月、2月、3月、4月、5月/)).toBeTruthy();
  });

  it('shows this year without one, or with a year that makes no sense', async () => {
    const { branch } = await seed();
    window.history.replaceState(null, '', '#/home?year=abc');
    render(
      <AppProviders>
        <Dashboard branch={branch} />
      </AppProviders>,
    );
    await waitFor(() => expect(yearShown()).toContain('2030年'));
  });

  it('names the current branch so it can be told from another branch of the same name', async () => {
    const { branch } = await seed();
    render(
      <AppProviders>
        <Dashboard branch={branch} />
      </AppProviders>,
    );
    expect(await screen.findByText('当前支部：甲支部')).toBeTruthy();
    await createBranch({ name: '甲支部', parentOrg: '某某机关党委', termStart: '2029-01-01', termEnd: '2031-12-31' });
    // The first 甲支部 has no 上级党组织 and both were made in the same (frozen) minute: the order of creation tells them
    // apart.
    expect(await screen.findByText('当前支部：甲支部（同名第 1 个）')).toBeTruthy();
  });

  it("offers the year's records and a new record of that year, a past year without today as its date", async () => {
    const { branch } = await seed();
    window.history.replaceState(null, '', '#/home?year=2028');
    render(
      <AppProviders>
        <Dashboard branch={branch} />
      </AppProviders>,
    );
    const card = await screen.findByRole('region', { name: '工作有记录' });
    const list = await within(card).findByRole('link', { name: '查看2028年记录' });
    expect(list.getAttribute('href')).toBe('#/records?year=2028');
    const create = within(card).getByRole('link', { name: /新建记录/ });
    expect(recordsViewFromHash(create.getAttribute('href')!)).toEqual({ view: 'new', list: { year: 2028 } });
    expect(newRecordDate({ year: 2028 })).toBeUndefined();
  });

  it('says when the 本届 has ended (按期换届), and reminds in its last 90 days', async () => {
    // Today is 2030-06-15 (fixtures): the seed's term ends 2031-12-31, too far off to mention.
    const { branch } = await seed();
    const view = render(
      <AppProviders>
        <Dashboard branch={{ ...branch, termEnd: '2030-06-14' }} />
      </AppProviders>,
    );
    const over = await screen.findByText(/^本届支委会任期已于2030年6月14日届满，请按期换届/);
    expect(over.closest('.ant-alert-warning')).toBeTruthy();
    expect(screen.getByRole('link', { name: '前往支部概况' }).getAttribute('href')).toBe('#/branch');

    view.rerender(
      <AppProviders>
        <Dashboard branch={{ ...branch, termEnd: '2030-08-31' }} />
      </AppProviders>,
    );
    expect(
      await screen.findByText('本届支委会任期将于2030年8月31日届满（还有 77 天），请提前做好换届准备。'),
    ).toBeTruthy();

    view.rerender(
      <AppProviders>
        <Dashboard branch={branch} />
      </AppProviders>,
    );
    await waitFor(() => expect(screen.queryByText(/本届支委会任期/)).toBeNull());
  });
});
