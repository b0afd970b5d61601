// The decade demo data set: the same branch over 2016–2025, about 700 meetings, members joining and leaving.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Branch, Meeting, Member, MemberEvaluation } from '../../../shared/schemas/entities';
import { specOf } from '../../../scripts/seed/source';
import { readBack, seedBytes, type ReadBack } from './helpers';

let data: ReadBack;

beforeAll(async () => {
  data = await readBack(await seedBytes(specOf('decade')));
}, 30_000);

describe('decade demo data', () => {
  test('is a valid backup of the typical branch with about 700 meetings over ten years', () => {
    if (!data.inspected.ok) throw new Error(data.inspected.errors.join('\n'));
    expect((data.rows.branches as Branch[]).map((b) => b.name)).toEqual(['市人大机关第一党支部']);
    const meetings = data.rows.meetings as Meeting[];
    expect(meetings.length).toBeGreaterThanOrEqual(650);
    expect(meetings.length).toBeLessThanOrEqual(760);
    const years = new Set(meetings.map((m) => m.date.slice(0, 4)));
    expect([...years].sort()).toEqual(Array.from({ length: 10 }, (_, i) => String(2016 + i)));
    expect(meetings.filter((m) => m.backfilled)).toHaveLength(10);
  });

  test('members join and leave over the years, and 预备党员 become 正式 a year after joining', () => {
    const members = data.rows.members as Member[];
    const leftYears = new Set(members.filter((m) => m.leftDate).map((m) => m.leftDate!.slice(0, 4)));
    expect(leftYears.size).toBeGreaterThanOrEqual(4);
    const joinedLater = members.filter((m) => m.joinedDate >= '2016-01-01');
    expect(joinedLater.length).toBeGreaterThanOrEqual(3);
    for (const m of members.filter((x) => x.status === '正式' && x.joinedDate >= '2016-01-01')) {
      expect(m.fullMemberDate! > m.joinedDate).toBe(true);
    }
    expect(members.filter((m) => m.status === '预备')).toHaveLength(2);
    const current = members.filter((m) => !m.leftDate).length;
    expect(current).toBeGreaterThanOrEqual(20);
    expect(current).toBeLessThanOrEqual(30);
  });

  test('every year rates at most one third 优秀', () => {
    const byYear = new Map<number, MemberEvaluation[]>();
    for (const e of data.rows.memberEvaluations as MemberEvaluation[])
      byYear.set(e.year, [...(byYear.get(e.year) ?? []), e]);
    expect(byYear.size).toBe(10);
    for (const list of byYear.values())
      expect(list.filter((e) => e.grade === '优秀').length * 3).toBeLessThanOrEqual(list.length);
  });
});
