// The record form's helpers: times typed the Chinese way, who a picker offers on a date, how many messages a save
// has, the repository's simple rules checked in the form, who chairs a new record, attendance rows of members not on
// the roster that day, and what a copy or the next record carries over.
import { describe, expect, it } from 'vitest';
import type { Branch, Member } from '../../../shared/schemas';
import { countErrors } from '../../../renderer/src/ui/useRevealErrors';
import {
  attendanceLabels,
  carriedValues,
  defaultChairs,
  emptyMeetingValues,
  meetingRuleIssues,
  memberChoices,
  normalizeTime,
} from '../../../renderer/src/features/meetings/meetingFormValues';
import { offRollIssues, offRollRows, offRollText } from '../../../shared/rules/roster';
import { labelMatches } from '../../../renderer/src/ui/pickerSearch';

describe('normalizeTime', () => {
  it('reads a one-digit hour and the full-width colon or digits as HH:mm', () => {
    expect(normalizeTime('9:30')).toBe('09:30');
    expect(normalizeTime(' 14：30 ')).toBe('14:30');
    expect(normalizeTime('９：０５')).toBe('09:05');
    expect(normalizeTime('09:30')).toBe('09:30');
  });

  it('reads 9.30, 930, 9点30 and 11点 too (the whole list is in test/unit/dates/typedTime.test.ts)', () => {
    expect(normalizeTime('9.30')).toBe('09:30');
    expect(normalizeTime('930')).toBe('09:30');
    expect(normalizeTime('9点30')).toBe('09:30');
    expect(normalizeTime('11点')).toBe('11:00');
  });

  it('leaves what is not clearly a time for the schema to refuse', () => {
    for (const text of ['', '9:3', '上午9点', '9:30:00']) expect(normalizeTime(text)).toBe(text);
    // Out of range still reaches the schema, which says so.
    expect(normalizeTime('25：00')).toBe('25:00');
  });
});

describe('memberChoices', () => {
  const member = (id: string, joinedDate: string, leftDate?: string) =>
    ({ id, name: id, joinedDate, leftDate }) as unknown as Member;
  const members = [
    member('在册', '2005-07-01'),
    member('年中离开', '2020-11-15', '2025-07-15'),
    member('年初离开', '2010-01-01', '2025-03-01'),
    member('后来入党', '2025-09-01'),
  ];
  const names = (options: { label: string }[]) => options.map((o) => o.label);

  it('offers those on the roster on the date, a member who left later included', () => {
    expect(names(memberChoices(members, '2025-06-20'))).toEqual(['在册', '年中离开']);
    // Without a date: whoever has not left.
    expect(names(memberChoices(members, undefined))).toEqual(['在册', '后来入党']);
  });

  it('keeps a stored choice so it still shows its name', () => {
    expect(names(memberChoices(members, '2025-06-20', ['年初离开']))).toEqual(['在册', '年中离开', '年初离开']);
  });
});

describe('members of the same name in the pickers', () => {
  const groups = [{ id: 'g1', name: '第一党小组' }];
  const person = (id: string, name: string, birthDate: string, partyGroupId = '') =>
    ({ id, name, birthDate, partyGroupId, joinedDate: '2010-07-01' }) as unknown as Member;
  const members = [
    person('a', '李娜', '1985-05-01', 'g1'),
    person('b', '李娜', '1990-03-02'),
    person('c', '王  芳', '1977-01-10'),
    person('d', '张三', '1980-01-01'),
  ];

  it('labels two 李娜 by birth year and 党小组, and a padded name tidy', () => {
    expect(memberChoices(members, '2025-06-20', [], groups)).toEqual([
      { value: 'a', label: '李娜（1985年生，第一党小组）' },
      { value: 'b', label: '李娜（1990年生）' },
      { value: 'c', label: '王芳' },
      { value: 'd', label: '张三' },
    ]);
  });

  it('finds 「王  芳」 when 王芳 is typed, and a 李娜 by her birth year', () => {
    const found = (typed: string) =>
      memberChoices(members, '2025-06-20', [], groups)
        .filter((o) => labelMatches(typed, o.label))
        .map((o) => o.value);
    expect(found('王芳')).toEqual(['c']);
    expect(found('王 芳')).toEqual(['c']);
    expect(found('李娜')).toEqual(['a', 'b']);
    expect(found('1990')).toEqual(['b']);
    expect(found('')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shows an attendance row with what tells it apart only when another row has the same name', () => {
    const row = (memberId: string, name: string) => ({ memberId, name });
    expect(attendanceLabels([row('a', '李娜'), row('b', '李娜'), row('d', '张三')], members, groups)).toEqual([
      '李娜（1985年生，第一党小组）',
      '李娜（1990年生）',
      '张三',
    ]);
    expect(attendanceLabels([row('a', '李娜'), row('d', '张三')], members, groups)).toEqual(['李娜', '张三']);
  });
});

describe('countErrors', () => {
  it('counts each field’s, each row’s and the banner’s message, not their refs', () => {
    const ref = { focus: () => undefined, nested: { type: 'x', message: 'not an error' } };
    const rows: unknown[] = [];
    rows[2] = { reason: { type: 'custom', message: '请填写原因', ref } };
    expect(
      countErrors({
        topic: { type: 'too_small', message: '请填写主题', ref },
        attendance: rows,
        root: { repository: { type: 'repository', message: '没有修改任何内容，无需更正' } },
      }),
    ).toBe(3);
    expect(countErrors({})).toBe(0);
  });
});

describe('meetingRuleIssues', () => {
  const values = {
    kind: '支委会' as const,
    date: '2025-06-20',
    lecturer: '',
    partyGroupId: '',
    talkParties: [] as string[],
  };
  const messages = (v: Partial<typeof values> | Record<string, unknown>, today = '2025-06-30') =>
    meetingRuleIssues({ ...values, ...v } as typeof values, today).map((i) => `${i.path}:${i.message}`);

  it('says what the repository would say, in its words', () => {
    expect(messages({})).toEqual([]);
    expect(messages({ date: '2025-07-01' })).toEqual(['date:会议日期不能晚于今天（2025-06-30）']);
    expect(messages({ kind: '党课', lecturer: '  ' })).toEqual(['lecturer:党课请填写授课人']);
    expect(messages({ kind: '党小组会' })).toEqual(['partyGroupId:党小组会请选择党小组']);
    expect(messages({ kind: '谈心谈话', talkParties: ['m1', 'm1'] })).toEqual([
      'talkParties:谈心谈话请选择两位不同的谈话人',
    ]);
    expect(messages({ kind: '谈心谈话', talkParties: ['m1', 'm2'] })).toEqual([]);
  });

  it('refuses a date before the 成立日期 in the same 保存, unless the record already had it', () => {
    const before = { ...values, date: '2025-01-31' };
    expect(meetingRuleIssues(before, '2025-06-30', { established: '2025-03-01' })).toEqual([
      {
        path: 'date',
        message: '会议日期不能早于本支部成立日期（2025-03-01）；如成立日期有误，请先在“支部概况”中修改',
      },
    ]);
    expect(meetingRuleIssues(before, '2025-06-30', { established: '2025-03-01', keptDate: '2025-01-31' })).toEqual([]);
    expect(meetingRuleIssues(values, '2025-06-30', { established: '2025-03-01' })).toEqual([]);
  });
});

describe('emptyMeetingValues for a 补录 link', () => {
  const member = (id: string, partyGroupId = '') =>
    ({ id, name: id, joinedDate: '2005-07-01', leftDate: '', partyGroupId, status: '正式' }) as unknown as Member;
  const members = [member('甲', 'g1'), member('乙', 'g1'), member('丙', 'g2')];
  const branch = {
    committee: [],
    partyGroups: [
      { id: 'g1', name: '第一党小组' },
      { id: 'g2', name: '第二党小组' },
    ],
  } as unknown as Pick<Branch, 'committee' | 'partyGroups'>;

  it("opens a 党小组会 on the named group, with that group's members expected", () => {
    const values = emptyMeetingValues('党小组会', '2025-01-31', members, branch, { partyGroupId: 'g1' });
    expect(values.partyGroupId).toBe('g1');
    expect(values.attendance.map((a) => a.name)).toEqual(['甲', '乙']);
  });

  it('opens a 谈心谈话 with the named member as one of the parties', () => {
    const values = emptyMeetingValues('谈心谈话', '2025-12-31', members, branch, { talkParty: '丙' });
    expect(values.talkParties).toEqual(['丙']);
  });

  it('ignores a group or member that does not exist or does not fit the kind', () => {
    expect(emptyMeetingValues('党小组会', '2025-01-31', members, branch, { partyGroupId: 'gone' }).partyGroupId).toBe(
      '',
    );
    expect(emptyMeetingValues('支委会', '2025-01-31', members, branch, { partyGroupId: 'g1' }).partyGroupId).toBe('');
    expect(emptyMeetingValues('谈心谈话', '2025-12-31', members, branch, { talkParty: '无此人' }).talkParties).toEqual(
      [],
    );
  });
});

describe('a new 支委会 or 支部党员大会: 主持人 and 记录人', () => {
  const member = (id: string, name: string) =>
    ({ id, name, joinedDate: '2005-07-01', leftDate: '', partyGroupId: '', status: '正式' }) as unknown as Member;
  const members = [member('m1', '罗雪'), member('m2', '胡桂兰'), member('m3', '王静')];
  const branch = {
    committee: [
      { name: '罗雪', role: '书记', memberId: 'm1', to: '2025-07-15' },
      { name: '胡桂兰', role: '书记', memberId: 'm2', from: '2025-07-15' },
      { name: '王静', role: '组织委员' },
      { name: '刘洋', role: '宣传委员' },
    ],
  } as unknown as Pick<Branch, 'committee'>;

  it('are the 书记 and the 组织委员 in office on the date', () => {
    expect(defaultChairs('支委会', '2025-03-10', members, branch)).toEqual({ host: '罗雪', recorder: '王静' });
    expect(defaultChairs('支部党员大会', '2025-09-01', members, branch)).toEqual({ host: '胡桂兰', recorder: '王静' });
  });

  it('on a handover day: the new 书记 for the 支委会 (the new committee meets), the outgoing one for the election', () => {
    expect(defaultChairs('支委会', '2025-07-15', members, branch).host).toBe('胡桂兰');
    expect(defaultChairs('支部党员大会', '2025-07-15', members, branch).host).toBe('罗雪');
  });

  it('are left empty for kinds the 书记 does not chair, and without a 组织委员', () => {
    expect(defaultChairs('主题党日', '2025-03-10', members, branch)).toEqual({ host: '', recorder: '' });
    const noOrganiser = { committee: branch.committee.filter((c) => c.role !== '组织委员') };
    expect(defaultChairs('支委会', '2025-03-10', members, noOrganiser)).toEqual({ host: '罗雪', recorder: '' });
  });

  it('fill a new form', () => {
    const values = emptyMeetingValues('支委会', '2025-03-10', members, { ...branch, partyGroups: [] });
    expect([values.host, values.recorder]).toEqual(['罗雪', '王静']);
  });
});

describe('members not on the roster on the meeting’s date', () => {
  const member = (id: string, name: string, joinedDate: string, leftDate = '') =>
    ({ id, name, joinedDate, leftDate }) as unknown as Member;
  const members = [
    member('a', '张三', '2005-07-01'),
    member('b', '许晨', '2025-06-15'),
    member('c', '于勇', '2010-01-01', '2025-03-01'),
  ];
  const rows = members.map((m) => ({ memberId: m.id, name: m.name }));

  it('are the rows of those who joined later or had left, by the rule the list is filled with', () => {
    expect(offRollText(offRollRows(rows, members, '2025-03-06'))).toBe(
      '许晨（2025-06-15 入党）、于勇（2025-03-01 离开支部）',
    );
    expect(offRollRows(rows, members, '2025-02-28').map((r) => r.index)).toEqual([1]);
    // Joining or leaving on the day itself is as isOnRosterOn has it: in on the day of joining, out on the day of leaving.
    expect(offRollRows(rows, members, '2025-06-15').map((r) => r.name)).toEqual(['于勇']);
    // No date yet, nothing to compare with; a member not on this roster is the repository's to refuse.
    expect(offRollRows(rows, members, undefined)).toEqual([]);
    expect(offRollRows([{ memberId: 'x', name: '外人' }], members, '2025-03-06')).toEqual([]);
  });

  it('are refused on 保存 on their own row', () => {
    expect(offRollIssues(rows, members, '2025-03-06')).toEqual([
      { path: 'attendance.1.status', message: '许晨在会议当天不在册（2025-06-15 入党），请移出名单' },
      { path: 'attendance.2.status', message: '于勇在会议当天不在册（2025-03-01 离开支部），请移出名单' },
    ]);
  });
});

describe('carriedValues: 复制为新记录 and 保存并新建同类记录', () => {
  const member = (id: string, partyGroupId = '') =>
    ({ id, name: id, joinedDate: '2005-07-01', leftDate: '', partyGroupId, status: '正式' }) as unknown as Member;
  const members = [member('甲', 'g1'), member('乙', 'g1'), member('丙', 'g2')];
  const branch = {
    committee: [],
    partyGroups: [
      { id: 'g1', name: '第一党小组' },
      { id: 'g2', name: '第二党小组' },
    ],
  } as unknown as Pick<Branch, 'committee' | 'partyGroups'>;
  const source = {
    kind: '党小组会' as const,
    venueId: 'v1',
    host: '甲',
    recorder: '乙',
    lecturer: '',
    startTime: '09:00',
    endTime: '10:30',
    agenda: '一、学习；二、讨论',
    partyGroupId: 'g1',
    // Not carried:
    topic: '学习党章',
    date: '2025-03-05',
    content: '会议内容',
    attachmentIds: ['f1'],
    attendance: [{ memberId: '甲', name: '甲', status: '请假' as const, reason: '出差' }],
  };

  it('keeps who, where, when and the group; the date, 主题, content and files start empty', () => {
    const copy = carriedValues(source, members, branch, { agenda: true });
    expect(copy).toMatchObject({
      kind: '党小组会',
      venueId: 'v1',
      host: '甲',
      recorder: '乙',
      startTime: '09:00',
      endTime: '10:30',
      agenda: '一、学习；二、讨论',
      partyGroupId: 'g1',
      date: undefined,
      topic: '',
      content: '',
      attachmentIds: [],
      talkParties: [],
      guests: [],
    });
    // Who the group expects, everyone 出席: not the source's 请假.
    expect(copy.attendance).toEqual([
      { memberId: '甲', name: '甲', status: '出席', reason: '' },
      { memberId: '乙', name: '乙', status: '出席', reason: '' },
    ]);
    expect(carriedValues(source, members, branch, { agenda: false }).agenda).toBe('');
  });
});
