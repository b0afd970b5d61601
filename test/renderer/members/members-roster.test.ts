// Roster additions to the member repository: duplicates refused, 转出 keeps the member, import is all-or-nothing.
import { describe, expect, it } from 'vitest';
import { type MemberInput } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import { countAudit, listAudit } from '../../../renderer/src/db/repositories/audit';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { ValidationError } from '../../../renderer/src/db/repositories/errors';
import {
  createMember,
  importMembers,
  listMembers,
  markMemberLeft,
  restoreMember,
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

async function branch() {
  return createBranch({
    name: '甲支部',
    termStart: '2023-03-01',
    termEnd: '2026-02-28',
    partyGroups: [{ id: 'g1', name: '第一党小组' }],
  });
}

async function messageOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => i.message);
}

describe('duplicate members', () => {
  it('refuses a second member with the same name and birth date, with the Chinese message on 姓名', async () => {
    const a = await branch();
    await createMember(a.id, member());
    const auditBefore = await countAudit();
    expect(await messageOf(createMember(a.id, member({ post: '科员' })))).toEqual([
      '已有同名且出生日期相同的党员“王芳”',
    ]);
    expect(await db.members.count()).toBe(1);
    expect(await countAudit()).toBe(auditBefore);
    // Same name, other birth date: a different person.
    await createMember(a.id, member({ birthDate: '1990-01-01' }));
    expect(await db.members.count()).toBe(2);
  });

  it('still refuses the duplicate when the first one has left, and when an edit would create it', async () => {
    const a = await branch();
    const first = await createMember(a.id, member());
    await markMemberLeft(first.id, { leftDate: '2024-01-01', leftReason: '调离' });
    await expect(createMember(a.id, member())).rejects.toBeInstanceOf(ValidationError);
    const other = await createMember(a.id, member({ name: '李明' }));
    expect(await messageOf(updateMember(other.id, member()))).toEqual(['已有同名且出生日期相同的党员“王芳”']);
    // Editing a member without touching name or birth date is not a duplicate of itself.
    await updateMember(other.id, member({ name: '李明', post: '科长' }));
  });
});

describe('names that differ only by a dot or a space', () => {
  it('stores a padded or dotted name tidy, and refuses the same person typed another way', async () => {
    const a = await branch();
    const padded = await createMember(
      a.id,
      member({ name: '王  芳', birthDate: '1977-01-10', joinedDate: '2000-07-01' }),
    );
    expect(padded.name).toBe('王芳');
    expect(await messageOf(createMember(a.id, member({ name: '王\u3000芳', birthDate: '1977-01-10' })))).toEqual([
      '已有同名且出生日期相同的党员“王芳”',
    ]);
    const dotted = await createMember(
      a.id,
      member({ name: '阿依古丽•买买提', birthDate: '1988-08-08', joinedDate: '2010-07-01' }),
    );
    expect(dotted.name).toBe('阿依古丽·买买提');
    for (const name of ['阿依古丽・买买提', '阿依古丽.买买提', '阿依古丽·买买提']) {
      expect(await messageOf(createMember(a.id, member({ name, birthDate: '1988-08-08' }))), name).toEqual([
        '已有同名且出生日期相同的党员“阿依古丽·买买提”',
      ]);
    }
    // A Latin name keeps the space between its words.
    expect((await createMember(a.id, member({ name: 'Li  Na', birthDate: '1990-01-01' }))).name).toBe('Li Na');
    expect(await db.members.count()).toBe(3);
  });

  it('matches a name stored untidy before, without rewriting it, and lets old double entries be edited', async () => {
    const a = await branch();
    const at = new Date().toISOString();
    const stored = (id: string, name: string) => ({
      ...member({ name, birthDate: '1977-01-10', joinedDate: '2000-07-01' }),
      id,
      branchId: a.id,
      partyGroupId: '',
      post: '',
      phone: '',
      motto: '',
      fullMemberDate: '',
      leftReason: '',
      createdAt: at,
      updatedAt: at,
    });
    await db.members.bulkAdd([stored('old1', '王  芳'), stored('old2', '王\u3000芳')] as never);
    expect(await messageOf(createMember(a.id, member({ name: '王芳', birthDate: '1977-01-10' })))).toEqual([
      '已有同名且出生日期相同的党员“王  芳”',
    ]);
    await expect(importMembers(a.id, [member({ name: '王芳', birthDate: '1977-01-10' })])).rejects.toThrow(
      '已有同名且出生日期相同的党员“王  芳”',
    );
    expect((await db.members.get('old1'))?.name).toBe('王  芳');
    // One of the two entries of one person can still be corrected (and is stored tidy), or 转出.
    const edited = await updateMember('old2', member({ name: '王\u3000芳', birthDate: '1977-01-10', post: '科长' }));
    expect(edited.name).toBe('王芳');
    await markMemberLeft('old1', { leftDate: '2024-01-01', leftReason: '重复登记' });
  });

  it('imports a padded name tidy and refuses a file repeating one person by a dot variant', async () => {
    const a = await branch();
    const written = await importMembers(a.id, [member({ name: '赵  四' })]);
    expect(written.map((m) => m.name)).toEqual(['赵四']);
    await expect(
      importMembers(a.id, [
        member({ name: '阿依古丽·买买提', birthDate: '1988-08-08' }),
        member({ name: '阿依古丽•买买提', birthDate: '1988-08-08' }),
      ]),
    ).rejects.toThrow('已有同名且出生日期相同的党员“阿依古丽·买买提”');
    expect(await db.members.count()).toBe(1);
  });
});

describe('markMemberLeft', () => {
  it('keeps the member with the date and reason, audits it, and restoreMember puts it back', async () => {
    const a = await branch();
    const m = await createMember(a.id, member());
    const left = await markMemberLeft(m.id, { leftDate: '2024-06-30', leftReason: '组织关系转出' });
    expect(left).toMatchObject({ leftDate: '2024-06-30', leftReason: '组织关系转出', name: '王芳' });
    expect(await listMembers(a.id)).toEqual([left]);
    const audit = await listAudit('member', m.id);
    expect(audit.at(-1)).toMatchObject({ action: 'update', reason: '组织关系转出' });
    expect(audit.at(-1)?.summary).toBe('「王芳」于 2024-06-30 转出/离开支部');

    const back = await restoreMember(m.id);
    expect(back.leftDate).toBe('');
    expect((await db.members.get(m.id))?.leftReason).toBe('');
  });

  it('requires a date and a reason, and a date not before 入党', async () => {
    const a = await branch();
    const m = await createMember(a.id, member());
    expect(await messageOf(markMemberLeft(m.id, { leftDate: '', leftReason: ' ' }))).toEqual([
      '请填写离开日期',
      '请填写离开原因',
    ]);
    expect(await messageOf(markMemberLeft(m.id, { leftDate: '2000-01-01', leftReason: '调离' }))).toEqual([
      '离开支部日期不能早于入党日期',
    ]);
    expect((await db.members.get(m.id))?.leftDate).toBeUndefined();
  });
});

describe('importMembers', () => {
  it('writes all rows in one transaction with one audit entry per member', async () => {
    const a = await branch();
    const auditBefore = await countAudit();
    const written = await importMembers(a.id, [member(), member({ name: '李明', partyGroupId: 'g1' })]);
    expect(written.map((m) => m.name)).toEqual(['王芳', '李明']);
    expect((await listMembers(a.id)).map((m) => m.name).sort()).toEqual(['李明', '王芳']);
    expect(await countAudit()).toBe(auditBefore + 2);
    expect((await listAudit('member', written[1]!.id))[0]?.summary).toBe('从 Excel 导入党员「李明」');
  });

  it.each([
    ['an invalid row', [member({ name: '李明' }), member({ joinedDate: '' })]],
    ['an unknown party group', [member({ name: '李明' }), member({ partyGroupId: 'ghost' })]],
    ['a repeat within the rows', [member(), member({ name: '李明' }), member()]],
  ])('writes nothing at all when one row has %s', async (_what, rows) => {
    const a = await branch();
    const auditBefore = await countAudit();
    await expect(importMembers(a.id, rows)).rejects.toBeInstanceOf(ValidationError);
    expect(await db.members.count()).toBe(0);
    expect(await countAudit()).toBe(auditBefore);
  });

  it('writes nothing when a row became a duplicate of the roster after the preview', async () => {
    const a = await branch();
    await createMember(a.id, member());
    await expect(importMembers(a.id, [member({ name: '李明' }), member()])).rejects.toThrow('已有同名且出生日期相同');
    expect((await listMembers(a.id)).map((m) => m.name)).toEqual(['王芳']);
  });
});
