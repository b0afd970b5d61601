// What a manual 考评 item can name as 佐证 for a branch and period (工作记录, 阵地, 责任清单), live: undefined while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import { listItemEvidenceChoices, type ItemEvidenceChoice } from '../../db/repositories/assessments';

export function useItemEvidenceChoices(branchId: string, from: string, to: string): ItemEvidenceChoice[] | undefined {
  return useLiveQuery(() => listItemEvidenceChoices(branchId, from, to), [branchId, from, to]);
}
