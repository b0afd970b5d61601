// 「共 N 条」 and the calendar's 年 view: the count of every filter equals the records the list pages through, and each
// month of the year says how many records of which kind it holds.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import {
  createMeeting,
  deleteMeeting,
  finalizeMeeting,
  listMeetings,
  type MeetingCursor,
  type MeetingFilter,
} from '../../../renderer/src/db/repositories/meetings';
import { setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { MeetingsPage } from '../../../renderer/src/features/meetings/MeetingsPage';
import { countMeetings } from '../../../renderer/src/features/meetings/meetingCounts';
import { recordsHref } from '../../../renderer/src/features/meetings/recordsRoute';
import { meetingInput, present, seed, setChinaNow } from './fixtures';

beforeEach(() => setChinaNow('2030-12-31T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/records');
});

/** Every record listMeetings yields for a filter, page after page. */
async function listedAll(branchId: string, filter: MeetingFilter): Promise<number> {
  let n = 0;
  let cursor: MeetingCursor | undefined;
  do {
    const page = await listMeetings(branchId, filter, cursor, 7);
    n += page.items.length;
    cursor = page.next;
  } while (cursor);
  return n;
}

/** 甲支部: 25 records over 2029–2030 of three kinds, some finalised, at the venue or not, one deleted; 乙支部: two. */
async function records() {
  const { branch, other, zhang, li, chen, venue } = await seed();
  const kinds = ['支委会', '党小组会', '主题党日'] as const;
  const ids: string[] = [];
  for (let i = 0; i < 25; i++) {
    const m = await createMeeting(
      branch.id,
      meetingInput({
        kind: kinds[i % 3],
        date: `${2029 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`,
        topic: `第${i + 1}项`,
        attendance: i % 4 === 0 ? present(zhang) : present(zhang, li),
        ...(i % 3 === 1 ? { partyGroupId: 'g1' } : {}),
        ...(i % 5 === 0 ? { venueId: venue.id } : {}),
      }),
    );
    if (i % 2 === 0) await finalizeMeeting(m.id);
    ids.push(m.id);
  }
  await deleteMeeting(ids[3]!);
  await createMeeting(other.id, meetingInput({ date: '2030-03-10', attendance: present(chen) }));
  await createMeeting(other.id, meetingInput({ date: '2029-03-10', attendance: present(chen) }));
  return { branch, zhang, li, venue };
}

describe('countMeetings', () => {
  it('counts what the list pages through, for every filter and combination', async () => {
    const { branch, zhang, li, venue } = await records();
    const filters: MeetingFilter[] = [
      {},
      { year: 2030 },
      { year: 2029, month: 3 },
      { kind: '支委会' },
      { kind: '党小组会', year: 2030 },
      { status: '草稿' },
      { status: '已定稿', year: 2029 },
      { venueId: venue.id },
      { memberId: li.id },
      { memberId: zhang.id, kind: '主题党日', status: '已定稿' },
      { venueId: venue.id, year: 2030, status: '草稿' },
    ];
    const counted = [];
    const listed = [];
    for (const f of filters) {
      counted.push(await countMeetings(branch.id, f));
      listed.push(await listedAll(branch.id, f));
    }
    expect(counted).toEqual(listed);
    // The deleted record is not counted, nor 乙支部's.
    expect(counted[0]).toBe(24);
    expect(counted.every((n) => n >= 0)).toBe(true);
    expect(counted.filter((n) => n > 0).length).toBeGreaterThan(8);
  });

  it('counts a search, narrowed by the filters, as the list finds it', async () => {
    const { branch, li, venue } = await records();
    const cases: [MeetingFilter, number][] = [
      // Topics 第1项 … 第25项 (第4项 deleted): 「第1」 is one bigram, its list is its matches.
      [{ query: '第1' }, 11],
      // 第11项 has both bigrams of 「第1项」 but not the words: confirmed on the record, not counted.
      [{ query: '第1项' }, 1],
      [{ query: '第1', year: 2030 }, 5],
      [{ query: '第1', kind: '支委会' }, 5],
      [{ query: '第1', status: '草稿' }, 5],
      [{ query: '第1', memberId: li.id, year: 2029 }, 3],
      [{ query: '第2', venueId: venue.id }, 1],
      [{ query: '文件精神' }, 24],
      [{ query: '文件精神', year: 2029, month: 3 }, 2],
      [{ query: '乡村振兴' }, 0],
      // Too short for the index: nothing, as the list finds nothing.
      [{ query: '第' }, 0],
    ];
    for (const [filter, expected] of cases) {
      expect(await countMeetings(branch.id, filter), JSON.stringify(filter)).toBe(expected);
      expect(await listedAll(branch.id, filter), JSON.stringify(filter)).toBe(expected);
    }
  });
});

describe('records list and calendar', { timeout: 40_000 }, () => {
  async function open(hash: string) {
    window.history.replaceState(null, '', hash);
    render(
      <AppProviders>
        <MeetingsPage />
      </AppProviders>,
    );
    return screen.findByRole('table');
  }

  it('says how many records the filters match: 「共 N 条」', async () => {
    const { branch } = await records();
    await setCurrentBranchId(branch.id);
    await open(recordsHref({ view: 'list', filter: { kind: '支委会' } }));
    // 9 支委会 (i = 0, 3, …, 24) less the deleted one; 20 a page, so all are listed.
    expect(await screen.findByText('共 8 条')).toBeTruthy();
    cleanup();
    await open('#/records');
    expect(await screen.findByText('共 24 条，已列出 20 条')).toBeTruthy();
  });

  it('shows each month of the 年 view with its number of records by kind', async () => {
    const { branch } = await seed();
    await setCurrentBranchId(branch.id);
    await createMeeting(branch.id, meetingInput({ kind: '支委会', date: '2030-03-05' }));
    await createMeeting(branch.id, meetingInput({ kind: '党小组会', partyGroupId: 'g1', date: '2030-03-12' }));
    await createMeeting(branch.id, meetingInput({ kind: '党小组会', partyGroupId: 'g1', date: '2030-03-20' }));
    await createMeeting(branch.id, meetingInput({ kind: '主题党日', date: '2030-07-01' }));
    await createMeeting(branch.id, meetingInput({ kind: '支委会', date: '2029-03-05' }));
    await open('#/records');
    act(() => screen.getByText('日历').click());
    act(() => screen.getByText('年', { selector: '.ant-radio-button-wrapper *, .ant-segmented-item-label' }).click());
    await waitFor(() => expect(screen.getByTitle('3 条：支委会 1、党小组会 2')).toBeTruthy());
    expect(screen.getByTitle('1 条：主题党日 1')).toBeTruthy();
    expect(screen.getAllByTitle(/条：/)).toHaveLength(2);
    // A month's name is shown once; a month gone by without records says so (2030-12-31: all twelve have begun).
    expect(screen.getAllByText('1月')).toHaveLength(1);
    expect(screen.getAllByText('无记录')).toHaveLength(10);
  });
});
