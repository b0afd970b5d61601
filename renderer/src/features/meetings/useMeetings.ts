// A branch's records for the list, live: keyset pages loaded so far (加载更多 adds one), filtered or searched.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Meeting } from '../../../../shared/schemas';
import { listMeetings, searchMeetings, type MeetingCursor, type MeetingFilter } from '../../db/repositories/meetings';

export interface MeetingListState {
  items: Meeting[];
  hasMore: boolean;
}

/**
 * Re-reads the first `pages` pages whenever the records change, each page from the previous page's cursor, so a
 * record saved elsewhere appears in place without a refresh. `query` (search) takes precedence over `filter`.
 */
export function useMeetings(
  branchId: string,
  filter: MeetingFilter,
  query: string,
  pages: number,
): MeetingListState | undefined {
  const filterKey = JSON.stringify(filter);
  return useLiveQuery(async () => {
    const items: Meeting[] = [];
    let cursor: MeetingCursor | undefined;
    for (let i = 0; i < pages; i++) {
      const page = query.trim()
        ? await searchMeetings(branchId, query, cursor)
        : await listMeetings(branchId, JSON.parse(filterKey) as MeetingFilter, cursor);
      items.push(...page.items);
      cursor = page.next;
      if (!cursor) break;
    }
    return { items, hasMore: cursor !== undefined };
  }, [branchId, filterKey, query, pages]);
}
