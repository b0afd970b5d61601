// Year-end records kept before 所属年度 existed (schema < 7, or a backup of then): a 2024年度组织生活会 held on
// 2025-01-20 counts in 2025 by its date, and 2024 shows none. Nothing in the record says which year it was for, so the
// app does not guess: the 工作台 of a year lacking the kind names the candidates held 1 January – 31 March after it,
// and one click counts such a record for that year (a 已定稿 one through 更正, with the reason logged and printed).
import { mayBeForPreviousYear, YEAR_END_WINDOW_LAST_DAY } from '../../../../shared/domain/recordYear';
import type { Meeting } from '../../../../shared/schemas/entities';
import { db } from '../db';
import { NotFoundError, ValidationError } from './errors';
import { amendMeeting, countingBetween, ofBranchBetween, updateMeeting } from './meetings';

/**
 * Records of a year-end kind held 1 January – 31 March of `year + 1` and counting for that year (no 所属年度), of a kind
 * `year` has no record of: each may be `year`'s, held late. In date order.
 */
export async function previousYearCandidates(branchId: string, year: number): Promise<Meeting[]> {
  const next = year + 1;
  const early = await ofBranchBetween(branchId, `${next}-01-01`, `${next}-${YEAR_END_WINDOW_LAST_DAY}`);
  const late = early.filter((m) => mayBeForPreviousYear(m.kind, m.date) && m.forYear === undefined);
  if (late.length === 0) return [];
  const held = new Set((await countingBetween(branchId, `${year}-01-01`, `${year}-12-31`)).map((m) => m.kind));
  return late.filter((m) => !held.has(m.kind)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The 更正 reason logged (and printed in the 卷宗) when a 已定稿 record is counted for the year before its date. */
export const previousYearReason = (m: Pick<Meeting, 'kind'>, year: number): string =>
  `所属年度改为${year}年度：该${m.kind}于次年年初召开，是${year}年度的${m.kind}（记录时软件尚无“所属年度”一项）`;

/**
 * Counts record `id` for the year before its date: a 草稿 is saved with that 所属年度, a 已定稿 one is corrected with
 * `previousYearReason` — the same checks and log as a hand-made change, so its 第N次 in both years is renumbered.
 */
export async function countForPreviousYear(id: string): Promise<Meeting> {
  const m = await db.meetings.get(id);
  if (!m) throw new NotFoundError('会议记录', id);
  const year = Number(m.date.slice(0, 4)) - 1;
  if (!mayBeForPreviousYear(m.kind, m.date)) {
    throw new ValidationError([
      { path: '', message: `只有1月1日至3月31日召开的组织生活会、民主评议党员可以计入上一年度` },
    ]);
  }
  if (m.forYear !== undefined) {
    throw new ValidationError([{ path: '', message: `该记录已计入${m.forYear}年度` }]);
  }
  const input = { ...m, forYear: year };
  return m.status === '已定稿' ? amendMeeting(id, input, previousYearReason(m, year)) : updateMeeting(id, input);
}
