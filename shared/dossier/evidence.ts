// How the 迎检卷宗 names a record cited as evidence (a 考评 item's 佐证, a leader's task): printed in this volume (with
// the node its page reference points at), a record of another period, or one deleted since — as the 操作日志 says.
import { forYearNote } from '../domain/recordYear';
import { seqBook } from '../domain/vocab';
import { formatChinaTime } from '../schemas/common';
import type { AuditEntry, Meeting } from '../schemas/entities';
import type { DossierData, DossierSelection } from './data';
import { learningText } from './describeChange';
import { cnDate } from './layout';
import { recordAnchor } from './meetingRecord';

/** The node ids a page reference to a cited venue, leader's list or learning entry points at. */
export const venueAnchor = (venueId: string) => `venue-${venueId}`;
export const responsibilityAnchor = (responsibilityId: string) => `resp-${responsibilityId}`;
export const learningAnchor = (learningId: string) => `learn-${learningId}`;
/** The heading of a 考评 in 五、评价有标准: a campaign's 量化考评 names its page. */
export const assessmentAnchor = (assessmentId: string) => `assess-${assessmentId}`;

export type CitedRecord =
  /** Printed in this volume; `anchor` is where (absent: printed, but not at a node of its own). */
  | { status: 'inVolume'; text: string; anchor?: string }
  /** Still in the ledger, dated outside the volume's period. */
  | { status: 'outOfPeriod'; text: string }
  /** Deleted (the 操作日志 has its deletion): `deletedOn` is the China-local day, `summary` what was deleted. */
  | { status: 'deleted'; text: string; deletedOn: string; summary: string }
  /** Neither in the data given nor deleted in the audit given: a record of another period the caller did not load. */
  | { status: 'unknown'; text: string };

/** What a line says of a record it cannot name: the caller loads only the period's records, not every year's. */
const UNKNOWN_RECORD_TEXT = '（不在本卷期间内的记录）';

/** A meeting as the 佐证 lists (and the drafts' warning) name it: 「2025年3月4日 支委会第3次」, a 党小组会 with its group. */
export function meetingText(
  m: Pick<Meeting, 'date' | 'kind' | 'seq' | 'partyGroupId' | 'forYear'>,
  partyGroups: readonly { id: string; name: string }[],
): string {
  return `${cnDate(m.date)}${forYearNote(m)} ${m.kind}${seqBook(m, partyGroups)}第${m.seq}次`;
}

/**
 * Resolves the ids a volume cites among the branch's rows of `data` and the volume's selection `sel`: meetings,
 * venues, leaders' lists, learning entries, 阵地复查, 技能比武 and attachments. Lookups are indexed once.
 */
export function citedRecords(data: DossierData, sel: DossierSelection): (id: string) => CitedRecord {
  const branchId = data.branch.id;
  const index = <T extends { id: string; branchId: string }>(rows: readonly T[]) =>
    new Map(rows.filter((r) => r.branchId === branchId).map((r) => [r.id, r]));
  const ids = <T extends { id: string }>(rows: readonly T[]) => new Set(rows.map((r) => r.id));
  const meetings = index(data.meetings);
  const venues = index(data.venues);
  const responsibilities = index(data.responsibilities);
  const learning = index(data.learning);
  const venueChecks = index(data.venueChecks);
  const competitions = index(data.competitions);
  const attachments = index(data.attachments);
  const members = new Map(data.members.map((m) => [m.id, m.name]));
  const printed = {
    meetings: ids(sel.meetings),
    venues: ids(sel.venues),
    responsibilities: ids(sel.responsibilities),
    learning: ids(sel.learning),
    venueChecks: ids(sel.venueChecks),
    competitions: ids(sel.competitions),
    attachments: ids(sel.attachments),
  };
  // The latest deletion of each id: an id is never reused, so one is the rule.
  const deletions = new Map<string, AuditEntry>();
  for (const e of data.audit) {
    if (e.action !== 'delete') continue;
    const seen = deletions.get(e.entityId);
    if (!seen || e.at > seen.at) deletions.set(e.entityId, e);
  }

  /** The record's text and anchor, and whether this volume prints it; undefined when `data` has no such record. */
  const find = (id: string): { text: string; anchor?: string; printed: boolean } | undefined => {
    const m = meetings.get(id);
    if (m)
      return {
        text: meetingText(m, data.branch.partyGroups),
        anchor: recordAnchor(id),
        printed: printed.meetings.has(id),
      };
    const v = venues.get(id);
    if (v) return { text: `阵地：${v.name}`, anchor: venueAnchor(id), printed: printed.venues.has(id) };
    const r = responsibilities.get(id);
    if (r) {
      return {
        text: `责任清单：${r.holderName}（${r.role}，${r.year}年度）`,
        anchor: responsibilityAnchor(id),
        printed: printed.responsibilities.has(id),
      };
    }
    const l = learning.get(id);
    if (l) {
      const who = members.get(l.memberId);
      return {
        text: `学习：${cnDate(l.date)}${who ? ` ${who}` : ''} ${learningText(l)}`,
        anchor: learningAnchor(id),
        printed: printed.learning.has(id),
      };
    }
    const c = venueChecks.get(id);
    if (c) {
      const venue = venues.get(c.venueId)?.name;
      return { text: `阵地复查：${cnDate(c.date)}${venue ? ` ${venue}` : ''}`, printed: printed.venueChecks.has(id) };
    }
    const k = competitions.get(id);
    if (k) return { text: `技能比武：${cnDate(k.date)} ${k.name}`, printed: printed.competitions.has(id) };
    const a = attachments.get(id);
    if (a) return { text: `附件：${a.name}`, printed: printed.attachments.has(id) };
    return undefined;
  };

  return (id) => {
    const found = find(id);
    if (found?.printed) {
      return { status: 'inVolume', text: found.text, ...(found.anchor ? { anchor: found.anchor } : {}) };
    }
    if (found) return { status: 'outOfPeriod', text: `（不在本卷期间内的记录：${found.text}）` };
    const deletion = deletions.get(id);
    if (deletion) {
      const deletedOn = formatChinaTime(deletion.at).slice(0, 10);
      return {
        status: 'deleted',
        text: `（该记录已于 ${cnDate(deletedOn)} 删除）`,
        deletedOn,
        summary: deletion.summary,
      };
    }
    return { status: 'unknown', text: UNKNOWN_RECORD_TEXT };
  };
}
