// Whether the year before a record's date already has a record of its kind (所属年度 counted): the form's default
// 所属年度 for a 组织生活会 or 民主评议党员 held in January–March, and the word under the choice, follow it.
import { useLiveQuery } from 'dexie-react-hooks';
import { mayBeForPreviousYear } from '../../../../shared/domain/recordYear';
import { countingBetween } from '../../db/repositories/meetings';

/** Undefined while reading, or when the record's kind and date offer no choice of year. */
export function usePreviousYearHeld(
  branchId: string,
  kind: string,
  date: string | undefined,
  excludeId?: string,
): boolean | undefined {
  const year = date && mayBeForPreviousYear(kind, date) ? Number(date.slice(0, 4)) - 1 : undefined;
  return useLiveQuery(
    async () =>
      year === undefined
        ? undefined
        : (await countingBetween(branchId, `${year}-01-01`, `${year}-12-31`)).some(
            (m) => m.kind === kind && m.id !== excludeId,
          ),
    [branchId, kind, year, excludeId],
  );
}
