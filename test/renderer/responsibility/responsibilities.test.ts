// 领导责任 repository: field-level validation (nothing written on error), audit in the same write, overdue, copying a year.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResponsibilityInput } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import { allAuditEntries, listAudit } from '../../../renderer/src/db/repositories/audit';
import { ValidationError, type ValidationIssue } from '../../../renderer/src/db/repositories/errors';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import {
  copyPreviousYear,
  createResponsibility,
  deleteResponsibility,
  dueTasksOf,
  isTaskOverdue,
  listResponsibilities,
  updateResponsibility,
} from '../../../renderer/src/db/repositories/responsibilities';
import { meetingInput, seed, setChinaNow } from '../meetings/fixtures';

beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

async function issuesOf(promise: Promise<unknown>): Promise<ValidationIssue[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

function input(overrides: Partial<ResponsibilityInput> = {}): ResponsibilityInput {
  return {
    year: 2030,
    holderMemberId: '',
    holderName: '张三',
    role: '第一责任人',
    duties: ['全面负责支部党建工作'],
    tasks: [],
    reports: [],
    ...overrides,
  };
}

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

    const created = await copyPreviousYear(branch.id, 2030);
    expect(created.map((r) => [r.holderName, r.role, r.duties, r.tasks, r.reports])).toEqual([
      ['张三', '第一责任人', ['全面负责', '带头讲党课'], [], []],
    ]);
    expect(await copyPreviousYear(branch.id, 2030)).toEqual([]);
    expect(await listResponsibilities(branch.id, 2030)).toHaveLength(2);
    expect((await listAudit('responsibility', created[0]!.id))[0]!.summary).toContain('从2029年度复制');
  });

  it('says so when last year has nothing to copy', async () => {
    const { branch } = await seed();
    const issues = await issuesOf(copyPreviousYear(branch.id, 2030));
    expect(issues[0]!.message).toBe('2029年度没有责任清单，无法复制');
  });
});
