// The 阵地 a new 支委会 or 支部党员大会 starts with: where the branch's latest record was held, live.
import { useLiveQuery } from 'dexie-react-hooks';
import type { MeetingKind } from '../../../../shared/domain/vocab';
import { lastVenueId } from '../../db/repositories/meetingNeighbours';

/** The venue id ('' when none, or when `enabled` is false); undefined while loading. */
export function useLastVenue(branchId: string, kind: MeetingKind, enabled: boolean): string | undefined {
  return useLiveQuery(
    async () => (enabled ? ((await lastVenueId(branchId, kind)) ?? '') : ''),
    [branchId, kind, enabled],
  );
}
