// 所属年度 in the database: last year's 组织生活会 held in January is numbered, counted and offered as evidence in last
// year; moving it back into its own year renumbers both years, audited for finalised records.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadComplianceSources } from '../../../renderer/src/db/repositories/compliance';
import {
  amendMeeting,
  countingBetween,
  createMeeting,
  finalizeMeeting,
  nextSeq,
  updateMeeting,
} from '../../../renderer/src/db/repositories/meetings';
import { listEvidenceChoices } from '../../../renderer/src/db/repositories/responsibilities';
import { db } from '../../../renderer/src/db/db';
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
});
