// 复制上一年度 and last year's unfinished tasks: they are named, the chosen ones are carried into the same holder's list
// of the new year (once, audited), and the message says which stayed behind and why.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import { updateBranch } from '../../../renderer/src/db/repositories/branches';
import { markMemberLeft } from '../../../renderer/src/db/repositories/members';
import {
  copyPreviousYear,
  copyResultMessage,
  createResponsibility,
  listResponsibilities,
  tasksToCarry,
  tasksCarriedOn,
  updateResponsibility,
} from '../../../renderer/src/db/repositories/responsibilities';
import { seed, setChinaNow } from '../meetings/fixtures';
import { input } from './fixtures';

beforeEach(() => setChinaNow('2030-01-05T09:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

async function lastYear() {
  const { branch, zhang, li, wang } = await seed();
  const first = await createResponsibility(
    branch.id,
    input({
      year: 2029,
      holderMemberId: zhang.id,
      tasks: [
        { title: '更新党员活动室电教设备', deadline: '2029-11-30', status: '进行中', note: '已采购投影仪' },
        { title: '制定年度计划', deadline: '2029-02-28', status: '已完成', note: '已印发' },
        { title: '建立党员积分台账', status: '未开始' },
      ],
    }),
  );
  const direct = await createResponsibility(
    branch.id,
    input({
      year: 2029,
      holderMemberId: li.id,
      holderName: li.name,
      role: '直接责任人',
      tasks: [{ title: '发展对象培养', deadline: '2029-12-20', status: '进行中' }],
    }),
  );
  return { branch, zhang, li, wang, first, direct };
}

describe('复制上一年度 with unfinished tasks', () => {
  it("names last year's unfinished tasks, carries the chosen ones into the holder's new list, once", async () => {
    const { branch, first } = await lastYear();
    const choices = await tasksToCarry(branch.id, 2030);
    expect(choices.map((c) => [c.task.title, c.holderName, c.role])).toEqual([
      ['更新党员活动室电教设备', '张三', '第一责任人'],
      ['建立党员积分台账', '张三', '第一责任人'],
      ['发展对象培养', '李四', '直接责任人'],
    ]);

    const equipment = first.tasks[0]!;
    const result = await copyPreviousYear(branch.id, 2030, { carryTaskIds: [equipment.id] });
    expect(copyResultMessage(result, 2030)).toEqual({
      type: 'success',
      text:
        '已复制 2 位责任人的职责，转入 1 项未完成的任务：更新党员活动室电教设备（张三）；' +
        '2029年度尚未完成、未转入的任务：建立党员积分台账（张三）、发展对象培养（李四）',
    });
    const lists = await listResponsibilities(branch.id, 2030);
    const zhangList = lists.find((r) => r.holderName === '张三')!;
    // The same task, marked as carried; its deadline has passed and it stays overdue until done.
    expect(zhangList.tasks).toEqual([
      {
        id: equipment.id,
        title: '更新党员活动室电教设备',
        deadline: '2029-11-30',
        status: '进行中',
        note: '已采购投影仪',
        evidenceMeetingIds: [],
        carriedFrom: 2029,
      },
    ]);
    expect(lists.find((r) => r.holderName === '李四')!.tasks).toEqual([]);
    expect((await listAudit('responsibility', zhangList.id))[0]!.summary).toBe(
      '从2029年度复制第一责任人「张三」的职责，转入未完成的任务「更新党员活动室电教设备」',
    );

    // Carried once: the next copy offers only the others, and carries into the lists already there (audited).
    expect((await tasksToCarry(branch.id, 2030)).map((c) => c.task.title)).toEqual([
      '建立党员积分台账',
      '发展对象培养',
    ]);
    const again = await copyPreviousYear(branch.id, 2030, {
      carryTaskIds: [equipment.id, ...choices.map((c) => c.task.id)],
    });
    expect(copyResultMessage(again, 2030)).toEqual({
      type: 'success',
      text: '已转入 2 项未完成的任务：建立党员积分台账（张三）、发展对象培养（李四）',
    });
    const after = await listResponsibilities(branch.id, 2030);
    expect(after.find((r) => r.holderName === '张三')!.tasks.map((t) => [t.title, t.carriedFrom])).toEqual([
      ['更新党员活动室电教设备', 2029],
      ['建立党员积分台账', 2029],
    ]);
    // The list with its carried tasks, their 2029 deadlines kept, is saved again as the form saves it.
    const zhangAfter = after.find((r) => r.holderName === '张三')!;
    const saved = await updateResponsibility(zhangAfter.id, {
      ...zhangAfter,
      tasks: zhangAfter.tasks.map((t) => ({ ...t, status: '已完成' as const, note: '已完成' })),
    });
    expect(saved.tasks.map((t) => [t.deadline, t.status, t.carriedFrom])).toEqual([
      ['2029-11-30', '已完成', 2029],
      [undefined, '已完成', 2029],
    ]);
    // 2029's list shows them as carried on, not as its own overdue tasks.
    expect([...(await tasksCarriedOn(branch.id, 2029)).values()]).toEqual([2030, 2030, 2030]);
    const liList = after.find((r) => r.holderName === '李四')!;
    expect((await listAudit('responsibility', liList.id)).map((e) => [e.action, e.summary])).toContainEqual([
      'update',
      '从2029年度转入「李四」的未完成任务「发展对象培养」',
    ]);
    expect(await tasksToCarry(branch.id, 2030)).toEqual([]);
  });

  it('cannot carry the task of a holder who has no list in the new year, and says why', async () => {
    const { branch, li, direct } = await lastYear();
    await markMemberLeft(li.id, { leftDate: '2029-12-31', leftReason: '调往其他单位' });
    const result = await copyPreviousYear(branch.id, 2030, { carryTaskIds: [direct.tasks[0]!.id] });
    expect(copyResultMessage(result, 2030).text).toBe(
      '已复制 1 位责任人的职责（任务不复制）；跳过已离开支部的：李四；' +
        '2029年度尚未完成、未转入的任务：更新党员活动室电教设备（张三）、建立党员积分台账（张三）、' +
        '发展对象培养（李四，已离开支部）',
    );
  });

  it("gives a former 书记's list and chosen task to the new 书记, who is on the roster", async () => {
    const { branch, first, wang } = await lastYear();
    await updateBranch(branch.id, { ...branch, committee: [{ name: '王五', role: '书记' }] });
    const result = await copyPreviousYear(branch.id, 2030, { carryTaskIds: [first.tasks[0]!.id] });
    expect(result.carried).toEqual([{ title: '更新党员活动室电教设备', holderName: '张三→王五' }]);
    expect(result.noFirstHolder).toBe(false);
    const lists = await listResponsibilities(branch.id, 2030);
    const successor = lists.find((r) => r.role === '第一责任人')!;
    expect([successor.holderMemberId, successor.holderName, successor.duties]).toEqual([wang.id, '王五', first.duties]);
    expect(successor.tasks.map((t) => [t.title, t.carriedFrom])).toEqual([['更新党员活动室电教设备', 2029]]);
    expect((await listAudit('responsibility', successor.id))[0]!.summary).toBe(
      '从2029年度复制第一责任人「张三」的职责给「王五」，转入未完成的任务「更新党员活动室电教设备」',
    );
  });

  it("cannot carry a former 书记's task when the new 书记 is not on the roster, and says why", async () => {
    const { branch, first } = await lastYear();
    await updateBranch(branch.id, { ...branch, committee: [{ name: '外单位人员', role: '书记' }] });
    const result = await copyPreviousYear(branch.id, 2030, { carryTaskIds: [first.tasks[0]!.id] });
    expect(result.leftBehind[0]).toEqual({
      title: '更新党员活动室电教设备',
      holderName: '张三',
      reason: '2030年度没有其第一责任人清单',
    });
    expect(result.carried).toEqual([]);
  });

  it('keeps the old message when last year left nothing unfinished', async () => {
    const { branch, zhang } = await seed();
    await createResponsibility(
      branch.id,
      input({
        year: 2029,
        holderMemberId: zhang.id,
        tasks: [{ title: '制定年度计划', deadline: '2029-02-28', status: '已完成', note: '已印发' }],
      }),
    );
    expect(await tasksToCarry(branch.id, 2030)).toEqual([]);
    expect(copyResultMessage(await copyPreviousYear(branch.id, 2030), 2030)).toEqual({
      type: 'success',
      text: '已复制 1 位责任人的职责（任务不复制）',
    });
  });
});
