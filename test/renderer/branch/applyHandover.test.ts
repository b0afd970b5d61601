// 换届/调整 as the 支部概况 form applies it: the former holder keeps their row with 任职止, the successor starts that day,
// and a successor who held another post leaves it the same day, keeping their roster link.
import { describe, expect, it } from 'vitest';
import { applyHandover } from '../../../renderer/src/features/branch/branchFormValues';

describe('applyHandover', () => {
  const committee = [
    { name: '罗雪', role: '书记' as const, from: '2022-07-15', memberId: 'luo' },
    { name: '胡桂兰', role: '副书记' as const, from: '2022-07-15', memberId: 'hu' },
    { name: '袁明哲', role: '组织委员' as const },
  ];

  it('ends the successor’s other post that day and carries its roster link to the new one', () => {
    expect(applyHandover(committee, 0, { date: '2025-07-15', successor: '胡桂兰' })).toEqual([
      { name: '罗雪', role: '书记', from: '2022-07-15', memberId: 'luo', to: '2025-07-15' },
      { name: '胡桂兰', role: '书记', from: '2025-07-15', memberId: 'hu' },
      { name: '胡桂兰', role: '副书记', from: '2022-07-15', memberId: 'hu', to: '2025-07-15' },
      { name: '袁明哲', role: '组织委员' },
    ]);
  });

  it('adds a successor from outside the committee as typed, and the former holder in a new post', () => {
    expect(applyHandover(committee, 2, { date: '2025-07-15', successor: '苏明', formerNewRole: '副书记' })).toEqual([
      committee[0],
      committee[1],
      { name: '袁明哲', role: '组织委员', to: '2025-07-15' },
      { name: '苏明', role: '组织委员', from: '2025-07-15' },
      { name: '袁明哲', role: '副书记', from: '2025-07-15' },
    ]);
  });
});
