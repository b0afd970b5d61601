// 学习 repository: entries per member, refused for a future date or a member who had left; nothing saved on errors.
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { countAudit, listAudit } from '../../../renderer/src/db/repositories/audit';
import {
  createLearning,
  deleteLearning,
  getLearning,
  listLearning,
  updateLearning,
} from '../../../renderer/src/db/repositories/learning';
import { branchWithMembers, messagesOf } from './fixtures';

const TODAY = '2024-09-15';

describe('learning repository', () => {
  it('creates, lists by date, updates and deletes an entry, each with an audit entry', async () => {
    const { branch, zhang } = await branchWithMembers();
    const input = { memberId: zhang.id, kind: '季读一本' as const, title: '《习近平谈治国理政》', date: '2024-09-01' };
    const entry = await createLearning(branch.id, input, TODAY);
    expect(entry).toMatchObject({ ...input, notes: '', attachmentIds: [], branchId: branch.id });
    expect((await listLearning(branch.id, '2024-09-01', '2024-09-30')).map((e) => e.id)).toEqual([entry.id]);
    expect(await listLearning(branch.id, '2024-10-01', '2024-10-31')).toEqual([]);
    await updateLearning(entry, { ...input, notes: '读后心得' }, TODAY);
    expect((await getLearning(entry))!.notes).toBe('读后心得');
    await deleteLearning(entry);
    expect(await db.learningMonths.count()).toBe(0);
    await expect(deleteLearning(entry)).rejects.toThrow();
    expect((await listAudit('learning', entry.id, branch.id)).map((a) => a.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
  });

  it('keeps entries in branch-months: a new date moves the entry, lists stay in date order across months', async () => {
    const { branch, zhang } = await branchWithMembers();
    const base = { memberId: zhang.id, kind: '日阅一文' as const, title: '评论' };
    const late = await createLearning(branch.id, { ...base, date: '2024-08-20' }, TODAY);
    const early = await createLearning(branch.id, { ...base, date: '2024-08-02' }, TODAY);
    const july = await createLearning(branch.id, { ...base, date: '2024-07-31' }, TODAY);
    expect((await listLearning(branch.id, '2024-07-01', '2024-08-31')).map((e) => e.id)).toEqual([
      july.id,
      early.id,
      late.id,
    ]);
    // Bounds inside a month are exact, not whole months.
    expect((await listLearning(branch.id, '2024-08-03', '2024-08-31')).map((e) => e.id)).toEqual([late.id]);
    const moved = await updateLearning(late, { ...base, date: '2024-06-10' }, TODAY);
    expect((await db.learningMonths.toArray()).map((m) => [m.month, m.entries.map((e) => e.id)])).toEqual([
      ['2024-06', [late.id]],
      ['2024-07', [july.id]],
      ['2024-08', [early.id]],
    ]);
    expect(await getLearning(late)).toBeUndefined();
    expect(await getLearning(moved)).toEqual(moved);
  });

  it.each([
    {
      name: 'a date after today',
      input: (ids: Ids) => ({ memberId: ids.zhang, date: '2024-09-16' }),
      message: '学习日期不能晚于今天（2024-09-15）',
    },
    {
      name: 'a member who left before that date',
      input: (ids: Ids) => ({ memberId: ids.li, date: '2024-07-01' }),
      message: '“李四”已于 2024-06-30 离开支部，不能登记此后的记录',
    },
    {
      name: 'a member of another branch',
      input: (ids: Ids) => ({ memberId: ids.stranger, date: '2024-07-01' }),
      message: '所选党员不在本支部名册中，请重新选择',
    },
    {
      name: 'no title',
      input: (ids: Ids) => ({ memberId: ids.zhang, date: '2024-07-01', title: ' ' }),
      message: '请填写标题',
    },
    { name: 'no member', input: () => ({ memberId: '', date: '2024-07-01' }), message: '请选择党员' },
  ])('refuses $name, saving nothing', async ({ input, message }) => {
    const { branch, zhang, li, stranger } = await branchWithMembers();
    const ids = { zhang: zhang.id, li: li.id, stranger: stranger.id };
    const auditBefore = await countAudit();
    const messages = await messagesOf(() =>
      createLearning(branch.id, { kind: '日阅一文', title: '人民日报评论', ...input(ids) }, TODAY),
    );
    expect(messages).toContain(message);
    expect(await db.learningMonths.count()).toBe(0);
    expect(await countAudit()).toBe(auditBefore);
  });

  it('a member who left may still have entries from before leaving; an edit into the future is refused', async () => {
    const { branch, li } = await branchWithMembers();
    const input = { memberId: li.id, kind: '月写一篇' as const, title: '调研报告', date: '2024-06-30' };
    const entry = await createLearning(branch.id, input, TODAY);
    expect(await messagesOf(() => updateLearning(entry, { ...input, date: '2024-12-01' }, TODAY))).toContain(
      '学习日期不能晚于今天（2024-09-15）',
    );
    expect((await getLearning(entry))!.date).toBe('2024-06-30');
  });
});

type Ids = { zhang: string; li: string; stranger: string };
