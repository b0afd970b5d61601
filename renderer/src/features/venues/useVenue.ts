// One venue with its re-check history and the records held there, live: undefined while loading, null if missing.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Meeting, Venue, VenueCheck } from '../../../../shared/schemas';
import { getVenue, listVenueChecks, meetingsAtVenue } from '../../db/repositories/venues';

export interface VenueDetails {
  venue: Venue;
  checks: VenueCheck[];
  meetings: Meeting[];
}

/** How many of the records held at a venue its page lists. */
export const VENUE_MEETINGS_SHOWN = 20;

export function useVenue(id: string): VenueDetails | null | undefined {
  return useLiveQuery(async () => {
    const venue = await getVenue(id);
    if (!venue) return null;
    const checks = await listVenueChecks(id);
    const meetings = await meetingsAtVenue(venue.branchId, id, VENUE_MEETINGS_SHOWN);
    return { venue, checks, meetings };
  }, [id]);
}
