// The branch's venues (阵地) as choices for a record's place and the list filter, live.
import { useLiveQuery } from 'dexie-react-hooks';
import { listVenueChoices, type VenueChoice } from '../../db/repositories/meetings';

export function useVenueChoices(branchId: string): VenueChoice[] | undefined {
  return useLiveQuery(() => listVenueChoices(branchId), [branchId]);
}
