// Schema v8: a meeting held away from the branch's own 阵地 says where (`place`, 其他地点).
import { type Migration } from './types';

/*
 * A version for one optional field, as v7 was: an older build reading a v8 database or backup would drop it without
 * a word (zod strips keys it does not know). With the version raised, older builds refuse the newer database and
 * backup instead (db.ts, docs/backup-format.md). No stored row changes: a record without a 其他地点 has no `place`.
 */
export const migration008: Migration = {
  version: 8,
  // No store changes: the same tables and indexes as v7.
  stores: {},
};
