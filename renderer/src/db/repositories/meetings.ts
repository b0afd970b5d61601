// Meeting (会议/活动记录) repository: 第N次 numbering, 补录 marking, draft → 定稿 → 更正 with audit, indexed lists and search.
import { beforeEstablishedMessage, establishedOf } from '../../../../shared/branch/established';
import { BACKFILL_DAYS, seqBook, type MeetingKind, type RecordStatus } from '../../../../shared/domain/vocab';
import { countsWithin, lateRecordsEnd, recordYearOf, YEAR_END_KINDS } from '../../../../shared/domain/recordYear';
import { nextDay } from '../../../../shared/rules/periods';
import { chinaToday, daysBetween } from '../../../../shared/schemas/common';
import { offRollIssues } from '../../../../shared/rules/roster';
import {
  isRenumbering,
  meetingInputSchema,
  type Attendance,
  type AuditChange,
  type AuditEntry,
  type Meeting,
  type MeetingInput,
} from '../../../../shared/schemas/entities';
import { matchesQuery, normalizeForSearch, queryTerms } from '../../../../shared/search/bigrams';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import {
  contributionOf,
  DIRECTORY_TERM,
  entryOf,
  attendeeTerm,
  idOfEntry,
  intersectSlots,
  kindTerm,
  searchableTexts,
  sortEntriesDesc,
  venueTerm,
  withSlot,
  type PostingContribution,
  type SearchPosting,
} from '../search/postings';
import { readPostings, writePostings } from '../search/store';
import { ATTACHMENT_REFERENCE_TABLES, deleteUnreferencedAttachments, deletedAttachmentsNote } from './attachments';
import { listAudit, writeAudit, type AuditInput } from './audit';
import { changedFieldLabels, compareZh, parseInput } from './common';
import { NotFoundError, ValidationError, type ValidationIssue } from './errors';

/** What the form edits: the schema's output without anything the repository derives or stamps. */
export type MeetingFields = Omit<
  Meeting,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'branchId'
  | 'seq'
  | 'status'
  | 'finalizedAt'
  | 'backfilled'
  | 'attendeeIds'
  | 'terms'
>;

const MEETING_LABELS: Readonly<Record<keyof MeetingFields, string>> = {
  kind: '会议类型',
  topic: '主题',
  agenda: '议程',
  date: '日期',
  startTime: '开始时间',
  endTime: '结束时间',
  plannedDate: '计划日期',
  venueId: '地点（阵地）',
  place: '其他地点',
  host: '主持人',
  recorder: '记录人',
  lecturer: '授课人',
  outline: '授课提纲',
  partyGroupId: '党小组',
  talkParties: '谈话双方',
  attendance: '出席情况',
  guests: '列席人员',
  content: '会议内容',
  speeches: '发言摘要',
  resolutions: '决议及表决结果',
  attachmentIds: '附件',
  forYear: '所属年度',
};

const FIELD_OF_LABEL = new Map(
  (Object.entries(MEETING_LABELS) as [keyof MeetingFields, string][]).map(([field, label]) => [label, field]),
);

/** Texts that may run to pages: a 更正 keeps their whole previous text, but not the new one (the record has it). */
const LONG_TEXTS: ReadonlySet<keyof MeetingFields> = new Set([
  'agenda',
  'outline',
  'content',
  'speeches',
  'resolutions',
]);

export const PAGE_SIZE = 20;
export const MIN_AMEND_REASON = 4;

/** Where the previous page ended: the last record's date and id (newest first, ties by id descending). */
export interface MeetingCursor {
  date: string;
  id: string;
}

export interface MeetingPage {
  items: Meeting[];
  /** Pass back for the next page; undefined when this was the last one. */
  next?: MeetingCursor;
}

export interface MeetingFilter {
  kind?: MeetingKind;
  /** Calendar year; with `month` (1–12) the range narrows to that month. */
  year?: number;
  month?: number;
  venueId?: string;
  /** A member present (出席/列席) or a party to a 谈心谈话. */
  memberId?: string;
  /** 草稿 or 已定稿: no index of its own, tested on the rows the date range or the postings yield. */
  status?: RecordStatus;
  /**
   * Words the topic, agenda, minutes, speeches or resolutions contain (the list's search), narrowed by the other
   * fields like any filter. Fewer than MIN_QUERY_LENGTH searchable characters match nothing: no bigram to look up.
   */
  query?: string;
}

/** The filter's search words, or undefined when there are none. */
export function filterQuery(filter: MeetingFilter): string | undefined {
  return filter.query?.trim() ? filter.query : undefined;
}

/** Words too short for the index (one character, or punctuation only): they match nothing. */
export function isTooShortQuery(query: string): boolean {
  return query.trim() !== '' && Array.from(normalizeForSearch(query)).length < MIN_QUERY_LENGTH;
}

/**
 * The posting lists a filter's records are the intersection of (postings.ts): the search's bigrams, the person's,
 * the kind's and the venue's lists. Empty: the [branchId+date] index serves the filter.
 */
export function filterTerms(filter: MeetingFilter): string[] {
  const query = filterQuery(filter);
  return [
    ...(query ? queryTerms(query) : []),
    ...(filter.memberId ? [attendeeTerm(filter.memberId)] : []),
    ...(filter.kind ? [kindTerm(filter.kind)] : []),
    ...(filter.venueId ? [venueTerm(filter.venueId)] : []),
  ];
}

// ── derived fields ─────────────────────────────────────────────────────────────

function attendeeIdsOf(fields: MeetingFields): string[] {
  const ids = new Set(
    fields.attendance.filter((a) => a.status === '出席' || a.status === '列席').map((a) => a.memberId),
  );
  // The two parties of a 谈心谈话 are the people it concerns; the person filter must find it for both.
  if (fields.kind === '谈心谈话') for (const id of fields.talkParties) ids.add(id);
  return [...ids];
}

/** First entered more than BACKFILL_DAYS (China dates) after the meeting: 补录. */
export function isBackfilled(meetingDate: string, enteredOn: string): boolean {
  return daysBetween(meetingDate, enteredOn) > BACKFILL_DAYS;
}

/** Chronological order of a 第N次 sequence's records: date, then the order they were entered, then id. */
function chronological(a: Meeting, b: Meeting): number {
  return a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

// ── validation beyond the schema ───────────────────────────────────────────────

function parseMeetingInput(input: MeetingInput): MeetingFields {
  return parseInput(meetingInputSchema, input);
}

/**
 * Checks that need the database and today's date; throws one ValidationError listing every problem. `kept` are the
 * files the record already had: only files added now must still be stored and be the branch's own (one removed from
 * another record since the form took it is deleted, and a reference to it would break every later backup).
 * `keptDate` is the date the record already had: a record stored before the branch's 成立日期 (entered before the
 * rule, restored from a backup, or dated before a 成立日期 set later) keeps it through edits and 定稿; only a new
 * record, or a new date, is held to it (docs/data-model.md).
 */
async function checkAgainstBranch(
  branchId: string,
  fields: MeetingFields,
  today: string,
  kept: readonly string[] = [],
  keptDate?: string,
): Promise<void> {
  const issues: ValidationIssue[] = [];
  const branch = await db.branches.get(branchId);
  if (!branch) throw new NotFoundError('支部', branchId);

  if (fields.date > today) issues.push({ path: 'date', message: `会议日期不能晚于今天（${today}）` });
  const beforeFounded =
    fields.date !== keptDate && beforeEstablishedMessage('会议日期', fields.date, establishedOf(branch));
  if (beforeFounded) issues.push({ path: 'date', message: beforeFounded });

  const seen = new Set<string>();
  fields.attendance.forEach((row, index) => {
    if (seen.has(row.memberId)) {
      issues.push({ path: `attendance.${index}.memberId`, message: `出席名单中“${row.name}”重复出现` });
    }
    seen.add(row.memberId);
  });
  const ids = [...new Set([...fields.attendance.map((a) => a.memberId), ...fields.talkParties])];
  const members = await db.members.bulkGet(ids);
  const ofBranch = new Set(members.filter((m) => m?.branchId === branchId).map((m) => m!.id));
  fields.attendance.forEach((row, index) => {
    if (!ofBranch.has(row.memberId)) {
      issues.push({ path: `attendance.${index}.memberId`, message: `出席名单中的“${row.name}”不是本支部党员` });
    }
  });
  // A member who had not joined yet or had left by the day is no 应到 of it: the form says so (offRollIssues), and
  // so does every other way in (a draft finalised after a 入党 or 离开 date was corrected).
  const own = members.flatMap((m) => (m && m.branchId === branchId ? [m] : []));
  issues.push(...offRollIssues(fields.attendance, own, fields.date));

  if (fields.kind === '党小组会') {
    if (!fields.partyGroupId) issues.push({ path: 'partyGroupId', message: '党小组会请选择党小组' });
    else if (!branch.partyGroups.some((g) => g.id === fields.partyGroupId)) {
      issues.push({ path: 'partyGroupId', message: '所选党小组不属于本支部，请重新选择' });
    }
  }
  if (fields.kind === '党课' && !fields.lecturer) issues.push({ path: 'lecturer', message: '党课请填写授课人' });
  if (fields.kind === '谈心谈话') {
    const [a, b] = fields.talkParties;
    if (!a || !b || a === b) issues.push({ path: 'talkParties', message: '谈心谈话请选择两位不同的谈话人' });
    else if (!ofBranch.has(a) || !ofBranch.has(b)) {
      issues.push({ path: 'talkParties', message: '谈话人必须是本支部党员' });
    }
  }
  if (fields.venueId) {
    const venue = await db.venues.get(fields.venueId);
    if (venue?.branchId !== branchId) issues.push({ path: 'venueId', message: '所选阵地不存在，请重新选择' });
  }
  const added = fields.attachmentIds.filter((id) => !kept.includes(id));
  if ((await db.attachments.bulkGet(added)).some((a) => a?.branchId !== branchId)) {
    issues.push({ path: 'attachmentIds', message: '附件中有文件不存在或不属于本支部，请重新上传' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

// ── 第N次 numbering ────────────────────────────────────────────────────────────

/** What places a record in a 第N次 sequence (docs/data-model.md). */
type SeqPlace = Pick<Meeting, 'kind' | 'date' | 'partyGroupId' | 'forYear'>;

/** The 党小组 whose 会议记录本 a record is numbered in: a 党小组会's own group; '' for every other kind. */
function sequenceGroup(m: Pick<Meeting, 'kind' | 'partyGroupId'>): string {
  return m.kind === '党小组会' ? (m.partyGroupId ?? '') : '';
}

/**
 * The records numbered together with `place`: the same kind of the same 所属年度 (the caller reads the year's range) and,
 * for a 党小组会, the same 党小组 — each group keeps its own 记录本, so its meetings read 第1次, 第2次, ….
 */
function inSequenceOf(place: Pick<Meeting, 'kind' | 'partyGroupId'>): (m: Meeting) => boolean {
  const group = sequenceGroup(place);
  return (m) => m.kind === place.kind && sequenceGroup(m) === group;
}

/**
 * The records numbered together with `place` in its 所属年度 (docs/data-model.md), in no particular order: a 2025
 * 组织生活会 held on 2026-01-20 for 2025 is 2025's last, and no number of 2026's.
 */
async function sequenceOf(branchId: string, place: SeqPlace): Promise<Meeting[]> {
  const year = recordYearOf(place);
  const to = `${year}-12-31`;
  const late = YEAR_END_KINDS.includes(place.kind) ? lateRecordsEnd(to) : to;
  const inSequence = inSequenceOf(place);
  return (await ofBranchBetween(branchId, `${year}-01-01`, late)).filter(
    (m) => inSequence(m) && recordYearOf(m) === year,
  );
}

/**
 * The 第N次 each record of a sequence has once `finalizing` are finalised too: its rank among the 已定稿 ones in date
 * order. Drafts outside `finalizing` have none.
 */
function finalRanks(rows: readonly Meeting[], finalizing: ReadonlySet<string>): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const row of [...rows].sort(chronological)) {
    if (row.status === '已定稿' || finalizing.has(row.id)) ranks.set(row.id, ranks.size + 1);
  }
  return ranks;
}

/** How many 已定稿 records of a sequence (`rows`) take another 第N次 when `finalizing` are finalised. */
function renumberedBy(rows: readonly Meeting[], finalizing: readonly string[]): number {
  const ranks = finalRanks(rows, new Set(finalizing));
  return rows.filter((r) => r.status === '已定稿' && !finalizing.includes(r.id) && ranks.get(r.id) !== r.seq).length;
}

/**
 * Renumbers one sequence — a kind's records of one year, a 党小组会's of its 党小组 only — in date order, inside the
 * caller's transaction (docs/data-model.md), and says how many 已定稿 records other than `finalizing` it renumbered:
 *
 * - a 已定稿 record's 第N次 is its rank among the 已定稿 records of its sequence, so the archive reads 第1次,
 *   第2次, … without gaps; a draft never shifts it. With `finalized` (records were just finalised, or a finalised one
 *   moved) those numbers are recomputed and each record whose number changed gets an audited renumbering entry saying
 *   why ('update' with a `seq` change, isRenumbering): its content did not change, so it is no 更正 and the 卷宗
 *   does not print it — except `finalizing`, whose numbers were provisional until now.
 * - a 草稿's number is provisional: its rank among all the sequence's records, drafts included (where it falls in the
 *   会议记录本). It is not audited, and it changes whenever a record of that sequence is added, moved or deleted.
 */
async function renumber(
  branchId: string,
  place: SeqPlace,
  change: { finalized: false } | { finalized: true; trigger: string; finalizing?: readonly string[] },
): Promise<number> {
  const rows = (await sequenceOf(branchId, place)).sort(chronological);
  const finalizing = new Set(change.finalized ? change.finalizing : []);
  let finalCount = 0;
  let renumbered = 0;
  for (const [index, row] of rows.entries()) {
    const final = row.status === '已定稿';
    if (final) finalCount++;
    if (final && !change.finalized) continue;
    const seq = final ? finalCount : index + 1;
    if (row.seq === seq) continue;
    await db.meetings.update(row.id, { seq });
    if (final && change.finalized && !finalizing.has(row.id)) {
      renumbered++;
      const why = `${change.trigger}，按日期顺序重新编号`;
      await writeAudit({
        entity: 'meeting',
        entityId: row.id,
        branchId,
        action: 'update',
        reason: why,
        // The 操作日志 shows an 'update' by its summary alone: it carries the why.
        summary: `序号由第${row.seq}次调整为第${seq}次（${why}）`,
        changes: [{ field: 'seq', label: '序号', before: `第${row.seq}次`, after: `第${seq}次` }],
      });
    }
  }
  return renumbered;
}

/**
 * The 第N次 a record of `kind` dated `date` would get now (form preview): one more than the records of its sequence
 * dated on or before it — drafts included for a draft (its provisional place), only 已定稿 records when `excludeId`,
 * the record being edited, is 已定稿 (an amendment of its date renumbers the archive). A 党小组会 counts its
 * `partyGroupId`'s records only (the edited record's group when not given); with no 党小组 there is no number yet.
 */
export async function nextSeq(
  branchId: string,
  kind: MeetingKind,
  date: string,
  excludeId?: string,
  partyGroupId?: string,
  forYear?: number,
): Promise<number | undefined> {
  const editing = excludeId ? await db.meetings.get(excludeId) : undefined;
  const place = { kind, date, forYear, partyGroupId: partyGroupId ?? editing?.partyGroupId ?? '' };
  if (kind === '党小组会' && !place.partyGroupId) return undefined;
  const finalOnly = editing?.status === '已定稿';
  const earlier = (await sequenceOf(branchId, place)).filter(
    (m) => m.date <= date && m.id !== excludeId && (!finalOnly || m.status === '已定稿'),
  );
  return earlier.length + 1;
}

/**
 * A branch's records dated `from`…`to` (inclusive), by [branchId+date]. Numbering and scoring filter these by kind in
 * memory: a branch-year is tens of records, and since v5 there is no [branchId+kind+date] index to write on every
 * restore (docs/data-model.md).
 */
export function ofBranchBetween(branchId: string, from: string, to: string): Promise<Meeting[]> {
  return db.meetings.where('[branchId+date]').between([branchId, from], [branchId, to], true, true).toArray();
}

/**
 * A branch's records that count in `from`…`to` (their countingDate, shared/domain/recordYear.ts): those dated in it
 * that are not for an earlier year, and a 组织生活会 or 民主评议党员 held up to 31 March after it for a year in it.
 * What compliance, 考评, 卷宗 and evidence pickers read; lists and the calendar go by date.
 */
export async function countingBetween(branchId: string, from: string, to: string): Promise<Meeting[]> {
  // A record dated after `to` counts on or before it only as last year's held early: `to` must be a 31 December.
  const lateOnes = to.endsWith('-12-31');
  const [dated, after] = await Promise.all([
    ofBranchBetween(branchId, from, to),
    lateOnes ? ofBranchBetween(branchId, nextDay(to), lateRecordsEnd(to)) : [],
  ]);
  return [...dated, ...after].filter((m) => countsWithin(m, from, to));
}

// ── reads ──────────────────────────────────────────────────────────────────────

export async function getMeeting(id: string): Promise<Meeting | undefined> {
  return db.meetings.get(id);
}

/**
 * A record's 更正 and its 第N次 renumberings (isRenumbering tells them apart: the record view shows a renumbering
 * quietly, not as a 更正), oldest first.
 */
export async function listAmendments(id: string): Promise<AuditEntry[]> {
  const meeting = await db.meetings.get(id);
  if (!meeting) return [];
  return (await listAudit('meeting', id, meeting.branchId)).filter((e) => e.action === 'amend' || isRenumbering(e));
}

/** A renumbering entry as one line of the record's history: 「序号由第3次调整为第4次（…定稿，按日期顺序重新编号）」. */
export function renumberingNote(entry: AuditEntry): string {
  // Entries of older builds kept the why in `reason` only.
  return entry.changes || !entry.reason ? entry.summary : `${entry.summary}（${entry.reason}）`;
}

/** A filter's date range on [branchId+date] (a month's upper end of 31 covers every month); also 「共 N 条」's. */
export function dateBounds(filter: MeetingFilter): [string, string] {
  if (filter.year === undefined) return ['', '\uffff'];
  const y = String(filter.year).padStart(4, '0');
  if (filter.month === undefined) return [`${y}-01-01`, `${y}-12-31`];
  const m = String(filter.month).padStart(2, '0');
  return [`${y}-${m}-01`, `${y}-${m}-31`];
}

/**
 * Where a filter's rows are read on [branchId+date], and whether a row read there is in the filter's period. A whole
 * year is its 所属年度: the records that count in it (countsWithin) — those dated in it that are not for the year
 * before, and last year's 组织生活会 or 民主评议党员 held up to 31 March after it for it, read from that far. A month, or no
 * year, goes by the date. The 工作台's and 卷宗's counts of a year are then the list's.
 */
export function filterPeriod(filter: MeetingFilter): {
  from: string;
  to: string;
  readTo: string;
  holds: (m: Pick<Meeting, 'date' | 'forYear'>) => boolean;
} {
  const [from, to] = dateBounds(filter);
  if (filter.year === undefined || filter.month !== undefined) {
    return { from, to, readTo: to, holds: (m) => m.date >= from && m.date <= to };
  }
  return { from, to, readTo: lateRecordsEnd(to), holds: (m) => countsWithin(m, from, to) };
}

function isAfterCursor(m: Meeting, cursor: MeetingCursor | undefined): boolean {
  if (!cursor) return true;
  return m.date < cursor.date || (m.date === cursor.date && m.id < cursor.id);
}

function toPage(rows: Meeting[], size: number): MeetingPage {
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  return { items, next: rows.length > size && last ? { date: last.date, id: last.id } : undefined };
}

/**
 * Whether a record matches the whole filter, the search's substring test included (the postings only narrow the
 * candidates: a record with each bigram of 「人民代表」 somewhere need not contain the words).
 */
export function meetingMatcher(branchId: string, filter: MeetingFilter): (m: Meeting) => boolean {
  const { holds } = filterPeriod(filter);
  const query = filterQuery(filter);
  return (m) =>
    m.branchId === branchId &&
    holds(m) &&
    (!filter.kind || m.kind === filter.kind) &&
    (!filter.venueId || m.venueId === filter.venueId) &&
    (!filter.memberId || m.attendeeIds.includes(filter.memberId)) &&
    (!filter.status || m.status === filter.status) &&
    (!query || matchesQuery(searchableTexts(m), query));
}

/**
 * One page of a branch's records, newest first, with keyset paging (cursor = last [date, id]). A search, person, kind
 * or venue filter reads their lists in the search postings; otherwise [branchId+date] serves the range. Every row
 * returned is checked against the whole filter; 状态 is only checked so (a branch-year is tens of records, and a
 * status index would be one more to write on every restore).
 */
export async function listMeetings(
  branchId: string,
  filter: MeetingFilter = {},
  cursor?: MeetingCursor,
  size = PAGE_SIZE,
): Promise<MeetingPage> {
  if (filter.query !== undefined && isTooShortQuery(filter.query)) return { items: [] };
  const { from, readTo: to } = filterPeriod(filter);
  const matches = meetingMatcher(branchId, filter);

  // The cursor's date becomes the range's upper end; rows on that same date with id ≥ cursor.id were shown already.
  const upper = cursor && cursor.date < to ? cursor.date : to;

  // A search's, a person's, a kind's or a venue's meetings are the slots of their lists in the branch's search
  // postings (postings.ts), intersected shortest first when several are set: the directory gives each slot's date
  // and id, so the candidates are ordered and paged before any meeting row is read, and only the page's rows are read
  // and confirmed. A list that is missing (a bigram no record has) ends the search at once.
  const terms = filterTerms(filter);
  if (terms.length > 0) {
    return db.transaction('r', [db.searchBuckets, db.meetings], async () => {
      const [directory, ...lists] = await readPostings(branchId, [DIRECTORY_TERM, ...terms]);
      if (!directory || lists.some((l) => !l)) return { items: [] };
      const entries = directory.entries ?? [];
      const after = cursor ? entryOf(cursor) : undefined;
      const candidates = sortEntriesDesc(
        intersectSlots(lists.map((l) => l!.slots ?? []))
          .map((slot) => entries[slot] ?? '')
          .filter((e) => {
            const date = e.slice(0, e.indexOf(' '));
            return e !== '' && date >= from && date <= upper && (after === undefined || e < after);
          }),
      );
      return toPage(await confirmed(candidates, (m) => matches(m) && isAfterCursor(m, cursor), size), size);
    });
  }

  // Within one index key IndexedDB orders by primary key, so reverse() yields exactly the newestFirst order.
  const rows = await db.meetings
    .where('[branchId+date]')
    .between([branchId, from], [branchId, upper], true, true)
    .reverse()
    .filter((m) => matches(m) && isAfterCursor(m, cursor))
    .limit(size + 1)
    .toArray();
  return toPage(rows, size);
}

/** A month's records of a branch for the calendar, in date order. */
export async function meetingsInMonth(branchId: string, year: number, month: number): Promise<Meeting[]> {
  const [from, to] = dateBounds({ year, month });
  return db.meetings.where('[branchId+date]').between([branchId, from], [branchId, to], true, true).toArray();
}

/** The shortest query the bigram index can answer: one bigram. */
export const MIN_QUERY_LENGTH = 2;

/** Candidates read per bulkGet while filling a search page (most candidates are confirmed). */
const SEARCH_BATCH = PAGE_SIZE + 1;

/**
 * Chinese substring search over topic, agenda, minutes, speeches and resolutions, newest first, paged: listMeetings
 * with nothing but the query (the list narrows a search by its filters the same way).
 */
export async function searchMeetings(
  branchId: string,
  query: string,
  cursor?: MeetingCursor,
  size = PAGE_SIZE,
): Promise<MeetingPage> {
  if (Array.from(normalizeForSearch(query)).length < MIN_QUERY_LENGTH) return { items: [] };
  return listMeetings(branchId, { query }, cursor, size);
}

/**
 * The first `size + 1` meetings among `candidates` (directory entries, in list order) that pass `test`, reading the
 * rows a batch at a time (most candidates pass).
 */
async function confirmed(candidates: readonly string[], test: (m: Meeting) => boolean, size: number) {
  const found: Meeting[] = [];
  for (let i = 0; i < candidates.length && found.length <= size; i += SEARCH_BATCH) {
    const rows = await db.meetings.bulkGet(candidates.slice(i, i + SEARCH_BATCH).map(idOfEntry));
    for (const m of rows) if (m && test(m)) found.push(m);
  }
  return found.slice(0, size + 1);
}

/**
 * Keeps the branch's search rows in step with one meeting write (before = undefined: created; after = undefined:
 * deleted), inside the caller's transaction. The meeting keeps its directory slot for life (a new one is appended; a
 * deleted one is blanked, not reused), so a date change rewrites only the directory, and only the lists of bigrams the
 * text gained or lost are read and written. A list left empty is deleted.
 */
async function updatePostings(before: PostingContribution | undefined, after: PostingContribution | undefined) {
  const branchId = (after ?? before)!.branchId;
  const [directory] = await readPostings(branchId, [DIRECTORY_TERM]);
  const entries = [...(directory?.entries ?? [])];
  const known = before ? entries.indexOf(before.entry) : -1;
  const slot = known >= 0 ? known : entries.length;
  entries[slot] = after?.entry ?? '';
  if (known < 0 && !after) return; // deleting a meeting the postings never had: nothing to change

  const had = new Set(known >= 0 ? before!.terms : []);
  const has = new Set(after?.terms ?? []);
  const removed = [...had].filter((t) => !has.has(t));
  const added = [...has].filter((t) => !had.has(t));
  const changed = [...removed, ...added];
  const stored = await readPostings(branchId, changed);
  const puts: SearchPosting[] = [{ branchId, term: DIRECTORY_TERM, entries }];
  const deletes: string[] = [];
  changed.forEach((term, i) => {
    const slots = stored[i]?.slots ?? [];
    const next = i < removed.length ? slots.filter((s) => s !== slot) : withSlot(slots, slot);
    if (next.length === 0) deletes.push(term);
    else puts.push({ branchId, term, slots: next });
  });
  await writePostings(branchId, puts, deletes);
}

// ── writes ─────────────────────────────────────────────────────────────────────

function today(): string {
  // Read the clock directly (not nowIso's monotonic stamp) so "today" is the calendar day the user sees.
  return chinaToday(new Date());
}

/** Every table a meeting write touches: validation reads, the row, its search postings and its audit entry. */
const WRITE_TABLES = () => [
  db.branches,
  db.members,
  db.venues,
  db.meetings,
  db.attachments,
  db.searchBuckets,
  db.auditPages,
];

/** An edit may drop a file: the tables that say whether any record still uses it too (attachments.ts). */
const EDIT_TABLES = () => [...new Set([...WRITE_TABLES(), ...ATTACHMENT_REFERENCE_TABLES()])];

/** Records a new meeting as a 草稿 with its 第N次, 补录 mark and index fields, audited. */
export async function createMeeting(branchId: string, input: MeetingInput): Promise<Meeting> {
  const fields = parseMeetingInput(input);
  const enteredOn = today();
  return db.transaction('rw', WRITE_TABLES(), async () => {
    await checkAgainstBranch(branchId, fields, enteredOn);
    const at = nowIso();
    const meeting: Meeting = {
      ...fields,
      id: newId(),
      branchId,
      createdAt: at,
      updatedAt: at,
      seq: 1,
      status: '草稿',
      backfilled: isBackfilled(fields.date, enteredOn),
      attendeeIds: attendeeIdsOf(fields),
    };
    await db.meetings.add(meeting);
    await updatePostings(undefined, contributionOf(meeting));
    await writeAudit({
      entity: 'meeting',
      entityId: meeting.id,
      branchId,
      action: 'create',
      summary: `新建${meeting.kind}记录「${meeting.topic}」${meeting.backfilled ? '（补录）' : ''}`,
    });
    // A draft: only drafts take new provisional numbers; the archive's 第N次 waits for its 定稿.
    await renumber(branchId, meeting, { finalized: false });
    return (await db.meetings.get(meeting.id))!;
  });
}

/** The members whose attendance a 更正 changed, each as 「姓名 情况（原因）」 before and after. */
function attendanceChange(was: readonly Attendance[], now: readonly Attendance[]): [string, string] {
  const describe = (a: Attendance | undefined) => (a ? `${a.status}${a.reason ? `（${a.reason}）` : ''}` : '未列入');
  const full = (rows: readonly Attendance[]) => rows.map((a) => `${a.name} ${describe(a)}`).join('、');
  const before = new Map(was.map((a) => [a.memberId, a]));
  const after = new Map(now.map((a) => [a.memberId, a]));
  const parts: [string, string][] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id);
    const a = after.get(id);
    const name = (a ?? b)!.name;
    if (describe(b) !== describe(a) || b?.name !== a?.name) {
      parts.push([`${b?.name ?? name} ${describe(b)}`, `${a?.name ?? name} ${describe(a)}`]);
    }
  }
  // Only the order changed: show both lists whole.
  if (parts.length === 0) return [full(was), full(now)];
  return [parts.map(([b]) => b).join('、'), parts.map(([, a]) => a).join('、')];
}

/**
 * What a 更正 changed, field by field, as text an inspector can read without the database: names rather than ids
 * (a venue or member may be renamed or removed later), only the members whose attendance changed, and the whole
 * previous text of a long field. Reads inside the caller's transaction (branches, members, venues, attachments).
 */
async function describeChanges(before: Meeting, after: MeetingFields, labels: string[]): Promise<AuditChange[]> {
  const branch = await db.branches.get(before.branchId);
  const venueName = async (id: string) => (id ? ((await db.venues.get(id))?.name ?? '（已删除的阵地）') : '');
  const groupName = (id: string | undefined) =>
    id ? (branch?.partyGroups.find((g) => g.id === id)?.name ?? '（已删除的党小组）') : '';
  const memberNames = async (ids: readonly string[]) =>
    (await db.members.bulkGet([...ids])).map((m, i) => m?.name ?? ids[i]!).join('、');
  const fileNames = async (ids: readonly string[]) =>
    (await db.attachments.bulkGet([...ids])).map((a) => a?.name ?? '（已删除的附件）').join('、');
  const guests = (list: MeetingFields['guests']) =>
    list.map((g) => (g.org ? `${g.name}（${g.org}）` : g.name)).join('、');

  const changes: AuditChange[] = [];
  for (const label of labels) {
    const field = FIELD_OF_LABEL.get(label)!;
    let pair: [string, string];
    if (LONG_TEXTS.has(field)) {
      changes.push({ field, label, before: String(before[field] ?? '') });
      continue;
    }
    switch (field) {
      case 'venueId':
        pair = [await venueName(before.venueId), await venueName(after.venueId)];
        break;
      case 'partyGroupId':
        pair = [groupName(before.partyGroupId), groupName(after.partyGroupId)];
        break;
      case 'talkParties':
        pair = [await memberNames(before.talkParties), await memberNames(after.talkParties)];
        break;
      case 'attendance':
        pair = attendanceChange(before.attendance, after.attendance);
        break;
      case 'guests':
        pair = [guests(before.guests), guests(after.guests)];
        break;
      case 'attachmentIds':
        pair = [await fileNames(before.attachmentIds), await fileNames(after.attachmentIds)];
        break;
      case 'forYear':
        pair = [`${recordYearOf(before)}年度`, `${recordYearOf(after)}年度`];
        break;
      default:
        pair = [String(before[field] ?? ''), String(after[field] ?? '')];
    }
    changes.push({ field, label, before: pair[0], after: pair[1] });
  }
  return changes;
}

/**
 * Applies new fields to a stored record (no status checks): shared by draft edits and 更正. A 更正 also logs what each
 * changed field said before (and after), so the finalised text is never lost.
 */
async function applyChange(
  before: Meeting,
  fields: MeetingFields,
  audit: { action: 'update' | 'amend'; reason?: string },
): Promise<Meeting> {
  // 所属年度 compares as the year the record counts for: a date moved from 2025-12-16 to 2026-01-08 for 2025 keeps it.
  const changed = changedFieldLabels<MeetingFields>(
    { ...before, forYear: recordYearOf(before) },
    { ...fields, forYear: recordYearOf(fields) },
    MEETING_LABELS,
  );
  if (changed.length === 0) return before;
  const changes = audit.action === 'amend' ? await describeChanges(before, fields, changed) : undefined;
  // A legacy row's stored bigrams (schema ≤ 2) are dropped on its first edit: postings replaced them.
  // So is a 所属年度 the fields no longer have (the record was moved into its own year, or to another kind).
  const { terms: _legacyTerms, forYear: _forYear, ...rest } = before;
  const after: Meeting = {
    ...rest,
    ...fields,
    updatedAt: nowIso(),
    // 补录 is about when the record was first entered, so it follows the (possibly corrected) meeting date.
    backfilled: isBackfilled(fields.date, chinaToday(new Date(before.createdAt))),
    attendeeIds: attendeeIdsOf(fields),
  };
  await db.meetings.put(after);
  await updatePostings(contributionOf(before), contributionOf(after));
  // A file taken off the record goes from the database too, unless another record uses it: a photo attached by
  // mistake must not stay in every backup. The 更正's changes above name it, read before it was deleted.
  const dropped = before.attachmentIds.filter((a) => !after.attachmentIds.includes(a));
  const deleted = await deleteUnreferencedAttachments(before.branchId, dropped);
  const entry: AuditInput = {
    entity: 'meeting',
    entityId: before.id,
    branchId: before.branchId,
    action: audit.action,
    reason: audit.reason,
    summary: `修改了${changed.join('、')}${deletedAttachmentsNote(deleted)}`,
    ...(changes ? { changes } : {}),
  };
  await writeAudit(entry);
  const regrouped = sequenceGroup(before) !== sequenceGroup(after) || recordYearOf(before) !== recordYearOf(after);
  if (before.kind !== after.kind || before.date !== after.date || regrouped) {
    // A draft's move changes provisional numbers only; a finalised record's move renumbers the archive, audited:
    // its old and its new sequence (another year, kind or 党小组).
    const what =
      before.kind !== after.kind || before.date !== after.date
        ? '日期或类型'
        : sequenceGroup(before) !== sequenceGroup(after)
          ? '党小组'
          : '所属年度';
    const change =
      before.status === '已定稿'
        ? { finalized: true as const, trigger: `${after.kind}记录「${after.topic}」的${what}有更正` }
        : { finalized: false as const };
    await renumber(before.branchId, before, change);
    await renumber(after.branchId, after, change);
  }
  return (await db.meetings.get(before.id))!;
}

/** Edits a 草稿; a 已定稿 record can only be corrected with amendMeeting and a reason. */
export async function updateMeeting(id: string, input: MeetingInput): Promise<Meeting> {
  const fields = parseMeetingInput(input);
  const enteredOn = today();
  return db.transaction('rw', EDIT_TABLES(), async () => {
    const before = await db.meetings.get(id);
    if (!before) throw new NotFoundError('会议记录', id);
    if (before.status === '已定稿') {
      throw new ValidationError([{ path: '', message: '记录已定稿，不能直接修改；如需更正请使用“更正”并填写理由' }]);
    }
    await checkAgainstBranch(before.branchId, fields, enteredOn, before.attachmentIds, before.date);
    return applyChange(before, fields, { action: 'update' });
  });
}

/** What 定稿 reads and writes: the checks of a save (checkAgainstBranch), the rows and their audit entries. */
const FINALIZE_TABLES = () => [db.branches, db.members, db.venues, db.meetings, db.attachments, db.auditPages];

/**
 * Why a draft cannot be finalised: whatever a save of its fields would refuse now (a 党课 without 授课人, a 请假 without
 * its reason, a 阵地 or 党小组 deleted since, a date after today). A draft saved by this build passes; one from an older
 * build or a backup may not, and must be edited first. Inside the caller's transaction.
 */
async function finalizeProblems(draft: Meeting, on: string): Promise<ValidationIssue[]> {
  try {
    await checkAgainstBranch(draft.branchId, parseMeetingInput(draft), on, draft.attachmentIds, draft.date);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
}

/** Sets a draft 已定稿, without renumbering; its `finalize` entry is written once its number is known. */
async function markFinal(id: string): Promise<void> {
  const at = nowIso();
  await db.meetings.update(id, { status: '已定稿', finalizedAt: at, updatedAt: at });
}

async function auditFinalize(id: string, note = ''): Promise<Meeting> {
  const after = (await db.meetings.get(id))!;
  await writeAudit({
    entity: 'meeting',
    entityId: id,
    branchId: after.branchId,
    action: 'finalize',
    summary: `第${after.seq}次${after.kind}记录定稿${note}`,
  });
  return after;
}

/** What 定稿 of one draft does to its sequence: the 定稿 dialog says so before it is done. */
export interface FinalizeImpact {
  /** 已定稿 records of its sequence whose 第N次 changes (those dated after it move up one). */
  renumbered: number;
  /** Drafts of its sequence dated before it: each, finalised later, moves this record up one. */
  earlierDrafts: number;
}

export async function finalizeImpact(id: string): Promise<FinalizeImpact> {
  return db.transaction('r', [db.meetings], async () => {
    const draft = await db.meetings.get(id);
    if (!draft || draft.status === '已定稿') return { renumbered: 0, earlierDrafts: 0 };
    const rows = await sequenceOf(draft.branchId, draft);
    return {
      renumbered: renumberedBy(rows, [id]),
      earlierDrafts: rows.filter((r) => r.status === '草稿' && r.id !== id && chronological(r, draft) < 0).length,
    };
  });
}

/**
 * 草稿 → 已定稿: from now on changes need 更正 with a reason. The record takes its place among the finalised records of
 * its sequence (its kind and year; for a 党小组会, of its 党小组 too); the ones after it (a 补录, or a draft finalised
 * late) move up, each with an audited renumbering entry (not a 更正). A draft a save would refuse now is refused.
 */
export async function finalizeMeeting(id: string): Promise<Meeting> {
  const on = today();
  return db.transaction('rw', FINALIZE_TABLES(), async () => {
    const before = await db.meetings.get(id);
    if (!before) throw new NotFoundError('会议记录', id);
    if (before.status === '已定稿') return before;
    const problems = await finalizeProblems(before, on);
    if (problems.length > 0) throw new ValidationError(problems);
    await markFinal(id);
    await renumber(before.branchId, before, {
      finalized: true,
      trigger: `${before.date}的${before.kind}记录「${before.topic}」定稿`,
      finalizing: [id],
    });
    return auditFinalize(id);
  });
}

/** The drafts 按日期顺序定稿 finalises: a year's, of one kind or of all. */
export interface DraftScope {
  year: number;
  kind?: MeetingKind;
}

export interface BlockedDraft {
  meeting: Meeting;
  /** Why it stays a draft, as a save would say it. */
  problems: string[];
}

/** What 按日期顺序定稿 will do (planFinalizeDrafts) or did (finalizeDrafts). */
export interface DraftsFinalization {
  /** In date order, each with the 第N次 it gets (or got). */
  finalized: Meeting[];
  /** Left as drafts, in date order. */
  blocked: BlockedDraft[];
  /** 已定稿 records whose 第N次 changes because earlier drafts are finalised (each logged, not a 更正). */
  renumbered: number;
}

/**
 * A sequence's key within one 所属年度: records with the same key are numbered together (inSequenceOf). The scope's
 * drafts all count in its year, so kind and 党小组 tell their sequences apart.
 */
const sequenceKey = (m: Meeting) => `${m.kind}\n${sequenceGroup(m)}`;

/**
 * The scope's drafts in date order — those that count in its year (所属年度: last year's 组织生活会 held this January
 * is finalised with last year's) — split into those that can be finalised and those that cannot, and each sequence
 * they belong to with all its records (sequenceOf, so a sequence's late records are ranked too).
 */
async function draftsIn(branchId: string, scope: DraftScope, on: string) {
  const [from, to] = dateBounds({ year: scope.year });
  const rows = await countingBetween(branchId, from, to);
  const drafts = rows.filter((m) => m.status === '草稿' && (!scope.kind || m.kind === scope.kind)).sort(chronological);
  const ready: Meeting[] = [];
  const blocked: BlockedDraft[] = [];
  for (const draft of drafts) {
    const problems = await finalizeProblems(draft, on);
    if (problems.length === 0) ready.push(draft);
    else blocked.push({ meeting: draft, problems: problems.map((p) => p.message) });
  }
  const sequences = new Map<string, Meeting[]>();
  for (const draft of ready) {
    const key = sequenceKey(draft);
    if (!sequences.has(key)) sequences.set(key, await sequenceOf(branchId, draft));
  }
  return { ready, blocked, sequences };
}

/** What finalizeDrafts would do now: for the confirmation, which lists it before anything is written. */
export async function planFinalizeDrafts(branchId: string, scope: DraftScope): Promise<DraftsFinalization> {
  const on = today();
  return db.transaction('r', FINALIZE_TABLES(), async () => {
    const { ready, blocked, sequences } = await draftsIn(branchId, scope, on);
    const readyIds = ready.map((m) => m.id);
    let renumbered = 0;
    const seqs = new Map<string, number>();
    for (const rows of sequences.values()) {
      renumbered += renumberedBy(rows, readyIds);
      for (const [id, seq] of finalRanks(rows, new Set(readyIds))) seqs.set(id, seq);
    }
    return { finalized: ready.map((m) => ({ ...m, seq: seqs.get(m.id)! })), blocked, renumbered };
  });
}

/**
 * 按日期顺序定稿: finalises a year's drafts (of one kind, or of every kind) in one transaction, so their 第N次 follow
 * the dates as if each had been finalised in turn, earliest first — and, unlike finalising them one by one from the
 * newest, no record finalised here is renumbered by the next. 已定稿 records dated after an earlier draft still move
 * up, once, each with its renumbering entry. A draft a save would refuse now stays a draft and is reported.
 */
export async function finalizeDrafts(branchId: string, scope: DraftScope): Promise<DraftsFinalization> {
  const on = today();
  return db.transaction('rw', FINALIZE_TABLES(), async () => {
    if (!(await db.branches.get(branchId))) throw new NotFoundError('支部', branchId);
    const { ready, blocked, sequences } = await draftsIn(branchId, scope, on);
    const readyIds = ready.map((m) => m.id);
    for (const id of readyIds) await markFinal(id);
    let renumbered = 0;
    for (const rows of sequences.values()) {
      const first = rows.find((m) => readyIds.includes(m.id))!;
      renumbered += await renumber(branchId, first, {
        finalized: true,
        trigger: `${scope.year}年度${first.kind}草稿批量定稿`,
        finalizing: readyIds,
      });
    }
    const finalized: Meeting[] = [];
    for (const id of readyIds) finalized.push(await auditFinalize(id, '（按日期顺序定稿）'));
    return { finalized, blocked, renumbered };
  });
}

/**
 * 更正 of a 已定稿 record: the change is applied, the record stays 已定稿; the reason, the changed fields and what they
 * said before (and after) are logged.
 */
export async function amendMeeting(id: string, input: MeetingInput, reason: string): Promise<Meeting> {
  const why = reason.trim();
  if (Array.from(why).length < MIN_AMEND_REASON) {
    throw new ValidationError([{ path: 'reason', message: `请填写更正理由（至少 ${MIN_AMEND_REASON} 个字）` }]);
  }
  const fields = parseMeetingInput(input);
  const enteredOn = today();
  return db.transaction('rw', EDIT_TABLES(), async () => {
    const before = await db.meetings.get(id);
    if (!before) throw new NotFoundError('会议记录', id);
    if (before.status !== '已定稿') {
      throw new ValidationError([{ path: '', message: '草稿可以直接修改，不需要更正' }]);
    }
    await checkAgainstBranch(before.branchId, fields, enteredOn, before.attachmentIds, before.date);
    const after = await applyChange(before, fields, { action: 'amend', reason: why });
    if (after === before) throw new ValidationError([{ path: '', message: '没有修改任何内容，无需更正' }]);
    return after;
  });
}

/**
 * Takes a record out of the database inside the caller's transaction: the row, its search postings, and its photos
 * and files unless another record uses the same file (they would only take room). Returns how many files went.
 */
async function removeMeeting(before: Meeting): Promise<number> {
  await db.meetings.delete(before.id);
  await updatePostings(contributionOf(before), undefined);
  return (await deleteUnreferencedAttachments(before.branchId, before.attachmentIds)).length;
}

/** Deletes a 草稿 (audited); a 已定稿 record is part of the archive and cannot be deleted (it is 作废, below). */
export async function deleteMeeting(id: string): Promise<void> {
  const tables = [db.searchBuckets, db.auditPages, ...ATTACHMENT_REFERENCE_TABLES()];
  await db.transaction('rw', tables, async () => {
    const before = await db.meetings.get(id);
    if (!before) throw new NotFoundError('会议记录', id);
    if (before.status === '已定稿') {
      throw new ValidationError([{ path: '', message: '记录已定稿，不能删除' }]);
    }
    const files = await removeMeeting(before);
    await writeAudit({
      entity: 'meeting',
      entityId: id,
      branchId: before.branchId,
      action: 'delete',
      summary: `删除了${before.kind}草稿「${before.topic}」（${before.date}）${files ? `及其 ${files} 个附件` : ''}`,
    });
    await renumber(before.branchId, before, { finalized: false });
  });
}

/**
 * 作废 of a 已定稿 record that should never have been one (a duplicate saved past the warning and 定稿, a meeting
 * entered in the wrong branch): with no way out it stayed in every 卷宗 as 「第2次主题党日」 and held the numbers after
 * it. It leaves the records, the counts and the 卷宗 as a deleted draft does; the later records of its book move up a
 * number (each move audited, as for a 定稿 out of order); the 操作日志 keeps what it was, its number and the reason.
 * A meeting that took place is corrected with 更正 instead.
 */
export async function voidMeeting(id: string, reason: string): Promise<void> {
  const why = reason.trim();
  if (Array.from(why).length < MIN_AMEND_REASON) {
    throw new ValidationError([{ path: 'reason', message: `请填写作废原因（至少 ${MIN_AMEND_REASON} 个字）` }]);
  }
  await db.transaction('rw', EDIT_TABLES(), async () => {
    const before = await db.meetings.get(id);
    if (!before) throw new NotFoundError('会议记录', id);
    if (before.status !== '已定稿') {
      throw new ValidationError([{ path: '', message: '草稿不需要作废，可以直接删除' }]);
    }
    const branch = await db.branches.get(before.branchId);
    const book = seqBook(before, branch?.partyGroups ?? []);
    const files = await removeMeeting(before);
    await writeAudit({
      entity: 'meeting',
      entityId: id,
      branchId: before.branchId,
      action: 'delete',
      reason: why,
      summary: `作废了已定稿的${before.kind}记录「${before.topic}」（${before.date}，${book}第${before.seq}次）${files ? `及其 ${files} 个附件` : ''}，原因：${why}`,
    });
    await renumber(before.branchId, before, {
      finalized: true,
      trigger: `${before.date}的${before.kind}记录「${before.topic}」作废`,
    });
  });
}

export interface VenueChoice {
  id: string;
  name: string;
}

/** The branch's venues for the record form and the list filter (the 阵地 section owns their editing). */
export async function listVenueChoices(branchId: string): Promise<VenueChoice[]> {
  const venues = await db.venues.where('branchId').equals(branchId).toArray();
  return venues.map((v) => ({ id: v.id, name: v.name })).sort((a, b) => compareZh(a.name, b.name));
}
