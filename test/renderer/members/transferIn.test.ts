// 转入本支部日期 in the member repository and in what the 工作台 reads: kept when given, left out when empty (so an
// old member edited for their 电话 changes nothing else), no later than today nor the 离开日期, and carried to the
// compliance engine so 王芳, who transferred in on 2025-06-01, is no 谈心谈话 subject of 2024.
import { describe, expect, it } from 'vitest';
import { getRulePack } from '../../../shared/rules/packs';
import { computeCompliance } from '../../../shared/scoring/compliance';
import type { MemberInput } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { loadComplianceSources } from '../../../renderer/src/db/repositories/compliance';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import { createMember, markMemberLeft, updateMember } from '../../../renderer/src/db/repositories/members';

const wangFang = (over: Partial<MemberInput> = {}): MemberInput => ({
  name: '王芳',
  gender: '女',
  birthDate: '1985-05-01',
  joinedDate: '2010-07-01',
  joinedBranchDate: '2025-06-01',
  status: '正式',
  ...over,
});

const branch = () => createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });

async function issuesOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => [i.path, i.message]);
}

describe('转入本支部日期 in the roster', () => {
  it('is stored when given and absent when empty, as on every row from before the field', async () => {
    const b = await branch();
    const transferred = await createMember(b.id, wangFang());
    expect((await db.members.get(transferred.id))?.joinedBranchDate).toBe('2025-06-01');
    const local = await createMember(b.id, wangFang({ name: '李明', joinedBranchDate: '' }));
    expect('joinedBranchDate' in (await db.members.get(local.id))!).toBe(false);
  });

  it('an edit of another field of a member without it says only that field changed', async () => {
    const b = await branch();
    const m = await createMember(b.id, wangFang({ joinedBranchDate: undefined }));
    await updateMember(m.id, wangFang({ joinedBranchDate: '', phone: '13800000000' }));
    expect((await listAudit('member', m.id)).at(-1)?.summary).toBe('修改了「王芳」的电话');
    await updateMember(m.id, wangFang({ phone: '13800000000' }));
    expect((await listAudit('member', m.id)).at(-1)?.summary).toBe('修改了「王芳」的转入本支部日期');
  });

  it('refuses a date after today, before 入党, or after the 离开日期 set by 转出', async () => {
    const b = await branch();
    expect(await issuesOf(createMember(b.id, wangFang({ joinedBranchDate: '2999-01-01' })))).toEqual([
      ['joinedBranchDate', expect.stringMatching(/^转入本支部日期不能晚于今天（\d{4}-\d\d-\d\d）$/)],
    ]);
    expect(await issuesOf(createMember(b.id, wangFang({ joinedBranchDate: '2009-01-01' })))).toEqual([
      ['joinedBranchDate', '转入本支部日期不能早于入党日期'],
    ]);
    const m = await createMember(b.id, wangFang());
    expect(await issuesOf(markMemberLeft(m.id, { leftDate: '2025-05-01', leftReason: '调离' }))).toEqual([
      ['joinedBranchDate', '转入本支部日期不能晚于离开支部日期'],
    ]);
    expect((await db.members.get(m.id))?.leftDate).toBeUndefined();
  });
});

describe('what the 工作台 reads', () => {
  it('carries the 转入本支部日期 to the compliance engine: no 2024 谈心谈话 is asked of her', async () => {
    const b = await branch();
    await createMember(b.id, wangFang());
    await createMember(b.id, wangFang({ name: '张三', birthDate: '1980-01-01', joinedBranchDate: '' }));
    const sources = await loadComplianceSources(b.id, 2024);
    expect(sources.members.find((m) => m.name === '王芳')?.joinedBranchDate).toBe('2025-06-01');
    const talks = computeCompliance({ ...sources, asOf: '2025-01-15', pack: getRulePack(undefined) }).rules.find(
      (r) => r.rule.id === 'talks',
    )!;
    expect(talks.missed.map((p) => p.subject!.name)).toEqual(['张三']);
  });
});
