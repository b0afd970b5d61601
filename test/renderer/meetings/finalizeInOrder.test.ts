// 定稿 of a backfilled year: a 第N次 that moves because another record was finalised is logged, not a 更正; 按日期顺序定稿
// finalises a year's drafts 1..n in one go, leaving the ones a save would refuse as drafts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEntrySchema, isRenumbering, type Meeting } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import { listAudit, writeAudit } from '../../../renderer/src/db/repositories/audit';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import {
  createMeeting,
  finalizeDrafts,
  finalizeImpact,
  finalizeMeeting,
  listAmendments,
  planFinalizeDrafts,
  renumberingNote,
} from '../../../renderer/src/db/repositories/meetings';
import { meetingInput, seed, setChinaNow } from './fixtures';

beforeEach(() => setChinaNow('2030-12-31T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

const seqOf = async (id: string) => (await db.meetings.get(id))!.seq;
const amendsOf = async (id: string) => (await listAudit('meeting', id)).filter((e) => e.action === 'amend');

describe('renumbering is not a 更正', () => {
  it('finalising December, then January, logs December’s new number without an amend', async () => {
    const { branch } = await seed();
    const december = await createMeeting(branch.id, meetingInput({ topic: '十二月支委会', date: '2030-12-09' }));
    const january = await createMeeting(branch.id, meetingInput({ topic: '一月支委会', date: '2030-01-14' }));
    expect((await finalizeMeeting(december.id)).seq).toBe(1);
    expect((await finalizeMeeting(january.id)).seq).toBe(1);
    expect(await seqOf(december.id)).toBe(2);

    // No 更正 of December: its content did not change.
    expect(await amendsOf(december.id)).toEqual([]);
    // The move is in the 操作日志, saying why, and in the record's history as a renumbering.
    const log = await listAudit('meeting', december.id);
    const moved = log.filter(isRenumbering);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({
      action: 'update',
      reason: '2030-01-14的支委会记录「一月支委会」定稿，按日期顺序重新编号',
      summary: '序号由第1次调整为第2次（2030-01-14的支委会记录「一月支委会」定稿，按日期顺序重新编号）',
      changes: [{ field: 'seq', label: '序号', before: '第1次', after: '第2次' }],
    });
    expect(await listAmendments(december.id)).toEqual(moved);
    expect(renumberingNote(moved[0]!)).toBe(moved[0]!.summary);
  });

  it('the 卷宗 leaves renumberings out of 修改记录, old (amend) ones too, and keeps real 更正', async () => {
    const { branch } = await seed();
    const december = await createMeeting(branch.id, meetingInput({ topic: '十二月支委会', date: '2030-12-09' }));
    const january = await createMeeting(branch.id, meetingInput({ topic: '一月支委会', date: '2030-01-14' }));
    await finalizeMeeting(december.id);
    await finalizeMeeting(january.id);
    // As builds before this one wrote a renumbering, and a real 更正 without kept values.
    const old = await db.transaction('rw', [db.auditPages], async () => [
      await writeAudit({
        entity: 'meeting',
        entityId: december.id,
        branchId: branch.id,
        action: 'amend',
        reason: '2030-01-14的支委会记录「一月支委会」定稿，按日期顺序重新编号',
        summary: '序号由第1次调整为第2次',
      }),
      await writeAudit({
        entity: 'meeting',
        entityId: december.id,
        branchId: branch.id,
        action: 'amend',
        reason: '补记出席情况',
        summary: '修改了出席情况',
      }),
    ]);
    expect(isRenumbering(old[0]!)).toBe(true);
    expect(isRenumbering(old[1]!)).toBe(false);
    expect(renumberingNote(old[0]!)).toBe(
      '序号由第1次调整为第2次（2030-01-14的支委会记录「一月支委会」定稿，按日期顺序重新编号）',
    );

    // What the 卷宗 prints as 修改记录 and counts as 定稿后修改记录, once data.ts leaves renumberings out.
    const audit = (await listAudit('meeting', december.id)).concat(await listAudit('meeting', january.id));
    const printed = audit.filter((e) => e.action === 'amend' && !isRenumbering(e));
    expect(printed.map((e) => e.summary)).toEqual(['修改了出席情况']);
  });

  it('an entry of this build restores in a build that knows only the old actions', () => {
    // The schema is unchanged: a renumbering is an 'update' with one change, which every build reads.
    const entry = {
      id: 'e1',
      at: '2030-12-31T02:00:00.000Z',
      branchId: 'b1',
      entity: 'meeting',
      entityId: 'm1',
      action: 'update',
      reason: '…定稿，按日期顺序重新编号',
      summary: '序号由第1次调整为第2次（…定稿，按日期顺序重新编号）',
      changes: [{ field: 'seq', label: '序号', before: '第1次', after: '第2次' }],
    };
    expect(auditEntrySchema.parse(entry)).toEqual(entry);
  });
});

describe('按日期顺序定稿', () => {
  /** Four 支委会 drafts entered newest first, one 党课 draft, and a 支委会 draft of the year before. */
  async function backfill() {
    const seeded = await seed();
    const { branch } = seeded;
    const made: Meeting[] = [];
    for (const [topic, date] of [
      ['十二月', '2030-12-09'],
      ['十月', '2030-10-14'],
      ['三月', '2030-03-11'],
      ['一月', '2030-01-14'],
    ] as const) {
      made.push(await createMeeting(branch.id, meetingInput({ topic, date })));
    }
    const lesson = await createMeeting(branch.id, meetingInput({ kind: '党课', lecturer: '张三', date: '2030-06-01' }));
    const lastYear = await createMeeting(branch.id, meetingInput({ topic: '去年', date: '2029-12-01' }));
    return { ...seeded, committee: made, lesson, lastYear };
  }

  it('numbers a year’s drafts 1..n in date order in one go, with no 更正 and no renumbering', async () => {
    const { branch, committee, lesson, lastYear } = await backfill();
    const plan = await planFinalizeDrafts(branch.id, { year: 2030, kind: '支委会' });
    expect(plan.finalized.map((m) => [m.topic, m.seq])).toEqual([
      ['一月', 1],
      ['三月', 2],
      ['十月', 3],
      ['十二月', 4],
    ]);
    expect(plan.blocked).toEqual([]);
    expect(plan.renumbered).toBe(0);
    // Nothing written by the plan.
    expect((await db.meetings.get(committee[0]!.id))!.status).toBe('草稿');

    const done = await finalizeDrafts(branch.id, { year: 2030, kind: '支委会' });
    expect(done.finalized.map((m) => [m.topic, m.seq, m.status])).toEqual([
      ['一月', 1, '已定稿'],
      ['三月', 2, '已定稿'],
      ['十月', 3, '已定稿'],
      ['十二月', 4, '已定稿'],
    ]);
    expect(done.renumbered).toBe(0);
    for (const m of committee) {
      expect((await listAudit('meeting', m.id)).map((e) => e.action)).toEqual(['create', 'finalize']);
    }
    expect((await listAudit('meeting', committee[0]!.id))[1]!.summary).toBe('第4次支委会记录定稿（按日期顺序定稿）');
    // Other kinds and other years stay drafts.
    expect((await db.meetings.get(lesson.id))!.status).toBe('草稿');
    expect((await db.meetings.get(lastYear.id))!.status).toBe('草稿');
  });

  it('without a kind finalises every kind of the year; a finalised later record moves up once, logged', async () => {
    const { branch, committee, lesson } = await backfill();
    // 十月 was finalised on its own first: it is 第1次 until the earlier drafts are finalised.
    expect((await finalizeMeeting(committee[1]!.id)).seq).toBe(1);
    const plan = await planFinalizeDrafts(branch.id, { year: 2030 });
    expect(plan.finalized.map((m) => m.topic)).toEqual(['一月', '三月', '研究部署季度工作', '十二月']);
    expect(plan.renumbered).toBe(1);

    const done = await finalizeDrafts(branch.id, { year: 2030 });
    expect(done.renumbered).toBe(1);
    expect(await seqOf(committee[1]!.id)).toBe(3);
    expect((await db.meetings.get(lesson.id))!).toMatchObject({ status: '已定稿', seq: 1 });
    expect(await amendsOf(committee[1]!.id)).toEqual([]);
    expect((await listAudit('meeting', committee[1]!.id)).filter(isRenumbering).map((e) => e.reason)).toEqual([
      '2030年度支委会草稿批量定稿，按日期顺序重新编号',
    ]);
  });

  it('leaves a draft a save would refuse as a draft, with the reason, and numbers the rest without it', async () => {
    const { branch, committee, wang } = await backfill();
    // Stored by an older build: a 请假 without its reason.
    await db.meetings.update(committee[2]!.id, {
      attendance: [{ memberId: wang.id, name: '王五', status: '请假', reason: '' }],
    });
    const plan = await planFinalizeDrafts(branch.id, { year: 2030, kind: '支委会' });
    expect(plan.blocked.map((b) => [b.meeting.topic, b.problems])).toEqual([['三月', ['请填写“王五”请假的原因']]]);
    const done = await finalizeDrafts(branch.id, { year: 2030, kind: '支委会' });
    expect(done.finalized.map((m) => [m.topic, m.seq])).toEqual([
      ['一月', 1],
      ['十月', 2],
      ['十二月', 3],
    ]);
    expect(done.blocked.map((b) => b.meeting.topic)).toEqual(['三月']);
    expect((await db.meetings.get(committee[2]!.id))!.status).toBe('草稿');

    // One at a time it is refused the same way.
    const error = await finalizeMeeting(committee[2]!.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.message)).toEqual(['请填写“王五”请假的原因']);
    expect((await db.meetings.get(committee[2]!.id))!.status).toBe('草稿');
  });

  it('says how many finalised records a single 定稿 will renumber, and how many earlier drafts remain', async () => {
    const { committee } = await backfill();
    await finalizeMeeting(committee[0]!.id); // 十二月
    await finalizeMeeting(committee[1]!.id); // 十月: 十二月 moves to 2
    expect(await finalizeImpact(committee[3]!.id)).toEqual({ renumbered: 2, earlierDrafts: 0 }); // 一月
    expect(await finalizeImpact(committee[2]!.id)).toEqual({ renumbered: 2, earlierDrafts: 1 }); // 三月
    expect(await finalizeImpact(committee[0]!.id)).toEqual({ renumbered: 0, earlierDrafts: 0 }); // finalised
  });
});
