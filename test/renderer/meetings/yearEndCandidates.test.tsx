// A 2030年度组织生活会 recorded in January 2031 before 所属年度 existed counts in 2031: the 2030 工作台, lacking one,
// names it, and one click counts it for 2030 (a 已定稿 one through a logged 更正).
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import {
  countingBetween,
  createMeeting,
  finalizeMeeting,
  listAmendments,
} from '../../../renderer/src/db/repositories/meetings';
import {
  countForPreviousYear,
  previousYearCandidates,
  previousYearReason,
} from '../../../renderer/src/db/repositories/yearEnd';
import { LateYearEndHint } from '../../../renderer/src/features/dashboard/LateYearEndHint';
import { meetingInput, present, seed, setChinaNow } from './fixtures';

beforeEach(() => setChinaNow('2031-11-20T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const held = (kind: '组织生活会' | '民主评议党员' | '支委会', date: string, topic = `${kind}${date}`) =>
  meetingInput({ kind, topic, date });

/** As an older build stored it: no 所属年度, so it counts in the year of its date. */
async function olderRecord(
  branchId: string,
  kind: '组织生活会' | '民主评议党员' | '支委会',
  date: string,
  people: object,
) {
  const m = await createMeeting(branchId, { ...held(kind, date), ...people });
  expect(m.forYear).toBeUndefined();
  return m;
}

describe('year-end records kept before 所属年度', () => {
  it('names those held 1 Jan – 31 Mar after a year lacking their kind, and only those', async () => {
    const { branch, zhang } = await seed();
    const people = { attendance: present(zhang) };
    const life = await olderRecord(branch.id, '组织生活会', '2031-01-20', people);
    const review = await olderRecord(branch.id, '民主评议党员', '2031-03-31', people);
    await olderRecord(branch.id, '支委会', '2031-01-21', people);
    await olderRecord(branch.id, '组织生活会', '2031-04-01', people);
    expect((await previousYearCandidates(branch.id, 2030)).map((m) => m.id)).toEqual([life.id, review.id]);
    // A year that has its own 民主评议党员 is not offered another.
    await createMeeting(branch.id, { ...held('民主评议党员', '2030-12-10'), ...people });
    expect((await previousYearCandidates(branch.id, 2030)).map((m) => m.id)).toEqual([life.id]);
    // 2031's candidates would be held in 2032.
    expect(await previousYearCandidates(branch.id, 2031)).toEqual([]);
  });

  it('counts a finalised one for the year before through a logged 更正, and a draft by a plain save', async () => {
    const { branch, zhang } = await seed();
    const people = { attendance: present(zhang) };
    const life = await olderRecord(branch.id, '组织生活会', '2031-01-20', people);
    await finalizeMeeting(life.id);
    const review = await olderRecord(branch.id, '民主评议党员', '2031-02-18', people);

    const moved = await countForPreviousYear(life.id);
    expect(moved).toMatchObject({ forYear: 2030, status: '已定稿', seq: 1 });
    const [amendment] = await listAmendments(life.id);
    expect(amendment).toMatchObject({ action: 'amend', reason: previousYearReason(life, 2030) });
    expect((await countForPreviousYear(review.id)).status).toBe('草稿');
    expect((await countingBetween(branch.id, '2030-01-01', '2030-12-31')).map((m) => m.id).sort()).toEqual(
      [life.id, review.id].sort(),
    );
    expect(await countingBetween(branch.id, '2031-01-01', '2031-12-31')).toEqual([]);
    expect(await previousYearCandidates(branch.id, 2030)).toEqual([]);
    // Once counted it is not offered (nor movable) again.
    await expect(countForPreviousYear(life.id)).rejects.toThrow('该记录已计入2030年度');
    const april = await olderRecord(branch.id, '组织生活会', '2031-04-02', people);
    await expect(countForPreviousYear(april.id)).rejects.toThrow('1月1日至3月31日');
  });

  it('the 工作台 hint asks first, then counts it and goes away', async () => {
    const { branch, zhang } = await seed();
    const life = await olderRecord(branch.id, '组织生活会', '2031-01-20', { attendance: present(zhang) });
    await finalizeMeeting(life.id);
    render(
      <AppProviders>
        <LateYearEndHint branchId={branch.id} year={2030} />
      </AppProviders>,
    );
    expect(await screen.findByText('2030年度的组织生活会可能在次年年初召开')).toBeTruthy();
    expect(screen.getByRole('link', { name: /2031年1月20日 组织生活会「组织生活会2031-01-20」/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '计入2030年度：组织生活会2031-01-20' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('该记录已定稿，将以“更正”记入操作日志');
    expect((await db.meetings.get(life.id))!.forYear).toBeUndefined();
    fireEvent.click(within(dialog).getByRole('button', { name: '计入2030年度' }));
    await waitFor(async () => expect((await db.meetings.get(life.id))!.forYear).toBe(2030));
    await waitFor(() => expect(screen.queryByText('2030年度的组织生活会可能在次年年初召开')).toBeNull());
  });
});
