// A branch's learning entries of one year and the members on its roster during that year, live: undefined while
// loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Learning, Member } from '../../../../shared/schemas';
import { establishedOf } from '../../../../shared/branch/established';
import { getBranch } from '../../db/repositories/branches';
import { listLearning } from '../../db/repositories/learning';
import { listMembers } from '../../db/repositories/members';
import { onRosterDuring } from '../../../../shared/rules/roster';

export interface LearningYear {
  entries: Learning[];
  /** On the roster at some point of the year (as 民主评议, useYearEvaluations): the 完成情况 rows. */
  members: Member[];
  /** Everyone the branch has had: an entry of another year may name a member who left before this one. */
  roster: Member[];
  /** The branch's 成立日期: nothing is owed of the periods before it. */
  established?: string;
}

export function useLearningYear(branchId: string, year: number): LearningYear | undefined {
  return useLiveQuery(async () => {
    const entries = await listLearning(branchId, `${year}-01-01`, `${year}-12-31`);
    const roster = await listMembers(branchId);
    const established = establishedOf((await getBranch(branchId)) ?? {});
    // Joined by the year's end and not gone before its start: a member who left in an earlier year has no row.
    const members = roster.filter((m) => onRosterDuring(m, `${year}-01-01`, `${year}-12-31`));
    return { entries, members, roster, ...(established ? { established } : {}) };
  }, [branchId, year]);
}
