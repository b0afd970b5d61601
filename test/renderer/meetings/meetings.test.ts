// Meeting repository: 第N次, 补录, validation, 定稿 and 更正 with audit, deletion, search and keyset paging.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isRenumbering, type AuditEntry, type Meeting } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import { countAudit, listAudit } from '../../../renderer/src/db/repositories/audit';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import {
  amendMeeting,
  createMeeting,
  deleteMeeting,
  finalizeMeeting,
  listAmendments,
  listMeetings,
  meetingsInMonth,
  nextSeq,
  searchMeetings,
  updateMeeting,
  type MeetingCursor,
  type MeetingFilter,
} from '../../../renderer/src/db/repositories/meetings';
import { meetingInput, present, seed, setChinaNow } from './fixtures';
import { createMember } from '../../../renderer/src/db/repositories/members';

beforeEach(() => setChinaNow('2030-12-31T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

/** A record's history as the record view lists it: a 更正's summary, a renumbering as 序号 before → after. */
async function historyOf(id: string): Promise<string[]> {
  const line = (e: AuditEntry) =>
    isRenumbering(e) ? `序号 ${e.changes![0]!.before} → ${e.changes![0]!.after}` : e.summary;
  const entries = await listAmendments(id);
  // A renumbering is never a 更正: the 卷宗 prints only these.
  expect(entries.filter((e) => e.action === 'amend').every((e) => !isRenumbering(e))).toBe(true);
  return entries.map(line);
}

async function issuesOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => i.message);
}

describe('第N次 numbering', () => {
  it('numbers each kind per year in date order; a draft takes its place in the order as a provisional number', async () => {
    const { branch } = await seed();
    const march = await createMeeting(branch.id, meetingInput({ date: '2030-03-10' }));
    const may = await createMeeting(branch.id, meetingInput({ date: '2030-05-10' }));
    const lesson = await createMeeting(branch.id, meetingInput({ kind: '党课', lecturer: '张三', date: '2030-04-01' }));
    const lastYear = await createMeeting(branch.id, meetingInput({ date: '2029-11-01' }));
    expect([march.seq, may.seq, lesson.seq, lastYear.seq]).toEqual([1, 2, 1, 1]);
    expect(await nextSeq(branch.id, '支委会', '2030-04-15')).toBe(2);

    // Finalised alone, May is the year's first 支委会 of the archive; the March draft keeps its place before it.
    const mayFinal = await finalizeMeeting(may.id);
    expect(mayFinal.seq).toBe(1);
    expect((await listAudit('meeting', may.id)).map((e) => [e.action, e.summary])).toEqual([
      ['create', '新建支委会记录「研究部署季度工作」（补录）'],
      ['finalize', '第1次支委会记录定稿'],
    ]);
    expect((await db.meetings.get(march.id))!.seq).toBe(1);

    // Another draft shifts drafts only.
    const january = await createMeeting(branch.id, meetingInput({ date: '2030-01-15' }));
    expect(january.seq).toBe(1);
    expect((await db.meetings.get(march.id))!.seq).toBe(2);
    expect((await db.meetings.get(may.id))!.seq).toBe(1);
    await deleteMeeting(march.id);
    expect((await db.meetings.get(january.id))!.seq).toBe(1);
    expect((await db.meetings.get(may.id))!.seq).toBe(1);
    expect(await listAmendments(may.id)).toEqual([]);
  });

  it('never renumbers or amends finalised records when a draft is created, redated or deleted', async () => {
    const { branch } = await seed();
    const finals: Meeting[] = [];
    for (const date of ['2030-03-10', '2030-05-10', '2030-09-10']) {
      finals.push(await finalizeMeeting((await createMeeting(branch.id, meetingInput({ date }))).id));
    }
    expect(finals.map((m) => m.seq)).toEqual([1, 2, 3]);
    const history = async () =>
      Promise.all(finals.map(async (m) => [(await db.meetings.get(m.id))!.seq, await listAudit('meeting', m.id)]));
    const before = await history();

    // A mistyped draft: dated before all of them, moved between them, then deleted.
    const draft = await createMeeting(branch.id, meetingInput({ topic: '误建的支委会草稿', date: '2030-01-02' }));
    expect(draft.seq).toBe(1);
    expect(await history()).toEqual(before);
    expect((await updateMeeting(draft.id, meetingInput({ topic: '误建的支委会草稿', date: '2030-06-01' }))).seq).toBe(
      3,
    );
    expect(await history()).toEqual(before);
    await deleteMeeting(draft.id);
    expect(await history()).toEqual(before);
    for (const m of finals) expect(await listAmendments(m.id)).toEqual([]);
  });

  it('renumbers later finalised records, audited, when a back-dated draft is finalised', async () => {
    const { branch } = await seed();
    const march = await finalizeMeeting((await createMeeting(branch.id, meetingInput({ date: '2030-03-10' }))).id);
    const may = await finalizeMeeting((await createMeeting(branch.id, meetingInput({ date: '2030-05-10' }))).id);
    const later = await createMeeting(branch.id, meetingInput({ date: '2030-06-10' }));
    const january = await createMeeting(branch.id, meetingInput({ date: '2030-01-15' }));
    expect([january.seq, march.seq, may.seq]).toEqual([1, 1, 2]);
    expect((await db.meetings.get(later.id))!.seq).toBe(4);

    const final = await finalizeMeeting(january.id);
    expect(final.seq).toBe(1);
    expect((await listAudit('meeting', january.id)).map((e) => e.action)).toEqual(['create', 'finalize']);
    expect((await listAudit('meeting', january.id))[1]!.summary).toBe('第1次支委会记录定稿');
    expect((await db.meetings.get(march.id))!.seq).toBe(2);
    expect((await db.meetings.get(may.id))!.seq).toBe(3);
    const renumbered = await listAmendments(may.id);
    expect(renumbered.map((e) => [e.action, e.summary])).toEqual([
      ['update', '序号由第2次调整为第3次（2030-01-15的支委会记录「研究部署季度工作」定稿，按日期顺序重新编号）'],
    ]);
    expect(renumbered[0]!.reason).toContain('2030-01-15');
    expect(await historyOf(march.id)).toEqual(['序号 第1次 → 第2次']);
    // The remaining draft keeps its place after them; its number is not an amendment.
    expect((await db.meetings.get(later.id))!.seq).toBe(4);
    expect(await listAmendments(later.id)).toEqual([]);
  });

  it('renumbers finalised records, audited, when an amendment moves one to another date', async () => {
    const { branch } = await seed();
    const march = await finalizeMeeting((await createMeeting(branch.id, meetingInput({ date: '2030-03-10' }))).id);
    const may = await finalizeMeeting((await createMeeting(branch.id, meetingInput({ date: '2030-05-10' }))).id);
    const draft = await createMeeting(branch.id, meetingInput({ date: '2030-04-10' }));
    expect(draft.seq).toBe(2);
    expect(await nextSeq(branch.id, '支委会', '2030-06-01', march.id)).toBe(2);
    await amendMeeting(march.id, meetingInput({ date: '2030-06-01' }), '会议日期记错，更正');
    expect((await db.meetings.get(march.id))!.seq).toBe(2);
    expect((await db.meetings.get(may.id))!.seq).toBe(1);
    expect(await historyOf(may.id)).toEqual(['序号 第2次 → 第1次']);
    expect(await historyOf(march.id)).toEqual(['修改了日期', '序号 第1次 → 第2次']);
    // The draft falls between them in date order: after May, before the moved record.
    expect((await db.meetings.get(draft.id))!.seq).toBe(1);
  });

  it('moves a draft to its new place when its date changes', async () => {
    const { branch } = await seed();
    const a = await createMeeting(branch.id, meetingInput({ date: '2030-02-01' }));
    const b = await createMeeting(branch.id, meetingInput({ date: '2030-03-01' }));
    await updateMeeting(a.id, meetingInput({ date: '2030-04-01' }));
    expect((await db.meetings.get(b.id))!.seq).toBe(1);
    expect((await db.meetings.get(a.id))!.seq).toBe(2);
  });
});

describe('第N次 of 党小组会: per 党小组', () => {
  /** The seed's branch with a second 党小组 (g2) beside 第一党小组 (g1). */
  async function twoGroups() {
    const seeded = await seed();
    await db.branches.update(seeded.branch.id, {
      partyGroups: [
        { id: 'g1', name: '第一党小组', leaderName: '' },
        { id: 'g2', name: '第二党小组', leaderName: '' },
      ],
    });
    return seeded;
  }
  const groupMeeting = (partyGroupId: string, date: string, topic = '党小组学习') =>
    meetingInput({ kind: '党小组会', partyGroupId, date, topic });
  const seqOf = async (id: string) => (await db.meetings.get(id))!.seq;

  it('numbers each 党小组’s meetings of a year on their own, finalised and draft, and previews them per group', async () => {
    const { branch } = await twoGroups();
    const one = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g1', '2030-01-10'))).id);
    const two = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g2', '2030-01-12'))).id);
    const three = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g1', '2030-02-10'))).id);
    const draft = await createMeeting(branch.id, groupMeeting('g2', '2030-03-12'));
    expect([one.seq, two.seq, three.seq, draft.seq]).toEqual([1, 1, 2, 2]);
    expect((await finalizeMeeting(draft.id)).seq).toBe(2);
    // Other kinds still count across the branch.
    expect((await createMeeting(branch.id, meetingInput({ date: '2030-01-11' }))).seq).toBe(1);

    // The form's preview: the group's own records, the group read from the record being edited when not given.
    expect(await nextSeq(branch.id, '党小组会', '2030-04-01', undefined, 'g1')).toBe(3);
    expect(await nextSeq(branch.id, '党小组会', '2030-04-01', undefined, 'g2')).toBe(3);
    expect(await nextSeq(branch.id, '党小组会', '2030-01-31', undefined, 'g2')).toBe(2);
    expect(await nextSeq(branch.id, '党小组会', '2030-04-01', three.id)).toBe(2);
    expect(await nextSeq(branch.id, '党小组会', '2030-04-01', three.id, 'g2')).toBe(3);
    // No 党小组 chosen yet: no number to show rather than a count across groups.
    expect(await nextSeq(branch.id, '党小组会', '2030-04-01')).toBeUndefined();
    expect(await nextSeq(branch.id, '党小组会', '2030-04-01', undefined, '')).toBeUndefined();
    for (const m of [one, two, three]) expect(await listAmendments(m.id)).toEqual([]);
  });

  it('a 定稿 in one 党小组 never renumbers or amends another group’s records', async () => {
    const { branch } = await twoGroups();
    const first = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g1', '2030-03-10'))).id);
    const second = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g1', '2030-05-10'))).id);
    const other = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g2', '2030-04-10'))).id);
    // A 补录 of g2, earlier than everything: g2 moves up, g1 does not.
    const early = await createMeeting(branch.id, groupMeeting('g2', '2030-01-05'));
    expect(early.seq).toBe(1);
    expect((await finalizeMeeting(early.id)).seq).toBe(1);
    expect(await seqOf(other.id)).toBe(2);
    expect(await historyOf(other.id)).toEqual(['序号 第1次 → 第2次']);
    expect([await seqOf(first.id), await seqOf(second.id)]).toEqual([1, 2]);
    expect(await listAmendments(first.id)).toEqual([]);
    expect(await listAmendments(second.id)).toEqual([]);
  });

  it('a 更正 of the 党小组 renumbers both groups, audited like a date change', async () => {
    const { branch } = await twoGroups();
    const a1 = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g1', '2030-02-10', '甲'))).id);
    const a2 = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g1', '2030-04-10', '乙'))).id);
    const a3 = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g1', '2030-06-10', '丙'))).id);
    const b1 = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g2', '2030-03-10', '丁'))).id);
    const b2 = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g2', '2030-05-10', '戊'))).id);
    const bDraft = await createMeeting(branch.id, groupMeeting('g2', '2030-07-10', '己'));
    expect(bDraft.seq).toBe(3);

    // 乙 (g1, April) was really 第二党小组's meeting.
    await amendMeeting(a2.id, groupMeeting('g2', '2030-04-10', '乙'), '党小组选错，更正');
    expect([await seqOf(a1.id), await seqOf(a3.id)]).toEqual([1, 2]);
    expect([await seqOf(b1.id), await seqOf(a2.id), await seqOf(b2.id)]).toEqual([1, 2, 3]);
    expect(await seqOf(bDraft.id)).toBe(4);
    expect((await listAmendments(a2.id)).map((e) => e.summary)).toEqual(['修改了党小组']);
    const moved = await listAmendments(a3.id);
    expect(await historyOf(a3.id)).toEqual(['序号 第3次 → 第2次']);
    expect(moved[0]!.reason).toBe('党小组会记录「乙」的党小组有更正，按日期顺序重新编号');
    expect(await historyOf(b2.id)).toEqual(['序号 第2次 → 第3次']);
    expect(await listAmendments(a1.id)).toEqual([]);
    expect(await listAmendments(b1.id)).toEqual([]);
    expect(await listAmendments(bDraft.id)).toEqual([]);

    // A draft moved between groups changes provisional numbers only.
    const aDraft = await createMeeting(branch.id, groupMeeting('g1', '2030-01-05', '庚'));
    expect([aDraft.seq, await seqOf(a1.id)]).toEqual([1, 1]);
    await updateMeeting(aDraft.id, groupMeeting('g2', '2030-01-05', '庚'));
    expect(await seqOf(aDraft.id)).toBe(1);
    expect([await seqOf(b1.id), await seqOf(a2.id), await seqOf(b2.id), await seqOf(bDraft.id)]).toEqual([1, 2, 3, 5]);
    expect(await listAmendments(b1.id)).toEqual([]);
  });

  it('a 更正 from 党小组会 to another kind leaves the group’s numbering without it', async () => {
    const { branch } = await twoGroups();
    const a1 = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g1', '2030-02-10', '甲'))).id);
    const a2 = await finalizeMeeting((await createMeeting(branch.id, groupMeeting('g1', '2030-04-10', '乙'))).id);
    const committee = await finalizeMeeting((await createMeeting(branch.id, meetingInput({ date: '2030-03-01' }))).id);
    await amendMeeting(a1.id, meetingInput({ date: '2030-02-10', topic: '甲', partyGroupId: 'g1' }), '类型选错，更正');
    expect(await seqOf(a2.id)).toBe(1);
    expect([await seqOf(a1.id), await seqOf(committee.id)]).toEqual([1, 2]);
    expect((await listAmendments(committee.id)).map((e) => e.reason)).toEqual([
      '支委会记录「甲」的日期或类型有更正，按日期顺序重新编号',
    ]);
  });
});

describe('补录', () => {
  it('marks a record entered more than 7 China-calendar days after the meeting', async () => {
    const { branch } = await seed();
    setChinaNow('2030-06-20T10:00:00');
    expect((await createMeeting(branch.id, meetingInput({ date: '2030-06-13' }))).backfilled).toBe(false);
    expect((await createMeeting(branch.id, meetingInput({ date: '2030-06-12' }))).backfilled).toBe(true);
    // 01:00 on the 20th in Beijing is still the 19th in UTC: the China date counts.
    setChinaNow('2030-06-20T01:00:00');
    expect((await createMeeting(branch.id, meetingInput({ date: '2030-06-12' }))).backfilled).toBe(true);
  });
});

describe('validation', () => {
  it('refuses a date after today (China date)', async () => {
    const { branch } = await seed();
    setChinaNow('2030-06-20T23:30:00');
    expect(await issuesOf(createMeeting(branch.id, meetingInput({ date: '2030-06-21' })))).toEqual([
      '会议日期不能晚于今天（2030-06-20）',
    ]);
    expect((await createMeeting(branch.id, meetingInput({ date: '2030-06-20' }))).date).toBe('2030-06-20');
  });

  it('refuses an attendee of another branch and writes nothing', async () => {
    const { branch, zhang, chen } = await seed();
    const auditBefore = await countAudit();
    const messages = await issuesOf(createMeeting(branch.id, meetingInput({ attendance: present(zhang, chen) })));
    expect(messages).toEqual(['出席名单中的“陈静”不是本支部党员']);
    expect(await db.meetings.count()).toBe(0);
    expect(await countAudit()).toBe(auditBefore);
  });

  it('refuses a member not on the roll on the day, on save and on 定稿, and writes nothing', async () => {
    const { branch, zhang, li } = await seed();
    const newcomer = await createMember(branch.id, {
      name: '许晨',
      gender: '女',
      birthDate: '1998-01-01',
      joinedDate: '2030-06-15',
      status: '预备',
    });
    const auditBefore = await countAudit();
    const messages = await issuesOf(createMeeting(branch.id, meetingInput({ attendance: present(zhang, newcomer) })));
    expect(messages).toEqual(['许晨在会议当天不在册（2030-06-15 入党），请移出名单']);
    expect(await db.meetings.count()).toBe(0);
    expect(await countAudit()).toBe(auditBefore);

    // A draft saved while 李四 was on the roll; his 离开 date is then corrected to before the meeting.
    const draft = await createMeeting(branch.id, meetingInput({ attendance: present(zhang, li) }));
    await db.members.update(li.id, { leftDate: '2030-02-01' });
    expect(await issuesOf(finalizeMeeting(draft.id))).toEqual([
      '李四在会议当天不在册（2030-02-01 离开支部），请移出名单',
    ]);
    expect((await db.meetings.get(draft.id))?.status).toBe('草稿');
  });

  it('asks for what each kind needs, no duplicates, and a reason for 请假/缺席', async () => {
    const { branch, zhang, li, chen } = await seed();
    expect(await issuesOf(createMeeting(branch.id, meetingInput({ kind: '党课' })))).toEqual(['党课请填写授课人']);
    expect(await issuesOf(createMeeting(branch.id, meetingInput({ kind: '党小组会' })))).toEqual([
      '党小组会请选择党小组',
    ]);
    expect(await issuesOf(createMeeting(branch.id, meetingInput({ kind: '党小组会', partyGroupId: 'g9' })))).toEqual([
      '所选党小组不属于本支部，请重新选择',
    ]);
    expect(
      await issuesOf(createMeeting(branch.id, meetingInput({ kind: '谈心谈话', talkParties: [zhang.id] }))),
    ).toEqual(['谈心谈话请选择两位不同的谈话人']);
    expect(
      await issuesOf(createMeeting(branch.id, meetingInput({ kind: '谈心谈话', talkParties: [zhang.id, chen.id] }))),
    ).toEqual(['谈话人必须是本支部党员']);
    expect(
      await issuesOf(createMeeting(branch.id, meetingInput({ attendance: [...present(zhang), ...present(zhang)] }))),
    ).toEqual(['出席名单中“张三”重复出现']);
    expect(
      await issuesOf(
        createMeeting(
          branch.id,
          meetingInput({ attendance: [{ memberId: li.id, name: '李四', status: '请假', reason: ' ' }] }),
        ),
      ),
    ).toEqual(['请填写“李四”请假的原因']);
    expect(await db.meetings.count()).toBe(0);

    const talk = await createMeeting(branch.id, meetingInput({ kind: '谈心谈话', talkParties: [zhang.id, li.id] }));
    expect(talk.attendeeIds.sort()).toEqual([zhang.id, li.id].sort());
  });
});

describe('定稿 and 更正', () => {
  it('locks a finalised record: update refused, amendment needs a reason and is logged', async () => {
    const { branch, zhang, li } = await seed();
    const draft = await createMeeting(branch.id, meetingInput({ attendance: present(zhang) }));
    const final = await finalizeMeeting(draft.id);
    expect(final.status).toBe('已定稿');
    expect(final.finalizedAt).toBeTruthy();

    expect(await issuesOf(updateMeeting(draft.id, meetingInput({ topic: '改过的主题' })))).toEqual([
      '记录已定稿，不能直接修改；如需更正请使用“更正”并填写理由',
    ]);
    expect(await issuesOf(amendMeeting(draft.id, meetingInput({ topic: '改过的主题' }), '  笔误 '))).toEqual([
      '请填写更正理由（至少 4 个字）',
    ]);
    expect((await db.meetings.get(draft.id))!.topic).toBe('研究部署季度工作');

    const amended = await amendMeeting(
      draft.id,
      meetingInput({ topic: '研究部署第一季度工作', attendance: present(zhang, li) }),
      '主题漏写季度，补记李四出席',
    );
    expect(amended.status).toBe('已定稿');
    expect(amended.topic).toBe('研究部署第一季度工作');
    expect(amended.attendeeIds).toContain(li.id);
    const log = await listAudit('meeting', draft.id);
    expect(log.map((e) => e.action)).toEqual(['create', 'finalize', 'amend']);
    expect(log[2]!.reason).toBe('主题漏写季度，补记李四出席');
    expect(log[2]!.summary).toBe('修改了主题、出席情况');
  });

  it('keeps what a 更正 replaced: 原 → 现 for short fields, the whole previous text of long ones', async () => {
    const { branch, zhang, li, wang, venue } = await seed();
    const longText = '会议传达了上级文件精神。'.repeat(1500);
    const draft = await createMeeting(
      branch.id,
      meetingInput({
        date: '2030-09-30',
        recorder: '胡桂兰',
        content: longText,
        attendance: [...present(zhang, li), { memberId: wang.id, name: '王五', status: '缺席', reason: '未请假' }],
      }),
    );
    await finalizeMeeting(draft.id);
    await amendMeeting(
      draft.id,
      meetingInput({
        date: '2030-09-26',
        recorder: '袁明哲',
        venueId: venue.id,
        content: '会议传达了上级文件精神，研究了下季度工作。',
        attendance: [
          ...present(zhang),
          { memberId: li.id, name: '李四', status: '请假', reason: '出差' },
          ...present(wang),
        ],
      }),
      '记录人姓名写错，更正',
    );
    const [amendment] = await listAmendments(draft.id);
    expect(amendment!.summary).toBe('修改了日期、地点（阵地）、记录人、出席情况、会议内容');
    expect(amendment!.changes).toEqual([
      { field: 'date', label: '日期', before: '2030-09-30', after: '2030-09-26' },
      { field: 'venueId', label: '地点（阵地）', before: '', after: '党员活动室' },
      { field: 'recorder', label: '记录人', before: '胡桂兰', after: '袁明哲' },
      {
        field: 'attendance',
        label: '出席情况',
        before: '李四 出席、王五 缺席（未请假）',
        after: '李四 请假（出差）、王五 出席',
      },
      // The new text is the record's own; the finalised one is kept whole.
      { field: 'content', label: '会议内容', before: longText },
    ]);
    // Draft edits are not 更正: they keep only the field names.
    const other = await createMeeting(branch.id, meetingInput());
    await updateMeeting(other.id, meetingInput({ topic: '改过的主题' }));
    expect((await listAudit('meeting', other.id))[1]!.changes).toBeUndefined();
  });

  it('deletes a draft with an audit entry, never a finalised record', async () => {
    const { branch } = await seed();
    const draft = await createMeeting(branch.id, meetingInput());
    const kept = await createMeeting(branch.id, meetingInput({ date: '2030-04-01' }));
    await finalizeMeeting(kept.id);
    await deleteMeeting(draft.id);
    expect(await db.meetings.get(draft.id)).toBeUndefined();
    expect((await listAudit('meeting', draft.id)).map((e) => e.action)).toEqual(['create', 'delete']);
    expect(await issuesOf(deleteMeeting(kept.id))).toEqual(['记录已定稿，不能删除']);
    expect(await db.meetings.get(kept.id)).toBeDefined();
  });

  it("deletes a draft's files with it, but not one another record still uses", async () => {
    const { branch } = await seed();
    const file = (id: string) =>
      ({
        id,
        branchId: branch.id,
        name: `${id}.png`,
        mime: 'image/png',
        size: 3,
        sha256: id.padEnd(64, '0'),
        createdAt: '2030-01-01T00:00:00.000Z',
      }) as never;
    await db.attachments.bulkPut([file('a-own'), file('a-shared')]);
    const draft = await createMeeting(branch.id, meetingInput({ attachmentIds: ['a-own', 'a-shared'] }));
    await createMeeting(branch.id, meetingInput({ date: '2030-04-01', attachmentIds: ['a-shared'] }));
    await deleteMeeting(draft.id);
    expect(await db.attachments.get('a-own')).toBeUndefined();
    expect(await db.attachments.get('a-shared')).toBeDefined();
    const [, deleted] = await listAudit('meeting', draft.id);
    expect(deleted!.summary).toMatch(/及其 1 个附件$/);
  });
});

describe('search', () => {
  it('finds a record by a word of its minutes, in its branch only', async () => {
    const { branch, other } = await seed();
    const hit = await createMeeting(
      branch.id,
      meetingInput({ content: '会议讨论了发展党员工作，同意接收王五为预备党员。' }),
    );
    const decoy = await createMeeting(branch.id, meetingInput({ content: '做好发展党员，党员工作要细。' }));
    await createMeeting(other.id, meetingInput({ content: '讨论了发展党员工作。' }));
    expect((await searchMeetings(branch.id, '发展党员工作')).items.map((m) => m.id)).toEqual([hit.id]);
    expect((await searchMeetings(branch.id, '预备 党员')).items.map((m) => m.id)).toEqual([hit.id]);
    // The decoy holds every bigram of 「发展党员工作」 but not the phrase; this query it does match.
    expect((await searchMeetings(branch.id, '发展党员')).items.map((m) => m.id).sort()).toEqual(
      [hit.id, decoy.id].sort(),
    );
    expect((await searchMeetings(branch.id, '乡村振兴')).items).toEqual([]);
    expect((await searchMeetings(branch.id, '党')).items).toEqual([]);
  });
});

describe('keyset pagination', () => {
  async function allPages(branchId: string, filter: MeetingFilter, size: number): Promise<Meeting[]> {
    const out: Meeting[] = [];
    let cursor: MeetingCursor | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = await listMeetings(branchId, filter, cursor, size);
      expect(page.items.length).toBeLessThanOrEqual(size);
      out.push(...page.items);
      if (!page.next) return out;
      cursor = page.next;
    }
    throw new Error('paging did not end');
  }

  const newestFirst = (a: Meeting, b: Meeting) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id);

  it('returns every matching record exactly once, newest first, with each filter', async () => {
    const { branch, other, zhang, li, wang, venue } = await seed();
    const kinds = ['支委会', '主题党日', '专题学习'] as const;
    const made: Meeting[] = [];
    for (let i = 0; i < 31; i++) {
      // Records i and i+15 share a date; pages of 3 split such ties across a page boundary.
      const day = String(1 + (i % 3)).padStart(2, '0');
      const month = String(1 + (i % 5)).padStart(2, '0');
      made.push(
        await createMeeting(
          branch.id,
          meetingInput({
            kind: kinds[i % 3],
            date: `2030-${month}-${day}`,
            venueId: i % 4 === 0 ? venue.id : '',
            attendance: i % 2 === 0 ? present(zhang, wang) : [...present(li)],
          }),
        ),
      );
    }
    await createMeeting(other.id, meetingInput());
    await createMeeting(branch.id, meetingInput({ date: '2029-12-30' }));

    const cases: Array<[MeetingFilter, (m: Meeting) => boolean]> = [
      [{ year: 2030 }, () => true],
      [{ year: 2030, kind: '主题党日' }, (m) => m.kind === '主题党日'],
      [{ year: 2030, memberId: zhang.id }, (m) => m.attendeeIds.includes(zhang.id)],
      [{ year: 2030, venueId: venue.id }, (m) => m.venueId === venue.id],
      [{ year: 2030, month: 3, kind: '支委会' }, (m) => m.date.startsWith('2030-03') && m.kind === '支委会'],
      [
        { year: 2030, memberId: li.id, kind: '专题学习' },
        (m) => m.attendeeIds.includes(li.id) && m.kind === '专题学习',
      ],
    ];
    for (const [filter, keep] of cases) {
      const expected = made.filter(keep).sort(newestFirst);
      expect(expected.length).toBeGreaterThan(0);
      const got = await allPages(branch.id, filter, 3);
      expect(got.map((m) => m.id)).toEqual(expected.map((m) => m.id));
    }
    // No year: the 2029 record is included too.
    expect(await allPages(branch.id, {}, 20)).toHaveLength(32);
    expect((await meetingsInMonth(branch.id, 2030, 2)).every((m) => m.date.startsWith('2030-02'))).toBe(true);
    expect(await meetingsInMonth(branch.id, 2030, 2)).toHaveLength(
      made.filter((m) => m.date.startsWith('2030-02')).length,
    );
  });

  it('filters by 状态 (草稿 / 已定稿) alone, with a year, and together with the postings filters', async () => {
    const { branch, other, zhang, li } = await seed();
    const kinds = ['支委会', '主题党日'] as const;
    const made: Meeting[] = [];
    for (let i = 0; i < 14; i++) {
      const m = await createMeeting(
        branch.id,
        meetingInput({
          kind: kinds[i % 2],
          date: `20${i < 2 ? 29 : 30}-${String(1 + (i % 6)).padStart(2, '0')}-0${1 + (i % 3)}`,
          attendance: i % 3 === 0 ? present(zhang) : present(li),
        }),
      );
      // Every third record is finalised: drafts and finalised records interleave across pages.
      made.push(i % 3 === 0 ? await finalizeMeeting(m.id) : m);
    }
    await createMeeting(other.id, meetingInput({ date: '2030-03-01' }));
    const latest = async () => (await db.meetings.bulkGet(made.map((m) => m.id))).map((m) => m!);

    const cases: Array<[MeetingFilter, (m: Meeting) => boolean]> = [
      [{ status: '草稿' }, (m) => m.status === '草稿'],
      [{ year: 2030, status: '草稿' }, (m) => m.date.startsWith('2030') && m.status === '草稿'],
      [{ year: 2030, status: '已定稿' }, (m) => m.date.startsWith('2030') && m.status === '已定稿'],
      [
        { year: 2030, kind: '主题党日', status: '草稿' },
        (m) => m.date.startsWith('2030') && m.kind === '主题党日' && m.status === '草稿',
      ],
      [{ memberId: zhang.id, status: '已定稿' }, (m) => m.attendeeIds.includes(zhang.id) && m.status === '已定稿'],
    ];
    const stored = await latest();
    for (const [filter, keep] of cases) {
      const expected = stored.filter(keep).sort(newestFirst);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(stored.length);
      const got = await allPages(branch.id, filter, 3);
      expect(got.map((m) => m.id)).toEqual(expected.map((m) => m.id));
    }
  });
});
