// The branch's 党员名册 for attendance and pickers, live: undefined while loading (includes members who have left).
import { useLiveQuery } from 'dexie-react-hooks';
import type { Member } from '../../../../shared/schemas';
import { listMembers } from '../../db/repositories/members';

export function useRoster(branchId: string): Member[] | undefined {
  return useLiveQuery(() => listMembers(branchId), [branchId]);
}
