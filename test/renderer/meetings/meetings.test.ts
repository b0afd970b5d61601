// Meeting repository: 第N次, 补录, validation, 定稿 and 更正 with audit, deletion, search and keyset paging.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Meeting } from '../../../shared/schemas/entities';
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

beforeEach(() => setChinaNow('2030-12-31T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

async function issuesOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => i.message);
}

describe('第N次 numbering', () => {
  it('numbers each kind per year in date order, and renumbers when an earlier meeting is entered later', async () => {
    const { branch } = await seed();
    const march = await createMeeting(branch.id, meetingInput({ date: '2030-03-10' }));
    const may = await createMeeting(branch.id, meetingInput({ date: '2030-05-10' }));
    const lesson = await createMeeting(branch.id, meetingInput({ kind: '党课', lecturer: '张三', date: '2030-04-01' }));
    const lastYear = await createMeeting(branch.id, meetingInput({ date: '2029-11-01' }));
    expect([march.seq, may.seq, lesson.seq, lastYear.seq]).toEqual([1, 2, 1, 1]);
    expect(await nextSeq(branch.id, '支委会', '2030-04-15')).toBe(2);

    await finalizeMeeting(may.id);
    const january = await createMeeting(branch.id, meetingInput({ date: '2030-01-15' }));
    expect(january.seq).toBe(1);
    expect((await db.meetings.get(march.id))!.seq).toBe(2);
    const mayAfter = (await db.meetings.get(may.id))!;
    expect(mayAfter.seq).toBe(3);
    expect(mayAfter.status).toBe('已定稿');
    // The finalised record's number changed: its history says so and why.
    const renumbered = await listAmendments(may.id);
    expect(renumbered).toHaveLength(1);
    expect(renumbered[0]!.summary).toBe('序号由第2次调整为第3次');
    expect(renumbered[0]!.reason).toContain('2030-01-15');
    // A draft's renumbering is not an amendment.
    expect(await listAmendments(march.id)).toEqual([]);

    await deleteMeeting(march.id);
    expect((await db.meetings.get(may.id))!.seq).toBe(2);
    expect((await db.meetings.get(january.id))!.seq).toBe(1);
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
});
