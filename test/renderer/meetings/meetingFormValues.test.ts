// The record form's helpers: times typed the Chinese way, who a picker offers on a date, how many messages a save
// has, and the repository's simple rules checked in the form.
import { describe, expect, it } from 'vitest';
import type { Branch, Member } from '../../../shared/schemas';
import { countErrors } from '../../../renderer/src/ui/useRevealErrors';
import {
  emptyMeetingValues,
  meetingRuleIssues,
  memberChoices,
  normalizeTime,
} from '../../../renderer/src/features/meetings/meetingFormValues';

describe('normalizeTime', () => {
  it('reads a one-digit hour and the full-width colon or digits as HH:mm', () => {
    expect(normalizeTime('9:30')).toBe('09:30');
    expect(normalizeTime(' 14：30 ')).toBe('14:30');
    expect(normalizeTime('９：０５')).toBe('09:05');
    expect(normalizeTime('09:30')).toBe('09:30');
  });

  it('leaves what is not clearly a time for the schema to refuse', () => {
    for (const text of ['', '930', '9:3', '上午9点', '9:30:00']) expect(normalizeTime(text)).toBe(text);
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
