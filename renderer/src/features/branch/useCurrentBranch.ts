// The branch the user is working on, live: undefined while loading, null when no branch exists yet.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Branch } from '../../../../shared/schemas';
import { listBranches } from '../../db/repositories/branches';
import { getCurrentBranchId } from '../../db/repositories/settings';

export function useCurrentBranch(): Branch | null | undefined {
  return useLiveQuery(async () => {
    // Sequential awaits keep both reads inside the live query's tracking.
    const currentId = await getCurrentBranchId();
    const branches = await listBranches();
    // A missing or stale setting (e.g. after a restore) falls back to the first branch rather than to nothing.
    return branches.find((b) => b.id === currentId) ?? branches[0] ?? null;
  }, []);
}
