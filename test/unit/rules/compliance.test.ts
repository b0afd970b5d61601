// The compliance engine and quorum rules, table-driven over realistic branch-years.
import { describe, expect, it } from 'vitest';
import { getRulePack, RULE_PACKS } from '../../../shared/rules/packs';
import { checkQuorum, isFullMemberOn } from '../../../shared/rules/quorum';
import { computeCompliance, type ComplianceMeeting, type ComplianceMember } from '../../../shared/scoring/compliance';

const member = (id: string, over: Partial<ComplianceMember> = {}): ComplianceMember => ({
  id,
  name: `党员${id}`,
  status: '正式',
  joinedDate: '2010-07-01',
  fullMemberDate: '',
  leftDate: '',
  partyGroupId: 'g1',
  ...over,
});

const members = [member('m1', { name: '王书记' }), member('m2'), member('m3'), member('m4'), member('m5')];
const branch = {
  committee: [
    { name: '王书记', role: '书记' as const, memberId: 'm1' },
    { name: '党员m2', role: '组织委员' as const, memberId: 'm2' },
    { name: '党员m3', role: '宣传委员' as const, memberId: 'm3' },
  ],
  partyGroups: [
    { id: 'g1', name: '第一党小组', leaderName: '' },
    { id: 'g2', name: '第二党小组', leaderName: '' },
  ],
};

let seq = 0;
const meeting = (
  kind: ComplianceMeeting['kind'],
  date: string,
  over: Partial<ComplianceMeeting> = {},
): ComplianceMeeting => ({
  id: `x${++seq}`,
  kind,
  date,
  topic: `${kind}${date}`,
  attendance: members.map((m) => ({ memberId: m.id, name: m.name, status: '出席' as const, reason: '' })),
  lecturer: '',
  partyGroupId: '',
  talkParties: [],
  ...over,
});

const year = (meetings: ComplianceMeeting[], asOf = '2026-01-15', packId?: string) =>
  computeCompliance({
    branch,
    members,
    meetings,
    from: '2025-01-01',
    to: '2025-12-31',
    asOf,
    pack: getRulePack(packId),
  });

const rule = (report: ReturnType<typeof year>, id: string) => report.rules.find((r) => r.rule.id === id)!;

const monthly = (kind: ComplianceMeeting['kind'], skip: number[] = [], over: Partial<ComplianceMeeting> = {}) =>
  Array.from({ length: 12 }, (_, i) => i + 1)
    .filter((m) => !skip.includes(m))
    .map((m) => meeting(kind, `2025-${String(m).padStart(2, '0')}-15`, over));

describe('computeCompliance', () => {
  it('counts 支委会 per month and lists exactly the two missed months', () => {
    const r = rule(year(monthly('支委会', [3, 8])), 'committee');
    expect(r.required).toBe(12);
    expect(r.met).toBe(10);
    expect(r.missed.map((p) => p.period.key)).toEqual(['2025-03', '2025-08']);
    expect(r.periods.find((p) => p.period.key === '2025-05')!.meetingIds).toHaveLength(1);
  });

  it('treats a quarter with two 党员大会 as one met period, not two', () => {
    const meetings = [
      meeting('支部党员大会', '2025-01-10'),
      meeting('支部党员大会', '2025-02-20'),
      meeting('支部党员大会', '2025-05-20'),
      meeting('支部党员大会', '2025-08-20'),
    ];
    const r = rule(year(meetings), 'assembly');
    expect(r.met).toBe(3);
    expect(r.missed.map((p) => p.period.key)).toEqual(['2025-Q4']);
    expect(r.periods[0]!.count).toBe(2);
  });

  it('a current month without a meeting yet is pending, not missed', () => {
    const r = rule(year(monthly('支委会', [5, 6, 7, 8, 9, 10, 11, 12]), '2025-05-10'), 'committee');
    expect(r.missed).toEqual([]);
    expect(r.required).toBe(4);
    expect(r.periods.find((p) => p.period.key === '2025-05')!.status).toBe('pending');
  });

  it('boundary dates fall in the right month (31 Jan, 1 Feb, 29 Feb in a leap year)', () => {
    const report = computeCompliance({
      branch,
      members,
      meetings: [meeting('支委会', '2024-01-31'), meeting('支委会', '2024-02-29')],
      from: '2024-01-01',
      to: '2024-03-31',
      asOf: '2024-12-31',
      pack: getRulePack(undefined),
    });
    const r = rule(report, 'committee');
    expect(r.periods.map((p) => [p.period.key, p.count])).toEqual([
      ['2024-01', 1],
      ['2024-02', 1],
      ['2024-03', 0],
    ]);
  });

  it('checks 党小组会 for every party group separately', () => {
    const r = rule(year(monthly('党小组会', [], { partyGroupId: 'g1' })), 'group');
    expect(r.required).toBe(24);
    expect(r.met).toBe(12);
    expect(new Set(r.missed.map((p) => p.subject!.name))).toEqual(new Set(['第二党小组']));
  });

  it('counts 党课 only when the secretary lectures, and local packs change the period', () => {
    const lectures = [
      meeting('党课', '2025-03-01', { lecturer: '党员m2' }),
      meeting('党课', '2025-06-01', { lecturer: '王书记' }),
    ];
    expect(rule(year(lectures), 'lecture').met).toBe(1);
    expect(rule(year([lectures[0]!]), 'lecture').missed).toHaveLength(1);
    const quarterly = rule(year(lectures, '2026-01-15', 'local-lecture-quarterly'), 'lecture');
    expect([quarterly.required, quarterly.met]).toEqual([4, 1]);
    expect(RULE_PACKS.map((p) => p.id)).toContain('local-lecture-half');
  });

  it('takes 授课人 as typed (「同志」, a title, spaces) and the 书记 in office on the day after a 换届', () => {
    const handover = {
      ...branch,
      committee: [
        { name: '张建国', role: '书记' as const, to: '2025-06-30' },
        { name: '李 红', role: '书记' as const, from: '2025-06-30' },
        ...branch.committee.slice(1),
      ],
    };
    const lectures = [
      meeting('党课', '2025-03-01', { lecturer: '张建国同志' }),
      meeting('党课', '2025-06-01', { lecturer: '支部书记张建国' }),
      meeting('党课', '2025-09-01', { lecturer: '李红' }),
      // 张建国 no longer 书记 in October: his 党课 is a member's, not the 书记's.
      meeting('党课', '2025-10-01', { lecturer: '张建国' }),
    ];
    const report = computeCompliance({
      branch: handover,
      members,
      meetings: lectures,
      from: '2025-01-01',
      to: '2025-12-31',
      asOf: '2026-01-15',
      pack: getRulePack('local-lecture-quarterly'),
    });
    const r = rule(report, 'lecture');
    expect([r.required, r.met]).toEqual([4, 3]);
    expect(r.missed.map((p) => p.period.label)).toEqual(['2025年第四季度']);
  });

  it('requires 谈心谈话 for every member in the year', () => {
    const talks = [meeting('谈心谈话', '2025-04-01', { talkParties: ['m1', 'm2'], attendance: [] })];
    const r = rule(year(talks), 'talks');
    expect(r.required).toBe(5);
    expect(r.met).toBe(2);
    expect(r.missed.map((p) => p.subject!.id).sort()).toEqual(['m3', 'm4', 'm5']);
  });

  it('reports quorum failures of 支委会 and 党员大会', () => {
    const thin = members.map((m, i) => ({
      memberId: m.id,
      name: m.name,
      status: i < 2 ? ('出席' as const) : ('请假' as const),
      reason: '出差',
    }));
    const report = year([
      meeting('支委会', '2025-01-10', {
        attendance: thin.slice(0, 3).map((a, i) => (i === 1 ? { ...a, status: '缺席' as const } : a)),
      }),
      meeting('支部党员大会', '2025-02-10', { attendance: thin }),
    ]);
    expect(rule(report, 'committee').quorumFailures).toHaveLength(1);
    expect(rule(report, 'assembly').quorumFailures[0]!.quorum).toMatchObject({
      present: 2,
      eligible: 5,
      needed: 3,
      ok: false,
    });
  });

  it('over a half-year range judges only the months and quarters inside it, not the year', () => {
    const report = computeCompliance({
      branch,
      members,
      meetings: [...monthly('支委会', [3, 8]), meeting('组织生活会', '2025-12-20')],
      from: '2025-01-01',
      to: '2025-06-30',
      asOf: '2026-01-15',
      pack: getRulePack(undefined),
    });
    const committee = rule(report, 'committee');
    expect(committee.required).toBe(6);
    expect(committee.missed.map((p) => p.period.key)).toEqual(['2025-03']);
    expect(rule(report, 'assembly').required).toBe(2);
    // 组织生活会 and 谈心谈话 are yearly: a half year says nothing about them, met or missed.
    for (const id of ['lifeMeeting', 'talks']) expect(rule(report, id).periods).toEqual([]);
  });

  it('sums required and met over all rules', () => {
    const report = year(monthly('支委会'));
    expect(report.met).toBe(12);
    expect(report.required).toBe(report.rules.reduce((n, r) => n + r.required, 0));
    expect(report.required).toBeGreaterThan(12);
  });
});

describe('checkQuorum', () => {
  const att = (present: string[]) =>
    members.map((m) => ({
      memberId: m.id,
      name: m.name,
      status: present.includes(m.id) ? ('出席' as const) : ('请假' as const),
      reason: '',
    }));
  it.each([
    [['m1', 'm2'], true, 2, 3],
    [['m1'], false, 1, 3],
    [['m4', 'm5'], false, 0, 3],
  ])('支委会 with %j present → ok=%s', (present, ok, got, eligible) => {
    const q = checkQuorum({ kind: '支委会', date: '2025-01-01', attendance: att(present) }, branch, members);
    expect([q.ok, q.present, q.eligible]).toEqual([ok, got, eligible]);
    if (!ok) expect(q.message).toContain('未超过半数');
  });

  it('支部党员大会 counts only 正式党员 with voting rights on the day', () => {
    const withProbationary = [
      ...members,
      member('p1', { status: '预备' }),
      member('p2', { status: '正式', fullMemberDate: '2025-06-01' }),
    ];
    const q = checkQuorum(
      { kind: '支部党员大会', date: '2025-03-01', attendance: att(['m1', 'm2', 'm3']) },
      branch,
      withProbationary,
    );
    expect([q.eligible, q.present, q.needed, q.ok]).toEqual([5, 3, 3, true]);
    expect(isFullMemberOn(withProbationary[6]!, '2025-06-01')).toBe(true);
    expect(isFullMemberOn(member('l', { leftDate: '2025-01-01' }), '2025-03-01')).toBe(false);
  });

  it('does not apply to other kinds', () => {
    expect(checkQuorum({ kind: '党课', date: '2025-01-01', attendance: [] }, branch, members).applies).toBe(false);
  });
});
