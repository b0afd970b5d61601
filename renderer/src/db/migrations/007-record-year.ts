// Schema v7: a 组织生活会 or 民主评议党员 held from January to March may belong to the year before (`forYear`, 所属年度),
// and a member who transferred in has the day she came (`joinedBranchDate`, 转入本支部日期).
import { type Migration } from './types';

/*
 * Why a version for two optional fields: an older build reading a v7 database or backup would drop them without a
 * word (zod strips keys it does not know) — last year's 组织生活会 would silently move into this year (its
 * compliance, its 第N次 and its 卷宗), and a transferred member would be on the roll since she joined the Party. With the version raised, older builds refuse the newer database and the newer
 * backup instead (db.ts, docs/backup-format.md). No stored row changes: every existing record is of its date's year,
 * which is what an absent `forYear` means. Nothing to upgrade, so nothing to re-run after an interruption.
 */
export const migration007: Migration = {
  version: 7,
  // No store changes: the same tables and indexes as v6.
  stores: {},
};
