// Correcting the 阵地 records: a 复查 dated after today is refused, a 复查 can be corrected or deleted, an unused venue
// deleted (a used one says why not), all audited.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Assessment, type Meeting, type VenueInput } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { NotFoundError, ValidationError } from '../../../renderer/src/db/repositories/errors';
import {
  addVenueCheck,
  createVenue,
  deleteVenue,
  deleteVenueCheck,
  listVenueChecks,
  setChecklistItem,
  updateVenueCheck,
  venueInUseReason,
  venueUses,
} from '../../../renderer/src/db/repositories/venues';

const room = (overrides: Partial<VenueInput> = {}): VenueInput => ({
  name: '第二会议室',
  kind: '党员活动室',
  address: '',
  areaM2: 30,
  capacity: 20,
  manager: '',
  ...overrides,
});

async function setup() {
  const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  const venue = await createVenue(branch.id, room());
  return { branchId: branch.id, venue };
}

async function issuesOf(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('阵地复查 dates', () => {
  it('refuses a 复查日期 after today (China time), on add and on correction; 下次复查 may lie ahead', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 2026-11-27 23:50 in China, still the 27th; 16:00 UTC would already be the 28th there.
    vi.setSystemTime(new Date('2026-11-27T15:50:00Z'));
    const { venue } = await setup();
    const issues = await issuesOf(
      addVenueCheck(venue.id, { date: '2062-11-20', inspector: '蒋国栋', nextDueDate: '2063-05-20' }),
    );
    expect(issues).toEqual([{ path: 'date', message: '复查日期不能晚于今天（2026-11-27）' }]);
    await expect(addVenueCheck(venue.id, { date: '2026-11-28', inspector: '蒋国栋' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.venueChecks.count()).toBe(0);

    const check = await addVenueCheck(venue.id, { date: '2026-11-27', inspector: '蒋国栋', nextDueDate: '2027-05-20' });
    expect(check.nextDueDate).toBe('2027-05-20');
    expect(
      (await issuesOf(updateVenueCheck(check.id, { date: '2062-11-20', inspector: '蒋国栋' }))).map((i) => i.message),
    ).toEqual(['复查日期不能晚于今天（2026-11-27）']);
    expect((await db.venueChecks.get(check.id))!.date).toBe('2026-11-27');
  });
});

describe('correcting and deleting a 复查', () => {
  it('corrects the fields, audits which changed, and writes nothing when unchanged', async () => {
    const { venue } = await setup();
    const check = await addVenueCheck(venue.id, { date: '2025-03-01', inspector: '张三', nextDueDate: '2025-09-01' });
    const same = await updateVenueCheck(check.id, { date: '2025-03-01', inspector: '张三', nextDueDate: '2025-09-01' });
    expect(same).toEqual(check);
    expect(await listAudit('venueCheck', check.id)).toHaveLength(1);

    const after = await updateVenueCheck(check.id, {
      date: '2025-03-02',
      inspector: '李四',
      findings: '七有齐全',
      nextDueDate: '',
    });
    expect(after).toMatchObject({ date: '2025-03-02', inspector: '李四', findings: '七有齐全', nextDueDate: '' });
    expect(after.venueId).toBe(venue.id);
    expect((await db.venueChecks.get(check.id))!.inspector).toBe('李四');
    const audit = await listAudit('venueCheck', check.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.summary).toBe(
      '修改了阵地「第二会议室」2025-03-01 复查记录的复查日期、检查人、检查情况、下次复查日期',
    );

    // The same rules as a new check, and nothing stored on refusal.
    const issues = await issuesOf(
      updateVenueCheck(check.id, { date: '2025-03-02', inspector: '', nextDueDate: '2025-01-01' }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['inspector', 'nextDueDate']);
    expect(await db.venueChecks.get(check.id)).toEqual(after);
  });

  it('deletes a 复查, audited with what it said; the earlier check becomes the latest again', async () => {
    const { venue } = await setup();
    const older = await addVenueCheck(venue.id, { date: '2024-06-01', inspector: '张三', nextDueDate: '2024-12-10' });
    const slip = await addVenueCheck(venue.id, { date: '2025-11-20', inspector: '蒋国栋', nextDueDate: '2063-05-20' });
    await deleteVenueCheck(slip.id);
    expect((await listVenueChecks(venue.id)).map((c) => c.id)).toEqual([older.id]);
    const audit = await listAudit('venueCheck', slip.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(audit[1]!.summary).toBe(
      '删除了阵地「第二会议室」2025-11-20 的复查记录（检查人 蒋国栋，下次复查 2063-05-20）',
    );
    await expect(deleteVenueCheck(slip.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('deleting a venue', () => {
  it('deletes an unused venue (its 七有 ticks and notes with it), audited', async () => {
    const { branchId, venue } = await setup();
    await setChecklistItem(venue.id, 'signs', { ok: true, note: '误建' });
    expect(venueInUseReason(await venueUses((await db.venues.get(venue.id))!, false))).toBeUndefined();
    await deleteVenue(venue.id);
    expect(await db.venues.get(venue.id)).toBeUndefined();
    const audit = await listAudit('venue', venue.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[2]).toMatchObject({ branchId, summary: '删除了阵地「第二会议室」（党员活动室）' });
    await expect(deleteVenue(venue.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses while a record is held there, and says why', async () => {
    const { branchId, venue } = await setup();
    await db.meetings.add({
      id: 'm1',
      branchId,
      createdAt: venue.createdAt,
      updatedAt: venue.createdAt,
      kind: '支委会',
      seq: 1,
      date: '2025-03-10',
      venueId: venue.id,
      topic: '支委会',
      attendeeIds: [],
      attendance: [],
    } as unknown as Meeting);
    const issues = await issuesOf(deleteVenue(venue.id));
    expect(issues).toEqual([
      { path: '', message: '该阵地已有在此开展的活动记录，不能删除。删除会使这些记录失去地点或佐证，请保留该阵地。' },
    ]);
    expect(await db.venues.get(venue.id)).toBeDefined();
    expect((await listAudit('venue', venue.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('refuses while a 复查, a 七有 photo or a 考评 names it', async () => {
    const { branchId, venue } = await setup();
    await addVenueCheck(venue.id, { date: '2025-03-01', inspector: '张三' });
    expect((await issuesOf(deleteVenue(venue.id)))[0]!.message).toContain('阵地复查记录');

    const photo = await setup();
    await db.attachments.add({
      id: 'photo-1',
      branchId: photo.branchId,
      createdAt: photo.venue.createdAt,
      updatedAt: photo.venue.createdAt,
      name: '荣誉栏.jpg',
      mime: 'image/jpeg',
      size: 3,
      sha256: 'a'.repeat(64),
      blob: new Blob(['abc']),
    });
    await setChecklistItem(photo.venue.id, 'honors', { attachmentIds: ['photo-1'] });
    expect((await issuesOf(deleteVenue(photo.venue.id)))[0]!.message).toContain('七有佐证照片');

    const cited = await createVenue(branchId, room({ name: '活动室' }));
    await db.assessments.add({
      id: 'a1',
      branchId,
      date: '2025-12-31',
      scores: [{ code: '2.1', score: 5, auto: true, evidenceIds: [cited.id] }],
    } as unknown as Assessment);
    expect((await issuesOf(deleteVenue(cited.id)))[0]!.message).toContain('考评中作为佐证');
    expect(await db.venues.count()).toBe(3);
  });
});
