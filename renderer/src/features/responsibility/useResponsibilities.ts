// A branch's 领导责任 lists of one year and that year's records as evidence choices, live.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Responsibility } from '../../../../shared/schemas';
import { listEvidenceChoices, listResponsibilities, type EvidenceChoice } from '../../db/repositories/responsibilities';

export interface ResponsibilityYear {
  lists: Responsibility[];
  evidence: EvidenceChoice[];
}

export function useResponsibilities(branchId: string, year: number): ResponsibilityYear | undefined {
  return useLiveQuery(async () => {
    const lists = await listResponsibilities(branchId, year);
    const evidence = await listEvidenceChoices(branchId, year);
    return { lists, evidence };
  }, [branchId, year]);
}
