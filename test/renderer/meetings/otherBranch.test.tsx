// 工作记录 after a switch of the current branch: a 人员 or 阵地 filter of the other branch is dropped (from the address
// too) instead of showing a raw id over an empty list; a record of the other branch names that branch and offers to
// switch to it or to go back to this branch's list.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { createMeeting, listVenueChoices } from '../../../renderer/src/db/repositories/meetings';
import { db } from '../../../renderer/src/db/db';
import { getCurrentBranchId, setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { FilterSelect } from '../../../renderer/src/features/meetings/FilterSelect';
import { MeetingsPage } from '../../../renderer/src/features/meetings/MeetingsPage';
import { MeetingView } from '../../../renderer/src/features/meetings/MeetingView';
import { ownFilter, recordsHref, recordsViewFromHash } from '../../../renderer/src/features/meetings/recordsRoute';
import { meetingInput, seed, setChinaNow } from './fixtures';

beforeEach(() => setChinaNow('2030-12-31T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/records');
});

describe('ownFilter', () => {
  it('drops a 人员 or 阵地 the branch does not have, and keeps everything else', () => {
    const filter = { kind: '支委会' as const, year: 2030, memberId: 'm-other', venueId: 'v1' };
    expect(ownFilter(filter, new Set(['m1']), new Set(['v1']))).toEqual({ kind: '支委会', year: 2030, venueId: 'v1' });
    expect(ownFilter(filter, new Set(['m1']), new Set())).toEqual({ kind: '支委会', year: 2030 });
    // Nothing foreign: the same filter, so the page does not rewrite the address.
    const own = { kind: '支委会' as const, memberId: 'm1' };
    expect(ownFilter(own, new Set(['m1']), new Set())).toBe(own);
  });
});

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('工作记录 of another branch', { timeout: 40_000 }, () => {
  it('drops a person filter of the other branch from the list and its address; the filter box never shows an id', async () => {
    const { branch, chen } = await seed();
    await setCurrentBranchId(branch.id);
    await createMeeting(branch.id, meetingInput({ topic: '甲支部的支委会' }));
    window.history.replaceState(
      null,
      '',
      recordsHref({ view: 'list', filter: { kind: '支委会', memberId: chen.id, venueId: 'v-of-other' } }),
    );
    render(
      <AppProviders>
        <MeetingsPage />
      </AppProviders>,
    );
    const table = await screen.findByRole('table');
    await waitFor(() =>
      expect(recordsViewFromHash(window.location.hash)).toEqual({ view: 'list', filter: { kind: '支委会' } }),
    );
    await waitFor(() => expect(within(table).getByRole('link', { name: '甲支部的支委会' })).toBeTruthy());
    const person = screen.getByLabelText('人员').closest('.ant-select')!;
    expect(person.textContent).not.toContain(chen.id);
    expect(person.textContent).toContain('全部');
    expect(screen.getByLabelText('阵地').closest('.ant-select')!.textContent).not.toContain('v-of-other');
  });

  it('a filter select reads 「（其他支部的人员）」 for a value none of its options has', () => {
    render(
      <AppProviders>
        <FilterSelect
          id="filter-person"
          label="人员"
          value="bc47e8d5-904e-4c1f-9a5e-000000000000"
          options={[{ value: 'm1', label: '张三' }]}
          onChange={() => undefined}
        />
      </AppProviders>,
    );
    const box = screen.getByLabelText('人员').closest('.ant-select')!;
    expect(box.textContent).toContain('（其他支部的人员）');
    expect(box.textContent).not.toContain('bc47e8d5');
  });

  it('a record of the other branch names it, switches to it, or goes back to this branch’s list', async () => {
    const { branch, other } = await seed();
    await setCurrentBranchId(other.id);
    const meeting = await createMeeting(branch.id, meetingInput());
    window.history.replaceState(null, '', recordsHref({ view: 'show', id: meeting.id }));
    const members = await db.members.where('branchId').equals(other.id).toArray();
    render(
      <AppProviders>
        <MeetingView id={meeting.id} branch={other} members={members} venues={await listVenueChoices(other.id)} />
      </AppProviders>,
    );
    expect(await screen.findByText('该记录属于「甲支部」')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '定稿' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '返回本支部记录列表' }));
    expect(window.location.hash).toBe('#/records');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '切换到「甲支部」' }));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await waitFor(async () => expect(await getCurrentBranchId()).toBe(branch.id));
  });
});
