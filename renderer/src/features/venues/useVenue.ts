// One venue with its re-check history, the records held there and what keeps it from deletion, live: undefined while
// loading, null if missing.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Meeting, Venue, VenueCheck } from '../../../../shared/schemas';
import {
  getVenue,
  listVenueChecks,
  recentMeetingsAtVenue,
  venueInUseReason,
  venueUses,
} from '../../db/repositories/venues';

export interface VenueDetails {
  venue: Venue;
  checks: VenueCheck[];
  /** The latest VENUE_MEETINGS_SHOWN records held there. */
  meetings: Meeting[];
  /** More records were held there than `meetings` lists. */
  moreMeetings: boolean;
  /** Why the venue cannot be deleted; undefined when nothing uses it. */
  inUse?: string;
}

/** How many of the records held at a venue its page lists. */
export const VENUE_MEETINGS_SHOWN = 20;

export function useVenue(id: string): VenueDetails | null | undefined {
  return useLiveQuery(async () => {
    const venue = await getVenue(id);
    if (!venue) return null;
    const checks = await listVenueChecks(id);
    const { items, more } = await recentMeetingsAtVenue(venue.branchId, id, VENUE_MEETINGS_SHOWN);
    const inUse = venueInUseReason(await venueUses(venue, items.length > 0));
    return { venue, checks, meetings: items, moreMeetings: more, inUse };
  }, [id]);
}
