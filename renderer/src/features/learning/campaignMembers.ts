// Who can be chosen for a 公开承诺 or 表彰 of a given date: the roster of that day, as the 工作记录 form builds it.
import type { Member } from '../../../../shared/schemas';
import { isOnRosterOn, rollStartNote } from '../../../../shared/rules/roster';

export interface MemberOption {
  value: string;
  label: string;
}

/**
 * Members on the roster on `date` (joined or transferred in by then and not yet left), so a record from before someone left can still
 * name them; one who has left since is marked 已离开支部. The member already chosen stays listed, marked with the date
 * that rules them out, when a later date change takes them off the roster: the field keeps showing a name rather than
 * an id, and the repository's refusal says why.
 */
export function memberOptionsOn(members: readonly Member[], date: string | undefined, chosen?: string): MemberOption[] {
  return members.flatMap((m) => {
    if (isOnRosterOn(m, date)) return [{ value: m.id, label: m.leftDate ? `${m.name}（已离开支部）` : m.name }];
    if (m.id !== chosen) return [];
    const note = m.leftDate && (!date || m.leftDate <= date) ? `${m.leftDate} 已离开支部` : rollStartNote(m);
    return [{ value: m.id, label: `${m.name}（${note}）` }];
  });
}
