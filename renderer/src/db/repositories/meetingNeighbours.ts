// What a record's form reads of the branch's other records: a likely second entry of the same meeting, asked about
// before 保存, and the 阵地 last used, a new record's default place.
import Dexie from 'dexie';
import type { MeetingKind } from '../../../../shared/domain/vocab';
import type { Meeting } from '../../../../shared/schemas/entities';
import { normalizeForSearch } from '../../../../shared/search/bigrams';
import { db } from '../db';

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
 * day, or with the same 主题 in the same month. Same day first, then by date and entry. One month of one branch, read
 * by [branchId+date].
 */
export async function possibleDuplicates(branchId: string, probe: DuplicateProbe): Promise<Meeting[]> {
  const month = probe.date.slice(0, 7);
  const rows = await db.meetings
    .where('[branchId+date]')
    .between([branchId, `${month}-01`], [branchId, `${month}-31`], true, true)
    .toArray();
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
