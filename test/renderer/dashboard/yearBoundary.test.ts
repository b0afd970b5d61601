// The 工作台 across New Year: unfinished tasks of earlier years stay until done, 谈心谈话 / 党小组会 still open in the
// current period are named (never 100 % while someone is pending), and in January–February last year's loose ends.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeetingKind } from '../../../shared/domain/vocab';
import { db } from '../../../renderer/src/db/db';
import { createAssessment } from '../../../renderer/src/db/repositories/assessments';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { createMember, markMemberLeft } from '../../../renderer/src/db/repositories/members';
import {
  copyPreviousYear,
  createResponsibility,
  updateResponsibility,
} from '../../../renderer/src/db/repositories/responsibilities';
import { ensureBuiltInStandards } from '../../../renderer/src/db/repositories/standards';
import { loadDashboard } from '../../../renderer/src/features/dashboard/dashboardData';
import { recordsViewFromHash } from '../../../renderer/src/features/meetings/recordsRoute';
import { meetingInput, present, seed, setChinaNow } from '../meetings/fixtures';
import { input } from '../responsibility/fixtures';
import { assessmentInput } from './assessmentFixtures';

afterEach(() => {
  vi.useRealTimers();
});

const pad = (n: number) => String(n).padStart(2, '0');

describe('领导有责任 after New Year', () => {
  it("keeps last year's unfinished tasks on the new year's 工作台, with their year, until they are done", async () => {
    setChinaNow('2030-01-05T09:00:00');
    const { branch, zhang } = await seed();
    const tasks = [
      { title: '更新党员活动室电教设备', deadline: '2029-11-30', status: '进行中' as const },
      { title: '已办完的任务', deadline: '2029-10-01', status: '已完成' as const, note: '已按期完成' },
      { title: '一月中旬前完成', deadline: '2030-01-20', status: '未开始' as const },
      { title: '年底前完成', deadline: '2030-12-20', status: '未开始' as const },
    ];
    const list = await createResponsibility(branch.id, input({ year: 2029, holderMemberId: zhang.id, tasks }));
    // Two years back, still not done: still overdue.
    await createResponsibility(
      branch.id,
      input({
        year: 2028,
        holderMemberId: zhang.id,
        tasks: [{ title: '建立党员积分台账', deadline: '2028-06-30', status: '未开始' }],
      }),
    );
    const due = async () =>
      (await loadDashboard(branch.id, 2030, '2030-01-05')).tasks.map((t) => [t.task.title, t.year, t.overdue]);
    expect(await due()).toEqual([
      ['建立党员积分台账', 2028, true],
      ['更新党员活动室电教设备', 2029, true],
      ['一月中旬前完成', 2029, false],
    ]);

    const done = list.tasks.map((t) =>
      t.title === '更新党员活动室电教设备' ? { ...t, status: '已完成' as const, note: '2030年1月4日完成' } : t,
    );
    await updateResponsibility(list.id, input({ year: 2029, holderMemberId: zhang.id, tasks: done }));
    expect(await due()).toEqual([
      ['建立党员积分台账', 2028, true],
      ['一月中旬前完成', 2029, false],
    ]);
  });

  it('follows a task carried into the new year in that year only', async () => {
    setChinaNow('2030-01-05T09:00:00');
    const { branch, zhang } = await seed();
    const list = await createResponsibility(
      branch.id,
      input({
        year: 2029,
        holderMemberId: zhang.id,
        tasks: [{ title: '更新党员活动室电教设备', deadline: '2029-11-30', status: '进行中' }],
      }),
    );
    await copyPreviousYear(branch.id, 2030, { carryTaskIds: [list.tasks[0]!.id] });
    const view = await loadDashboard(branch.id, 2030, '2030-01-05');
    expect(view.tasks.map((t) => [t.task.title, t.task.carriedFrom, t.year, t.overdue])).toEqual([
      ['更新党员活动室电教设备', 2029, 2030, true],
    ]);
  });
});

describe('scoped rules while their period is open', () => {
  it('names the members not yet talked with on the last day of the year, and does not call the line complete', async () => {
    setChinaNow('2029-12-31T23:50:00');
    const { branch, zhang, li, wang } = await seed();
    await createMeeting(
      branch.id,
      meetingInput({
        kind: '谈心谈话',
        topic: '谈心',
        date: '2029-12-03',
        talkParties: [zhang.id, wang.id],
        attendance: present(zhang, wang),
      }),
    );
    const talks = async () =>
      (await loadDashboard(branch.id, 2029, '2029-12-31')).records.find((r) => r.ruleId === 'talks')!;
    const open = await talks();
    expect([open.text, open.percent, open.misses]).toEqual(['谈心谈话 2/3 人，1 人待谈', 67, []]);
    expect(open.pendingText).toBe('尚未谈话：李四（本年度还剩 1 天）');
    expect(open.pending.map((p) => [p.label, recordsViewFromHash(p.href)])).toEqual([
      ['李四', { view: 'new', kind: '谈心谈话', date: '2029-12-31', party: li.id }],
    ]);
    // Had 李四 transferred out in July, the year would ask nothing more of the branch for him.
    await markMemberLeft(li.id, { leftDate: '2029-07-15', leftReason: '调出' });
    const done = await talks();
    expect([done.text, done.percent, done.pending]).toEqual(['谈心谈话 2/2 人', 100, []]);
  });

  it('names the 党小组 without a meeting this month and counts them in the line', async () => {
    setChinaNow('2030-06-15T10:00:00');
    const { branch } = await seed();
    for (let month = 1; month <= 5; month++) {
      await createMeeting(
        branch.id,
        meetingInput({ kind: '党小组会', partyGroupId: 'g1', topic: `${month}月学习`, date: `2030-${pad(month)}-08` }),
      );
    }
    const group = (await loadDashboard(branch.id, 2030, '2030-06-15')).records.find((r) => r.ruleId === 'group')!;
    expect([group.text, group.percent]).toEqual(['党小组会 5/6 项（党小组），1 个党小组待记录', 83]);
    expect(group.pendingText).toBe('尚未记录：第一党小组（6月还剩 16 天）');
    expect(group.pending.map((p) => recordsViewFromHash(p.href))).toEqual([
      { view: 'new', kind: '党小组会', date: '2030-06-15', group: 'g1' },
    ]);
    // In a new year, before anything counts, the line is not due yet (as 支委会's is), and still names who is left.
    const january = (await loadDashboard(branch.id, 2031, '2031-01-05')).records.find((r) => r.ruleId === 'group')!;
    expect([january.text, january.percent, january.notDue, january.pendingText]).toEqual([
      '党小组会',
      undefined,
      '本年度尚未到期',
      '尚未记录：第一党小组（1月还剩 27 天）',
    ]);
  });

  it('names at most ten members, then how many in all', async () => {
    setChinaNow('2030-03-01T10:00:00');
    const { branch } = await seed();
    for (let i = 1; i <= 9; i++) {
      await createMember(branch.id, {
        name: `党员${i}`,
        gender: '女',
        birthDate: '1990-01-01',
        joinedDate: '2015-07-01',
        status: '正式',
      });
    }
    const talks = (await loadDashboard(branch.id, 2030, '2030-03-01')).records.find((r) => r.ruleId === 'talks')!;
    expect(talks.pending).toHaveLength(12);
    expect(talks.pendingText).toMatch(/^尚未谈话：(\S+、){9}\S+等 12 人（本年度还剩 306 天）$/u);
  });
});

describe('上一年度收尾 in January and February', () => {
  it("sums up last year's drafts, missed periods, overdue tasks and missing 考评; nothing once all is closed", async () => {
    setChinaNow('2030-01-05T09:00:00');
    await ensureBuiltInStandards();
    const { branch, zhang, li, wang } = await seed();
    const all = present(zhang, li, wang);
    const add = (kind: MeetingKind, date: string, extra: Parameters<typeof meetingInput>[0] = {}) =>
      createMeeting(branch.id, meetingInput({ kind, date, topic: `${kind}${date}`, attendance: all, ...extra }));
    for (let month = 1; month <= 12; month++) {
      if (month !== 4) await add('支委会', `2029-${pad(month)}-10`);
      await add('主题党日', `2029-${pad(month)}-12`);
      await add('党小组会', `2029-${pad(month)}-14`, { partyGroupId: 'g1' });
      if (month % 3 === 0) await add('支部党员大会', `2029-${pad(month)}-16`);
    }
    await add('党课', '2029-06-20', { lecturer: '张三' });
    await add('组织生活会', '2029-12-20');
    await add('民主评议党员', '2029-12-21');
    await add('谈心谈话', '2029-11-03', { talkParties: [zhang.id, li.id], attendance: present(zhang, li) });
    await add('谈心谈话', '2029-11-04', { talkParties: [zhang.id, wang.id], attendance: present(zhang, wang) });
    await db.meetings.toCollection().modify({ status: '已定稿' });
    await add('主题党日', '2029-12-22');
    const list = await createResponsibility(
      branch.id,
      input({
        year: 2029,
        holderMemberId: zhang.id,
        tasks: [{ title: '更新党员活动室电教设备', deadline: '2029-11-30', status: '进行中' }],
      }),
    );

    const closing = (await loadDashboard(branch.id, 2030, '2030-01-05', 2029)).closing!;
    expect(closing.year).toBe(2029);
    expect([closing.drafts, recordsViewFromHash(closing.draftsHref)]).toEqual([
      1,
      { view: 'list', filter: { year: 2029, status: '草稿' } },
    ]);
    expect([closing.missed, closing.missedText, closing.missedHref]).toEqual([1, '支委会 1 个月', '#/home?year=2029']);
    expect([closing.overdueTasks, closing.tasksHref]).toEqual([1, '#/responsibility?year=2029']);
    expect(closing.assessments).toEqual(['2029 年度尚未自评', '2029 年度尚无上级评定']);
    // Outside January and February (no year to close) there is no such block.
    expect((await loadDashboard(branch.id, 2030, '2030-01-05')).closing).toBeUndefined();

    await add('支委会', '2029-04-10');
    await db.meetings.toCollection().modify({ status: '已定稿' });
    await updateResponsibility(
      list.id,
      input({
        year: 2029,
        holderMemberId: zhang.id,
        tasks: [{ ...list.tasks[0]!, status: '已完成', note: '2029年12月完成' }],
      }),
    );
    await createAssessment(branch.id, await assessmentInput(8, { date: '2030-01-04' }));
    await createAssessment(branch.id, await assessmentInput(8, { kind: '上级评定', date: '2030-01-04' }));
    expect((await loadDashboard(branch.id, 2030, '2030-01-05', 2029)).closing).toBeUndefined();
  });

  it('says nothing about a year the branch kept no records in', async () => {
    setChinaNow('2030-01-05T09:00:00');
    const { branch } = await seed();
    expect((await loadDashboard(branch.id, 2030, '2030-01-05', 2029)).closing).toBeUndefined();
  });
});

describe('last year’s 组织生活会 still to be held (所属年度)', () => {
  it('opens its 补录 on today until 31 March, and on 31 December after', async () => {
    setChinaNow('2030-02-20T10:00:00');
    const { branch } = await seed();
    const rules: Partial<Record<MeetingKind, string>> = {
      组织生活会: 'lifeMeeting',
      民主评议党员: 'review',
      党课: 'lecture',
    };
    const missOf = async (asOf: string, kind: MeetingKind) => {
      const line = (await loadDashboard(branch.id, 2029, asOf)).records.find((r) => r.ruleId === rules[kind])!;
      return recordsViewFromHash(line.misses[0]!.href);
    };
    // In February: held now, for 2029 — the form proposes 2029 as its 所属年度.
    expect(await missOf('2030-02-20', '组织生活会')).toMatchObject({
      view: 'new',
      kind: '组织生活会',
      date: '2030-02-20',
    });
    expect(await missOf('2030-03-31', '民主评议党员')).toMatchObject({ date: '2030-03-31' });
    // From April it can only be a late entry of a meeting held in 2029.
    expect(await missOf('2030-04-01', '组织生活会')).toMatchObject({ date: '2029-12-31' });
    // Other kinds keep the period's last day.
    expect(await missOf('2030-02-20', '党课')).toMatchObject({ date: '2029-12-31' });
  });
});
