// What a record's form reads of the branch's other records: a likely second entry of the same meeting, asked about
// before 保存, and the 阵地 last used, a new record's default place.
import Dexie from 'dexie';
import type { MeetingKind } from '../../../../shared/domain/vocab';
import type { Meeting } from '../../../../shared/schemas/entities';
import { normalizeForSearch } from '../../../../shared/search/bigrams';
import { db } from '../db';
import { recordYearOf, YEAR_END_KINDS } from '../../../../shared/domain/recordYear';
import { countingBetween } from './meetings';

/** The record about to be saved, as far as telling a second entry of it goes. */
export interface DuplicateProbe {
  kind: MeetingKind;
  date: string;
  topic: string;
  /** A 党小组会's group: two groups meet on one day without either being a second entry. */
  partyGroupId?: string;
  /** A 谈心谈话's two parties: the 书记 talks with several members on one day. */
  talkParties?: readonly string[];
  /** The record being edited, never its own duplicate. */
  excludeId?: string;
  /** 所属年度, when the year before the date's (shared/domain/recordYear.ts). */
  forYear?: number;
}

/** 主题 compared as the search reads them: 「研究部署2025年度党建工作要点。」 is 「研究部署 2025 年度党建工作要点」. */
const topicKey = (topic: string) => normalizeForSearch(topic);

/** Whether `m` is kept in the same 记录本 as the probe: the same kind, and for a group meeting or a talk the same group or parties. */
function sameBook(m: Meeting, probe: DuplicateProbe): boolean {
  if (m.kind !== probe.kind) return false;
  if (m.kind === '党小组会') return m.partyGroupId === (probe.partyGroupId ?? '');
  if (m.kind === '谈心谈话') {
    const parties = new Set(probe.talkParties ?? []);
    return m.talkParties.length === parties.size && m.talkParties.every((id) => parties.has(id));
  }
  return true;
}

/**
 * The branch's records that look like the same meeting entered again: of the same kind (group, parties) on the same
 * day, or with the same 主题 in the same month — for a 组织生活会 or 民主评议党员, held once a year and often in the next
 * year's first months, with the same 主题 in the same 所属年度 too (「2025年度组织生活会」 of 2025-12-16 and of
 * 2026-01-16). Same day first, then by date and entry. One month of one branch (and that year), by [branchId+date].
 */
export async function possibleDuplicates(branchId: string, probe: DuplicateProbe): Promise<Meeting[]> {
  const month = probe.date.slice(0, 7);
  const monthRows = await db.meetings
    .where('[branchId+date]')
    .between([branchId, `${month}-01`], [branchId, `${month}-31`], true, true)
    .toArray();
  const year = recordYearOf(probe);
  const yearRows = YEAR_END_KINDS.includes(probe.kind)
    ? await countingBetween(branchId, `${year}-01-01`, `${year}-12-31`)
    : [];
  const rows = [...new Map([...monthRows, ...yearRows].map((m) => [m.id, m])).values()];
  const topic = topicKey(probe.topic);
  return rows
    .filter(
      (m) =>
        m.id !== probe.excludeId &&
        sameBook(m, probe) &&
        (m.date === probe.date || (topic !== '' && topicKey(m.topic) === topic)),
    )
    .sort(
      (a, b) =>
        Number(b.date === probe.date) - Number(a.date === probe.date) ||
        a.date.localeCompare(b.date) ||
        a.createdAt.localeCompare(b.createdAt),
    );
}

/**
 * The 阵地 of the branch's latest record (by meeting date) that names one: of `kind` when the branch has such a record,
 * else of any kind. Undefined when no record names a place.
 */
export async function lastVenueId(branchId: string, kind: MeetingKind): Promise<string | undefined> {
  const newestFirst = () =>
    db.meetings.where('[branchId+date]').between([branchId, Dexie.minKey], [branchId, Dexie.maxKey]).reverse();
  const ofKind = await newestFirst()
    .filter((m) => m.kind === kind && Boolean(m.venueId))
    .first();
  if (ofKind) return ofKind.venueId;
  return (
    await newestFirst()
      .filter((m) => Boolean(m.venueId))
      .first()
  )?.venueId;
}
