// The 工作台's buttons and bars as a screen reader or voice control names them: a 补录 button's name starts with its
// visible words (「补录 1月：支委会」, so that saying 「补录 1月」 finds it), and each venue's 七有 bar is named.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { Dashboard } from '../../../renderer/src/features/dashboard/Dashboard';
import { seed, setChinaNow } from '../meetings/fixtures';

beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/');
});

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
describe('Dashboard names', { timeout: 40_000 }, () => {
  it('names 补录 from its visible words on, and the 七有 bar by its venue', async () => {
    const { branch } = await seedLastYear();
    render(
      <AppProviders>
        <Dashboard branch={branch} />
      </AppProviders>,
    );
    const committee = await screen.findByRole('group', { name: '支委会' }, { timeout: 10_000 });
    const first = within(committee).getByRole('button', { name: '补录 1月：支委会' });
    expect(first.textContent?.replace(/\s+/g, ' ').trim()).toBe('补录 1月');
    const meeting = screen.getByRole('group', { name: '支部党员大会' });
    expect(within(meeting).getByRole('button', { name: '补录 第一季度：支部党员大会' })).toBeTruthy();
    expect(await screen.findByRole('progressbar', { name: '党员活动室 七有 0/7' })).toBeTruthy();
    // This month's 支委会 is not recorded yet: 去记录, named from its visible word on.
    const now = within(committee).getByRole('button', { name: '去记录：支委会（6月）' });
    expect(now.textContent).toBe('去记录');
  });
});
