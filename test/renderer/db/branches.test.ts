// Branch repository: validation, audit in the same transaction, current branch, Chinese sorting.
import { describe, expect, it, vi } from 'vitest';
import { type BranchInput } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import { countAudit, listAudit } from '../../../renderer/src/db/repositories/audit';
import {
  committeeChanges,
  createBranch,
  getBranch,
  listBranches,
  updateBranch,
} from '../../../renderer/src/db/repositories/branches';
import { NotFoundError, ValidationError } from '../../../renderer/src/db/repositories/errors';
import { createMember } from '../../../renderer/src/db/repositories/members';
import { getCurrentBranchId, setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { memberInput } from '../meetings/fixtures';

function input(overrides: Partial<BranchInput> = {}): BranchInput {
  return {
    name: '机关第一党支部',
    parentOrg: '机关党委',
    establishedDate: '2010-07-01',
    termStart: '2023-03-01',
    termEnd: '2026-02-28',
    committee: [{ name: '张明', role: '书记' }],
    partyGroups: [{ id: '', name: '第一党小组', leaderName: '李华' }],
    unitSpirit: '',
    deptPhilosophy: '',
    ...overrides,
  };
}

async function expectValidationError(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('branches repository', () => {
  it('creates a branch and reads it back with ids and timestamps stamped', async () => {
    const created = await createBranch(input());
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(created.partyGroups[0]!.id).toMatch(/^[0-9a-f-]{36}$/);

    const stored = await getBranch(created.id);
    expect(stored).toEqual(created);
    expect(stored?.name).toBe('机关第一党支部');
    expect(stored?.committee).toEqual([{ name: '张明', role: '书记' }]);

    const audit = await listAudit('branch', created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', branchId: created.id, entity: 'branch' });
  });

  it('keeps the ids of existing party groups', async () => {
    const created = await createBranch(input({ partyGroups: [{ id: 'pg-keep', name: '第一党小组' }] }));
    expect(created.partyGroups.map((g) => g.id)).toEqual(['pg-keep']);
  });

  it('refuses an empty name with the Chinese message and writes nothing', async () => {
    const error = await expectValidationError(createBranch(input({ name: '   ' })));
    expect(error.issues).toContainEqual({ path: 'name', message: '请填写支部名称' });
    expect(error.message).toContain('请填写支部名称');
    expect(await db.branches.count()).toBe(0);
    expect(await countAudit()).toBe(0);
    expect(await getCurrentBranchId()).toBeUndefined();
  });

  it('refuses a term that ends before it starts and writes nothing', async () => {
    const error = await expectValidationError(createBranch(input({ termStart: '2025-03-01', termEnd: '2024-03-01' })));
    expect(error.issues).toEqual([{ path: 'termEnd', message: '本届结束日期必须晚于开始日期' }]);
    expect(await db.branches.count()).toBe(0);
    expect(await countAudit()).toBe(0);
  });

  it('updates a branch and audits the changed fields in Chinese', async () => {
    const created = await createBranch(input());
    const updated = await updateBranch(created.id, { ...input(), name: '机关第二党支部', termEnd: '2026-03-31' });
    expect(updated.name).toBe('机关第二党支部');
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect(await getBranch(created.id)).toEqual(updated);

    const audit = await listAudit('branch', created.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.summary).toContain('支部名称');
    expect(audit[1]!.summary).toContain('本届结束日期');
    expect(audit[1]!.summary).not.toContain('上级党组织');
  });

  it('writes nothing when an update changes nothing', async () => {
    const created = await createBranch(input());
    const same = await updateBranch(created.id, { ...input(), partyGroups: created.partyGroups });
    expect(same).toEqual(created);
    expect(await listAudit('branch', created.id)).toHaveLength(1);
  });

  it('rolls the branch change back when the audit write fails in the same transaction', async () => {
    const created = await createBranch(input());
    const spy = vi.spyOn(db.auditPages, 'put').mockRejectedValueOnce(new Error('磁盘已满'));
    try {
      await expect(updateBranch(created.id, { ...input(), name: '改名后的支部' })).rejects.toThrow('磁盘已满');
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
    expect((await getBranch(created.id))?.name).toBe('机关第一党支部');
    expect(await listAudit('branch', created.id)).toHaveLength(1);
  });

  it('throws a Chinese NotFoundError when updating an unknown branch', async () => {
    const error = await updateBranch('no-such-id', input()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('找不到该支部');
  });

  it('refuses to remove a party group that still has members', async () => {
    const created = await createBranch(input());
    const group = created.partyGroups[0]!;
    await createMember(created.id, {
      name: '王芳',
      gender: '女',
      birthDate: '1985-05-01',
      joinedDate: '2008-07-01',
      status: '正式',
      partyGroupId: group.id,
    });
    const error = await expectValidationError(updateBranch(created.id, { ...input(), partyGroups: [] }));
    expect(error.issues[0]!.message).toContain('第一党小组');
    expect((await getBranch(created.id))?.partyGroups).toEqual([group]);
  });

  it('drops a 委员 row’s roster link once the row names someone else, and tidies a dot variant, keeping its link', async () => {
    const created = await createBranch(input());
    const jiang = await createMember(created.id, memberInput('蒋国栋'));
    const abdu = await createMember(created.id, memberInput('阿卜杜·热合曼'));
    const linked = [
      { name: '张明', role: '书记' as const },
      { name: '蒋国栋', role: '宣传委员' as const, memberId: jiang.id },
      { name: '阿卜杜·热合曼', role: '纪检委员' as const, memberId: abdu.id },
    ];
    await db.branches.update(created.id, { committee: linked });
    // 王玲 typed over 蒋国栋; 阿卜杜•热合曼 typed with another dot is still the roster's 阿卜杜·热合曼.
    const saved = await updateBranch(created.id, {
      ...input(),
      committee: [linked[0]!, { ...linked[1]!, name: '王玲' }, { ...linked[2]!, name: '阿卜杜•热合曼' }],
    });
    // The dot is tidied as the roster's names are.
    expect(saved.committee).toEqual([
      { name: '张明', role: '书记' },
      { name: '王玲', role: '宣传委员' },
      { name: '阿卜杜·热合曼', role: '纪检委员', memberId: abdu.id },
    ]);
    expect((await getBranch(created.id))?.committee).toEqual(saved.committee);
  });

  it('refuses a second 书记, a second 副书记 and a repeated 党小组 name, on the repeated row, and writes nothing', async () => {
    const error = await expectValidationError(
      createBranch(
        input({
          committee: [
            { name: '张明', role: '书记' },
            { name: '王强', role: '副书记' },
            { name: '李华', role: '委员' },
            { name: '赵敏', role: '书记' },
            { name: '孙丽', role: '副书记' },
            { name: '周杰', role: '委员' },
          ],
          partyGroups: [
            { id: '', name: '第一党小组' },
            { id: '', name: '第二党小组' },
            { id: '', name: ' 第一党小组 ' },
          ],
        }),
      ),
    );
    expect(error.issues).toEqual([
      {
        path: 'committee.3.role',
        message: '支委会同一时间只能有一名书记。如是换届，请保留原书记并填写任职止，新书记填写任职起',
      },
      {
        path: 'committee.4.role',
        message: '支委会同一时间只能有一名副书记。如是换届，请保留原副书记并填写任职止，新副书记填写任职起',
      },
      { path: 'partyGroups.2.name', message: '党小组名称「第一党小组」重复' },
    ]);
    expect(await db.branches.count()).toBe(0);
    expect(await countAudit()).toBe(0);
  });

  it('keeps a former 书记 with 任职止 beside the successor, and stores only the dates given', async () => {
    const created = await createBranch(input());
    const after = await updateBranch(
      created.id,
      input({
        partyGroups: created.partyGroups,
        committee: [
          { name: '张明', role: '书记', from: '', to: '2025-07-15' },
          { name: '赵敏', role: '书记', from: '2025-07-15', to: '' },
          { name: '张明', role: '委员', from: '2025-07-15' },
        ],
      }),
    );
    expect(after.committee).toEqual([
      { name: '张明', role: '书记', to: '2025-07-15' },
      { name: '赵敏', role: '书记', from: '2025-07-15' },
      { name: '张明', role: '委员', from: '2025-07-15' },
    ]);
    expect(after.committee.map((c) => Object.keys(c).sort())).toEqual([
      ['name', 'role', 'to'],
      ['from', 'name', 'role'],
      ['from', 'name', 'role'],
    ]);
    const summaries = async () => (await listAudit('branch', created.id)).map((a) => a.summary);
    // The entry says who left and who came, so a 换届 can be read from the 操作日志 alone.
    expect(await summaries()).toEqual([
      '新建支部「机关第一党支部」',
      '修改了支委会成员（支委会：张明（书记）任职至2025-07-15；赵敏任书记（2025-07-15起）；张明任委员（2025-07-15起））',
    ]);
    // Saving it again as it is writes nothing: '' dates are stored as none, so nothing reads as changed.
    await updateBranch(
      created.id,
      input({
        partyGroups: created.partyGroups,
        committee: after.committee.map((c) => ({ ...c, from: c.from ?? '' })),
      }),
    );
    expect(await summaries()).toHaveLength(2);
  });

  it('refuses two 书记 whose 任职起止 overlap, on the later row’s 任职起, and an end before the start', async () => {
    const error = await expectValidationError(
      createBranch(
        input({
          committee: [
            { name: '张明', role: '书记', to: '2025-07-15' },
            { name: '赵敏', role: '书记', from: '2025-07-01' },
            { name: '王强', role: '副书记', from: '2025-03-01', to: '2025-02-01' },
          ],
        }),
      ),
    );
    expect(error.issues).toEqual([
      { path: 'committee.2.to', message: '任职止不能早于任职起' },
      {
        path: 'committee.1.from',
        message: '与书记张明（至 2025-07-15）的任职时间重叠，同一时间只能有一名书记',
      },
    ]);
    // The successor without a 任职起 overlaps too: the form asks for the day.
    const undated = await expectValidationError(
      createBranch(
        input({
          committee: [
            { name: '张明', role: '书记', to: '2025-07-15' },
            { name: '赵敏', role: '书记' },
          ],
        }),
      ),
    );
    expect(undated.issues).toEqual([
      {
        path: 'committee.1.from',
        message: '与书记张明（至 2025-07-15）的任职时间重叠，同一时间只能有一名书记',
      },
    ]);
    expect(await db.branches.count()).toBe(0);
  });

  it("reports a repeated 党小组 together with the schema's messages, and refuses it on update too", async () => {
    const both = await expectValidationError(
      createBranch(
        input({
          name: '',
          partyGroups: [
            { id: '', name: '甲组' },
            { id: '', name: '甲组' },
          ],
        }),
      ),
    );
    expect(both.issues.map((i) => i.path)).toEqual(['name', 'partyGroups.1.name']);

    const created = await createBranch(input());
    const error = await expectValidationError(
      updateBranch(created.id, {
        ...input(),
        partyGroups: [...created.partyGroups, { id: '', name: '第一党小组', leaderName: '' }],
      }),
    );
    expect(error.issues).toEqual([{ path: 'partyGroups.1.name', message: '党小组名称「第一党小组」重复' }]);
    expect(await getBranch(created.id)).toEqual(created);
  });

  it('allows several 委员 and a branch without a 书记', async () => {
    const created = await createBranch(
      input({
        committee: [
          { name: '李华', role: '委员' },
          { name: '周杰', role: '委员' },
        ],
      }),
    );
    expect(created.committee).toHaveLength(2);
  });

  it('makes the first branch current and leaves an existing choice alone', async () => {
    expect(await getCurrentBranchId()).toBeUndefined();
    const first = await createBranch(input({ name: '甲支部' }));
    expect(await getCurrentBranchId()).toBe(first.id);
    await createBranch(input({ name: '乙支部' }));
    expect(await getCurrentBranchId()).toBe(first.id);
  });

  it('lists branches in Chinese (pinyin) order, not code-point order', async () => {
    // Code points put 办 (U+529E) before 安 (U+5B89) and 综 before 财; pinyin puts an < ban < cai < zong.
    for (const name of ['综合处党支部', '办公室党支部', '财务处党支部', '安全处党支部']) {
      await createBranch(input({ name }));
    }
    expect((await listBranches()).map((b) => b.name)).toEqual([
      '安全处党支部',
      '办公室党支部',
      '财务处党支部',
      '综合处党支部',
    ]);
  });

  it('setCurrentBranchId accepts existing branches and refuses unknown ids', async () => {
    const a = await createBranch(input({ name: '甲支部' }));
    const b = await createBranch(input({ name: '乙支部' }));
    await setCurrentBranchId(b.id);
    expect(await getCurrentBranchId()).toBe(b.id);
    await expect(setCurrentBranchId('ghost')).rejects.toBeInstanceOf(NotFoundError);
    expect(await getCurrentBranchId()).toBe(b.id);
    expect(a.id).not.toBe(b.id);
  });
});

describe('committeeChanges', () => {
  it('names a deleted row, a cleared 任职止, and counts what is over eight', () => {
    const row = (name: string, role: '书记' | '委员', extra = {}) => ({ name, role, ...extra });
    expect(
      committeeChanges([row('张明', '书记', { to: '2025-07-15' }), row('李四', '委员')], [row('张明', '书记')]),
    ).toBe('张明（书记）任职止已清除；删除李四（委员）');
    const many = Array.from({ length: 10 }, (_, i) => row(`委员${i + 1}`, '委员'));
    expect(committeeChanges([], many)).toBe(
      `${many
        .slice(0, 8)
        .map((m) => `${m.name}任委员`)
        .join('；')}等 10 项`,
    );
    expect(committeeChanges(many, many)).toBe('');
  });
});
