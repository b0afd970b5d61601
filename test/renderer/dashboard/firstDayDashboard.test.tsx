// The 工作台 on a 支部书记's first day, in a DOM: one line says the ledger starts today, the months before it are one
// folded group of 补录 below what is still due (no wall of red), the year's requirements count their days left, and
// an empty 党员名册 is a link to it.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { Dashboard } from '../../../renderer/src/features/dashboard/Dashboard';
import { meetingInput, present, setChinaNow } from '../meetings/fixtures';

beforeEach(() => setChinaNow('2026-11-28T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/');
});

const newBranch = () =>
  createBranch({
    name: '城关镇机关第一党支部',
    termStart: '2024-01-15',
    termEnd: '2027-01-14',
    committee: [{ name: '王秀兰', role: '书记' }],
    partyGroups: [{ id: 'g1', name: '第一党小组' }],
  });

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('the 工作台 on the first day', { timeout: 40_000 }, () => {
  it('says when the ledger started and folds the earlier gaps below what is due now', async () => {
    const branch = await newBranch();
    const wang = await createMember(branch.id, {
      name: '王秀兰',
      gender: '女',
      birthDate: '1975-03-02',
      joinedDate: '2000-07-01',
      status: '正式',
    });
    await createMeeting(
      branch.id,
      meetingInput({ kind: '支部党员大会', date: '2026-11-20', attendance: present(wang) }),
    );
    render(
      <AppProviders>
        <Dashboard branch={branch} />
      </AppProviders>,
    );
    const card = await screen.findByRole('region', { name: '工作有记录' });
    expect(
      await within(card).findByText(
        '本支部于2026年11月28日开始使用台账：此前月份如已开展，请逐项补录；未补录的仍按未开展统计',
      ),
    ).toBeTruthy();
    const committee = within(card).getByRole('group', { name: '支委会' });
    // Still counted, but not a red list of 补录: only what is due now.
    expect(committee.textContent).toContain('支委会 0/10 个月');
    expect(committee.textContent).not.toContain('未开展');
    expect(within(committee).queryByRole('button', { name: /^补录/ })).toBeNull();
    expect(within(committee).getByRole('button', { name: '去记录：支委会（11月）' })).toBeTruthy();
    // The year's requirements late in the year: the days left, not 「尚未到期」.
    expect(within(card).getByRole('group', { name: '组织生活会' }).textContent).toContain('本年度还剩 34 天');
    expect(card.textContent).not.toContain('本年度尚未到期');

    // The folded group, below: its 补录 appear when opened.
    const folded = within(card).getByRole('button', { name: /^开始使用台账前未补录 \d+ 项/ });
    expect(folded.getAttribute('aria-expanded')).toBe('false');
    expect(within(card).queryByRole('button', { name: '补录 1月：支委会' })).toBeNull();
    fireEvent.click(folded);
    expect(await within(card).findByRole('button', { name: '补录 1月：支委会' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: '补录 第一季度：支部党员大会' })).toBeTruthy();
  });

  it('leads from 谈心谈话 to the 党员名册 while it is empty', async () => {
    const branch = await newBranch();
    render(
      <AppProviders>
        <Dashboard branch={branch} />
      </AppProviders>,
    );
    const talks = await screen.findByRole('group', { name: '谈心谈话' }, { timeout: 10_000 });
    expect(talks.textContent).toContain('党员名册还没有党员');
    expect(within(talks).getByRole('link', { name: '去录入党员' }).getAttribute('href')).toBe('#/branch?tab=members');
  });
});
