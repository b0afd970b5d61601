// 领导责任 repository: field-level validation (nothing written on error), one list per holder and role a year, audit in the
// same write, overdue, copying a year (without those who left).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { allAuditEntries, listAudit } from '../../../renderer/src/db/repositories/audit';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { markMemberLeft } from '../../../renderer/src/db/repositories/members';
import {
  copyPreviousYear,
  copyResultMessage,
  createResponsibility,
  deleteResponsibility,
  dueTasksOf,
  isTaskOverdue,
  listResponsibilities,
  updateResponsibility,
} from '../../../renderer/src/db/repositories/responsibilities';
import { meetingInput, seed, setChinaNow } from '../meetings/fixtures';
import { input, issuesOf } from './fixtures';

beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

describe('validation', () => {
  it('names the field of each problem in Chinese and writes nothing', async () => {
    const { branch, zhang } = await seed();
    const issues = await issuesOf(
      createResponsibility(
        branch.id,
        input({
          holderMemberId: zhang.id,
          tasks: [
            { title: '制定年度党建计划', deadline: '2029-12-20', status: '未开始' },
            { title: '召开组织生活会', deadline: '2030-03-01', status: '已完成', note: '  ' },
          ],
        }),
      ),
    );
    expect(issues).toEqual([
      { path: 'tasks.0.deadline', message: '完成时限不能早于本年度开始（2030-01-01）' },
      { path: 'tasks.1.note', message: '任务已完成，请填写完成情况' },
    ]);
    expect(await db.responsibilities.count()).toBe(0);
    expect((await allAuditEntries()).filter((a) => a.entity === 'responsibility').length).toBe(0);
  });

  it('reports the task rules together with every other problem, and caps 完成时限 at the end of the next year', async () => {
    const { branch } = await seed();
    const issues = await issuesOf(
      createResponsibility(
        branch.id,
        input({
          holderName: '',
          duties: [''],
          tasks: [
            { title: '早于本年度', deadline: '2029-05-01', status: '已完成', note: '' },
            { title: '下一年度末', deadline: '2031-12-31', status: '未开始' },
            { title: '太远', deadline: '2032-01-01', status: '未开始' },
          ],
          // A 述职 without a date is a type error, which used to stop the task rules from running at all.
          reports: [{ date: undefined as unknown as string, summary: '' }],
        }),
      ),
    );
    expect(issues).toEqual([
      { path: 'holderName', message: '请填写责任人' },
      { path: 'duties.0', message: '请填写职责' },
      { path: 'reports.0.date', message: '请填写日期' },
      { path: 'reports.0.summary', message: '请填写述职内容' },
      { path: 'tasks.0.deadline', message: '完成时限不能早于本年度开始（2030-01-01）' },
      { path: 'tasks.0.note', message: '任务已完成，请填写完成情况' },
      { path: 'tasks.2.deadline', message: '完成时限不能晚于下一年度结束（2031-12-31）' },
    ]);
  });

  it('refuses a second list of the same holder and role in a year, on create and on update', async () => {
    const { branch, zhang, li } = await seed();
    const first = await createResponsibility(branch.id, input({ holderMemberId: zhang.id }));
    const issues = await issuesOf(
      createResponsibility(branch.id, input({ holderMemberId: zhang.id, duties: ['另一份'] })),
    );
    expect(issues).toEqual([
      { path: 'holderMemberId', message: '张三在2030年度已有第一责任人的责任清单，请修改原清单' },
    ]);
    expect(await listResponsibilities(branch.id, 2030)).toEqual([first]);

    // The same holder in another role, or in another year, is a different list.
    await createResponsibility(branch.id, input({ holderMemberId: zhang.id, role: '一岗双责' }));
    await createResponsibility(branch.id, input({ year: 2029, holderMemberId: zhang.id }));
    // Holders typed by name (no roster link) are told apart by name.
    await createResponsibility(branch.id, input({ holderName: '外聘顾问', role: '分管' }));
    expect(
      (await issuesOf(createResponsibility(branch.id, input({ holderName: '外聘顾问', role: '分管' }))))[0]!.path,
    ).toBe('holderMemberId');

    const other = await createResponsibility(
      branch.id,
      input({ holderMemberId: li.id, holderName: li.name, role: '直接责任人' }),
    );
    const moved = await issuesOf(updateResponsibility(other.id, input({ holderMemberId: zhang.id })));
    expect(moved[0]!.message).toBe('张三在2030年度已有第一责任人的责任清单，请修改原清单');
    expect(await db.responsibilities.get(other.id)).toEqual(other);
    // Saving a list as itself is not a duplicate of itself.
    await updateResponsibility(first.id, input({ holderMemberId: zhang.id, duties: ['全面负责'] }));
  });

  it('refuses evidence that is not a record of this branch, and a holder from another branch', async () => {
    const { branch, other, chen } = await seed();
    const foreign = await createMeeting(other.id, meetingInput({ attendance: [] }));
    const issues = await issuesOf(
      createResponsibility(
        branch.id,
        input({
          holderMemberId: chen.id,
          holderName: chen.name,
          tasks: [{ title: '落实三会一课', status: '进行中', evidenceMeetingIds: [foreign.id] }],
        }),
      ),
    );
    expect(issues.map((i) => i.path)).toEqual(['holderMemberId', 'tasks.0.evidenceMeetingIds']);
    expect(issues[1]!.message).toBe('任务“落实三会一课”的佐证记录不是本支部的工作记录，请重新选择');
    expect(await db.responsibilities.count()).toBe(0);
  });

  it('an update that fails validation leaves the stored list as it was', async () => {
    const { branch } = await seed();
    const saved = await createResponsibility(branch.id, input());
    await issuesOf(updateResponsibility(saved.id, input({ tasks: [{ title: '', status: '未开始' }] })));
    expect(await db.responsibilities.get(saved.id)).toEqual(saved);
    expect(await listAudit('responsibility', saved.id)).toHaveLength(1);
  });
});

describe('writes and audit', () => {
  it('creates with task ids and evidence, audits every change, and writes nothing for an unchanged save', async () => {
    const { branch, zhang } = await seed();
    const record = await createMeeting(branch.id, meetingInput({ date: '2030-03-10', attendance: [] }));
    const saved = await createResponsibility(
      branch.id,
      input({
        holderMemberId: zhang.id,
        tasks: [{ title: '落实三会一课', deadline: '2030-12-31', status: '进行中', evidenceMeetingIds: [record.id] }],
      }),
    );
    expect(saved.tasks[0]!.id).not.toBe('');
    expect(saved.tasks[0]!.evidenceMeetingIds).toEqual([record.id]);

    const sameAgain = { ...input({ holderMemberId: zhang.id }), tasks: saved.tasks };
    await updateResponsibility(saved.id, sameAgain);
    expect(await listAudit('responsibility', saved.id)).toHaveLength(1);

    const done = await updateResponsibility(saved.id, {
      ...sameAgain,
      tasks: [{ ...saved.tasks[0]!, status: '已完成', note: '全年按月召开' }],
    });
    // The task keeps its id across edits (evidence and the dashboard refer to it).
    expect(done.tasks[0]!.id).toBe(saved.tasks[0]!.id);
    await deleteResponsibility(saved.id);
    const log = await listAudit('responsibility', saved.id);
    expect(log.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(log[1]!.summary).toContain('任务清单');
    expect(log.every((e) => e.branchId === branch.id)).toBe(true);
  });
});

describe('overdue tasks', () => {
  it('is overdue only when the deadline has passed and the task is not 已完成', () => {
    expect(isTaskOverdue({ deadline: '2030-06-14', status: '进行中' }, '2030-06-15')).toBe(true);
    expect(isTaskOverdue({ deadline: '2030-06-15', status: '未开始' }, '2030-06-15')).toBe(false);
    expect(isTaskOverdue({ deadline: '2030-06-14', status: '已完成' }, '2030-06-15')).toBe(false);
    expect(isTaskOverdue({ deadline: '', status: '未开始' }, '2030-06-15')).toBe(false);
  });

  it('lists unfinished tasks due within 30 days or overdue, the most urgent first', async () => {
    const { branch } = await seed();
    await createResponsibility(
      branch.id,
      input({
        tasks: [
          { title: '下月上旬', deadline: '2030-07-10', status: '未开始' },
          { title: '早已逾期', deadline: '2030-02-01', status: '进行中' },
          { title: '已办完', deadline: '2030-02-01', status: '已完成', note: '已办结' },
          { title: '年底', deadline: '2030-12-31', status: '未开始' },
        ],
      }),
    );
    const due = dueTasksOf(await listResponsibilities(branch.id, 2030), '2030-06-15');
    expect(due.map((d) => [d.task.title, d.overdue])).toEqual([
      ['早已逾期', true],
      ['下月上旬', false],
    ]);
  });
});

describe('复制上一年度', () => {
  it("copies last year's holders, roles and duties without tasks or 述职, once", async () => {
    const { branch, zhang, li } = await seed();
    await createResponsibility(
      branch.id,
      input({
        year: 2029,
        holderMemberId: zhang.id,
        duties: ['全面负责', '带头讲党课'],
        tasks: [{ title: '2029年的任务', status: '未开始' }],
        reports: [{ date: '2029-12-20', summary: '年度述职', rating: '好' }],
      }),
    );
    await createResponsibility(
      branch.id,
      input({ year: 2029, holderMemberId: li.id, holderName: li.name, role: '直接责任人', duties: ['组织发展'] }),
    );
    // Already entered for this year: not duplicated.
    await createResponsibility(branch.id, input({ holderMemberId: li.id, holderName: li.name, role: '直接责任人' }));

    const { created, skippedLeft } = await copyPreviousYear(branch.id, 2030);
    expect(created.map((r) => [r.holderName, r.role, r.duties, r.tasks, r.reports])).toEqual([
      ['张三', '第一责任人', ['全面负责', '带头讲党课'], [], []],
    ]);
    expect(skippedLeft).toEqual([]);
    expect((await copyPreviousYear(branch.id, 2030)).created).toEqual([]);
    expect(await listResponsibilities(branch.id, 2030)).toHaveLength(2);
    expect((await listAudit('responsibility', created[0]!.id))[0]!.summary).toContain('从2029年度复制');
  });

  it('skips holders who left before the year began, says who, and copies a repeated list of last year once', async () => {
    const { branch, zhang, li, wang } = await seed();
    await createResponsibility(branch.id, input({ year: 2029, holderMemberId: zhang.id }));
    await createResponsibility(
      branch.id,
      input({ year: 2029, holderMemberId: li.id, holderName: li.name, role: '直接责任人' }),
    );
    await createResponsibility(
      branch.id,
      input({ year: 2029, holderMemberId: wang.id, holderName: wang.name, role: '分管' }),
    );
    // Entered twice in 2029, before duplicates were refused.
    const twice = (await listResponsibilities(branch.id, 2029)).find((r) => r.holderName === '张三')!;
    await db.responsibilities.add({ ...twice, id: 'r-dup' });
    await markMemberLeft(li.id, { leftDate: '2029-11-20', leftReason: '调往其他单位' });
    // Left during the new year: still answered for its first months.
    await markMemberLeft(wang.id, { leftDate: '2030-03-01', leftReason: '退休' });

    const result = await copyPreviousYear(branch.id, 2030);
    expect(result.created.map((r) => r.holderName)).toEqual(['张三', '王五']);
    expect(result.skippedLeft).toEqual(['李四']);
    expect(copyResultMessage(result, 2030)).toEqual({
      type: 'success',
      text: '已复制 2 位责任人的职责（任务不复制）；跳过已离开支部的：李四',
    });
    const again = await copyPreviousYear(branch.id, 2030);
    expect(copyResultMessage(again, 2030)).toEqual({
      type: 'info',
      text: '2030年度已有上一年度的全部责任人，无需复制；跳过已离开支部的：李四',
    });
  });

  it('says so when last year has nothing to copy', async () => {
    const { branch } = await seed();
    const issues = await issuesOf(copyPreviousYear(branch.id, 2030));
    expect(issues[0]!.message).toBe('2029年度没有责任清单，无法复制');
  });
});
