// How many records the list's filter matches, live: undefined while counting.
import { useLiveQuery } from 'dexie-react-hooks';
import type { MeetingFilter } from '../../db/repositories/meetings';
import { countMeetings } from './meetingCounts';

export function useMeetingCount(branchId: string, filter: MeetingFilter): number | undefined {
  const key = `${branchId}\n${JSON.stringify(filter)}`;
  const counted = useLiveQuery(async () => {
    const [id, filterJson] = key.split('\n') as [string, string];
    return { key, count: await countMeetings(id, JSON.parse(filterJson) as MeetingFilter) };
  }, [key]);
  // While another filter is counted the hook still holds the last count: that number is not this filter's.
  return counted?.key === key ? counted.count : undefined;
}
