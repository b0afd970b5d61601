// A branch's 领导责任 lists of one year and that year's records as evidence choices, live.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Responsibility } from '../../../../shared/schemas';
import {
  listEvidenceChoices,
  listResponsibilities,
  tasksCarriedOn,
  type EvidenceChoice,
} from '../../db/repositories/responsibilities';

export interface ResponsibilityYear {
  lists: Responsibility[];
  evidence: EvidenceChoice[];
  /** This year's tasks carried into a later year's list, unfinished: task id → that year. */
  carriedOn: Map<string, number>;
}

export function useResponsibilities(branchId: string, year: number): ResponsibilityYear | undefined {
  return useLiveQuery(async () => {
    const lists = await listResponsibilities(branchId, year);
    const evidence = await listEvidenceChoices(branchId, year);
    const carriedOn = await tasksCarriedOn(branchId, year);
    return { lists, evidence, carriedOn };
  }, [branchId, year]);
}
