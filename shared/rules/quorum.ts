// Quorum rules: 支委会 needs more than half of the committee present; 支部党员大会 more than half of the 正式党员.
import type { Branch, Meeting, Member } from '../schemas/entities';

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
type MemberLike = Pick<Member, 'id' | 'status' | 'joinedDate' | 'fullMemberDate' | 'leftDate'>;

/** A member with voting rights on `date`: in the branch, and a 正式党员 by then. */
export function isFullMemberOn(member: MemberLike, date: string): boolean {
  if (member.joinedDate > date) return false;
  if (member.leftDate && member.leftDate <= date) return false;
  if (member.fullMemberDate) return member.fullMemberDate <= date;
  return member.status === '正式';
}

const moreThanHalf = (n: number) => Math.floor(n / 2) + 1;

export function checkQuorum(
  meeting: MeetingLike,
  branch: Pick<Branch, 'committee'>,
  members: readonly MemberLike[],
): QuorumResult {
  const presentIds = new Set(meeting.attendance.filter((a) => a.status === '出席').map((a) => a.memberId));
  const presentNames = new Set(meeting.attendance.filter((a) => a.status === '出席').map((a) => a.name));

  if (meeting.kind === '支委会') {
    const eligible = branch.committee.length;
    const present = branch.committee.filter((c) =>
      c.memberId ? presentIds.has(c.memberId) : presentNames.has(c.name),
    ).length;
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
        : eligible === 0
          ? '支部尚未登记支委会成员，无法判断支委会是否达到法定人数'
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
