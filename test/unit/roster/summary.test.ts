// rosterCounts: 正式/预备 and per-党小组 counts of those still on the roster.
import { describe, expect, it } from 'vitest';
import { rosterCounts } from '../../../shared/roster';

describe('rosterCounts', () => {
  it('counts only members still in the branch, by status and by group, with 未分组 last', () => {
    const groups = [
      { id: 'g1', name: '第一党小组' },
      { id: 'g2', name: '第二党小组' },
    ];
    const counts = rosterCounts(
      [
        { status: '正式', partyGroupId: 'g1', leftDate: '' },
        { status: '预备', partyGroupId: 'g1', leftDate: '' },
        { status: '正式', partyGroupId: '', leftDate: undefined },
        { status: '正式', partyGroupId: 'g2', leftDate: '2024-01-01' },
      ],
      groups,
    );
    expect(counts).toEqual({
      total: 3,
      full: 2,
      probationary: 1,
      byGroup: [
        { name: '第一党小组', count: 2 },
        { name: '第二党小组', count: 0 },
        { name: '未分组', count: 1 },
      ],
    });
  });
});
