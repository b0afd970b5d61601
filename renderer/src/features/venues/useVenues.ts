// A branch's venues with each one's latest re-check, and the re-checks now due, live: undefined while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Venue, VenueCheck } from '../../../../shared/schemas';
import { dueVenueChecks, latestVenueChecks, listVenues } from '../../db/repositories/venues';

export interface VenuesOverview {
  venues: Venue[];
  latestChecks: Map<string, VenueCheck>;
  due: VenueCheck[];
}

export function useVenues(branchId: string, today: string): VenuesOverview | undefined {
  return useLiveQuery(async () => {
    // Sequential awaits keep every read inside the live query's tracking.
    const venues = await listVenues(branchId);
    const latestChecks = await latestVenueChecks(branchId);
    const due = await dueVenueChecks(branchId, today);
    return { venues, latestChecks, due };
  }, [branchId, today]);
}
