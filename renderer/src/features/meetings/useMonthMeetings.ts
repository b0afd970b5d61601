// A month's records of a branch for the calendar view, live: undefined while loading.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Meeting } from '../../../../shared/schemas';
import { meetingsInMonth } from '../../db/repositories/meetings';

export function useMonthMeetings(branchId: string, year: number, month: number): Meeting[] | undefined {
  return useLiveQuery(() => meetingsInMonth(branchId, year, month), [branchId, year, month]);
}
