// The 工作台's data: readiness lines computed from fake-indexeddb — misses with 补录 links, quorum, pack, tasks, venues,
// the year's 考评 and 民主评议党员.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { markMemberLeft } from '../../../renderer/src/db/repositories/members';
import { setRulePackId } from '../../../renderer/src/db/repositories/compliance';
import { createMeeting, finalizeMeeting } from '../../../renderer/src/db/repositories/meetings';
import { createResponsibility } from '../../../renderer/src/db/repositories/responsibilities';
import { createAssessment, listAssessments, yearlyTotals } from '../../../renderer/src/db/repositories/assessments';
import { saveMemberEvaluations } from '../../../renderer/src/db/repositories/memberEvaluations';
import { ensureBuiltInStandards } from '../../../renderer/src/db/repositories/standards';
import { loadDashboard } from '../../../renderer/src/features/dashboard/dashboardData';
import { recordsViewFromHash } from '../../../renderer/src/features/meetings/recordsRoute';
import { standardsRouteFromHash } from '../../../renderer/src/features/standards/standardsRoute';
import { meetingInput, present, seed, setChinaNow } from '../meetings/fixtures';
import { assessmentInput } from './assessmentFixtures';

beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

const pad = (n: number) => String(n).padStart(2, '0');

describe('工作有记录', () => {
  it('a past year of 支委会 missing April and September reads 10/12 and offers 补录 on those months', async () => {
    const { branch, zhang, li } = await seed();
    for (let month = 1; month <= 12; month++) {
      if (month === 4 || month === 9) continue;
      await createMeeting(
        branch.id,
        meetingInput({ date: `2029-${pad(month)}-10`, topic: `${month}月支委会`, attendance: present(zhang, li) }),
      );
    }
    const view = await loadDashboard(branch.id, 2029, '2030-06-15');
    const committee = view.records.find((r) => r.ruleId === 'committee')!;
    expect(committee.text).toBe('支委会 10/12 个月');
    expect(committee.percent).toBe(83);
    expect(committee.misses.map((m) => m.label)).toEqual(['4月', '9月']);
    // 补录 opens the records form of that kind on the missed month's last day.
    expect(committee.misses.map((m) => recordsViewFromHash(m.href))).toEqual([
      { view: 'new', kind: '支委会', date: '2029-04-30' },
      { view: 'new', kind: '支委会', date: '2029-09-30' },
    ]);
    expect(committee.current).toBeUndefined();
    expect(committee.quorumFailures).toEqual([]);
    // A year with no 支部党员大会 at all misses every quarter.
    const assembly = view.records.find((r) => r.ruleId === 'assembly')!;
    expect(assembly.text).toBe('支部党员大会 0/4 个季度');
    expect(assembly.misses.map((m) => m.label)).toEqual(['第一季度', '第二季度', '第三季度', '第四季度']);
  });

  it('in the current year counts only periods that are due, offers to record the current month today, lists quorum failures', async () => {
    const { branch, zhang, li } = await seed();
    await createMeeting(branch.id, meetingInput({ date: '2030-01-10', attendance: present(zhang, li) }));
    await createMeeting(branch.id, meetingInput({ date: '2030-02-10', attendance: present(zhang, li) }));
    const lonely = await createMeeting(
      branch.id,
      meetingInput({ date: '2030-05-10', topic: '只有书记到会', attendance: present(zhang) }),
    );
    const view = await loadDashboard(branch.id, 2030, '2030-06-15');
    const committee = view.records.find((r) => r.ruleId === 'committee')!;
    expect(committee.text).toBe('支委会 3/5 个月');
    expect(committee.misses.map((m) => m.label)).toEqual(['3月', '4月']);
    expect(recordsViewFromHash(committee.current!.href)).toEqual({ view: 'new', kind: '支委会', date: '2030-06-15' });
    expect(committee.quorumFailures.map((f) => [f.topic, recordsViewFromHash(f.href)])).toEqual([
      ['只有书记到会', { view: 'show', id: lonely.id }],
    ]);
  });

  it('says a rule is not due yet, or does not apply, instead of showing 0/0 as 100 %', async () => {
    const { branch } = await seed();
    const view = await loadDashboard(branch.id, 2030, '2030-06-15');
    // The yearly 组织生活会 is due at the end of the year: nothing is due in June.
    const life = view.records.find((r) => r.ruleId === 'lifeMeeting')!;
    expect([life.text, life.percent, life.notDue]).toEqual(['组织生活会', undefined, '本年度尚未到期']);
    expect(life.current).toBeDefined();
    // A month that is over counts: 支委会 has five due months.
    const committee = view.records.find((r) => r.ruleId === 'committee')!;
    expect([committee.text, committee.percent, committee.notDue]).toEqual(['支委会 0/5 个月', 0, undefined]);

    const flat = await createBranch({ name: '丙支部', termStart: '2029-01-01', termEnd: '2031-12-31' });
    const groups = (await loadDashboard(flat.id, 2029, '2030-06-15')).records.find((r) => r.ruleId === 'group')!;
    expect([groups.text, groups.percent, groups.notDue]).toEqual(['党小组会', undefined, '未设党小组，不适用']);
    expect(groups.misses).toEqual([]);
  });

  it('follows the rule pack chosen in the settings', async () => {
    const { branch } = await seed();
    const lecture = async () =>
      (await loadDashboard(branch.id, 2029, '2030-06-15')).records.find((r) => r.ruleId === 'lecture')!.text;
    expect(await lecture()).toBe('党课（书记讲） 0/1 年');
    await setRulePackId('local-lecture-quarterly');
    expect((await loadDashboard(branch.id, 2029, '2030-06-15')).packId).toBe('local-lecture-quarterly');
    expect(await lecture()).toBe('党课（书记讲） 0/4 个季度');
  });

  it('asks no 谈心谈话 of a member who left mid-year, and links the others’ 补录 to the year’s last day', async () => {
    const { branch, li } = await seed();
    await markMemberLeft(li.id, { leftDate: '2029-07-15', leftReason: '调出' });
    const talks = (await loadDashboard(branch.id, 2029, '2030-06-15')).records.find((r) => r.ruleId === 'talks')!;
    // Transferred out in July: no longer the branch's to talk with by the year's end, so neither missed nor counted.
    expect(talks.misses.some((m) => m.label.startsWith(li.name))).toBe(false);
    expect(talks.misses.length).toBeGreaterThan(0);
    for (const miss of talks.misses) expect(recordsViewFromHash(miss.href)).toMatchObject({ date: '2029-12-31' });
  });

  it('counts a 草稿 as held and says how many records of the kind are not yet finalized', async () => {
    const { branch, zhang, li } = await seed();
    const committee = async () =>
      (await loadDashboard(branch.id, 2029, '2030-06-15')).records.find((r) => r.ruleId === 'committee')!;
    const march = await createMeeting(branch.id, meetingInput({ date: '2029-03-10', attendance: present(zhang, li) }));
    await createMeeting(branch.id, meetingInput({ date: '2029-05-10', attendance: present(zhang, li) }));
    expect((await committee()).met).toBe(2);
    expect((await committee()).drafts).toBe(2);
    await finalizeMeeting(march.id);
    expect((await committee()).met).toBe(2);
    expect((await committee()).drafts).toBe(1);
  });
});

describe('活动有阵地 and 领导有责任', () => {
  it('shows 七有 progress, overdue re-checks, and tasks due within 30 days or overdue', async () => {
    const { branch, venue } = await seed();
    await db.venues.update(venue.id, {
      checklist: [
        { key: 'place', ok: true, note: '', attachmentIds: [] },
        { key: 'signs', ok: true, note: '', attachmentIds: [] },
      ],
    });
    const at = new Date().toISOString();
    await db.venueChecks.add({
      id: 'c1',
      branchId: branch.id,
      venueId: venue.id,
      date: '2029-12-01',
      inspector: '李四',
      findings: '',
      nextDueDate: '2030-06-01',
      createdAt: at,
      updatedAt: at,
    });
    await createResponsibility(branch.id, {
      year: 2030,
      holderName: '张三',
      role: '第一责任人',
      tasks: [
        { title: '制定年度计划', deadline: '2030-03-31', status: '进行中' },
        { title: '年底述职', deadline: '2030-12-20', status: '未开始' },
      ],
    });
    const view = await loadDashboard(branch.id, 2030, '2030-06-15');
    expect(view.venues.map((v) => [v.name, v.done, v.total])).toEqual([['党员活动室', 2, 7]]);
    expect(view.venueChecks.map((c) => [c.venueName, c.nextDueDate, c.overdue])).toEqual([
      ['党员活动室', '2030-06-01', true],
    ]);
    expect(view.tasks.map((t) => [t.task.title, t.overdue])).toEqual([['制定年度计划', true]]);
  });
});

describe('评价有标准', () => {
  it("counts each kind's 考评 of the year as 历年考评得分 does: the later 考评日期, on one day the later saved", async () => {
    await ensureBuiltInStandards();
    const { branch } = await seed();
    await createAssessment(branch.id, await assessmentInput(8, { date: '2030-01-10' }));
    // The same day, saved a minute later: this one counts.
    setChinaNow('2030-06-15T10:01:00');
    await createAssessment(branch.id, await assessmentInput(20, { date: '2030-01-10' }));
    await createAssessment(branch.id, await assessmentInput(10.5, { kind: '上级评定', date: '2030-02-01' }));
    // Dated later, but a 2028 自评: another year's.
    await createAssessment(
      branch.id,
      await assessmentInput(0, { periodStart: '2028-01-01', periodEnd: '2028-12-31', date: '2030-03-01' }),
    );

    const { standards } = await loadDashboard(branch.id, 2029, '2030-06-15');
    expect(standards.assessments.map((l) => [l.text, l.count])).toEqual([
      ['自评 80 分 / 满分 100 · 良好（2030-01-10）', 2],
      ['上级评定 89.5 分 / 满分 100 · 良好（2030-02-01）', 1],
      ['2029 年度尚无群众评议考评', 0],
    ]);
    // The same totals as the 考评 page's year chart.
    const chart = yearlyTotals(await listAssessments(branch.id)).filter((t) => t.year === '2029');
    expect(chart.map((t) => `${t.kind} ${t.total} 分`).sort()).toEqual(['上级评定 89.5 分', '自评 80 分']);
    expect(standardsRouteFromHash(standards.assessments[0]!.href!)).toMatchObject({ view: 'show' });
    expect(standards.assessments[2]!.href).toBeUndefined();

    const empty = (await loadDashboard(branch.id, 2030, '2030-06-15')).standards;
    expect(empty.assessments.map((l) => l.text)).toEqual([
      '2030 年度尚未自评',
      '2030 年度尚无上级评定',
      '2030 年度尚无群众评议考评',
    ]);
    expect(standardsRouteFromHash(empty.newHref)).toEqual({ tab: 'assessments', view: 'new' });
  });

  it('says how far the year’s 民主评议党员 has got: graded, written up only, or not started', async () => {
    const { branch, zhang, li, wang } = await seed();
    const text = async () => (await loadDashboard(branch.id, 2029, '2030-06-15')).standards.evaluations;
    expect(await text()).toBe('尚未开展');
    // The form saves a row for every member on the roster, empty ones too.
    await saveMemberEvaluations(branch.id, 2029, [
      { memberId: zhang.id, selfResult: '对照标准进行了自评。' },
      { memberId: li.id },
      { memberId: wang.id },
    ]);
    expect(await text()).toBe('已录入 1 人，尚未评定等次');
    await saveMemberEvaluations(branch.id, 2029, [
      { memberId: zhang.id, selfResult: '对照标准进行了自评。', grade: '合格' },
      { memberId: li.id, grade: '基本合格' },
    ]);
    expect(await text()).toBe('已评 2 人');
    expect((await loadDashboard(branch.id, 2030, '2030-06-15')).standards.evaluations).toBe('尚未开展');
  });
});
