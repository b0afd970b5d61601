// Roster counts for the 党员名册 header: 正式 and 预备 members, and members per 党小组, of those still in the branch.
import type { Member, PartyGroup } from '../schemas/entities';

export interface RosterCounts {
  total: number;
  full: number;
  probationary: number;
  /** One entry per 党小组 in the branch's order, then 未分组 when anyone has no (known) group. */
  byGroup: { name: string; count: number }[];
}

/** Whether the member is still on the roster (在册): nobody who left counts. */
export function isCurrentMember(member: Pick<Member, 'leftDate'>): boolean {
  return !member.leftDate;
}

export function rosterCounts(
  members: readonly Pick<Member, 'status' | 'partyGroupId' | 'leftDate'>[],
  groups: readonly Pick<PartyGroup, 'id' | 'name'>[],
): RosterCounts {
  const current = members.filter(isCurrentMember);
  const byGroup = groups.map((g) => ({ name: g.name, count: current.filter((m) => m.partyGroupId === g.id).length }));
  const ungrouped = current.filter((m) => !groups.some((g) => g.id === m.partyGroupId)).length;
  if (ungrouped > 0) byGroup.push({ name: '未分组', count: ungrouped });
  return {
    total: current.length,
    full: current.filter((m) => m.status === '正式').length,
    probationary: current.filter((m) => m.status === '预备').length,
    byGroup,
  };
}
