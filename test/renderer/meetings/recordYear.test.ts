// 所属年度 in the database: last year's 组织生活会 held in January is numbered, counted and offered as evidence in last
// year; moving it back into its own year renumbers both years, audited for finalised records.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadComplianceSources } from '../../../renderer/src/db/repositories/compliance';
import {
  amendMeeting,
  countingBetween,
  listAmendments,
  createMeeting,
  finalizeMeeting,
  finalizeDrafts,
  listMeetings,
  nextSeq,
  planFinalizeDrafts,
  updateMeeting,
  type MeetingFilter,
} from '../../../renderer/src/db/repositories/meetings';
import { countMeetings } from '../../../renderer/src/features/meetings/meetingCounts';
import { listEvidenceChoices } from '../../../renderer/src/db/repositories/responsibilities';
import { db } from '../../../renderer/src/db/db';
import { possibleDuplicates } from '../../../renderer/src/db/repositories/meetingNeighbours';
import { duplicateQuestion } from '../../../renderer/src/features/meetings/DuplicateDialog';
import { meetingInput, present, seed, setChinaNow } from './fixtures';

beforeEach(() => setChinaNow('2031-02-20T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

const life = (date: string, forYear?: number) =>
  meetingInput({ kind: '组织生活会', topic: `组织生活会${date}`, date, ...(forYear ? { forYear } : {}) });

describe('所属年度', () => {
  it('numbers a 2030 组织生活会 held in January 2031 after 2030’s, and leaves 2031’s numbers to 2031', async () => {
    const { branch, zhang } = await seed();
    const people = { attendance: present(zhang) };
    const june = await createMeeting(branch.id, { ...life('2030-06-10'), ...people });
    await finalizeMeeting(june.id);
    const late = await createMeeting(branch.id, { ...life('2031-01-15', 2030), ...people });
    expect(late.forYear).toBe(2030);
    expect(late.seq).toBe(2);
    // A 2031 one of its own starts 2031 at 第1次.
    const own = await createMeeting(branch.id, { ...life('2031-02-10'), ...people });
    expect(own.seq).toBe(1);
    expect('forYear' in own).toBe(false);
    // The form's preview agrees.
    expect(await nextSeq(branch.id, '组织生活会', '2031-01-20', undefined, undefined, 2030)).toBe(3);
    expect(await nextSeq(branch.id, '组织生活会', '2031-01-20')).toBe(1);
  });

  it('counts in 2030’s compliance, evidence and volume reads, not in 2031’s', async () => {
    const { branch, zhang } = await seed();
    const late = await createMeeting(branch.id, { ...life('2031-01-15', 2030), attendance: present(zhang) });
    const y2030 = await loadComplianceSources(branch.id, 2030);
    expect(y2030.meetings.map((m) => m.id)).toEqual([late.id]);
    expect(y2030.meetings[0]!.forYear).toBe(2030);
    expect((await loadComplianceSources(branch.id, 2031)).meetings).toEqual([]);
    expect((await countingBetween(branch.id, '2030-01-01', '2030-12-31')).map((m) => m.id)).toEqual([late.id]);
    expect(await countingBetween(branch.id, '2031-01-01', '2031-12-31')).toEqual([]);
    const choices = await listEvidenceChoices(branch.id, 2030);
    expect(choices.map((c) => c.label)).toEqual(['2031-01-15（2030年度） 组织生活会 组织生活会2031-01-15']);
  });

  it('moving a finalised one back into its own year renumbers both years, audited; clearing is kept', async () => {
    const { branch, zhang } = await seed();
    const people = { attendance: present(zhang) };
    const late = await createMeeting(branch.id, { ...life('2031-01-15', 2030), ...people });
    await finalizeMeeting(late.id);
    const own = await createMeeting(branch.id, { ...life('2031-02-10'), ...people });
    await finalizeMeeting(own.id);
    expect((await db.meetings.get(own.id))!.seq).toBe(1);

    const moved = await amendMeeting(late.id, { ...life('2031-01-15'), ...people }, '误选为上一年度');
    expect('forYear' in moved).toBe(false);
    expect(moved.seq).toBe(1);
    // 2031's own record is now second in its year, and says why.
    expect((await db.meetings.get(own.id))!.seq).toBe(2);
    const entries = await db.auditPages.toArray();
    const text = JSON.stringify(entries);
    expect(text).toContain('组织生活会记录「组织生活会2031-01-15」的所属年度有更正，按日期顺序重新编号');
  });

  it('refuses 所属年度 on a draft moved to April, and keeps it off other kinds', async () => {
    const { branch, zhang } = await seed();
    const draft = await createMeeting(branch.id, { ...life('2031-01-15', 2030), attendance: present(zhang) });
    await expect(
      updateMeeting(draft.id, { ...life('2030-04-15', 2029), attendance: present(zhang) }),
    ).rejects.toThrow();
    await expect(
      createMeeting(branch.id, { ...meetingInput({ date: '2031-01-10' }), forYear: 2030 }),
    ).rejects.toThrow();
    expect((await db.meetings.get(draft.id))!.forYear).toBe(2030);
  });

  it('a year’s list, its count and 按日期顺序定稿 go by 所属年度; a month by the date', async () => {
    const { branch, zhang } = await seed();
    const people = { attendance: present(zhang) };
    const own2030 = await createMeeting(branch.id, { ...life('2030-11-20'), ...people });
    await finalizeMeeting(own2030.id);
    const late = await createMeeting(branch.id, { ...life('2031-01-15', 2030), ...people });
    const own2031 = await createMeeting(branch.id, { ...life('2031-02-10'), ...people });
    const committee = await createMeeting(branch.id, meetingInput({ date: '2031-01-20', attendance: present(zhang) }));
    const ids = async (filter: MeetingFilter) => (await listMeetings(branch.id, filter)).items.map((m) => m.id);
    const both = async (filter: MeetingFilter) => {
      const listed = await ids(filter);
      expect(await countMeetings(branch.id, filter), JSON.stringify(filter)).toBe(listed.length);
      return listed;
    };
    expect(await both({ year: 2030 })).toEqual([late.id, own2030.id]);
    expect(await both({ year: 2030, kind: '组织生活会' })).toEqual([late.id, own2030.id]);
    expect(await both({ year: 2030, status: '草稿' })).toEqual([late.id]);
    expect(await both({ year: 2030, kind: '组织生活会', status: '草稿' })).toEqual([late.id]);
    expect(await both({ year: 2031 })).toEqual([own2031.id, committee.id]);
    expect(await both({ year: 2031, kind: '组织生活会' })).toEqual([own2031.id]);
    expect(await both({ year: 2031, month: 1 })).toEqual([committee.id, late.id]);
    expect(await both({})).toHaveLength(4);

    // 按日期顺序定稿 of 2030 finalises last year's late draft after 2030's own: 2030年度第2次; 2031's stays a draft.
    const plan = await planFinalizeDrafts(branch.id, { year: 2030, kind: '组织生活会' });
    expect(plan.finalized.map((m) => [m.id, m.seq])).toEqual([[late.id, 2]]);
    expect(plan.renumbered).toBe(0);
    await finalizeDrafts(branch.id, { year: 2030, kind: '组织生活会' });
    expect((await db.meetings.get(late.id))!).toMatchObject({ status: '已定稿', seq: 2 });
    expect((await db.meetings.get(own2031.id))!).toMatchObject({ status: '草稿', seq: 1 });
  });

  it('按日期顺序定稿 of 2031 numbers 2031’s own and leaves a late 2030 record of the same dates alone', async () => {
    const { branch, zhang } = await seed();
    const people = { attendance: present(zhang) };
    const own2030 = await createMeeting(branch.id, { ...life('2030-11-20'), ...people });
    await finalizeMeeting(own2030.id);
    // Finalised as 2030年度第2次 and dated 2031-01-08, after a 2031 draft of 2031-01-02.
    const late = await createMeeting(branch.id, { ...life('2031-01-08', 2030), ...people });
    await finalizeMeeting(late.id);
    const early2031 = await createMeeting(branch.id, { ...life('2031-01-02', 2031), ...people });
    const late2030Draft = await createMeeting(branch.id, { ...life('2031-01-05', 2030), ...people });
    const plan2031 = await planFinalizeDrafts(branch.id, { year: 2031 });
    expect(plan2031.finalized.map((m) => [m.id, m.seq])).toEqual([[early2031.id, 1]]);
    expect(plan2031.renumbered).toBe(0);
    await finalizeDrafts(branch.id, { year: 2031 });
    // 2030's book: the late draft (01-05) goes before the finalised 01-08 one, which moves to 第3次, audited.
    const plan2030 = await planFinalizeDrafts(branch.id, { year: 2030 });
    expect(plan2030.finalized.map((m) => [m.id, m.seq])).toEqual([[late2030Draft.id, 2]]);
    expect(plan2030.renumbered).toBe(1);
    await finalizeDrafts(branch.id, { year: 2030 });
    const seqs = async () =>
      Object.fromEntries((await db.meetings.toArray()).map((m) => [m.topic.slice(-10), `${m.status}${m.seq}`]));
    expect(await seqs()).toEqual({
      '2030-11-20': '已定稿1',
      '2031-01-05': '已定稿2',
      '2031-01-08': '已定稿3',
      '2031-01-02': '已定稿1',
    });
  });

  it('a 更正 names 所属年度 only when the year it counts for changes, as 「2030年度 → 2031年度」', async () => {
    const { branch, zhang } = await seed();
    const people = { attendance: present(zhang) };
    const december = await createMeeting(branch.id, { ...life('2030-12-16'), ...people });
    await finalizeMeeting(december.id);
    // Moved into January for 2030: the date changed, the year it counts for did not.
    const topic = december.topic;
    await amendMeeting(december.id, { ...life('2031-01-08', 2030), topic, ...people }, '日期录入有误');
    const [dateOnly] = await listAmendments(december.id);
    expect(dateOnly!.changes!.map((c) => c.label)).toEqual(['日期']);
    await amendMeeting(december.id, { ...life('2031-01-08'), topic, ...people }, '应计入2031年度');
    const amendments = (await listAmendments(december.id)).filter((e) => e.action === 'amend');
    expect(amendments[1]!.changes).toEqual([
      { field: 'forYear', label: '所属年度', before: '2030年度', after: '2031年度' },
    ]);
  });

  it('asks about a second entry of the year’s 组织生活会 across New Year, naming its 所属年度', async () => {
    const { branch, zhang } = await seed();
    const people = { attendance: present(zhang) };
    const december = await createMeeting(branch.id, { ...life('2030-12-16'), topic: '2030年度组织生活会', ...people });
    const probe = { kind: '组织生活会' as const, date: '2031-01-16', topic: '2030年度组织生活会' };
    expect((await possibleDuplicates(branch.id, { ...probe, forYear: 2030 })).map((m) => m.id)).toEqual([december.id]);
    // Counted for 2031 it is another year's meeting: not asked about.
    expect(await possibleDuplicates(branch.id, probe)).toEqual([]);
    const late = await createMeeting(branch.id, { ...life('2031-01-16', 2030), ...people });
    expect(duplicateQuestion(late, branch.partyGroups)).toBe(
      '2031-01-16 已有一条组织生活会记录「组织生活会2031-01-16」（草稿，2030年度第2次），仍要保存吗？',
    );
  });

  it('a range ending on 31 December takes last year’s late records; one ending mid-year takes none of them', async () => {
    const { branch, zhang } = await seed();
    const late = await createMeeting(branch.id, { ...life('2031-01-15', 2030), attendance: present(zhang) });
    const ids = async (from: string, to: string) => (await countingBetween(branch.id, from, to)).map((m) => m.id);
    expect(await ids('2030-07-01', '2030-12-31')).toEqual([late.id]);
    expect(await ids('2030-01-01', '2030-06-30')).toEqual([]);
    expect(await ids('2031-01-01', '2031-06-30')).toEqual([]);
    expect(await ids('2021-01-01', '2030-12-31')).toEqual([late.id]);
  });
});
