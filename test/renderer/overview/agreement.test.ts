// 各支部概览 and the 工作台 fed the same branch-year: every rule shows the same met/due and the same gaps, in a year still
// running — a month's 党小组 not yet recorded and members not yet talked with are due on both, and a gap on neither.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_PACK_ID } from '../../../shared/rules/packs';
import type { ComplianceSources } from '../../../renderer/src/db/repositories/compliance';
import { buildDashboard } from '../../../renderer/src/features/dashboard/dashboardData';
import { buildOverview } from '../../../renderer/src/features/overview/overviewData';

const member = (id: string, name: string) => ({
  id,
  name,
  status: '正式' as const,
  joinedDate: '2005-07-01',
  partyGroupId: '',
});

const meeting = (id: string, kind: string, date: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: kind as never,
  date,
  topic: `${kind}`,
  attendance: [],
  lecturer: '',
  partyGroupId: '',
  talkParties: [],
  ...extra,
});

/** A branch with three 党小组 and three members, seen on 15 June: January to May are over, June is running. */
const compliance: ComplianceSources = {
  branch: {
    committee: [],
    partyGroups: [
      { id: 'g1', name: '第一党小组', leaderName: '' },
      { id: 'g2', name: '第二党小组', leaderName: '' },
      { id: 'g3', name: '第三党小组', leaderName: '' },
    ],
  },
  members: [member('m1', '王文静'), member('m2', '于勇'), member('m3', '陈静')],
  meetings: [
    // June's 党小组会 of the first group only; none in January to May.
    meeting('r1', '党小组会', '2030-06-03', { partyGroupId: 'g1' }),
    // One member talked with this year; two are left, with half a year to go.
    meeting('r2', '谈心谈话', '2030-03-01', { talkParties: ['m1'] }),
  ],
  from: '2030-01-01',
  to: '2030-12-31',
};
const asOf = '2030-06-15';

/** The 工作台 and 各支部概览 of the branch on one day. */
function bothScreens(day: string, sources: ComplianceSources = compliance) {
  const board = buildDashboard(
    {
      compliance: sources,
      packId: DEFAULT_RULE_PACK_ID,
      venues: [],
      venueChecks: [],
      responsibilities: [],
      assessments: [],
      memberEvaluations: [],
    },
    2030,
    day,
  );
  const view = buildOverview(
    {
      packId: DEFAULT_RULE_PACK_ID,
      branches: [
        {
          branch: { id: 'b1', name: '甲支部', parentOrg: '', createdAt: '2029-01-01T00:00:00.000Z' },
          termEnd: '2031-12-31',
          compliance: sources,
          overdueChecks: 0,
        },
      ],
    },
    2030,
    day,
  );
  return { board, view };
}

describe('the 工作台 and 各支部概览 count a branch-year alike', () => {
  it('shows the same met/due and gaps for every rule, the open period due on both and missed on neither', () => {
    const { board, view } = bothScreens(asOf);
    const [row] = view.rows;
    const cellOf = (ruleId: string) => row!.cells[view.rules.findIndex((r) => r.id === ruleId)]!;
    for (const line of board.records) {
      const cell = cellOf(line.ruleId);
      expect([line.ruleId, cell.met, cell.required, cell.missed]).toEqual([
        line.ruleId,
        line.met,
        line.required,
        line.misses.length,
      ]);
    }
    for (const line of board.records) expect(cellOf(line.ruleId).pending).toBe(line.pending.length);

    const groups = board.records.find((l) => l.ruleId === 'group')!;
    // 「党小组会 1/18 项（党小组），2 个党小组待记录」: January to May missed by all three, June met by one.
    expect(groups.text).toBe('党小组会 1/18 项（党小组），2 个党小组待记录');
    expect(cellOf('group')).toMatchObject({ met: 1, required: 18, missed: 15, pending: 2 });
    // June is not over: its two groups are not among the gaps the cell names.
    expect(cellOf('group').missedLines).toEqual([
      '第一党小组 1月、2月、3月、4月、5月',
      '第二党小组 1月、2月、3月、4月、5月',
      '第三党小组 1月、2月、3月、4月、5月',
    ]);
    expect(cellOf('group').pendingText).toBe(groups.pendingText);

    const talks = board.records.find((l) => l.ruleId === 'talks')!;
    expect(talks.text).toBe('谈心谈话 1/3 人，2 人待谈');
    expect(cellOf('talks')).toMatchObject({ met: 1, required: 3, missed: 0, pending: 2 });
    // Nothing missed in the year so far but what is over: the 未达标 count is the 工作台's too.
    expect(row!.missedRules).toBe(board.records.filter((l) => l.misses.length > 0).length);
    expect(row!.missedItems).toBe(board.records.reduce((n, l) => n + l.misses.length, 0));
  });

  it('late in the year both say the days left of a yearly item not yet held, not 未到期 on one of them', () => {
    const { board, view } = bothScreens('2030-11-28');
    const lifeMeeting = board.records.find((l) => l.label === '组织生活会')!;
    expect(lifeMeeting.notDue).toBe('本年度还剩 34 天');
    const cell = view.rows[0]!.cells[view.rules.findIndex((r) => r.id === lifeMeeting.ruleId)]!;
    expect(cell.notDue).toBe('本年度还剩 34 天');
  });

  it('a year before the branch was founded reads as on the 工作台, not 「未设党小组」 for a branch that has them', () => {
    const founded = { ...compliance, branch: { ...compliance.branch, establishedDate: '2031-03-01' } };
    const { board, view } = bothScreens('2030-06-15', founded);
    const groups = board.records.find((l) => l.ruleId === 'group')!;
    expect(groups.notDue).toBe('本支部成立于2031年3月1日，本年度不适用');
    const cell = view.rows[0]!.cells[view.rules.findIndex((r) => r.id === 'group')]!;
    expect(cell.notDue).toBe(groups.notDue);
  });
});
