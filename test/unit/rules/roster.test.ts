// Who is on this branch's roll: a member who transferred in (组织关系转入) is on it from the 转入本支部日期, not from
// the 入党日期 — 王芳 joined the Party in 2010 and came here on 2025-06-01. Read by the 谈心谈话 subjects, the
// 党员大会's 应到 and quorum, the lists a record is filled with and the learning matrix.
import { describe, expect, it } from 'vitest';
import { learningMatrix } from '../../../shared/learning/targets';
import { getRulePack } from '../../../shared/rules/packs';
import { checkQuorum, isFullMemberOn } from '../../../shared/rules/quorum';
import {
  isOnRosterOn,
  memberStatusWarning,
  offRollIssues,
  offRollRows,
  offRollText,
  onRosterDuring,
  probationEnds,
  rollStartOf,
  statusByDates,
  transferredIn,
} from '../../../shared/rules/roster';
import { computeCompliance, type ComplianceMember } from '../../../shared/scoring/compliance';

const member = (id: string, name: string, over: Partial<ComplianceMember> = {}): ComplianceMember => ({
  id,
  name,
  status: '正式',
  joinedDate: '2005-07-01',
  fullMemberDate: '',
  leftDate: '',
  partyGroupId: '',
  ...over,
});
const zhang = member('m1', '张三');
const wangFang = member('m2', '王芳', { joinedDate: '2010-07-01', joinedBranchDate: '2025-06-01' });
// Joined here: a 转入本支部日期 equal to the 入党日期 changes nothing.
const xuChen = member('m3', '许晨', { joinedDate: '2025-03-11', joinedBranchDate: '2025-03-11', status: '预备' });

describe('the day a member’s time on the roll starts', () => {
  it('is the 转入本支部日期 of one who transferred in, else the 入党日期', () => {
    expect(rollStartOf(wangFang)).toBe('2025-06-01');
    expect(transferredIn(wangFang)).toBe(true);
    expect(rollStartOf(zhang)).toBe('2005-07-01');
    expect(transferredIn(zhang)).toBe(false);
    expect(rollStartOf({ joinedDate: '2010-07-01', joinedBranchDate: '' })).toBe('2010-07-01');
    expect(rollStartOf(xuChen)).toBe('2025-03-11');
    expect(transferredIn(xuChen)).toBe(false);
  });

  it('puts her on the roll from that day and not before', () => {
    expect(isOnRosterOn(wangFang, '2025-05-31')).toBe(false);
    expect(isOnRosterOn(wangFang, '2025-06-01')).toBe(true);
    expect(onRosterDuring(wangFang, '2024-01-01', '2024-12-31')).toBe(false);
    expect(onRosterDuring(wangFang, '2025-01-01', '2025-12-31')).toBe(true);
    // Left again later: on the roll only between.
    const leftAgain = { ...wangFang, leftDate: '2025-10-01' };
    expect(isOnRosterOn(leftAgain, '2025-07-01')).toBe(true);
    expect(isOnRosterOn(leftAgain, '2025-10-01')).toBe(false);
  });

  it('names the transfer as why her row of an earlier record is off the roll', () => {
    const rows = [zhang, wangFang].map((m) => ({ memberId: m.id, name: m.name }));
    expect(offRollText(offRollRows(rows, [zhang, wangFang], '2025-03-06'))).toBe('王芳（2025-06-01 转入本支部）');
    expect(offRollIssues(rows, [zhang, wangFang], '2025-03-06')).toEqual([
      { path: 'attendance.1.status', message: '王芳在会议当天不在册（2025-06-01 转入本支部），请移出名单' },
    ]);
    expect(offRollRows(rows, [zhang, wangFang], '2025-06-01')).toEqual([]);
  });
});

describe('a member who transferred in, in the rules', () => {
  const talk = (id: string, date: string, parties: string[]) => ({
    id,
    kind: '谈心谈话' as const,
    date,
    topic: '谈心谈话',
    attendance: [],
    lecturer: '',
    partyGroupId: '',
    talkParties: parties,
  });
  const compliance = (year: number) =>
    computeCompliance({
      branch: { committee: [], partyGroups: [] },
      members: [zhang, wangFang],
      meetings: [talk(`t${year}`, `${year}-04-01`, ['m1'])],
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      asOf: '2026-01-15',
      pack: getRulePack(undefined),
    }).rules.find((r) => r.rule.id === 'talks')!;

  it('asks no 谈心谈话 of her for 2024, a year before she came; 2025 does', () => {
    const y2024 = compliance(2024);
    expect(y2024.periods.map((p) => p.subject!.name)).toEqual(['张三']);
    expect(y2024.missed).toEqual([]);
    const y2025 = compliance(2025);
    expect(y2025.missed.map((p) => p.subject!.name)).toEqual(['王芳']);
  });

  it('does not count her among the 党员大会’s 应到 or voters before she came', () => {
    const assembly = (date: string) =>
      checkQuorum(
        {
          kind: '支部党员大会',
          date,
          attendance: [{ memberId: 'm1', name: '张三', status: '出席', reason: '' }],
        },
        { committee: [] },
        [zhang, wangFang],
      );
    expect(isFullMemberOn(wangFang, '2025-03-01')).toBe(false);
    expect(assembly('2025-03-01')).toMatchObject({ eligible: 1, present: 1, ok: true });
    expect(isFullMemberOn(wangFang, '2025-06-01')).toBe(true);
    expect(assembly('2025-06-20')).toMatchObject({ eligible: 2, present: 1, ok: false });
  });

  it('leaves her learning months before the transfer out of the matrix', () => {
    const m = learningMatrix({
      kind: '月写一篇',
      from: '2025-01-01',
      to: '2025-12-31',
      today: '2026-01-15',
      members: [wangFang],
      entries: [],
    });
    const statuses = m.rows[0]!.cells.map((c) => c.status);
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill('none'));
    expect(statuses.slice(5)).toEqual(Array(7).fill('missed'));
    expect(m.rows[0]!.due).toBe(7);
  });
});

describe('党员类别 against the dates (预备期 of one year)', () => {
  const today = '2026-11-28';
  it('ends the 预备期 a year after 入党, 29 February on 1 March', () => {
    expect(probationEnds('2025-07-01')).toBe('2026-07-01');
    expect(probationEnds('2024-02-29')).toBe('2025-03-01');
  });

  it('reads the 类别 from the 转正日期, or from a year after 入党 when none is known', () => {
    expect(statusByDates('2026-06-28', '', today)).toBe('预备');
    expect(statusByDates('2025-11-28', '', today)).toBe('正式');
    expect(statusByDates('2025-11-29', '', today)).toBe('预备');
    expect(statusByDates('2020-07-01', '2026-12-01', today)).toBe('预备');
    expect(statusByDates('2020-07-01', '2021-07-01', today)).toBe('正式');
  });

  it('says why a 类别 cannot be right, and nothing when it can', () => {
    expect(memberStatusWarning({ status: '正式', joinedDate: '2026-06-28' }, today)).toBe(
      '入党不满一年（预备期到 2027-06-28 才满），应为预备党员；已转正的，请填写转正日期。',
    );
    expect(memberStatusWarning({ status: '正式', joinedDate: '2024-06-28', fullMemberDate: '2025-01-01' }, today)).toBe(
      '转正日期早于预备期满：入党满一年是 2025-06-28，预备期只能延长，不能缩短。',
    );
    expect(memberStatusWarning({ status: '正式', joinedDate: '2025-12-20', fullMemberDate: '2026-12-20' }, today)).toBe(
      '转正日期（2026-12-20）还没到，现在应为预备党员。',
    );
    expect(memberStatusWarning({ status: '预备', joinedDate: '2024-06-28', fullMemberDate: '2025-06-28' }, today)).toBe(
      '已于 2025-06-28 转正，党员类别应为正式党员。',
    );
    expect(memberStatusWarning({ status: '预备', joinedDate: '2023-06-28' }, today)).toBe(
      '入党已满两年（2025-06-28），预备期最长两年：已转正的，请改为正式党员并填写转正日期。',
    );
    // Right as entered: a 预备党员 in the year after joining, one whose 预备期 was extended, a 正式党员 of long standing.
    expect(memberStatusWarning({ status: '预备', joinedDate: '2026-06-28' }, today)).toBe('');
    expect(memberStatusWarning({ status: '预备', joinedDate: '2025-06-28' }, today)).toBe('');
    expect(memberStatusWarning({ status: '正式', joinedDate: '2010-07-01' }, today)).toBe('');
    expect(memberStatusWarning({ status: '正式', joinedDate: '2010-07-01', fullMemberDate: '2011-07-01' }, today)).toBe(
      '',
    );
  });
});
