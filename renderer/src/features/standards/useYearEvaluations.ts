// The members on the roster during a year and their 民主评议 rows of that year, live: undefined while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Member, MemberEvaluation } from '../../../../shared/schemas';
import { listMemberEvaluations } from '../../db/repositories/memberEvaluations';
import { listMembers } from '../../db/repositories/members';
import { onRosterDuring } from '../../../../shared/rules/roster';

export interface YearEvaluations {
  members: Member[];
  rows: MemberEvaluation[];
}

export function useYearEvaluations(branchId: string, year: number): YearEvaluations | undefined {
  const read = useLiveQuery(async () => {
    const all = await listMembers(branchId);
    const rows = await listMemberEvaluations(branchId, year);
    // On the roster at some point of the year: joined by its end and not gone before its start.
    const members = all.filter((m) => onRosterDuring(m, `${year}-01-01`, `${year}-12-31`));
    return { branchId, year, members, rows };
  }, [branchId, year]);
  // useLiveQuery keeps returning the year before's result until the new year's is read: that would draw the year
  // before's texts under the new year (and build the whole form twice for a large branch). Loading, instead.
  return read?.branchId === branchId && read.year === year ? read : undefined;
}
