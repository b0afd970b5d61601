// 成立日期 in the frequency rules: a branch founded on 2026-09-01 owes nothing for January–August, owes the period it
// was founded in, and the count the 工作台, 各支部概览 and the 卷宗 share (ruleTally) says so.
import { describe, expect, it } from 'vitest';
import { beforeEstablishedMessage } from '../../../shared/branch/established';
import { getRulePack } from '../../../shared/rules/packs';
import { computeCompliance, type ComplianceMeeting, type ComplianceMember } from '../../../shared/scoring/compliance';
import { ruleTally } from '../../../shared/scoring/tally';

const members: ComplianceMember[] = ['甲', '乙', '丙'].map((name, i) => ({
  id: `m${i}`,
  name,
  status: '正式',
  joinedDate: '2010-07-01',
  fullMemberDate: '',
  leftDate: '',
  partyGroupId: 'g1',
}));

const committee = [{ name: '甲', role: '书记' as const, memberId: 'm0' }];
const partyGroups = [{ id: 'g1', name: '第一党小组', leaderName: '' }];

let seq = 0;
const meeting = (kind: ComplianceMeeting['kind'], date: string): ComplianceMeeting => ({
  id: `x${++seq}`,
  kind,
  date,
  topic: `${kind}${date}`,
  attendance: members.map((m) => ({ memberId: m.id, name: m.name, status: '出席' as const, reason: '' })),
  lecturer: '',
  partyGroupId: kind === '党小组会' ? 'g1' : '',
  talkParties: [],
});

const report = (establishedDate: string | undefined, meetings: ComplianceMeeting[], asOf = '2026-11-28') =>
  computeCompliance({
    branch: { committee, partyGroups, ...(establishedDate === undefined ? {} : { establishedDate }) },
    members,
    meetings,
    from: '2026-01-01',
    to: '2026-12-31',
    asOf,
    pack: getRulePack(undefined),
  });

const tallyOf = (r: ReturnType<typeof report>, id: string) => {
  const rule = r.rules.find((x) => x.rule.id === id)!;
  const t = ruleTally(rule, r.asOf);
  return { due: t.due, met: t.met, missed: t.missed.map((p) => p.period.key), periods: rule.periods };
};

describe('成立日期 in the frequency rules', () => {
  it('asks no 支委会 of the months before the branch was founded, and the month it was founded in is due', () => {
    const before = tallyOf(report(undefined, [meeting('支委会', '2026-09-20')]), 'committee');
    expect([before.met, before.due, before.missed.length]).toEqual([1, 10, 9]);

    const founded = tallyOf(report('2026-09-01', [meeting('支委会', '2026-09-20')]), 'committee');
    expect([founded.met, founded.due]).toEqual([1, 2]);
    expect(founded.missed).toEqual(['2026-10']);
    // Founded mid-month: that month is owed all the same.
    const midMonth = tallyOf(report('2026-08-15', []), 'committee');
    expect(midMonth.missed).toEqual(['2026-08', '2026-09', '2026-10']);
  });

  it('counts quarters, 党小组 months and the year from the period that holds the 成立日期', () => {
    const r = report('2026-09-01', [meeting('支部党员大会', '2026-09-10')]);
    const assembly = tallyOf(r, 'assembly');
    // 第三季度 holds 1 September: due, and met; 第一、第二季度 are not asked.
    expect([assembly.met, assembly.due, assembly.missed]).toEqual([1, 1, []]);
    expect(assembly.periods.map((p) => p.period.key)).toEqual(['2026-Q3', '2026-Q4']);
    const groups = tallyOf(r, 'group');
    expect(groups.missed).toEqual(['2026-09', '2026-10']);
    // The year holds the 成立日期: 组织生活会 and 谈心谈话 are still owed for 2026.
    expect(tallyOf(r, 'lifeMeeting').periods.map((p) => p.period.key)).toEqual(['2026']);
    expect(tallyOf(r, 'talks').periods).toHaveLength(3);
  });

  it('asks nothing of a year that ended before the branch was founded, and the 合计 follows', () => {
    const r = report('2027-03-01', [], '2027-05-01');
    expect(r.rules.every((rule) => rule.periods.length === 0)).toBe(true);
    expect([r.required, r.met]).toEqual([0, 0]);
  });

  it('a record dated before the 成立日期 counts for no period (it was refused since)', () => {
    const r = tallyOf(report('2026-09-01', [meeting('支委会', '2026-01-31')]), 'committee');
    expect([r.met, r.due]).toEqual([0, 2]);
  });

  it('says why a record cannot be dated before the 成立日期, in the words of the form', () => {
    expect(beforeEstablishedMessage('会议日期', '2026-01-31', '2026-09-01')).toBe(
      '会议日期不能早于本支部成立日期（2026-09-01）；如成立日期有误，请先在“支部概况”中修改',
    );
    expect(beforeEstablishedMessage('会议日期', '2026-09-01', '2026-09-01')).toBeUndefined();
    expect(beforeEstablishedMessage('会议日期', '2026-01-31', undefined)).toBeUndefined();
    expect(beforeEstablishedMessage('会议日期', '2026-01-31', '')).toBeUndefined();
  });
});
