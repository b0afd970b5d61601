// Quorum rules: 支委会 needs more than half of the committee present; 支部党员大会 more than half of the 正式党员.
import { committeeOn } from '../branch/committee';
import { personNameKey } from '../names';
import { rollStartOf } from './roster';
import type { Branch, CommitteeMember, Meeting, Member } from '../schemas/entities';

export interface QuorumResult {
  /** False for kinds without a quorum rule. */
  applies: boolean;
  ok: boolean;
  present: number;
  eligible: number;
  needed: number;
  /** Chinese explanation, shown as a warning when not ok. */
  message: string;
}

type MeetingLike = Pick<Meeting, 'kind' | 'date' | 'attendance'>;
/** What says whether a member could vote on a day. */
export type QuorumMember = Pick<
  Member,
  'id' | 'status' | 'joinedDate' | 'joinedBranchDate' | 'fullMemberDate' | 'leftDate'
>;
type MemberLike = QuorumMember;

/** A member with voting rights on `date`: in the branch (joined or transferred in by then), and a 正式党员 by then. */
export function isFullMemberOn(member: MemberLike, date: string): boolean {
  if (rollStartOf(member) > date) return false;
  if (member.leftDate && member.leftDate <= date) return false;
  if (member.fullMemberDate) return member.fullMemberDate <= date;
  return member.status === '正式';
}

const moreThanHalf = (n: number) => Math.floor(n / 2) + 1;

/**
 * The people on the committee on `date`, each once: a 委员 is their roster member when linked, else their name as
 * personNameKey reads it (「阿依古丽•买买提」 typed in 支部概况 is the roster's 「阿依古丽·买买提」). On a handover day a
 * member who changes post holds two rows, and is still one person — also when one row is linked to the roster and
 * the other only typed (the 换届/调整 dialog's successor). A 支委会 held on a handover day is the committee's after
 * the handover: a post's holder whose last day it is does not count beside the one who takes it over.
 */
export function committeePeopleOn(
  committee: readonly CommitteeMember[],
  date: string,
): { memberId?: string; name: string; key: string }[] {
  const inOffice = committeeOn(committee, date);
  const handover = inOffice.some((c) => c.from === date);
  const serving = handover ? inOffice.filter((c) => c.to !== date) : inOffice;
  const people = new Map<string, { memberId?: string; name: string; key: string }>();
  const linkedKeys = new Set<string>();
  // Linked rows first, so that a typed row of the same name is known as the same person.
  for (const c of serving.filter((m) => m.memberId)) {
    const key = personNameKey(c.name);
    linkedKeys.add(key);
    if (!people.has(`id:${c.memberId}`)) people.set(`id:${c.memberId}`, { memberId: c.memberId!, name: c.name, key });
  }
  for (const c of serving.filter((m) => !m.memberId)) {
    const key = personNameKey(c.name);
    if (!linkedKeys.has(key) && !people.has(`name:${key}`)) people.set(`name:${key}`, { name: c.name, key });
  }
  // In the order 支部概况 lists them (书记 first), as the form's attendance expects.
  const order = (p: { key: string }) => serving.findIndex((c) => personNameKey(c.name) === p.key);
  return [...people.values()].sort((a, b) => order(a) - order(b));
}

export function checkQuorum(
  meeting: MeetingLike,
  branch: Pick<Branch, 'committee'>,
  members: readonly MemberLike[],
): QuorumResult {
  const presentIds = new Set(meeting.attendance.filter((a) => a.status === '出席').map((a) => a.memberId));
  const presentNames = new Set(meeting.attendance.filter((a) => a.status === '出席').map((a) => personNameKey(a.name)));

  if (meeting.kind === '支委会') {
    // Those in office on the day: a 委员 whose 任职止 was before it no longer counts towards the quorum.
    const committee = committeePeopleOn(branch.committee, meeting.date);
    const eligible = committee.length;
    const present = committee.filter((c) => (c.memberId ? presentIds.has(c.memberId) : presentNames.has(c.key))).length;
    const needed = moreThanHalf(eligible);
    const ok = eligible > 0 && present >= needed;
    return {
      applies: true,
      ok,
      present,
      eligible,
      needed,
      message: ok
        ? `支委会应到 ${eligible} 人，实到 ${present} 人，符合半数以上要求`
        : branch.committee.length === 0
          ? '支部尚未登记支委会成员，无法判断支委会是否达到法定人数'
          : eligible === 0
            ? '会议当天没有在任的支委会成员，请在支部概况中核对委员的任职起止'
            : `支委会应到 ${eligible} 人，实到 ${present} 人，未超过半数（至少需 ${needed} 人），会议决定无效`,
    };
  }

  if (meeting.kind === '支部党员大会') {
    const voters = members.filter((m) => isFullMemberOn(m, meeting.date));
    const eligible = voters.length;
    const present = voters.filter((m) => presentIds.has(m.id)).length;
    const needed = moreThanHalf(eligible);
    const ok = eligible > 0 && present >= needed;
    return {
      applies: true,
      ok,
      present,
      eligible,
      needed,
      message: ok
        ? `有表决权的正式党员 ${eligible} 人，到会 ${present} 人，符合半数以上要求`
        : `有表决权的正式党员 ${eligible} 人，到会 ${present} 人，未超过半数（至少需 ${needed} 人），不能进行表决`,
    };
  }

  return { applies: false, ok: true, present: presentIds.size, eligible: 0, needed: 0, message: '' };
}
