// What tells same-named branches apart in the 当前支部 switcher and 各支部概览: nothing for a unique name; else the
// 上级党组织, the creation day, the creation minute or, last, the order of creation — the first that differs for all.
import { describe, expect, it } from 'vitest';
import { branchLabels, type LabelledBranch } from '../../../renderer/src/features/overview/branchLabels';

const branch = (id: string, name: string, parentOrg: string, createdAt: string): LabelledBranch => ({
  id,
  name,
  parentOrg,
  createdAt,
});

describe('branchLabels', () => {
  it('leaves a unique name alone', () => {
    const labels = branchLabels([
      branch('a', '甲支部', '机关党委', '2025-03-01T02:00:00.000Z'),
      branch('b', '乙支部', '机关党委', '2025-03-01T02:00:00.000Z'),
    ]);
    expect([...labels.values()]).toEqual(['甲支部', '乙支部']);
  });

  it('names the 上级党组织 when same-named branches have different ones', () => {
    const labels = branchLabels([
      branch('a', '第一党支部', '市人大机关党委', '2025-03-01T02:00:00.000Z'),
      branch('b', '第一党支部', '市政协机关党委', '2025-03-01T02:00:00.000Z'),
      branch('c', '乙支部', '', '2025-03-01T02:00:00.000Z'),
    ]);
    expect(labels.get('a')).toBe('第一党支部（上级：市人大机关党委）');
    expect(labels.get('b')).toBe('第一党支部（上级：市政协机关党委）');
    expect(labels.get('c')).toBe('乙支部');
  });

  it('else the day each was created, in China time', () => {
    const labels = branchLabels([
      branch('a', '第一党支部', '机关党委', '2025-02-28T17:00:00.000Z'),
      branch('b', '第一党支部', '', '2026-11-28T03:21:00.000Z'),
    ]);
    // One has no 上级党组织: that tells nothing apart.
    expect(labels.get('a')).toBe('第一党支部（建于 2025-03-01）');
    expect(labels.get('b')).toBe('第一党支部（建于 2026-11-28）');
  });

  it('else the minute, else the order of creation', () => {
    const sameDay = branchLabels([
      branch('a', '第一党支部', '', '2026-11-28T03:21:00.000Z'),
      branch('b', '第一党支部', '', '2026-11-28T01:05:00.000Z'),
    ]);
    expect(sameDay.get('a')).toBe('第一党支部（建于 2026-11-28 11:21）');
    expect(sameDay.get('b')).toBe('第一党支部（建于 2026-11-28 09:05）');
    const sameMinute = branchLabels([
      branch('z', '第一党支部', '', '2026-11-28T03:21:30.000Z'),
      branch('y', '第一党支部', '', '2026-11-28T03:21:10.000Z'),
    ]);
    expect(sameMinute.get('z')).toBe('第一党支部（同名第 2 个）');
    expect(sameMinute.get('y')).toBe('第一党支部（同名第 1 个）');
  });
});
