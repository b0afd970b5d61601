// 领导责任 after a 年内换届: 任职起止 within the year; one 第一责任人 at a time (a second one needs dates, or the
// confirmed 换届 sets the first one's end); 复制上一年度 leaves out a 第一责任人 who is no longer 书记, and says why.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Responsibility } from '../../../shared/schemas/entities';
import { db } from '../../../renderer/src/db/db';
import { listAudit } from '../../../renderer/src/db/repositories/audit';
import { updateBranch } from '../../../renderer/src/db/repositories/branches';
import {
  copyPreviousYear,
  copyResultMessage,
  createResponsibility,
  firstHolderIssue,
  handoverQuestion,
  listResponsibilities,
  planHandover,
  updateResponsibility,
} from '../../../renderer/src/db/repositories/responsibilities';
import { referenceDay, secretaryOf } from '../../../renderer/src/features/responsibility/responsibilityFormValues';
import { seed, setChinaNow } from '../meetings/fixtures';
import { input, issuesOf } from './fixtures';

beforeEach(() => setChinaNow('2030-11-28T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

describe('任职起止 of a list', () => {
  it('must lie in the list’s year, the end not before the start; the whole year needs none', async () => {
    const { branch, zhang } = await seed();
    const issues = await issuesOf(
      createResponsibility(branch.id, input({ holderMemberId: zhang.id, from: '2029-03-01', to: '2031-01-01' })),
    );
    expect(issues).toEqual([
      { path: 'from', message: '任职起应在2030年度内（2030-01-01 至 2030-12-31）；全年在任不用填写' },
      { path: 'to', message: '任职止应在2030年度内（2030-01-01 至 2030-12-31）；全年在任不用填写' },
    ]);
    expect(
      await issuesOf(
        createResponsibility(branch.id, input({ holderMemberId: zhang.id, from: '2030-07-15', to: '2030-07-01' })),
      ),
    ).toEqual([{ path: 'to', message: '任职止不能早于任职起' }]);
    expect(await db.responsibilities.count()).toBe(0);
  });

  it('is stored as given, and a cleared date ("") as none', async () => {
    const { branch, zhang } = await seed();
    const saved = await createResponsibility(
      branch.id,
      input({ holderMemberId: zhang.id, from: '', to: '2030-07-15' }),
    );
    expect(Object.keys(saved)).not.toContain('from');
    expect(saved.to).toBe('2030-07-15');
    const cleared = await updateResponsibility(saved.id, input({ holderMemberId: zhang.id, from: '', to: '' }));
    expect(Object.keys(cleared).filter((k) => k === 'from' || k === 'to')).toEqual([]);
    expect((await listAudit('responsibility', saved.id)).map((a) => a.summary)).toEqual([
      '新建2030年度第一责任人「张三」的责任清单',
      '修改了「张三」2030年度责任清单的任职止',
    ]);
  });
});

describe('a second 第一责任人 in a year', () => {
  it('is refused while the two would answer for the same days, with what to do, on 任职起', async () => {
    const { branch, zhang, li } = await seed();
    await createResponsibility(branch.id, input({ holderMemberId: zhang.id }));
    const second = input({ holderMemberId: li.id, holderName: li.name });
    expect(await issuesOf(createResponsibility(branch.id, second))).toEqual([
      {
        path: 'from',
        message: '2030年度已有第一责任人张三（全年）。如果是年内换届，请填写两人的起止日期，任职时间不能重叠',
      },
    ]);
    // A 任职起 alone still overlaps 张三's whole year: refused unless the 换届 is confirmed.
    expect((await issuesOf(createResponsibility(branch.id, { ...second, from: '2030-07-15' })))[0]!.path).toBe('from');
    expect(await listResponsibilities(branch.id, 2030)).toHaveLength(1);
    // Other roles are not concerned.
    await createResponsibility(branch.id, input({ holderMemberId: li.id, holderName: li.name, role: '直接责任人' }));
  });

  it('is accepted once each list says when, the second starting the day the first ends', async () => {
    const { branch, zhang, li } = await seed();
    const first = await createResponsibility(branch.id, input({ holderMemberId: zhang.id }));
    await updateResponsibility(first.id, input({ holderMemberId: zhang.id, to: '2030-07-15' }));
    const second = await createResponsibility(
      branch.id,
      input({ holderMemberId: li.id, holderName: li.name, from: '2030-07-15' }),
    );
    expect((await listResponsibilities(branch.id, 2030)).map((r) => [r.holderName, r.from, r.to]).sort()).toEqual([
      ['张三', undefined, '2030-07-15'],
      ['李四', '2030-07-15', undefined],
    ]);
    // Moving 张三's end past 李四's start overlaps again.
    const moved = await issuesOf(updateResponsibility(first.id, input({ holderMemberId: zhang.id, to: '2030-08-01' })));
    expect(moved).toEqual([
      {
        path: 'from',
        message: '2030年度已有第一责任人李四（2030-07-15 起）。如果是年内换届，请填写两人的起止日期，任职时间不能重叠',
      },
    ]);
    expect((await db.responsibilities.get(second.id))?.from).toBe('2030-07-15');
  });

  it('with the 换届 confirmed, ends the other 第一责任人 the day this one starts, in the same write, audited', async () => {
    const { branch, zhang, li } = await seed();
    const first = await createResponsibility(branch.id, input({ holderMemberId: zhang.id }));
    const fields = input({ holderMemberId: li.id, holderName: li.name, from: '2030-07-15' });
    const lists = await listResponsibilities(branch.id, 2030);
    const plan = planHandover({ ...(fields as Responsibility) }, lists);
    expect(plan && { id: plan.list.id, field: plan.field, date: plan.date }).toEqual({
      id: first.id,
      field: 'to',
      date: '2030-07-15',
    });
    expect(handoverQuestion({ year: 2030, holderName: '李四' }, plan!)).toBe(
      '2030年度已有第一责任人张三（全年）。如果是年内换届，保存时把张三的任职止填为 2030-07-15，李四自 2030-07-15 起任第一责任人。',
    );

    await createResponsibility(branch.id, fields, { handOver: true });
    expect((await listResponsibilities(branch.id, 2030)).map((r) => [r.holderName, r.from, r.to]).sort()).toEqual([
      ['张三', undefined, '2030-07-15'],
      ['李四', '2030-07-15', undefined],
    ]);
    expect((await listAudit('responsibility', first.id)).at(-1)!.summary).toBe(
      '2030年度第一责任人「张三」的任职止填为2030-07-15（年内换届，李四）',
    );
  });

  it('plans the other way too: a 任职止 on the earlier holder starts the later one that day', async () => {
    const { branch, zhang, li } = await seed();
    const later = await createResponsibility(branch.id, input({ holderMemberId: li.id, holderName: li.name }));
    const earlier = input({ holderMemberId: zhang.id, to: '2030-03-31' });
    const plan = planHandover(earlier as Responsibility, await listResponsibilities(branch.id, 2030));
    expect(plan && [plan.list.id, plan.field, plan.date]).toEqual([later.id, 'from', '2030-03-31']);
    await createResponsibility(branch.id, earlier, { handOver: true });
    expect((await db.responsibilities.get(later.id))?.from).toBe('2030-03-31');
    // Two dates that leave no single change to make: no plan, the rule's message instead.
    const lists = await listResponsibilities(branch.id, 2030);
    const third = { ...input({ holderName: '王五', from: '2030-02-01', to: '2030-05-01' }) } as Responsibility;
    expect(planHandover(third, lists)).toBeUndefined();
    expect(firstHolderIssue(third, lists)?.message).toBe(
      '2030年度已有第一责任人张三（至 2030-03-31）、李四（2030-03-31 起）。如果是年内换届，请填写两人的起止日期，任职时间不能重叠',
    );
  });
});

describe('复制上一年度 after a change of 书记', () => {
  it('leaves out a 第一责任人 whose tenure ended last year, and says so', async () => {
    const { branch, zhang, li } = await seed();
    await updateBranch(branch.id, {
      ...branch,
      committee: [
        { name: '张三', role: '书记', to: '2029-07-15' },
        { name: '李四', role: '书记', from: '2029-07-15' },
      ],
    });
    await createResponsibility(branch.id, input({ year: 2029, holderMemberId: zhang.id, to: '2029-07-15' }));
    await createResponsibility(
      branch.id,
      input({ year: 2029, holderMemberId: li.id, holderName: li.name, from: '2029-07-15' }),
    );
    await createResponsibility(
      branch.id,
      input({ year: 2029, holderMemberId: li.id, holderName: li.name, role: '直接责任人' }),
    );

    const result = await copyPreviousYear(branch.id, 2030);
    expect(result.created.map((r) => [r.holderName, r.role, r.from, r.to])).toEqual([
      ['李四', '第一责任人', undefined, undefined],
      ['李四', '直接责任人', undefined, undefined],
    ]);
    expect(copyResultMessage(result, 2030)).toEqual({
      type: 'success',
      text: '已复制 2 位责任人的职责（任务不复制）；不再作为第一责任人复制：张三（2029年度任职至2029-07-15）',
    });
  });

  it('leaves out a 第一责任人 the 支委会 no longer names 书记, and asks for the year’s 第一责任人 when none is left', async () => {
    const { branch, zhang, li, wang } = await seed();
    // The 书记 was renamed in 支部概况 (no dates): last year's 张三 is not this year's 书记.
    await updateBranch(branch.id, { ...branch, committee: [{ name: '王五', role: '书记' }] });
    await createResponsibility(branch.id, input({ year: 2029, holderMemberId: zhang.id }));
    await createResponsibility(
      branch.id,
      input({ year: 2029, holderMemberId: li.id, holderName: li.name, role: '分管' }),
    );

    const result = await copyPreviousYear(branch.id, 2030);
    // The list follows the post: 王五, this year's 书记 and on the roster, takes 张三's duties.
    expect(result.created.map((r) => [r.holderName, r.holderMemberId, r.role])).toEqual([
      ['李四', li.id, '分管'],
      ['王五', wang.id, '第一责任人'],
    ]);
    expect(copyResultMessage(result, 2030)).toEqual({
      type: 'success',
      text: '已复制 2 位责任人的职责（任务不复制）；不再作为第一责任人复制：张三（支委会名单中2030年度的书记是王五），第一责任人的职责已复制给王五',
    });
    // Once the new 书记's list is there, copying again adds nothing and does not ask for one.
    expect(copyResultMessage(await copyPreviousYear(branch.id, 2030), 2030)).toEqual({
      type: 'info',
      text: '2030年度没有需要复制的责任人；不再作为第一责任人复制：张三（支委会名单中2030年度的书记是王五）',
    });
  });

  it('does not copy a second 第一责任人 into a year that has one', async () => {
    const { branch, zhang, wang } = await seed();
    // No 书记 on the committee any more: who is 书记 cannot be told from it.
    await updateBranch(branch.id, { ...branch, committee: [] });
    await createResponsibility(branch.id, input({ year: 2029, holderMemberId: zhang.id }));
    await createResponsibility(branch.id, input({ holderMemberId: wang.id, holderName: wang.name }));
    const result = await copyPreviousYear(branch.id, 2030);
    expect(result.created).toEqual([]);
    expect(result.skippedFirst).toEqual([{ holderName: '张三', reason: '2030年度已有第一责任人王五' }]);
  });
});

describe('the 书记 a year’s new list defaults to', () => {
  it('is the one in office on the year’s reference day, not a former one', async () => {
    const { zhang, li, wang } = await seed();
    const committee = {
      committee: [
        { name: '张三', role: '书记' as const, to: '2029-07-15' },
        { name: '李四', role: '书记' as const, from: '2029-07-15' },
      ],
    };
    const roster = [zhang, li, wang];
    expect(referenceDay(2030, '2030-11-28')).toBe('2030-11-28');
    expect(referenceDay(2029, '2030-11-28')).toBe('2029-12-31');
    expect(referenceDay(2031, '2030-11-28')).toBe('2031-01-01');
    expect(secretaryOf(committee, roster, '2030-11-28')?.name).toBe('李四');
    expect(secretaryOf(committee, roster, '2029-03-01')?.name).toBe('张三');
    // On the handover day the successor.
    expect(secretaryOf(committee, roster, '2029-07-15')?.name).toBe('李四');
  });
});
