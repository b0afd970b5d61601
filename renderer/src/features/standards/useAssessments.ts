// A branch's assessments, newest first, live: undefined while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Assessment } from '../../../../shared/schemas';
import { listAssessments } from '../../db/repositories/assessments';

export function useAssessments(branchId: string): Assessment[] | undefined {
  return useLiveQuery(() => listAssessments(branchId), [branchId]);
}
