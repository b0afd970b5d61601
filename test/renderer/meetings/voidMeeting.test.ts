// 作废 of a 已定稿 record entered by mistake: gone from the records, the later ones move up a number (audited), and
// the 操作日志 keeps what it was and why. Drafts are deleted, not voided; a reason is required.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import {
  createMeeting,
  finalizeMeeting,
  listAmendments,
  voidMeeting,
} from '../../../renderer/src/db/repositories/meetings';
import { meetingInput, seed, setChinaNow } from './fixtures';

beforeEach(() => setChinaNow('2030-12-31T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

async function refusal(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => i.message);
}

describe('作废 of a 已定稿 record', () => {
  it('removes a duplicate, moves the later records up a number and logs what it was and why', async () => {
    const { branch } = await seed();
    const first = await finalizeMeeting((await createMeeting(branch.id, meetingInput({ date: '2030-11-25' }))).id);
    const duplicate = await finalizeMeeting(
      (await createMeeting(branch.id, meetingInput({ date: '2030-11-25', topic: '重复的一条' }))).id,
    );
    const december = await finalizeMeeting((await createMeeting(branch.id, meetingInput({ date: '2030-12-10' }))).id);
    const seqs = [first, duplicate, december].map((m) => m.seq);
    expect(seqs).toEqual([1, 2, 3]);

    await voidMeeting(duplicate.id, '重复录入，与第1次为同一次会议');

    expect(await db.meetings.get(duplicate.id)).toBeUndefined();
    expect((await db.meetings.get(first.id))!.seq).toBe(1);
    expect((await db.meetings.get(december.id))!.seq).toBe(2);
    const [entry] = (await listAudit('meeting', duplicate.id)).filter((e) => e.action === 'delete');
    expect(entry).toMatchObject({ reason: '重复录入，与第1次为同一次会议', branchId: branch.id });
    expect(entry!.summary).toBe(
      `作废了已定稿的支委会记录「重复的一条」（2030-11-25，第2次），原因：重复录入，与第1次为同一次会议`,
    );
    // The move of the December record is in its history, with the why; it is not a 更正.
    const moved = await listAmendments(december.id);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.summary).toBe(
      '序号由第3次调整为第2次（2030-11-25的支委会记录「重复的一条」作废，按日期顺序重新编号）',
    );
  });

  it('asks for a reason, and leaves a draft to 删除', async () => {
    const { branch } = await seed();
    const final = await finalizeMeeting((await createMeeting(branch.id, meetingInput({ date: '2030-03-10' }))).id);
    const draft = await createMeeting(branch.id, meetingInput({ date: '2030-04-10' }));
    expect(await refusal(voidMeeting(final.id, ' 错 '))).toEqual([expect.stringMatching(/^请填写作废原因/)]);
    expect(await refusal(voidMeeting(draft.id, '录入错误，应删除'))).toEqual(['草稿不需要作废，可以直接删除']);
    expect(await db.meetings.count()).toBe(2);
  });
});
