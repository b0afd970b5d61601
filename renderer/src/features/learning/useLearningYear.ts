// A branch's learning entries of one year and its roster, live: undefined while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Learning, Member } from '../../../../shared/schemas';
import { listLearning } from '../../db/repositories/learning';
import { listMembers } from '../../db/repositories/members';

export function useLearningYear(
  branchId: string,
  year: number,
): { entries: Learning[]; members: Member[] } | undefined {
  return useLiveQuery(async () => {
    const entries = await listLearning(branchId, `${year}-01-01`, `${year}-12-31`);
    const members = await listMembers(branchId);
    return { entries, members };
  }, [branchId, year]);
}
