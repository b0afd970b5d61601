// Files taken off a record leave the database with the change, unless another record of their branch still uses them.
// (A record naming another branch's file is refused on restore: test/unit/backup/semantic.test.ts.)
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Attachment } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import {
  ATTACHMENT_REFERENCE_TABLES,
  deleteUnreferencedAttachments,
} from '../../../renderer/src/db/repositories/attachments';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import { createLearning, deleteLearning, updateLearning } from '../../../renderer/src/db/repositories/learning';
import {
  amendMeeting,
  createMeeting,
  finalizeMeeting,
  listAmendments,
  updateMeeting,
} from '../../../renderer/src/db/repositories/meetings';
import { createVenue, setChecklistItem } from '../../../renderer/src/db/repositories/venues';
import { branchWithMembers } from '../learning/fixtures';
import { meetingInput, seed, setChinaNow } from '../meetings/fixtures';

/** An attachment row as a restore or an upload leaves it (the bytes do not matter here). */
function file(id: string, branchId: string): Attachment {
  return {
    id,
    branchId,
    name: `${id}.png`,
    mime: 'image/png',
    size: 3,
    sha256: id.padEnd(64, '0'),
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    blob: new Blob(['abc']) as globalThis.Blob,
  };
}

beforeEach(() => {
  // happy-dom's Blob does not survive fake-indexeddb's structured clone; Node's does.
  vi.stubGlobal('Blob', NodeBlob);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const stored = async (...ids: string[]) => (await db.attachments.bulkGet(ids)).map((a) => a !== undefined);

async function issuesOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => i.message);
}

describe('meetings', () => {
  beforeEach(() => setChinaNow('2030-12-31T10:00:00'));
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a draft saved without one of its two files deletes that file, keeps the other, and says so in the log', async () => {
    const { branch } = await seed();
    await db.attachments.bulkPut([file('wrong', branch.id), file('right', branch.id)]);
    const draft = await createMeeting(branch.id, meetingInput({ attachmentIds: ['wrong', 'right'] }));
    await updateMeeting(draft.id, meetingInput({ attachmentIds: ['right'] }));
    expect(await stored('wrong', 'right')).toEqual([false, true]);
    expect((await db.meetings.get(draft.id))!.attachmentIds).toEqual(['right']);
    expect((await listAudit('meeting', draft.id)).at(-1)!.summary).toBe(
      '修改了附件；已删除不再使用的附件「wrong.png」',
    );
  });

  it('a 更正 that takes a photo off deletes it; the amendment names the files, not their ids', async () => {
    const { branch } = await seed();
    await db.attachments.bulkPut([file('private', branch.id), file('minutes', branch.id)]);
    const record = await createMeeting(branch.id, meetingInput({ attachmentIds: ['private', 'minutes'] }));
    await finalizeMeeting(record.id);
    await amendMeeting(record.id, meetingInput({ attachmentIds: ['minutes'] }), '误传了私人照片，撤下');
    expect(await stored('private', 'minutes')).toEqual([false, true]);
    const [amendment] = await listAmendments(record.id);
    expect(amendment!.changes).toEqual([
      { field: 'attachmentIds', label: '附件', before: 'private.png、minutes.png', after: 'minutes.png' },
    ]);
    expect(amendment!.summary).toBe('修改了附件；已删除不再使用的附件「private.png」');
  });

  it('keeps a removed file that another record still uses: a meeting, a venue, a learning entry', async () => {
    const { branch } = await seed();
    const ids = ['by-meeting', 'by-venue', 'by-learning'];
    await db.attachments.bulkPut([...ids, 'unused'].map((id) => file(id, branch.id)));
    const draft = await createMeeting(branch.id, meetingInput({ attachmentIds: [...ids, 'unused'] }));
    await createMeeting(branch.id, meetingInput({ date: '2030-04-01', attachmentIds: ['by-meeting'] }));
    const venue = await createVenue(branch.id, {
      name: '党建宣传栏',
      kind: '党建宣传栏',
      address: '',
      areaM2: 0,
      capacity: 0,
      manager: '',
    });
    await setChecklistItem(venue.id, 'signs', { attachmentIds: ['by-venue'] });
    await db.learningMonths.put({
      branchId: branch.id,
      month: '2030-05',
      entries: [{ ...learningRow(branch.id), attachmentIds: ['by-learning'] }],
    });
    await updateMeeting(draft.id, meetingInput({ attachmentIds: [] }));
    expect(await stored(...ids, 'unused')).toEqual([true, true, true, false]);
    expect((await listAudit('meeting', draft.id)).at(-1)!.summary).toBe(
      '修改了附件；已删除不再使用的附件「unused.png」',
    );
  });

  it('refuses to add a file that is no longer stored or is another branch’s, and saves nothing', async () => {
    const { branch, other } = await seed();
    await db.attachments.bulkPut([file('theirs', other.id), file('mine', branch.id)]);
    const draft = await createMeeting(branch.id, meetingInput({ attachmentIds: ['mine'] }));
    const message = '附件中有文件不存在或不属于本支部，请重新上传';
    expect(await issuesOf(createMeeting(branch.id, meetingInput({ attachmentIds: ['gone'] })))).toEqual([message]);
    expect(await issuesOf(updateMeeting(draft.id, meetingInput({ attachmentIds: ['mine', 'theirs'] })))).toEqual([
      message,
    ]);
    expect((await db.meetings.get(draft.id))!.attachmentIds).toEqual(['mine']);
  });
});

function learningRow(branchId: string) {
  return {
    id: 'restored-entry',
    branchId,
    memberId: 'someone',
    kind: '日阅一文' as const,
    title: '评论员文章',
    date: '2030-05-01',
    notes: '',
    attachmentIds: [] as string[],
    createdAt: '2030-05-01T00:00:00.000Z',
    updatedAt: '2030-05-01T00:00:00.000Z',
  };
}

describe('venues: 七有 evidence', () => {
  async function venueWithPhotos() {
    const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
    const venue = await createVenue(branch.id, {
      name: '党员活动室',
      kind: '党员活动室',
      address: '',
      areaM2: 40,
      capacity: 30,
      manager: '',
    });
    await db.attachments.bulkPut([file('room-1', branch.id), file('room-2', branch.id)]);
    await setChecklistItem(venue.id, 'place', { ok: true, attachmentIds: ['room-1', 'room-2'] });
    return { branch, venue };
  }

  it('a photo taken off an item is deleted, the other stays, and the log names it', async () => {
    const { venue } = await venueWithPhotos();
    await setChecklistItem(venue.id, 'place', { attachmentIds: ['room-2'] });
    expect(await stored('room-1', 'room-2')).toEqual([false, true]);
    expect((await listAudit('venue', venue.id)).at(-1)!.summary).toBe(
      '阵地「党员活动室」七有“有固定场所（面积不少于20㎡）”：移除了 1 份佐证；已删除不再使用的附件「room-1.png」',
    );
  });

  it('keeps a photo taken off one item while another item or a meeting still shows it', async () => {
    const { branch, venue } = await venueWithPhotos();
    await db.attachments.put(file('room-3', branch.id));
    await setChecklistItem(venue.id, 'place', { attachmentIds: ['room-1', 'room-2', 'room-3'] });
    await setChecklistItem(venue.id, 'equipment', { attachmentIds: ['room-1'] });
    const meeting = { ...learningRow(branch.id), id: 'm1', kind: '支委会', status: '草稿', venueId: '' };
    await db.meetings.put({ ...meeting, attachmentIds: ['room-2'] } as never);
    await setChecklistItem(venue.id, 'place', { attachmentIds: [] });
    expect(await stored('room-1', 'room-2', 'room-3')).toEqual([true, true, false]);
  });
});

describe('learning', () => {
  const TODAY = '2024-09-15';
  const input = (memberId: string, attachmentIds: string[]) => ({
    memberId,
    kind: '月写一篇' as const,
    title: '调研报告',
    date: '2024-09-01',
    attachmentIds,
  });

  it('an edit without one of its two files deletes that file and keeps the other', async () => {
    const { branch, zhang } = await branchWithMembers();
    await db.attachments.bulkPut([file('draft-scan', branch.id), file('final-scan', branch.id)]);
    const entry = await createLearning(branch.id, input(zhang.id, ['draft-scan', 'final-scan']), TODAY);
    await updateLearning(entry, input(zhang.id, ['final-scan']), TODAY);
    expect(await stored('draft-scan', 'final-scan')).toEqual([false, true]);
    expect((await listAudit('learning', entry.id, branch.id)).at(-1)!.summary).toBe(
      '修改了学习记录「调研报告」的附件；已删除不再使用的附件「draft-scan.png」',
    );
  });

  it('keeps a removed file another entry uses; deleting an entry deletes its own', async () => {
    const { branch, zhang } = await branchWithMembers();
    await db.attachments.bulkPut([file('shared', branch.id), file('own', branch.id)]);
    const entry = await createLearning(branch.id, input(zhang.id, ['shared', 'own']), TODAY);
    await db.learningMonths.put({
      branchId: branch.id,
      month: '2024-08',
      entries: [{ ...learningRow(branch.id), date: '2024-08-01', attachmentIds: ['shared'] }],
    });
    await updateLearning(entry, input(zhang.id, ['own']), TODAY);
    expect(await stored('shared', 'own')).toEqual([true, true]);
    await deleteLearning(entry);
    expect(await stored('shared', 'own')).toEqual([true, false]);
    expect((await listAudit('learning', entry.id, branch.id)).at(-1)!.summary).toBe(
      '删除学习记录「调研报告」（月写一篇，2024-09-01）；已删除不再使用的附件「own.png」',
    );
  });

  it('refuses to add a file of another branch', async () => {
    const { branch, other, zhang } = await branchWithMembers();
    await db.attachments.put(file('theirs', other.id));
    const error = await createLearning(branch.id, input(zhang.id, ['theirs']), TODAY).catch((e: unknown) => e);
    expect((error as ValidationError).issues).toEqual([
      { path: 'attachmentIds', message: '附件中有文件不存在或不属于本支部，请重新上传' },
    ]);
  });
});

describe('deleteUnreferencedAttachments', () => {
  it("reads the owning branch's meetings, venues and learning entries, and only them", async () => {
    const owner = 'm-owner';
    await db.attachments.bulkPut(['f1', 'f2', 'f3', 'f4'].map((id) => file(id, owner)));
    const meeting = (id: string, branchId: string, attachmentIds: string[]) =>
      ({ ...learningRow(branchId), id, kind: '支委会', status: '草稿', venueId: '', attachmentIds }) as never;
    // Branches whose ids sort either side of the owner's, so a range that strayed past it would be caught.
    await db.meetings.bulkPut([
      meeting('a', owner, ['f1']),
      meeting('b', '!before', ['f4']),
      meeting('z', '~after', ['f4']),
    ]);
    await db.venues.put({
      id: 'v',
      branchId: owner,
      name: '活动室',
      kind: '党员活动室',
      address: '',
      areaM2: 30,
      capacity: 20,
      manager: '',
      checklist: [{ key: 'place', ok: true, note: '', attachmentIds: ['f2'] }],
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
    await db.learningMonths.put({
      branchId: owner,
      month: '2030-05',
      entries: [{ ...learningRow(owner), attachmentIds: ['f3'] }],
    });
    const deleted = await db.transaction('rw', ATTACHMENT_REFERENCE_TABLES(), async () =>
      deleteUnreferencedAttachments(owner, ['f1', 'f2', 'f3', 'f4', 'never-stored']),
    );
    expect(deleted.map((a) => a.name)).toEqual(['f4.png']);
    expect(await stored('f1', 'f2', 'f3', 'f4')).toEqual([true, true, true, false]);
  });
});
