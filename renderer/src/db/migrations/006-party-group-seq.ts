// Schema v6: 党小组会 are numbered per 党小组 (each group keeps its own 会议记录本); stored 第N次 renumbered once.
import { type Transaction } from 'dexie';
import type { Meeting } from '../../../../shared/schemas/entities';
import { meetingsByBranch } from './buckets';
import { type Migration } from './types';

/*
 * Why: up to v5 a 党小组会's 第N次 was its rank among ALL the branch's 党小组会 of the year, so 第三党小组's tenth
 * meeting printed as 「2025年第30次」 and no group's 记录本 read 第1次, 第2次, …. From v6 the sequence of a 党小组会 is
 * (branch, year, 党小组) (repositories/meetings.ts). This is a change of numbering scheme, not a correction of any
 * record: the upgrade rewrites `seq` without audit entries (an entry per record would claim every group meeting was
 * 更正'd). Nothing else changes — no index, no other field, no other kind — so backups are unchanged (v6 files are v5
 * files).
 *
 * The rules are the repository's of the day, copied here so this released migration never changes with it: a
 * 已定稿 record's number is its rank among the 已定稿 records of its sequence, a 草稿's (provisional) its rank among
 * all of them, in date order (date, then createdAt, then id).
 */

const GROUP_MEETING = '党小组会';

type Numbered = Pick<Meeting, 'id' | 'branchId' | 'kind' | 'date' | 'createdAt' | 'status' | 'seq' | 'partyGroupId'>;

const chronological = (a: Numbered, b: Numbered): number =>
  a.date.localeCompare(b.date) || (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id);

/**
 * The 第N次 each 党小组会 among `rows` (meetings of any branches, kinds and years; the whole of each branch-year) gets
 * when numbered per branch, year and 党小组, for the rows whose stored `seq` differs. A 党小组会 without a 党小组 (only
 * possible in rows older than the rule that requires one) is numbered with the others that lack one. Also for a
 * restore of a backup of schema ≤ 5, whose rows carry the old numbers.
 */
export function partyGroupSeqs(rows: readonly Numbered[]): Map<string, number> {
  const sequences = new Map<string, Numbered[]>();
  for (const row of rows) {
    if (row.kind !== GROUP_MEETING) continue;
    const key = `${row.branchId} ${row.date.slice(0, 4)} ${row.partyGroupId ?? ''}`;
    const list = sequences.get(key);
    if (list) list.push(row);
    else sequences.set(key, [row]);
  }
  const changed = new Map<string, number>();
  for (const list of sequences.values()) {
    list.sort(chronological);
    let finalCount = 0;
    list.forEach((row, index) => {
      const seq = row.status === '已定稿' ? ++finalCount : index + 1;
      if (row.seq !== seq) changed.set(row.id, seq);
    });
  }
  return changed;
}

/**
 * Renumbers every branch's 党小组会, one branch's meetings in memory at a time, writing only the rows whose number
 * changes. Idempotent: the numbers follow from the rows alone, so a re-run after an interrupted upgrade writes nothing
 * it has written already. Works in any read-write transaction over `meetings`, not only the upgrade's. Returns how many
 * records got a new number (a restore of an older backup says so).
 */
export async function renumberPartyGroupMeetings(tx: Transaction): Promise<number> {
  const meetings = tx.table('meetings');
  let renumbered = 0;
  for await (const rows of meetingsByBranch(tx, '[branchId+date]')) {
    const changed = partyGroupSeqs(rows);
    if (changed.size === 0) continue;
    await meetings.bulkPut(rows.filter((m) => changed.has(m.id)).map((m) => ({ ...m, seq: changed.get(m.id)! })));
    renumbered += changed.size;
  }
  return renumbered;
}

export const migration006: Migration = {
  version: 6,
  // No store changes: the same tables and indexes as v5.
  stores: {},
  upgrade: async (tx) => {
    await renumberPartyGroupMeetings(tx);
  },
};
