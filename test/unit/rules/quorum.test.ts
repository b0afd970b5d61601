// 支委会 quorum against the 委员 typed in 支部概况: a name typed with another dot or a space is still the roster's
// member, and only those in office on the day count.
import { describe, expect, it } from 'vitest';
import { checkQuorum } from '../../../shared/rules/quorum';
import type { CommitteeMember, Meeting } from '../../../shared/schemas/entities';

const attendee = (memberId: string, name: string, status: '出席' | '请假' = '出席'): Meeting['attendance'][number] => ({
  memberId,
  name,
  status,
  reason: status === '出席' ? '' : '出差',
});

const quorum = (committee: CommitteeMember[], attendance: Meeting['attendance'], date = '2025-03-10') =>
  checkQuorum({ kind: '支委会', date, attendance }, { committee }, []);

describe('支委会 quorum by name', () => {
  // As in the review: the committee typed by hand, the roster entered separately.
  const committee: CommitteeMember[] = [
    { name: '阿依古丽•买买提', role: '书记' },
    { name: '张 三', role: '组织委员' },
    { name: '李四', role: '宣传委员' },
  ];

  it('counts a 委员 present whose name differs from the roster only by the dot or an inner space', () => {
    const q = quorum(committee, [attendee('m1', '阿依古丽·买买提'), attendee('m2', '张三'), attendee('m3', '李四')]);
    expect([q.ok, q.present, q.eligible]).toEqual([true, 3, 3]);
    expect(q.message).toBe('支委会应到 3 人，实到 3 人，符合半数以上要求');
  });

  it('still counts 请假 as absent, and a different name as someone else', () => {
    const q = quorum(committee, [
      attendee('m1', '阿依古丽·买买提', '请假'),
      attendee('m2', '张三丰'),
      attendee('m3', '李四'),
    ]);
    expect([q.ok, q.present]).toEqual([false, 1]);
    expect(q.message).toContain('会议决定无效');
  });
});

describe('支委会 quorum over 任职起止', () => {
  // 2025-07-15 换届: 罗雪 hands 书记 to 胡桂兰 and stays as 副书记; 蒋国栋 left the committee in 2024.
  const committee: CommitteeMember[] = [
    { name: '胡桂兰', role: '书记', from: '2025-07-15' },
    { name: '罗雪', role: '副书记', from: '2025-07-15' },
    { name: '罗雪', role: '书记', from: '2022-03-01', to: '2025-07-15' },
    { name: '蒋国栋', role: '宣传委员', to: '2024-06-30' },
    { name: '唐娜', role: '纪检委员' },
  ];

  it('counts those in office on the day, a member holding two rows on the handover day once', () => {
    expect(quorum(committee, [attendee('a', '罗雪')], '2025-03-10').eligible).toBe(2);
    expect(quorum(committee, [attendee('a', '罗雪')], '2025-07-15').eligible).toBe(3);
    const after = quorum(committee, [attendee('a', '胡桂兰'), attendee('b', '罗雪')], '2025-09-01');
    expect([after.ok, after.present, after.eligible]).toEqual([true, 2, 3]);
  });

  it('counts a successor typed in the 换届 dialog and linked on another row once', () => {
    // 胡桂兰 was 副书记 (linked to the roster) and becomes 书记 (typed): four people, two present is no quorum.
    const linked: CommitteeMember[] = [
      { name: '罗雪', role: '书记', memberId: 'luo', from: '2022-07-15', to: '2025-07-15' },
      { name: '胡桂兰', role: '书记', from: '2025-07-15' },
      { name: '胡桂兰', role: '副书记', memberId: 'hu', from: '2022-07-15' },
      { name: '袁明哲', role: '组织委员', memberId: 'yuan' },
      { name: '蒋国栋', role: '宣传委员', memberId: 'jiang' },
      { name: '许庆丰', role: '纪检委员', memberId: 'xu' },
    ];
    const q = quorum(linked, [attendee('hu', '胡桂兰'), attendee('xu', '许庆丰')], '2025-08-20');
    expect([q.ok, q.present, q.eligible]).toEqual([false, 2, 4]);
    expect(q.message).toBe('支委会应到 4 人，实到 2 人，未超过半数（至少需 3 人），会议决定无效');
    // On the handover day the new committee meets: 罗雪, whose last day it is, is not expected beside 胡桂兰.
    const day = quorum(
      linked,
      [attendee('hu', '胡桂兰'), attendee('yuan', '袁明哲'), attendee('xu', '许庆丰')],
      '2025-07-15',
    );
    expect([q.eligible, day.eligible, day.present, day.ok]).toEqual([4, 4, 3, true]);
  });

  it('says so when nobody was in office that day', () => {
    const q = quorum([{ name: '蒋国栋', role: '书记', to: '2024-06-30' }], [attendee('a', '蒋国栋')]);
    expect([q.ok, q.eligible]).toEqual([false, 0]);
    expect(q.message).toBe('会议当天没有在任的支委会成员，请在支部概况中核对委员的任职起止');
    expect(quorum([], []).message).toBe('支部尚未登记支委会成员，无法判断支委会是否达到法定人数');
  });
});
