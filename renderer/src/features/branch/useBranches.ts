// Every branch kept on this computer, live: undefined while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Branch } from '../../../../shared/schemas';
import { listBranches } from '../../db/repositories/branches';

export function useBranches(): Branch[] | undefined {
  return useLiveQuery(() => listBranches(), []);
}
