// A venue's page in a DOM: the 七有 note saved as it is typed, 移除 of an evidence photo asked first, the records held
// there opening the record itself, and correcting or deleting 复查 entries and the venue.
import { Blob as NodeBlob } from 'node:buffer';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEVEN_HAVES } from '../../../shared/domain/vocab';
import { type Meeting, type VenueInput } from '../../../shared/schemas/entities';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { addVenueCheck, createVenue, setChecklistItem } from '../../../renderer/src/db/repositories/venues';
import { buildPostings, toBuckets } from '../../../renderer/src/db/search/postings';
import { VenueView } from '../../../renderer/src/features/venues/VenueView';

// The page is large and this machine shared: give first renders and live queries time (the file runs isolated).
configure({ asyncUtilTimeout: 8000 });

beforeEach(() => {
  vi.stubGlobal('Blob', NodeBlob);
  window.location.hash = '#/venues';
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const inApp = (ui: ReactNode) => render(<AppProviders>{ui}</AppProviders>);

const room = (overrides: Partial<VenueInput> = {}): VenueInput => ({
  name: '机关党员活动室',
  kind: '党员活动室',
  address: '',
  areaM2: 48,
  capacity: 30,
  manager: '',
  ...overrides,
});

async function setUp(overrides: Partial<VenueInput> = {}) {
  const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  const venue = await createVenue(branch.id, room(overrides));
  return { branchId: branch.id, venue };
}

const storedItem = async (venueId: string, key: string) =>
  (await db.venues.get(venueId))!.checklist.find((c) => c.key === key)!;

async function addMeetings(branchId: string, venueId: string, count: number) {
  const meetings = Array.from({ length: count }, (_, i) => {
    const day = String(i + 1).padStart(2, '0');
    return {
      id: `m${day}`,
      branchId,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      kind: '支委会',
      seq: i + 1,
      date: `2025-01-${day}`,
      venueId,
      topic: `第${i + 1}次支委会`,
      agenda: '',
      content: '',
      speeches: '',
      resolutions: '',
      attendeeIds: [],
      attendance: [],
    } as unknown as Meeting;
  });
  await db.meetings.bulkAdd(meetings);
  await db.searchBuckets.bulkAdd(toBuckets(buildPostings(meetings)));
}

describe('VenueView', () => {
  it('saves a 七有 note while it is typed, without leaving the box, and says 已保存', async () => {
    const { venue } = await setUp();
    inApp(<VenueView venueId={venue.id} />);
    const group = await screen.findByRole('group', { name: '有党旗、入党誓词、党员权利义务标牌' });
    const note = within(group).getByLabelText('说明');
    act(() => note.focus());
    fireEvent.change(note, { target: { value: '党旗、入党誓词悬挂于正面墙 ' } });
    await waitFor(async () => expect((await storedItem(venue.id, 'signs')).note).toBe('党旗、入党誓词悬挂于正面墙'));
    expect(await within(group).findByText('已保存')).toBeTruthy();
    // Still the box being typed in, with what was typed (the trailing space too).
    expect(document.activeElement).toBe(note);
    expect((note as HTMLTextAreaElement).value).toBe('党旗、入党誓词悬挂于正面墙 ');
  });

  it('each 七有 item’s note shows an example of its own, not the 党旗 example under every item', async () => {
    const { venue } = await setUp();
    inApp(<VenueView venueId={venue.id} />);
    const placeholder = async (item: string) =>
      within(await screen.findByRole('group', { name: item }))
        .getByLabelText('说明')
        .getAttribute('placeholder');
    expect(await placeholder('有党旗、入党誓词、党员权利义务标牌')).toContain('党旗');
    const examples = await Promise.all(SEVEN_HAVES.map((item) => placeholder(item.label)));
    expect(new Set(examples).size).toBe(SEVEN_HAVES.length);
    expect(await placeholder('有电教设备')).not.toContain('党旗');
  });

  it('a check just registered: the focus goes to its row at the top of the history, out of view above the form', async () => {
    const { venue } = await setUp();
    await addVenueCheck(venue.id, { date: '2025-05-20', inspector: '张三', findings: '', nextDueDate: '' });
    inApp(<VenueView venueId={venue.id} />);
    const form = await screen.findByRole('form', { name: '登记复查' });
    const date = within(form).getByLabelText(/^复查日期/);
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '2025-11-20' } });
    fireEvent.keyDown(date, { key: 'Enter' });
    fireEvent.change(within(form).getByLabelText(/^检查人/), { target: { value: '李四' } });
    fireEvent.click(within(form).getByRole('button', { name: '登记复查' }));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('修改 2025-11-20 的复查记录'));
    expect(await db.venueChecks.count()).toBe(2);
  });

  it('saves a note typed just before leaving the page', async () => {
    const { venue } = await setUp();
    const view = inApp(<VenueView venueId={venue.id} />);
    const group = await screen.findByRole('group', { name: '有党旗、入党誓词、党员权利义务标牌' });
    fireEvent.change(within(group).getByLabelText('说明'), { target: { value: '标牌齐全' } });
    view.unmount();
    await waitFor(async () => expect((await storedItem(venue.id, 'signs')).note).toBe('标牌齐全'));
  });

  it('asks before removing an evidence photo; 保留 keeps it', async () => {
    const { branchId, venue } = await setUp();
    await db.attachments.add({
      id: 'photo-1',
      branchId,
      createdAt: venue.createdAt,
      updatedAt: venue.createdAt,
      name: '荣誉栏.jpg',
      mime: 'image/jpeg',
      size: 3,
      sha256: 'a'.repeat(64),
      blob: new Blob(['abc']),
    });
    await setChecklistItem(venue.id, 'honors', { ok: true, attachmentIds: ['photo-1'] });
    inApp(<VenueView venueId={venue.id} />);

    fireEvent.click(await screen.findByRole('button', { name: '移除 荣誉栏.jpg' }));
    const ask = await screen.findByRole('dialog', { name: '移除这张佐证照片？' });
    fireEvent.click(within(ask).getByRole('button', { name: '保留' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await storedItem(venue.id, 'honors')).attachmentIds).toEqual(['photo-1']);

    fireEvent.click(screen.getByRole('button', { name: '移除 荣誉栏.jpg' }));
    // The first dialog may still be fading out: the question just asked is the last one.
    await waitFor(() =>
      expect(screen.getAllByRole('dialog', { name: '移除这张佐证照片？' }).length).toBeGreaterThan(0),
    );
    const asked = screen.getAllByRole('dialog', { name: '移除这张佐证照片？' }).at(-1)!;
    fireEvent.click(within(asked).getByRole('button', { name: '移除' }));
    await waitFor(async () => expect((await storedItem(venue.id, 'honors')).attachmentIds).toEqual([]));
  });

  it('links each record held there to the record itself, and says when the list is cut', async () => {
    const { branchId, venue } = await setUp();
    await addMeetings(branchId, venue.id, 21);
    inApp(<VenueView venueId={venue.id} />);
    const link = await screen.findByRole('link', { name: '第21次支委会' });
    expect(link.getAttribute('href')).toBe('#/records?id=m21');
    expect(screen.queryByRole('link', { name: '第1次支委会' })).toBeNull();
    expect(screen.getByText(/以上仅列出最近 20 条/).textContent).toContain('在“阵地”筛选中选择「机关党员活动室」');
  });

  it('corrects a 复查 in a dialog and deletes one after confirming', async () => {
    const { venue } = await setUp();
    const check = await addVenueCheck(venue.id, { date: '2025-11-20', inspector: '蒋国栋', nextDueDate: '2026-05-20' });
    inApp(<VenueView venueId={venue.id} />);

    fireEvent.click(await screen.findByRole('button', { name: '修改 2025-11-20 的复查记录' }));
    const dialog = await screen.findByRole('dialog', { name: '修改复查记录（2025-11-20）' });
    fireEvent.change(within(dialog).getByLabelText('检查人'), { target: { value: '蒋国桐' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存修改' }));
    await waitFor(async () => expect((await db.venueChecks.get(check.id))!.inspector).toBe('蒋国桐'));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /修改复查记录/ })).toBeNull());

    fireEvent.click(await screen.findByRole('button', { name: '删除 2025-11-20 的复查记录' }));
    const popover = (await screen.findByText('删除这条复查记录？')).closest('.ant-popover') as HTMLElement;
    expect(await db.venueChecks.count()).toBe(1);
    fireEvent.click(within(popover).getByRole('button', { name: '删除' }));
    await waitFor(async () => expect(await db.venueChecks.count()).toBe(0));
    expect((await listAudit('venueCheck', check.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(await screen.findByText('尚无复查记录')).toBeTruthy();
  });

  it('deletes an unused venue after confirming; a used one says why it cannot', async () => {
    const { branchId, venue } = await setUp({ name: '第二会议室' });
    inApp(<VenueView venueId={venue.id} />);
    fireEvent.click(await screen.findByRole('button', { name: /删除阵地/ }));
    const popover = (await screen.findByText('删除阵地「第二会议室」？')).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popover).getByRole('button', { name: '删除' }));
    await waitFor(async () => expect(await db.venues.get(venue.id)).toBeUndefined());
    expect(window.location.hash).toBe('#/venues');
    cleanup();

    const used = await createVenue(branchId, room());
    await addMeetings(branchId, used.id, 1);
    inApp(<VenueView venueId={used.id} />);
    await screen.findByRole('link', { name: '第1次支委会' });
    fireEvent.click(screen.getByRole('button', { name: /删除阵地/ }));
    expect(await screen.findByText('不能删除该阵地')).toBeTruthy();
    expect(screen.getByText(/该阵地已有在此开展的活动记录，不能删除/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '删除' })).toBeNull();
    expect(await db.venues.get(used.id)).toBeDefined();
  });

  it('shows 七有 as not applicable for a 宣传栏 instead of a 0/7 bar', async () => {
    const { venue } = await setUp({ name: '党建宣传栏', kind: '党建宣传栏', areaM2: 4.8 });
    inApp(<VenueView venueId={venue.id} />);
    expect(await screen.findByText('七有标准适用于党员活动室，党建宣传栏不按“七有”逐项核对。')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(/已具备 0\/7/)).toBeNull();
    expect(screen.queryByRole('group', { name: '有荣誉栏' })).toBeNull();
  });
});
