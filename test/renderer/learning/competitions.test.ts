// 技能比武 repository: events with participants' scores, ranks and awards; refused participants save nothing.
import { allAuditEntries, countAudit, listAudit } from '../../../renderer/src/db/repositories/audit';
import { describe, expect, it } from 'vitest';
import { type CompetitionInput } from '../../../shared/schemas';
import { db } from '../../../renderer/src/db/db';
import {
  createCompetition,
  deleteCompetition,
  listCompetitions,
  updateCompetition,
} from '../../../renderer/src/db/repositories/competitions';
import { branchWithMembers, messagesOf } from './fixtures';

const event = (participants: CompetitionInput['participants'], date = '2024-08-01'): CompetitionInput => ({
  name: '公文写作比武',
  date,
  kind: '技能比武',
  participants,
});

describe('competitions repository', () => {
  it('creates, lists newest first, updates results and deletes, with audit', async () => {
    const { branch, zhang } = await branchWithMembers();
    const first = await createCompetition(branch.id, event([{ memberId: zhang.id, name: '张三' }], '2024-03-01'));
    expect(first.participants[0]).toMatchObject({ score: null, rank: null, award: '' });
    const second = await createCompetition(
      branch.id,
      event([{ memberId: zhang.id, name: '张三', score: 95.5, rank: 1, award: '一等奖' }]),
    );
    expect((await listCompetitions(branch.id)).map((c) => c.id)).toEqual([second.id, first.id]);
    await updateCompetition(first.id, event([{ memberId: zhang.id, name: '张三', score: 88, rank: 2 }], '2024-03-01'));
    expect((await db.competitions.get(first.id))!.participants[0]).toMatchObject({ score: 88, rank: 2 });
    await deleteCompetition(first.id);
    expect(await db.competitions.count()).toBe(1);
    expect((await allAuditEntries()).filter((a) => a.entity === 'competition').map((a) => a.action)).toEqual([
      'create',
      'create',
      'update',
      'delete',
    ]);
    expect((await listAudit('competition', first.id, branch.id)).map((a) => a.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
  });

  it.each([
    ['a member who left before the event', 'li', '“李四”已于 2024-06-30 离开支部，不能参加此后的比武'],
    ['a member of another branch', 'stranger', '参赛人员“某人”不在本支部名册中'],
  ] as const)('refuses %s, saving nothing', async (_n, who, message) => {
    const ctx = await branchWithMembers();
    const audit = await countAudit();
    const messages = await messagesOf(() =>
      createCompetition(ctx.branch.id, event([{ memberId: ctx[who].id, name: '某人' }])),
    );
    expect(messages).toEqual([message]);
    expect(await db.competitions.count()).toBe(0);
    expect(await countAudit()).toBe(audit);
  });

  it.each([
    [{ score: -1 }, '成绩不能为负数'],
    [{ rank: 0 }, '名次应从 1 开始'],
    [{ rank: 1.5 }, '名次应为整数'],
  ])('refuses results %o', async (result, message) => {
    const { branch, zhang } = await branchWithMembers();
    expect(
      await messagesOf(() => createCompetition(branch.id, event([{ memberId: zhang.id, name: '张三', ...result }]))),
    ).toContain(message);
    expect(await db.competitions.count()).toBe(0);
  });

  it('refuses the same member twice', async () => {
    const { branch, zhang } = await branchWithMembers();
    const twice = [
      { memberId: zhang.id, name: '张三' },
      { memberId: zhang.id, name: '张三' },
    ];
    expect(await messagesOf(() => createCompetition(branch.id, event(twice)))).toEqual(['“张三”重复参赛']);
    expect(await db.competitions.count()).toBe(0);
  });

  it('reports the same member twice in the same refusal as the other errors, even a 名次 that is not whole', async () => {
    const { branch, zhang } = await branchWithMembers();
    const twice = [
      { memberId: zhang.id, name: '张三', rank: 1.5 },
      { memberId: zhang.id, name: '张三' },
    ];
    // No 比武类型: what a cleared select sends, not a CompetitionInput.
    const input = { ...event(twice), name: ' ', kind: '' } as unknown as CompetitionInput;
    expect(await messagesOf(() => createCompetition(branch.id, input))).toEqual([
      '请填写比武名称',
      '请选择比武类型',
      '名次应为整数',
      '“张三”重复参赛',
    ]);
    expect(await db.competitions.count()).toBe(0);
  });

  it('a correction names what changed in the log; 保存 without a change writes nothing', async () => {
    const { branch, zhang, li } = await branchWithMembers();
    const input = event([{ memberId: zhang.id, name: '张三', score: 89 }], '2024-05-20');
    const created = await createCompetition(branch.id, input);
    expect(await updateCompetition(created.id, input)).toEqual(created);
    await updateCompetition(created.id, {
      ...input,
      name: '公文写作大赛',
      participants: [
        { memberId: zhang.id, name: '张三', score: 91 },
        { memberId: li.id, name: '李四', score: 95 },
      ],
    });
    expect((await listAudit('competition', created.id, branch.id)).map((a) => a.summary)).toEqual([
      '新增技能比武「公文写作比武」（2024-05-20，1 人参加）',
      '修改了技能比武「公文写作大赛」的比武名称、参赛人员及成绩',
    ]);
  });

  it('refuses an event dated after today, as meetings and learning are', async () => {
    const { branch, zhang } = await branchWithMembers();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const messages = await messagesOf(() =>
      createCompetition(branch.id, event([{ memberId: zhang.id, name: '张三' }], tomorrow)),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^比武日期不能晚于今天（\d{4}-\d{2}-\d{2}）$/);
    expect(await db.competitions.count()).toBe(0);
  });
});
