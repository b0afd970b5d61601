// Frequency-tier scoring of standard items: the tier reached and exactly the records that earn it, per 党小组 and
// per member as the 工作台 counts them.
import { describe, expect, it } from 'vitest';
import { getRulePack } from '../../../shared/rules/packs';
import { computeCompliance } from '../../../shared/scoring/compliance';
import { scoreFrequencyItem, type FrequencyTier } from '../../../shared/scoring/frequency';

const committeeTiers: FrequencyTier[] = [
  { label: '每月1次', per: 'month', minCount: 1, score: 2 },
  { label: '每季度1次', per: 'quarter', minCount: 1, score: 1 },
  { label: '偶尔', per: 'total', minCount: 1, score: 0.5 },
  { label: '不开', per: 'total', minCount: 0, score: 0 },
];
const months = (list: number[], kind = '支委会') =>
  list.map((m) => ({ id: `${kind}-${m}`, kind, date: `2025-${String(m).padStart(2, '0')}-10` }));
const all = Array.from({ length: 12 }, (_, i) => i + 1);

describe('scoreFrequencyItem', () => {
  it.each([
    ['every month', all, 2, '每月1次'],
    ['two months missed, every quarter covered', all.filter((m) => m !== 3 && m !== 8), 1, '每季度1次'],
    ['a quarter without any', [1, 2, 3, 4, 5, 6, 7, 8, 9], 0.5, '偶尔'],
    ['never', [], 0, '不开'],
  ])('%s → %s points', (_name, list, score, label) => {
    const r = scoreFrequencyItem(
      { meetingKind: '支委会', tiers: committeeTiers },
      months(list),
      '2025-01-01',
      '2025-12-31',
    );
    expect(r.score).toBe(score);
    expect(r.tier?.label).toBe(label);
    expect(r.evidenceIds).toEqual(months(list).map((m) => m.id));
  });

  it('ignores other kinds and records outside the period in the evidence', () => {
    const meetings = [...months([1, 2]), ...months([3], '党课'), { id: 'old', kind: '支委会', date: '2024-12-31' }];
    const r = scoreFrequencyItem(
      { meetingKind: '支委会', tiers: committeeTiers },
      meetings,
      '2025-01-01',
      '2025-12-31',
    );
    expect(r.evidenceIds).toEqual(['支委会-1', '支委会-2']);
    expect(r.explanation).toContain('12 个月中 2 个月有记录');
  });

  it('asks nothing of the months before the 成立日期 (the month it was founded in counts), as the 工作台', () => {
    // Founded 2025-09-15: every month from September held; January–August could not have been.
    const held = months([9, 10, 11, 12]);
    const rule = { meetingKind: '支委会' as const, tiers: committeeTiers };
    const founded = scoreFrequencyItem(rule, held, '2025-01-01', '2025-12-31', undefined, '2025-09-15');
    expect(founded.tier?.label).toBe('每月1次');
    expect(founded.score).toBe(2);
    expect(founded.explanation).toContain('4 个月中 4 个月有记录');
    // September itself is due, and with it the third quarter: without it neither 每月 nor 每季度 is reached.
    const missedFirst = scoreFrequencyItem(
      rule,
      months([10, 11, 12]),
      '2025-01-01',
      '2025-12-31',
      undefined,
      '2025-09-15',
    );
    expect(missedFirst.tier?.label).toBe('偶尔');
    expect(missedFirst.explanation).toContain('4 个月中 3 个月有记录');
    // Without a 成立日期 the year is judged whole.
    expect(scoreFrequencyItem(rule, held, '2025-01-01', '2025-12-31').tier?.label).toBe('偶尔');
  });

  it('gives 0 without a tier when no tier is reachable', () => {
    const r = scoreFrequencyItem(
      { meetingKind: '支委会', tiers: [committeeTiers[0]!] },
      [],
      '2025-01-01',
      '2025-12-31',
    );
    expect(r.score).toBe(0);
    expect(r.tier).toBeUndefined();
    expect(r.explanation).toContain('未达到任何档次');
  });
});

// 党小组会 and 谈心谈话 are checked per 党小组 / per member on the 工作台; a tier counts only when every one reaches it.
describe('scoreFrequencyItem per party group and per member', () => {
  const groupTiers: FrequencyTier[] = [
    { label: '每月1次', per: 'month', minCount: 1, score: 4 },
    { label: '每季度1次', per: 'quarter', minCount: 1, score: 2 },
    { label: '偶尔召开', per: 'total', minCount: 1, score: 1 },
    { label: '不开', per: 'total', minCount: 0, score: 0 },
  ];
  const groupRule = { meetingKind: '党小组会' as const, tiers: groupTiers };
  const groups = [
    { id: 'g1', name: '第一党小组' },
    { id: 'g2', name: '第二党小组' },
    { id: 'g3', name: '第三党小组' },
  ];
  const roster = { partyGroups: groups, members: [] };
  const groupMeetings = (groupId: string, skip: number[]) =>
    all
      .filter((m) => !skip.includes(m))
      .map((m) => ({
        id: `${groupId}-${m}`,
        kind: '党小组会',
        date: `2025-${String(m).padStart(2, '0')}-${groupId === 'g3' ? 20 : 10}`,
        partyGroupId: groupId,
      }));
  const YEAR = ['2025-01-01', '2025-12-31'] as const;

  it('three groups each missing two months: every month has a record, but no group has every month', () => {
    const meetings = [...groupMeetings('g1', [2, 8]), ...groupMeetings('g2', [2, 8]), ...groupMeetings('g3', [1, 7])];
    const r = scoreFrequencyItem(groupRule, meetings, ...YEAR, roster);
    expect(r.score).toBe(2);
    expect(r.tier?.label).toBe('每季度1次');
    expect(r.explanation).toBe(
      '期间共 30 次党小组会，3 个党小组中 0 个达到「每月1次」' +
        '（第一党小组缺 2月、8月；第二党小组缺 2月、8月；第三党小组缺 1月、7月），各党小组均达到「每季度1次」档',
    );
    expect(r.evidenceIds).toEqual([...meetings].sort((a, b) => a.date.localeCompare(b.date)).map((m) => m.id));
  });

  it('agrees with the compliance engine: the group-months it names missed are the ones the explanation names', () => {
    const meetings = [...groupMeetings('g1', [2, 8]), ...groupMeetings('g2', []), ...groupMeetings('g3', [1, 7])];
    const report = computeCompliance({
      branch: { committee: [], partyGroups: groups.map((g) => ({ ...g, leaderName: '' })) },
      members: [],
      meetings: meetings.map((m) => ({
        ...m,
        kind: '党小组会' as const,
        topic: '',
        attendance: [],
        lecturer: '',
        talkParties: [],
      })),
      from: YEAR[0],
      to: YEAR[1],
      asOf: '2026-01-15',
      pack: getRulePack(undefined),
    });
    const groupLine = report.rules.find((rr) => rr.rule.meetingKind === '党小组会')!;
    expect(`${groupLine.met}/${groupLine.required}`).toBe('32/36');
    expect(groupLine.missed.map((p) => `${p.subject!.name}${p.period.label}`)).toEqual([
      '第三党小组2025年1月',
      '第一党小组2025年2月',
      '第三党小组2025年7月',
      '第一党小组2025年8月',
    ]);
    const r = scoreFrequencyItem(groupRule, meetings, ...YEAR, roster);
    expect(r.score).toBe(2);
    expect(r.explanation).toContain('3 个党小组中 1 个达到「每月1次」（第一党小组缺 2月、8月；第三党小组缺 1月、7月）');
  });

  it('every group holding every month reaches the top tier', () => {
    const meetings = groups.flatMap((g) => groupMeetings(g.id, []));
    const r = scoreFrequencyItem(groupRule, meetings, ...YEAR, roster);
    expect(r.score).toBe(4);
    expect(r.explanation).toBe('期间共 36 次党小组会，3 个党小组均达到「每月1次」档');
  });

  it('a group without any record holds the item down to the tier it reaches, however full the others are', () => {
    const meetings = [...groupMeetings('g1', []), ...groupMeetings('g2', [])];
    const r = scoreFrequencyItem(groupRule, meetings, ...YEAR, roster);
    expect(r.score).toBe(0);
    expect(r.tier?.label).toBe('不开');
    expect(r.explanation).toContain('3 个党小组中 2 个达到「每月1次」（第三党小组无记录）');
    const noFloor = scoreFrequencyItem({ ...groupRule, tiers: groupTiers.slice(0, 3) }, meetings, ...YEAR, roster);
    expect(noFloor.tier).toBeUndefined();
    expect(noFloor.explanation).toMatch(/未达到任何档次（须各党小组都达到）$/);
  });

  it('names the missed quarters when the top tier is quarterly, and the count when it asks for more than one', () => {
    const quarterly: FrequencyTier[] = [
      { label: '每季度2次', per: 'quarter', minCount: 2, score: 3 },
      { label: '每季度1次', per: 'quarter', minCount: 1, score: 2 },
      { label: '不开', per: 'total', minCount: 0, score: 0 },
    ];
    const meetings = [...groupMeetings('g1', []), ...groupMeetings('g2', []), ...groupMeetings('g3', [2, 3, 11, 12])];
    const r = scoreFrequencyItem({ ...groupRule, tiers: quarterly }, meetings, ...YEAR, roster);
    expect(r.score).toBe(2);
    expect(r.explanation).toBe(
      '期间共 32 次党小组会，3 个党小组中 2 个达到「每季度2次」（第三党小组 第一季度、第四季度不足 2 次），各党小组均达到「每季度1次」档',
    );
  });

  it('a branch without 党小组: not applicable, as on the 工作台, and scored in full', () => {
    const r = scoreFrequencyItem(groupRule, groupMeetings('g1', []), ...YEAR, { partyGroups: [], members: [] });
    expect(r).toMatchObject({ score: 4, notApplicable: true, explanation: '未设党小组，本项不适用，按满分计' });
    expect(r.tier).toBeUndefined();
    expect(r.evidenceIds).toEqual([]);
  });

  it('records of no current group are not evidence and do not count for any group', () => {
    const stray = [
      { id: 'no-group', kind: '党小组会', date: '2025-03-03', partyGroupId: '' },
      { id: 'old-group', kind: '党小组会', date: '2025-03-04', partyGroupId: 'gone' },
    ];
    const meetings = [...groups.flatMap((g) => groupMeetings(g.id, [3])), ...stray];
    const r = scoreFrequencyItem(groupRule, meetings, ...YEAR, roster);
    expect(r.score).toBe(2);
    expect(r.evidenceIds).not.toContain('no-group');
    expect(r.evidenceIds).not.toContain('old-group');
    expect(r.explanation).toMatch(/^期间共 33 次党小组会/);
  });

  it('without a roster (or with a branch-wide scope) the kind is counted for the branch as a whole', () => {
    const meetings = [...groupMeetings('g1', [2, 8]), ...groupMeetings('g2', [2, 8]), ...groupMeetings('g3', [1, 7])];
    expect(scoreFrequencyItem(groupRule, meetings, ...YEAR).score).toBe(4);
    expect(scoreFrequencyItem({ ...groupRule, scope: 'branch' }, meetings, ...YEAR, roster).score).toBe(4);
  });

  describe('谈心谈话, per member on the roll', () => {
    const talkRule = {
      meetingKind: '谈心谈话' as const,
      tiers: [
        { label: '每年至少1次', per: 'year', minCount: 1, score: 3 },
        { label: '未开展', per: 'total', minCount: 0, score: 0 },
      ] satisfies FrequencyTier[],
    };
    const person = (id: string, name: string, joinedDate = '2010-07-01', leftDate = '') => ({
      id,
      name,
      joinedDate,
      leftDate,
    });
    const talk = (id: string, date: string, parties: string[]) => ({
      id,
      kind: '谈心谈话',
      date,
      talkParties: parties,
    });

    it('every member on the roll at the year’s end must be a party to one; one who left is judged only with a record; later joiners are not judged', () => {
      const members = [
        person('m1', '王芳'),
        person('m2', '李强', '2025-07-01'),
        person('m3', '赵敏', '2010-07-01', '2025-03-01'),
        person('m4', '周杰', '2026-01-05'),
      ];
      const talks = [talk('t1', '2025-04-02', ['m1']), talk('t2', '2025-09-02', ['m2', 'm4'])];
      const r = scoreFrequencyItem(talkRule, talks, ...YEAR, { partyGroups: [], members });
      // 赵敏 left in March without a talk: no longer the branch's to talk with, so not asked.
      expect(r.score).toBe(3);
      expect(r.explanation).toBe('期间共 2 次谈心谈话，2 名党员均达到「每年至少1次」档');
      // 王芳 without hers holds the item down, as any member on the roll at the end would.
      const without = scoreFrequencyItem(talkRule, talks.slice(1), ...YEAR, { partyGroups: [], members });
      expect(without.score).toBe(0);
      expect(without.explanation).toBe(
        '期间共 1 次谈心谈话，2 名党员中 1 名达到「每年至少1次」（王芳无记录），全体党员均达到「未开展」档',
      );
      const withAttendance = [
        ...talks,
        {
          id: 't3',
          kind: '谈心谈话',
          date: '2025-02-10',
          talkParties: [],
          attendance: [{ memberId: 'm3', name: '赵敏', status: '出席' as const, reason: '' }],
        },
      ];
      const full = scoreFrequencyItem(talkRule, withAttendance, ...YEAR, { partyGroups: [], members });
      expect(full.score).toBe(3);
      expect(full.explanation).toBe('期间共 3 次谈心谈话，3 名党员均达到「每年至少1次」档');
    });

    it('no member on the roll: not applicable', () => {
      const r = scoreFrequencyItem(talkRule, [], ...YEAR, { partyGroups: [], members: [] });
      expect(r).toMatchObject({ score: 3, notApplicable: true, explanation: '期间无在册党员，本项不适用，按满分计' });
    });
  });
});
