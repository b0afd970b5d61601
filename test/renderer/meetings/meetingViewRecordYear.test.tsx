// The record view and 所属年度: a record held in January for the year before says so in its own row; an ordinary
// record has no such row, and no empty cell where it would be (antd draws a '' child as an item).
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createMeeting, listVenueChoices } from '../../../renderer/src/db/repositories/meetings';
import { MeetingView } from '../../../renderer/src/features/meetings/MeetingView';
import { meetingInput, present, seed, setChinaNow } from './fixtures';

beforeEach(() => setChinaNow('2031-02-20T10:00:00'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function view(id: string, branchId: string) {
  const branch = (await db.branches.get(branchId))!;
  const members = await db.members.where('branchId').equals(branchId).toArray();
  render(
    <AppProviders>
      <MeetingView id={id} branch={branch} members={members} venues={await listVenueChoices(branchId)} />
    </AppProviders>,
  );
  await screen.findByText('会议类型');
  return [...document.querySelectorAll('.ant-descriptions-item-label')].map((l) => l.textContent);
}

describe('record view: 所属年度', { timeout: 40_000 }, () => {
  it('an ordinary record has no 所属年度 row and no empty cell', async () => {
    const { branch, zhang } = await seed();
    const m = await createMeeting(branch.id, meetingInput({ date: '2031-01-10', attendance: present(zhang) }));
    const labels = await view(m.id, branch.id);
    expect(labels).not.toContain('所属年度');
    expect(labels.filter((l) => !l)).toEqual([]);
    expect(screen.getByText('支委会（本年度第1次，暂定：定稿时按日期排定）')).toBeTruthy();
  });

  it('a 2030 组织生活会 held in January 2031 is 2030年度第1次 with its own row', async () => {
    const { branch, zhang } = await seed();
    const m = await createMeeting(
      branch.id,
      meetingInput({ kind: '组织生活会', date: '2031-01-10', forYear: 2030, attendance: present(zhang) }),
    );
    const labels = await view(m.id, branch.id);
    expect(labels).toContain('所属年度');
    expect(labels.filter((l) => !l)).toEqual([]);
    expect(screen.getByText('2030年度（次年年初召开，计入2030年度）')).toBeTruthy();
    expect(screen.getByText('组织生活会（2030年度第1次，暂定：定稿时按日期排定）')).toBeTruthy();
  });
});
