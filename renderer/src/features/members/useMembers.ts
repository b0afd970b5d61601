// A branch's whole roster (including those who left), live: undefined while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Member } from '../../../../shared/schemas';
import { listMembers } from '../../db/repositories/members';

export function useMembers(branchId: string): Member[] | undefined {
  return useLiveQuery(() => listMembers(branchId), [branchId]);
}
