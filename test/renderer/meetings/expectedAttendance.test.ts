// Who a new record lists as expected, by kind: 支委会 its committee, 党小组会 the group, 谈心谈话 the two parties.
import { describe, expect, it } from 'vitest';
import type { Member } from '../../../shared/schemas';
import {
  committeeRosterNotes,
  defaultChairs,
  expectedAttendance,
} from '../../../renderer/src/features/meetings/meetingFormValues';

const member = (id: string, name: string, extra: Partial<Member> = {}): Member =>
  ({
    id,
    branchId: 'b',
    name,
    gender: '男',
    birthDate: '1980-01-01',
    joinedDate: '2005-07-01',
    status: '正式',
    partyGroupId: '',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...extra,
  }) as Member;

const zhang = member('m1', '张三', { partyGroupId: 'g1' });
const li = member('m2', '李四', { partyGroupId: 'g2' });
const wang = member('m3', '王五', { partyGroupId: 'g1' });
const zhao = member('m4', '赵六', { partyGroupId: 'g1', leftDate: '2025-03-01' });
const members = [zhang, li, wang, zhao];
const branch = {
  committee: [
    { name: '李四', role: '书记' as const, memberId: 'm2' },
    // Linked by name only, as the quorum check matches it.
    { name: '张三', role: '组织委员' as const },
    // Not on the roster: nobody to list.
    { name: '外单位', role: '宣传委员' as const },
  ],
};
const names = (rows: ReturnType<typeof expectedAttendance>) => rows.map((r) => `${r.name}:${r.status}`);

describe('expectedAttendance', () => {
  it('a 支委会 lists the committee in its order, linked by id or by name, all 出席', () => {
    expect(names(expectedAttendance(members, branch, { kind: '支委会', date: '2025-06-01' }))).toEqual([
      '李四:出席',
      '张三:出席',
    ]);
    // Without a committee there is nobody to expect.
    expect(expectedAttendance(members, { committee: [] }, { kind: '支委会', date: '2025-06-01' })).toEqual([]);
  });

  it('a 党小组会 lists the chosen group on the roster that day, and nobody before a group is chosen', () => {
    const group = (date: string) =>
      names(expectedAttendance(members, branch, { kind: '党小组会', date, partyGroupId: 'g1' }));
    expect(group('2025-06-01')).toEqual(['张三:出席', '王五:出席']);
    expect(group('2025-01-10')).toEqual(['张三:出席', '王五:出席', '赵六:出席']);
    expect(expectedAttendance(members, branch, { kind: '党小组会', date: '2025-06-01', partyGroupId: '' })).toEqual([]);
  });

  it('a 谈心谈话 lists its two parties; any other meeting everyone on the roster', () => {
    expect(
      names(expectedAttendance(members, branch, { kind: '谈心谈话', date: '2025-06-01', talkParties: ['m3', 'm2'] })),
    ).toEqual(['王五:出席', '李四:出席']);
    expect(names(expectedAttendance(members, branch, { kind: '支部党员大会', date: '2025-06-01' }))).toEqual([
      '张三:出席',
      '李四:出席',
      '王五:出席',
    ]);
  });

  it('lists a member who transferred in (组织关系转入) only from the day she came, whatever her 入党日期', () => {
    const wangFang = member('m5', '王芳', { joinedDate: '2010-07-01', joinedBranchDate: '2025-06-01' });
    const assembly = (date: string) =>
      names(expectedAttendance([zhang, wangFang], branch, { kind: '支部党员大会', date }));
    expect(assembly('2025-03-10')).toEqual(['张三:出席']);
    expect(assembly('2025-06-01')).toEqual(['张三:出席', '王芳:出席']);
  });
});

describe('a 支委会 whose 委员 are typed by hand in 支部概况', () => {
  const roster = [member('a1', '阿依古丽·买买提'), member('z3', '张三'), member('l4', '李四'), member('w5', '王五')];
  const typed = {
    partyGroups: [],
    committee: [
      { name: '阿依古丽•买买提', role: '书记' as const },
      { name: '张 三', role: '组织委员' as const },
      { name: '李四', role: '宣传委员' as const },
    ],
  };

  it('lists the 委员 whose names differ from the roster only by the dot or a space', () => {
    expect(names(expectedAttendance(roster, typed, { kind: '支委会', date: '2025-03-10' }))).toEqual([
      '阿依古丽·买买提:出席',
      '张三:出席',
      '李四:出席',
    ]);
    expect(committeeRosterNotes(roster, typed, '2025-03-10')).toEqual([]);
  });

  it('says which 委员 the roster has nobody for, and which name several members share', () => {
    const branch = {
      partyGroups: [{ id: 'g1', name: '第一党小组' }],
      committee: [
        { name: '张 三丰', role: '书记' as const },
        { name: '李娜', role: '组织委员' as const },
        { name: '外单位', role: '宣传委员' as const },
      ],
    };
    const withTwoLiNa = [
      ...roster,
      member('n1', '李娜', { birthDate: '1985-05-01', partyGroupId: 'g1' }),
      member('n2', '李娜', { birthDate: '1990-03-02' }),
    ];
    expect(committeeRosterNotes(withTwoLiNa, branch, '2025-03-10')).toEqual([
      '支部概况中的委员“张 三丰”、“外单位”在党员名册中找不到，无法列入出席名单，法定人数按缺席计算。请核对支部概况与党员名册中的姓名是否一致',
      '委员“李娜”在党员名册中有 2 位同名党员，已列入李娜（1985年生，第一党小组）；如不是本人，请移出后在下方添加',
    ]);
    expect(names(expectedAttendance(withTwoLiNa, branch, { kind: '支委会', date: '2025-03-10' }))).toEqual([
      '李娜:出席',
    ]);
  });

  it('lists only those in office on the day', () => {
    const branch = {
      partyGroups: [],
      committee: [
        { name: '李四', role: '书记' as const, to: '2025-06-30' },
        { name: '王五', role: '书记' as const, from: '2025-06-30' },
        { name: '张三', role: '组织委员' as const },
      ],
    };
    const on = (date: string) => names(expectedAttendance(roster, branch, { kind: '支委会', date }));
    expect(on('2025-03-10')).toEqual(['李四:出席', '张三:出席']);
    expect(on('2025-09-01')).toEqual(['王五:出席', '张三:出席']);
    // A former 委员 no longer on the committee is not reported as missing from the roster.
    expect(committeeRosterNotes([member('z3', '张三'), member('w5', '王五')], branch, '2025-09-01')).toEqual([]);
  });

  it('says a 委员 who left the branch without a 换届/调整 is still in office in 支部概况, and does not make them 主持人', () => {
    const luo = member('m9', '罗雪', { leftDate: '2025-08-01', leftReason: '组织关系转出' });
    const branch = {
      partyGroups: [],
      committee: [
        { name: '罗雪', role: '书记' as const, memberId: 'm9' },
        { name: '张三', role: '组织委员' as const },
      ],
    };
    const people = [...roster, luo];
    expect(committeeRosterNotes(people, branch, '2025-09-01')).toEqual([
      '委员“罗雪”已于 2025-08-01 离开支部，但支部概况中仍为在任，法定人数按其缺席计算。请在支部概况中为其办理「换届/调整」（填写任职止）',
    ]);
    expect(defaultChairs('支委会', '2025-09-01', people, branch)).toEqual({ host: '', recorder: '张三' });
    // Before she left she chaired, and nothing is said.
    expect(committeeRosterNotes(people, branch, '2025-07-01')).toEqual([]);
    expect(defaultChairs('支委会', '2025-07-01', people, branch).host).toBe('罗雪');
  });
});
