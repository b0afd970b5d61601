// One record and its 更正 history, live: undefined while loading, null when it does not exist (deleted).
import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry, Meeting } from '../../../../shared/schemas';
import { getMeeting, listAmendments } from '../../db/repositories/meetings';

export interface MeetingWithHistory {
  meeting: Meeting;
  amendments: AuditEntry[];
}

export function useMeeting(id: string): MeetingWithHistory | null | undefined {
  return useLiveQuery(async () => {
    const meeting = await getMeeting(id);
    if (!meeting) return null;
    return { meeting, amendments: await listAmendments(id) };
  }, [id]);
}
