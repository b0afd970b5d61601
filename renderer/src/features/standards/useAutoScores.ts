// The automatic item scores of a standard for a branch and period, live, so the 考评 form follows the records.
import { useLiveQuery } from 'dexie-react-hooks';
import type { StandardFields } from '../../../../shared/schemas';
import { computeAutoScores, type AutoItemResult } from '../../db/repositories/assessments';

export function useAutoScores(
  branchId: string,
  standard: StandardFields | undefined,
  from: string,
  to: string,
): Map<string, AutoItemResult> | undefined {
  return useLiveQuery(
    async () => (standard ? computeAutoScores(branchId, standard, from, to) : new Map<string, AutoItemResult>()),
    [branchId, standard, from, to],
  );
}
