// A branch's records for the list, live: keyset pages loaded so far (加载更多 adds one), filtered and searched.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Meeting } from '../../../../shared/schemas';
import { listMeetings, type MeetingCursor, type MeetingFilter } from '../../db/repositories/meetings';

export interface MeetingListState {
  items: Meeting[];
  hasMore: boolean;
  /** The pages these items are (the list shown while the next page loads is the one before). */
  pages: number;
}

/**
 * Re-reads the first `pages` pages whenever the records change, each page from the previous page's cursor, so a
 * record saved elsewhere appears in place without a refresh. The filter's `query` (search) is narrowed by its other
 * fields.
 */
export function useMeetings(branchId: string, filter: MeetingFilter, pages: number): MeetingListState | undefined {
  const filterKey = JSON.stringify(filter);
  return useLiveQuery(async () => {
    const items: Meeting[] = [];
    let cursor: MeetingCursor | undefined;
    for (let i = 0; i < pages; i++) {
      const page = await listMeetings(branchId, JSON.parse(filterKey) as MeetingFilter, cursor);
      items.push(...page.items);
      cursor = page.next;
      if (!cursor) break;
    }
    return { items, hasMore: cursor !== undefined, pages };
  }, [branchId, filterKey, pages]);
}
