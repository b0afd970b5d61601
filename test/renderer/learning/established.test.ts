// 学习 and 技能比武 against the branch's 成立日期: a new date before it is refused, as a meeting's is; an entry already
// dated then (stored before the 成立日期 was set) keeps its date through an edit.
import { describe, expect, it } from 'vitest';
import { updateBranch } from '../../../renderer/src/db/repositories/branches';
import { createCompetition, updateCompetition } from '../../../renderer/src/db/repositories/competitions';
import { createLearning, updateLearning } from '../../../renderer/src/db/repositories/learning';
import { branchWithMembers, messagesOf } from './fixtures';

const TODAY = '2024-09-15';
const FOUNDED = '本支部成立日期（2024-05-01）；如成立日期有误，请先在“支部概况”中修改';

describe('the 成立日期', () => {
  it('refuses a 学习 entry newly dated before it and keeps one already dated then', async () => {
    const { branch, zhang } = await branchWithMembers();
    const input = { memberId: zhang.id, kind: '日阅一文' as const, title: '评论', date: '2024-03-01' };
    const stored = await createLearning(branch.id, input, TODAY);
    await updateBranch(branch.id, { ...branch, establishedDate: '2024-05-01', termStart: '2024-05-01' });

    expect(await messagesOf(() => createLearning(branch.id, input, TODAY))).toEqual([`学习日期不能早于${FOUNDED}`]);
    expect(await messagesOf(() => updateLearning(stored, { ...input, date: '2024-03-02' }, TODAY))).toEqual([
      `学习日期不能早于${FOUNDED}`,
    ]);
    expect((await updateLearning(stored, { ...input, notes: '心得' }, TODAY)).notes).toBe('心得');
    expect((await createLearning(branch.id, { ...input, date: '2024-05-01' }, TODAY)).date).toBe('2024-05-01');
  });

  it('refuses a 技能比武 newly dated before it and keeps one already dated then', async () => {
    const { branch, zhang } = await branchWithMembers();
    const event = (date: string, notes = '') => ({
      name: '公文写作比武',
      date,
      kind: '技能比武' as const,
      notes,
      participants: [{ memberId: zhang.id, name: '张三' }],
    });
    const stored = await createCompetition(branch.id, event('2024-03-01'));
    await updateBranch(branch.id, { ...branch, establishedDate: '2024-05-01', termStart: '2024-05-01' });

    expect(await messagesOf(() => createCompetition(branch.id, event('2024-04-30')))).toEqual([
      `比武日期不能早于${FOUNDED}`,
    ]);
    expect(await messagesOf(() => updateCompetition(stored.id, event('2024-03-02')))).toEqual([
      `比武日期不能早于${FOUNDED}`,
    ]);
    expect((await updateCompetition(stored.id, event('2024-03-01', '补充说明'))).notes).toBe('补充说明');
  });
});
