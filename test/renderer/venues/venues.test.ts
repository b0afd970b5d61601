// Venue repository: the 七有 checklist, the 固定场所 area warning, re-checks and their due list, records held there.
import { describe, expect, it } from 'vitest';
import { SEVEN_HAVES } from '../../../shared/domain/vocab';
import { type Meeting, type VenueInput } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import { buildPostings, toBuckets } from '../../../renderer/src/db/search/postings';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { NotFoundError, ValidationError } from '../../../renderer/src/db/repositories/errors';
import {
  addVenueCheck,
  createVenue,
  dueVenueChecks,
  listVenueChecks,
  listVenues,
  meetingsAtVenue,
  setChecklistItem,
  sevenHavesProgress,
  updateVenue,
  venueChecklistWarnings,
} from '../../../renderer/src/db/repositories/venues';

const room = (overrides: Partial<VenueInput> = {}): VenueInput => ({
  name: '党员活动室',
  kind: '党员活动室',
  address: '办公楼三层 305',
  areaM2: 48,
  capacity: 30,
  manager: '李四',
  ...overrides,
});

async function branch(name = '甲支部') {
  return createBranch({ name, termStart: '2023-03-01', termEnd: '2026-02-28' });
}

async function issuesOf(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

describe('venues', () => {
  it('a new venue has all seven 七有 items in order, none met, and is audited', async () => {
    const { id: branchId } = await branch();
    const venue = await createVenue(branchId, room());
    expect(venue.checklist.map((c) => c.key)).toEqual(SEVEN_HAVES.map((s) => s.key));
    expect(venue.checklist.every((c) => !c.ok && c.note === '' && c.attachmentIds.length === 0)).toBe(true);
    expect(sevenHavesProgress(venue)).toEqual({ done: 0, total: 7 });
    expect((await listAudit('venue', venue.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('lists a branch’s venues in pinyin order, and only its own', async () => {
    const a = await branch('甲支部');
    const b = await branch('乙支部');
    await createVenue(a.id, room({ name: '党建宣传栏', kind: '党建宣传栏' }));
    await createVenue(a.id, room({ name: '党员先锋岗', kind: '党员先锋岗' }));
    await createVenue(b.id, room({ name: '乙支部活动室' }));
    expect((await listVenues(a.id)).map((v) => v.name)).toEqual(['党建宣传栏', '党员先锋岗']);
  });

  it('refuses invalid input with Chinese messages and writes nothing', async () => {
    const { id: branchId } = await branch();
    const issues = await issuesOf(createVenue(branchId, room({ name: ' ', areaM2: -3, capacity: 2.5 })));
    expect(issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['请填写阵地名称', '面积不能为负数', '容纳人数应为整数']),
    );
    expect(await db.venues.count()).toBe(0);
    await expect(createVenue('ghost', room())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('update keeps the checklist and audits which fields changed', async () => {
    const { id: branchId } = await branch();
    const venue = await createVenue(branchId, room());
    await setChecklistItem(venue.id, 'signs', { ok: true, note: '党旗悬挂于正面墙' });
    const unchanged = await updateVenue(venue.id, room());
    expect(unchanged.updatedAt).toBe((await db.venues.get(venue.id))!.updatedAt);
    const after = await updateVenue(venue.id, room({ areaM2: 60, manager: '王五' }));
    expect(after.checklist.find((c) => c.key === 'signs')).toMatchObject({ ok: true, note: '党旗悬挂于正面墙' });
    const audit = await listAudit('venue', venue.id);
    expect(audit.at(-1)!.summary).toBe('修改了阵地「党员活动室」的面积、管理人');
  });

  it('ticks a 七有 item with a note and evidence; warns (not refuses) when 固定场所 is ticked under 20 ㎡', async () => {
    const { id: branchId } = await branch();
    const small = await createVenue(branchId, room({ areaM2: 12 }));
    await db.attachments.add({
      id: 'photo-1',
      branchId,
      createdAt: small.createdAt,
      updatedAt: small.createdAt,
      name: '现场.jpg',
      mime: 'image/jpeg',
      size: 3,
      sha256: 'a'.repeat(64),
      blob: new Blob(['abc']),
    });
    const { venue, warning } = await setChecklistItem(small.id, 'place', {
      ok: true,
      note: '独立房间',
      attachmentIds: ['photo-1'],
    });
    expect(warning).toContain('不足 20 ㎡');
    expect(venue.checklist.find((c) => c.key === 'place')).toMatchObject({ ok: true, attachmentIds: ['photo-1'] });
    expect(sevenHavesProgress((await db.venues.get(small.id))!)).toEqual({ done: 1, total: 7 });

    // Enlarged to 20 ㎡: consistent, no warning.
    const enlarged = await updateVenue(small.id, room({ areaM2: 20 }));
    expect(venueChecklistWarnings(enlarged).place).toBeUndefined();
    expect(venueChecklistWarnings({ ...enlarged, areaM2: 19.5 }).place).toBeDefined();

    // Evidence must be the branch's own files.
    const other = await branch('乙支部');
    await db.attachments.add({ ...(await db.attachments.get('photo-1'))!, id: 'foreign', branchId: other.id });
    const issues = await issuesOf(setChecklistItem(small.id, 'honors', { ok: true, attachmentIds: ['foreign'] }));
    expect(issues[0]!.message).toContain('不属于本支部');
    expect((await db.venues.get(small.id))!.checklist.find((c) => c.key === 'honors')!.ok).toBe(false);
  });

  it('keeps both of two quick changes to one item: a note, then a photo sent before the note came back', async () => {
    const { id: branchId } = await branch();
    const venue = await createVenue(branchId, room());
    const at = venue.createdAt;
    await db.attachments.add({
      id: 'photo-2',
      branchId,
      createdAt: at,
      updatedAt: at,
      name: '标牌.jpg',
      mime: 'image/jpeg',
      size: 3,
      sha256: 'b'.repeat(64),
      blob: new Blob(['abc']),
    });
    // The page sends each change as it happens, without waiting for the one before.
    await Promise.all([
      setChecklistItem(venue.id, 'signs', { note: '党旗悬挂于正面墙' }),
      setChecklistItem(venue.id, 'signs', { attachmentIds: ['photo-2'] }),
      setChecklistItem(venue.id, 'signs', { ok: true }),
    ]);
    expect((await db.venues.get(venue.id))!.checklist.find((c) => c.key === 'signs')).toEqual({
      key: 'signs',
      ok: true,
      note: '党旗悬挂于正面墙',
      attachmentIds: ['photo-2'],
    });
    // A wrong field is refused, in Chinese, and the stored item stays as it was.
    const stored = (await db.venues.get(venue.id))!;
    const issues = await issuesOf(setChecklistItem(venue.id, 'signs', { note: 'x'.repeat(201) }));
    expect(issues.map((i) => i.path)).toEqual(['note']);
    expect(issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await db.venues.get(venue.id)).toEqual(stored);
  });

  it('re-checks: next due date must come after the check; history is latest first', async () => {
    const { id: branchId } = await branch();
    const venue = await createVenue(branchId, room());
    const issues = await issuesOf(
      addVenueCheck(venue.id, { date: '2025-03-01', inspector: '张三', nextDueDate: '2025-02-01' }),
    );
    expect(issues).toEqual([{ path: 'nextDueDate', message: '下次复查日期必须晚于本次复查日期' }]);
    await expect(
      addVenueCheck(venue.id, { date: '2025-03-01', inspector: '张三', nextDueDate: '2025-03-01' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.venueChecks.count()).toBe(0);

    await addVenueCheck(venue.id, { date: '2024-09-01', inspector: '张三', nextDueDate: '2025-03-01' });
    const latest = await addVenueCheck(venue.id, {
      date: '2025-03-02',
      inspector: '李四',
      findings: '宣传栏内容已更新',
      nextDueDate: '2025-09-01',
    });
    expect(latest.branchId).toBe(branchId);
    expect((await listVenueChecks(venue.id)).map((c) => c.date)).toEqual(['2025-03-02', '2024-09-01']);
    expect((await listAudit('venueCheck', latest.id))[0]!.summary).toContain('李四');
  });

  it('due list: only each venue’s latest check, due on or before the day, most overdue first', async () => {
    const a = await branch('甲支部');
    const b = await branch('乙支部');
    const room1 = await createVenue(a.id, room({ name: '活动室' }));
    const board = await createVenue(a.id, room({ name: '宣传栏', kind: '党建宣传栏' }));
    const post = await createVenue(a.id, room({ name: '先锋岗', kind: '党员先锋岗' }));
    const elsewhere = await createVenue(b.id, room({ name: '乙活动室' }));

    // 活动室: an old check, superseded by a later one that is due in the future.
    await addVenueCheck(room1.id, { date: '2024-01-10', inspector: '张三', nextDueDate: '2024-07-10' });
    await addVenueCheck(room1.id, { date: '2024-07-12', inspector: '张三', nextDueDate: '2025-07-12' });
    const boardDue = await addVenueCheck(board.id, {
      date: '2024-06-01',
      inspector: '李四',
      nextDueDate: '2025-01-31',
    });
    const postDue = await addVenueCheck(post.id, { date: '2024-03-01', inspector: '李四', nextDueDate: '2024-12-01' });
    // No next date planned: never due.
    await addVenueCheck(post.id, { date: '2023-01-01', inspector: '王五' });
    await addVenueCheck(elsewhere.id, { date: '2024-01-01', inspector: '赵六', nextDueDate: '2024-02-01' });

    expect((await dueVenueChecks(a.id, '2025-01-31')).map((c) => c.id)).toEqual([postDue.id, boardDue.id]);
    expect((await dueVenueChecks(a.id, '2025-01-30')).map((c) => c.id)).toEqual([postDue.id]);
    expect(await dueVenueChecks(a.id, '2024-11-30')).toEqual([]);
  });

  it('lists the records held at a venue, latest first, limited', async () => {
    const { id: branchId } = await branch();
    const venue = await createVenue(branchId, room());
    const base = { branchId, createdAt: venue.createdAt, updatedAt: venue.createdAt, kind: '支委会', seq: 1 };
    const text = { agenda: '', content: '', speeches: '', resolutions: '', attendeeIds: [], attendance: [] };
    const meeting = (id: string, date: string, venueId: string) =>
      ({ ...base, ...text, id, date, venueId, topic: `会议 ${id}` }) as unknown as Meeting;
    const meetings = [
      meeting('m1', '2025-01-10', venue.id),
      meeting('m2', '2025-03-10', venue.id),
      meeting('m3', '2025-02-10', venue.id),
      meeting('m4', '2025-04-10', 'another-venue'),
    ];
    await db.meetings.bulkAdd(meetings);
    // A venue's records are read from its list in the search buckets (v5), which the repository or a restore writes.
    await db.searchBuckets.bulkAdd(toBuckets(buildPostings(meetings)));
    expect((await meetingsAtVenue(branchId, venue.id, 10)).map((m) => m.id)).toEqual(['m2', 'm3', 'm1']);
    expect((await meetingsAtVenue(branchId, venue.id, 2)).map((m) => m.id)).toEqual(['m2', 'm3']);
  });
});
