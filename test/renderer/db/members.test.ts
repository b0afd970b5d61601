// Member repository: roster per branch in pinyin order, validation, party-group check and audit.
import { describe, expect, it, vi } from 'vitest';
import { type MemberInput } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import { countAudit, listAudit } from '../../../renderer/src/db/repositories/audit';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { NotFoundError, ValidationError } from '../../../renderer/src/db/repositories/errors';
import {
  createMember,
  findMembersByName,
  listMembers,
  markMemberLeft,
  updateMember,
} from '../../../renderer/src/db/repositories/members';

const member = (overrides: Partial<MemberInput> = {}): MemberInput => ({
  name: '王芳',
  gender: '女',
  birthDate: '1985-05-01',
  joinedDate: '2008-07-01',
  status: '正式',
  ...overrides,
});

async function twoBranches() {
  const a = await createBranch({
    name: '甲支部',
    termStart: '2023-03-01',
    termEnd: '2026-02-28',
    partyGroups: [{ id: 'g1', name: '第一党小组' }],
  });
  const b = await createBranch({ name: '乙支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
  return { a, b };
}

describe('members repository', () => {
  it('lists only the branch’s members, in pinyin order', async () => {
    const { a, b } = await twoBranches();
    for (const name of ['赵强', '安宁', '白雪']) await createMember(a.id, member({ name }));
    await createMember(b.id, member({ name: '陈静' }));
    expect((await listMembers(a.id)).map((m) => m.name)).toEqual(['安宁', '白雪', '赵强']);
    expect((await listMembers(b.id)).map((m) => m.name)).toEqual(['陈静']);
    expect((await findMembersByName(a.id, ' 白雪 ')).map((m) => m.branchId)).toEqual([a.id]);
  });

  it('validates with the Chinese messages and writes nothing on error', async () => {
    const { a } = await twoBranches();
    const auditBefore = await countAudit();
    const error = await createMember(a.id, member({ name: '', phone: 'abc' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['请填写姓名', '电话号码只能包含数字、空格、+ 和 -']),
    );
    expect(await db.members.count()).toBe(0);
    expect(await countAudit()).toBe(auditBefore);
  });

  it('refuses dates in the future and 入党 before the eighteenth birthday; the leave date too', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T10:00:00+08:00'));
    try {
      const { a } = await twoBranches();
      const messages = async (input: MemberInput) =>
        ((await createMember(a.id, input).catch((e: unknown) => e)) as ValidationError).issues.map((i) => i.message);
      expect(await messages(member({ birthDate: '2030-05-01', joinedDate: '2030-06-01' }))).toEqual(
        expect.arrayContaining(['出生日期不能晚于今天（2026-11-27）', '入党日期不能晚于今天（2026-11-27）']),
      );
      expect(await messages(member({ birthDate: '1973-01-24', joinedDate: '1973-02-01' }))).toContain(
        '入党时应年满十八周岁：出生于 1973-01-24，入党日期不能早于 1991-01-24',
      );
      expect(await db.members.count()).toBe(0);
      // On the eighteenth birthday is fine.
      const ok = await createMember(a.id, member({ birthDate: '1973-01-24', joinedDate: '1991-01-24' }));
      await expect(markMemberLeft(ok.id, { leftDate: '2099-01-01', leftReason: '调出' })).rejects.toThrow(
        ValidationError,
      );
      expect((await db.members.get(ok.id))!.leftDate ?? '').toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a party group of another branch and an unknown branch', async () => {
    const { a, b } = await twoBranches();
    await expect(createMember(b.id, member({ partyGroupId: 'g1' }))).rejects.toBeInstanceOf(ValidationError);
    await expect(createMember('ghost', member())).rejects.toBeInstanceOf(NotFoundError);
    const ok = await createMember(a.id, member({ partyGroupId: 'g1' }));
    expect(ok.partyGroupId).toBe('g1');
    expect(await db.members.count()).toBe(1);
  });

  it('updates a member, keeps its branch and audits what changed', async () => {
    const { a } = await twoBranches();
    const created = await createMember(a.id, member());
    const updated = await updateMember(created.id, member({ status: '正式', post: '科长', phone: '010-12345678' }));
    expect(updated.branchId).toBe(a.id);
    expect(await db.members.get(created.id)).toEqual(updated);
    const audit = await listAudit('member', created.id);
    expect(audit.map((e) => e.action)).toEqual(['create', 'update']);
    expect(audit[1]!.summary).toBe('修改了「王芳」的职务、电话');
    await expect(updateMember('ghost', member())).rejects.toThrow('找不到该党员');
  });
});
