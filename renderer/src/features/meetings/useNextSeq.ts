// The 第N次 a record would get for its kind, date, 所属年度 and (a 党小组会) 党小组, live, shown read-only in the form.
import { useLiveQuery } from 'dexie-react-hooks';
import type { MeetingKind } from '../../../../shared/domain/vocab';
import { nextSeq } from '../../db/repositories/meetings';

export function useNextSeq(
  branchId: string,
  kind: MeetingKind | undefined,
  date: string | undefined,
  excludeId?: string,
  partyGroupId?: string,
  forYear?: number,
): number | undefined {
  return useLiveQuery(
    async () =>
      kind && date && /^\d{4}-\d{2}-\d{2}$/.test(date)
        ? nextSeq(branchId, kind, date, excludeId, partyGroupId, forYear)
        : undefined,
    [branchId, kind, date, excludeId, partyGroupId, forYear],
  );
}
