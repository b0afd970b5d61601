// The ordered list of schema migrations: append a new file for every version, never edit a released one.
import { migration001 } from './001-initial';
import { migration002 } from './002-competitions';
import { migration003 } from './003-search-postings';
import { migration004 } from './004-packed-logs';
import { migration005 } from './005-meeting-lists';
import { migration006 } from './006-party-group-seq';
import { migration007 } from './007-record-year';
import { migration008 } from './008-meeting-place';
import { type Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
];

// A mis-ordered or duplicated version would silently corrupt the upgrade path, so refuse to load at all.
for (let i = 1; i < MIGRATIONS.length; i++) {
  if (MIGRATIONS[i]!.version <= MIGRATIONS[i - 1]!.version) {
    throw new Error(`数据库迁移版本顺序错误：${MIGRATIONS[i - 1]!.version} 之后是 ${MIGRATIONS[i]!.version}`);
  }
}
