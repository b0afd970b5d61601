// The 会议记录单 of one meeting: reusable section builders (shared with the dossier) and a one-record document.
import { attendanceCounts } from '../domain/attendance';
import { forYearNote, recordYearOf } from '../domain/recordYear';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { BACKFILL_DAYS, seqBook } from '../domain/vocab';
import { trimLongText } from '../schemas/common';
import { sameName } from '../names';
import { checkQuorum, type QuorumMember } from '../rules/quorum';
import {
  isRenumbering,
  type AttachmentMeta,
  type AuditChange,
  type AuditEntry,
  type Branch,
  type Meeting,
  type Member,
  type Venue,
} from '../schemas/entities';
import {
  DEFAULT_STYLE,
  HEADING_FONT,
  PAGE_MARGINS,
  STYLES,
  asTyped,
  cnDate,
  cnDateTime,
  dataTable,
  formTable,
  fullWidthColumns,
  imageMime,
  runningHeader,
  personName,
  signatureLines,
  toBase64,
  unbroken,
} from './layout';
import { KEEP_WITH_HEADING } from './prebreak';

/** What a record needs besides the meeting itself: names of venues, members and groups, amendments, photos. */
export interface RecordContext {
  branch: Branch;
  /** The branch's roster, with what says who could vote on a day (the 法定人数 line of 支部党员大会 and 支委会). */
  members: readonly (Pick<Member, 'id' | 'name'> & QuorumMember)[];
  venues: readonly Pick<Venue, 'id' | 'name'>[];
  attachments: readonly AttachmentMeta[];
  /** Audit entries; only action 'amend' on this meeting is printed. */
  audit: readonly AuditEntry[];
  images?: ReadonlyMap<string, Uint8Array>;
}

/** The anchor id of a record's title: the dossier's index and pageReference point at it. */
export const recordAnchor = (meetingId: string) => `rec-${meetingId}`;

/**
 * 「市人大机关第一党支部支委会记录」. A branch's name ends in 支部, so its 支部党员大会 is its 党员大会: the title does not
 * say 支部 twice (「…第一党支部支部党员大会记录」 read as a typo on every such record).
 */
export function recordTitle(meeting: Pick<Meeting, 'kind'>, branch: Pick<Branch, 'name'>): string {
  const kind = branch.name.endsWith('支部') && meeting.kind.startsWith('支部') ? meeting.kind.slice(2) : meeting.kind;
  return `${branch.name}${kind}记录`;
}

function timeRange(m: Meeting): string {
  const t = m.startTime && m.endTime ? `${m.startTime}—${m.endTime}` : m.startTime || m.endTime;
  return [cnDate(m.date), t].filter(Boolean).join(' ');
}

/**
 * The 时间 of a form, on one line: beside 地点 it has 140.6 pt, and 「2024年12月31日 23:00—23:59」 is 142.3 pt (it
 * wrapped after the dash). The widest, 「2099年12月29日 09:09—09:09」, 143.5 pt at 10.5 pt, runs 2.9 pt into the cell's
 * 4 pt right padding, never over its rule; any other layout (a row of its own, narrower labels) costs a row per
 * record or moves every form's columns.
 */
function timeCell(m: Meeting): Content {
  // Held after its year for it: said where the date is read (「2026年1月20日 …（2025年度）」). The note is a part of
  // its own, on the next line when the time fills this one: pdfmake broke it after 「（」 as CJK text.
  const note = forYearNote(m);
  return note ? unbroken(timeRange(m), note) : { text: timeRange(m), noWrap: true };
}

export { attendanceCounts } from '../domain/attendance';

const ABSENT: ReadonlySet<string> = new Set(['请假', '缺席']);

function attendanceSection(m: Meeting, ctx: RecordContext): Content[] {
  const c = attendanceCounts(m);
  const counts = {
    table: {
      widths: fullWidthColumns(['*', '*', '*', '*', '*']),
      body: [
        ['应到', '实到', '请假', '缺席', '列席'].map((h) => ({ text: h, style: 'th' })),
        [c.expected, c.present, c.leave, c.absent, c.nonVoting].map((n) => ({
          text: `${n} 人`,
          alignment: 'center' as const,
        })),
      ],
    },
    margin: [0, 2, 0, 4] as [number, number, number, number],
  };
  // Two members per row: a roster of 30 stays on one page, as on the paper form.
  // 请假 and 缺席 stand out, as absences an inspector looks for; 列席 is a presence (without a vote), printed plainly.
  const cells = m.attendance.map((a): TableCell[] => [
    personName(a.name),
    { text: a.status, alignment: 'center', ...(ABSENT.has(a.status) ? { bold: true, color: '#b00000' } : {}) },
    a.reason || '',
  ]);
  const rows: TableCell[][] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push([...cells[i]!, ...(cells[i + 1] ?? ['', '', ''])]);
  const out: Content[] = [{ text: '出席情况', style: 'h3' }, counts];
  // 应到 counts every member expected, 预备党员 too; the vote needs more than half of those who may vote. The line the
  // record shows on screen, printed always: without it 「应到 9 人，实到 7 人」 beside a resolution saying 8 and 6
  // read as a contradiction.
  const quorum = checkQuorum(m, ctx.branch, ctx.members);
  if (quorum.applies) {
    out.push({
      text: [
        { text: '法定人数：', bold: true },
        quorum.ok ? quorum.message : { text: quorum.message, bold: true, color: '#b00000' },
      ],
      margin: [0, 0, 0, 4],
    });
  }
  if (rows.length) {
    out.push(
      dataTable(
        ['姓名', '情况', '原因', '姓名', '情况', '原因'],
        rows,
        fullWidthColumns([52, 34, '*', 52, 34, '*'], 0.5),
      ),
    );
  }
  if (m.guests.length) {
    out.push({
      text: [
        { text: '列席人员：', bold: true },
        m.guests.map((g) => (g.org ? `${g.name}（${g.org}）` : g.name)).join('、'),
      ],
      margin: [0, 0, 0, 4],
    });
  }
  return out;
}

/**
 * A photo's caption: its file name without the extension, a leading ISO date written like the rest of the volume
 * (「2025-04-23 主题党日现场照片1.png」 → 「2025年4月23日 主题党日现场照片1」).
 */
export function photoCaption(name: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || name;
  return base.replace(/^(\d{4}-\d{2}-\d{2})(?!\d)/, (d) => cnDate(d));
}

/** Items of a record or checklist entry in the order they were attached (`ids`), each once; unknown ids skipped. */
export function inIdOrder<T extends { id: string }>(ids: readonly string[], items: readonly T[]): T[] {
  const byId = new Map(items.map((a) => [a.id, a]));
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}

function photosSection(m: Meeting, ctx: RecordContext): Content[] {
  const own = inIdOrder(m.attachmentIds, ctx.attachments);
  if (!own.length) return [];
  const printable = own.filter((a) => {
    const bytes = ctx.images?.get(a.sha256);
    return !!bytes && !!imageMime(bytes);
  });
  const listed = own.filter((a) => !printable.includes(a));
  const heading: Content = { text: '附件与现场照片', style: 'h3' };
  const out: Content[] = [];
  for (let i = 0; i < printable.length; i += 2) {
    out.push({
      columns: printable.slice(i, i + 2).map((a) => ({
        stack: [
          { image: imageDataUrl(ctx.images!.get(a.sha256)!), fit: [200, 150], alignment: 'center' },
          { text: photoCaption(a.name), style: 'small', alignment: 'center', margin: [0, 2, 0, 0] },
        ],
        width: '*',
      })),
      columnGap: 12,
      margin: [0, 2, 0, 6],
    });
  }
  // Files that are not pictures keep their full name: the extension says what they are. A long list is cut in
  // lists of a few, so that the last few can be kept with the record's 签字 line (closeRecord).
  for (let i = 0; i < listed.length; i += LIST_CHUNK) {
    out.push({
      ul: listed
        .slice(i, i + LIST_CHUNK)
        .map((a) => ({ text: `${a.name}（SHA-256 ${a.sha256.slice(0, 16)}…）`, style: 'small' })),
      margin: [0, i === 0 ? 2 : 0, 0, i + LIST_CHUNK >= listed.length ? 4 : 0],
    });
  }
  // The heading never ends a page alone: it moves with the first row of photos (or the file list) to the next one.
  const [first, ...rest] = out;
  return first ? [{ stack: [heading, first], unbreakable: true }, ...rest] : [heading];
}

/** File names per list in the 附件 section: a list is kept whole on a page (see photosSection). */
const LIST_CHUNK = 6;

export function imageDataUrl(bytes: Uint8Array): string {
  return `data:${imageMime(bytes) ?? 'image/jpeg'};base64,${toBase64(bytes)}`;
}

function amendments(m: Meeting, ctx: RecordContext): AuditEntry[] {
  return ctx.audit
    .filter((e) => e.action === 'amend' && !isRenumbering(e) && e.entity === 'meeting' && e.entityId === m.id)
    .sort((a, b) => (a.at < b.at ? -1 : 1));
}

/** A value as printed in an amendment line: dates as on the rest of the sheet, nothing as （空）. */
function printed(field: string, value: string): string {
  if (!value) return '（空）';
  return field === 'date' || field === 'plannedDate' ? cnDate(value) : value;
}

/**
 * One field a 更正 changed, under its 更正记录 line: 原 → 现, or for a long text (no `after`; the new text is the
 * record's own, or the next amendment's 原文) the whole text it replaced.
 */
function changeLine(change: AuditChange): Content {
  if (change.after === undefined) {
    // The whole text it replaced, under its own label: pre-broken and split like a section (titled), so that it
    // may run over a page and still keep its last lines with the 签字 line when it ends the record.
    const text = printed(change.field, change.before);
    return {
      stack: [{ text: `${change.label}（修改前原文）：`, bold: true, fontSize: 10 }, asTyped({ text, fontSize: 10 })],
      margin: [12, 0, 0, 0],
      unbreakable: text.length < 600,
      [KEEP_WITH_HEADING]: 2,
    } as Content;
  }
  return {
    text: [
      { text: `${change.label}：`, bold: true },
      `原 ${printed(change.field, change.before)} → 现 ${printed(change.field, change.after)}`,
    ],
    fontSize: 10,
    margin: [12, 0, 0, 0],
  };
}

/** The record's title block: title, 第N次, and the marks an inspector must see first (补录, 草稿). */
function titleBlock(m: Meeting, ctx: RecordContext, anchorId?: string): Content[] {
  const marks: { text: string; style: string }[] = [];
  if (m.backfilled) marks.push({ text: '【补录】', style: 'mark' });
  if (m.status !== '已定稿') marks.push({ text: '【草稿】', style: 'mark' });
  return [
    { text: recordTitle(m, ctx.branch), style: 'recordTitle', ...(anchorId ? { id: anchorId } : {}) },
    {
      // The number in its 所属年度's record book, 「（2025年度第 1 次）」, as the app says 2025年度第N次: one held after
      // its year for it is numbered in that year, beside the year's own records and in the same words.
      text: [{ text: `（${recordYearOf(m)}年度${seqBook(m, ctx.branch.partyGroups)}第 ${m.seq} 次）` }, ...marks],
      alignment: 'center',
      font: HEADING_FONT,
      margin: [0, 2, 0, 8],
    },
  ];
}

/**
 * A heading with its text, never ending a page alone: pre-broken (render.ts), the heading keeps the first two lines
 * and the text may break after them (prebreak.ts, keptWithHeading); otherwise a short block is kept whole. Nothing
 * when there is no text, unless `whenEmpty` says what to print instead (a section inspectors look for).
 */
function titled(title: string, text: string, whenEmpty?: string): Content[] {
  // The first paragraph keeps its 首行缩进 as typed, like every later one.
  const t = trimLongText(text);
  if (!t && whenEmpty === undefined) return [];
  return [
    {
      stack: [{ text: title, style: 'h3' }, t ? asTyped({ text: t }) : { text: whenEmpty, color: '#888888' }],
      unbreakable: t.length < 600,
      [KEEP_WITH_HEADING]: 2,
    } as Content,
  ];
}

/** What an empty 会议内容 / 谈话内容 says: the section is always printed, since inspectors look for it. */
const NOT_FILLED = '未填写';

type Json = Record<string, unknown>;

/**
 * The record's last nodes followed by its closing block (记录状态 and 签字 line), which never starts a page alone: it
 * joins the last section's last two lines (a titled block's trailer, see prebreak.ts keptWithHeading) or the last
 * block before it — a row of photos, a short list or note — in one block that moves to the next page together.
 */
function closeRecord(nodes: Content[], closing: Content): Content[] {
  const last = nodes.at(-1);
  const before = nodes.slice(0, -1);
  if (last === undefined) return [closing];
  const o = last as unknown as Json;
  if (o[KEEP_WITH_HEADING] !== undefined && Array.isArray(o.stack)) {
    return [...before, { ...o, stack: [...(o.stack as Content[]), closing] } as unknown as Content];
  }
  return [...before, { stack: [last, closing], unbreakable: true }];
}

/** Who held a 谈心谈话 and with whom: [谈话人, 谈话对象]. */
function talkRoles(m: Meeting, name: (id: string) => string): [string, string] {
  const parties = m.talkParties.map(name);
  if (parties.length) {
    // The party who also chaired (主持) the talk held it; otherwise the one chosen first.
    const i = Math.max(0, parties.indexOf(m.host));
    return [parties[i]!, parties.filter((_, k) => k !== i).join('、') || '—'];
  }
  // A talk with a group (no 谈话双方): the 主持人 talked with each of those present; who missed it is said too.
  const others = m.attendance.filter((a) => !sameName(a.name, m.host));
  const present = others.filter((a) => a.status === '出席').map((a) => a.name);
  const missed = others
    .filter((a) => a.status === '请假' || a.status === '缺席')
    .map((a) => `${a.name}${a.status}${a.reason ? `（${a.reason}）` : ''}`);
  const text = [present.join('、'), missed.join('、')].filter(Boolean).join('；');
  return [m.host || '—', text || '—'];
}

/** The notes printed under a record: 补录说明 and each 更正 with what it changed. */
function recordNotes(m: Meeting, ctx: RecordContext): Content[] {
  const notes: Content[] = [];
  if (m.backfilled) {
    notes.push({
      text: `补录说明：本记录于 ${cnDateTime(m.createdAt)} 录入，晚于会议日期超过 ${BACKFILL_DAYS} 日，系补录。`,
      style: 'mark',
      fontSize: 10,
    });
  }
  for (const a of amendments(m, ctx)) {
    notes.push({
      // In the words of the app: 更正 and its 理由 (the sheet said 修改记录 … 原因 of what the screen calls 更正).
      text: `更正记录：${cnDateTime(a.at)} 更正，理由：${a.reason || '未说明'}${a.summary ? `（${a.summary}）` : ''}`,
      fontSize: 10,
    });
    for (const change of a.changes ?? []) notes.push(changeLine(change));
  }
  return notes;
}

/** Notes a record's closing block takes along at most; more (many 更正) flow on before it. */
const CLOSING_NOTES = 12;

/**
 * The record's body, its notes (补录说明, 更正) and its closing: 记录状态 and the 签字 line in one block with the short
 * notes before them, never split, and kept with the end of the record (closeRecord). A 修改前原文 long enough to
 * run over a page stays in the flow; the closing then keeps its last two lines.
 */
function endRecord(m: Meeting, ctx: RecordContext, body: Content[], signers: readonly string[]): Content[] {
  const notes = recordNotes(m, ctx).map((n, i) => (i === 0 ? withTopMargin(n) : n));
  let k = notes.length;
  const long = (n: Content) => (n as unknown as Json)[KEEP_WITH_HEADING] !== undefined;
  while (k > 0 && !long(notes[k - 1]!) && notes.length - k < CLOSING_NOTES) k--;
  const status: Content = {
    text:
      m.status === '已定稿'
        ? `记录状态：已定稿${m.finalizedAt ? `（${cnDateTime(m.finalizedAt)}）` : ''}`
        : '记录状态：草稿（未定稿）',
    fontSize: 10,
    ...(notes.length ? {} : { margin: [0, 10, 0, 0] as [number, number, number, number] }),
  };
  const closing: Content = { stack: [...notes.slice(k), status, signatureLines(signers)], unbreakable: true };
  return closeRecord([...body, ...notes.slice(0, k)], closing);
}

/** Form rows two to a row; an odd last one spans the row, so no empty label cell is left. */
function formRows(fields: readonly (readonly [string, Content])[]): Content[] {
  const even = fields.length - (fields.length % 2);
  return [
    ...(even ? [formTable(fields.slice(0, even), 2)] : []),
    ...(even < fields.length ? [formTable(fields.slice(even), 1)] : []),
  ];
}

/** The body of a 谈心谈话记录: who talked with whom, when and where, what was said; signed by both. */
function talkSection(m: Meeting, ctx: RecordContext, anchorId: string | undefined): Content[] {
  const name = (id: string) => ctx.members.find((x) => x.id === id)?.name ?? id;
  // A 阵地 of the branch, or where a meeting held elsewhere took place (其他地点).
  const venue = ctx.venues.find((v) => v.id === m.venueId)?.name ?? m.place ?? '';
  const [talker, other] = talkRoles(m, name);
  const extra: [string, Content][] = [];
  if (m.recorder && !sameName(m.recorder, talker)) extra.push(['记录人', m.recorder]);
  if (m.plannedDate && m.plannedDate !== m.date) extra.push(['原计划日期', cnDate(m.plannedDate)]);
  const body: Content[] = [
    ...titleBlock(m, ctx, anchorId),
    formTable([['谈话主题', { text: m.topic, bold: true }]], 1),
    formTable(
      [
        ['谈话人', talker],
        ['谈话对象', other],
        ['时间', timeCell(m)],
        ['地点', venue || '—'],
      ],
      2,
    ),
    ...formRows(extra),
    ...titled('谈话提纲', m.agenda),
    ...titled('谈话内容', m.content, NOT_FILLED),
    ...titled('意见建议', m.speeches),
    ...titled('谈话结果', m.resolutions),
    ...photosSection(m, ctx),
  ];
  return endRecord(m, ctx, body, ['谈话人（签字）', '谈话对象（签字）']);
}

/** The first note keeps the gap the notes always had above them. */
function withTopMargin(node: Content): Content {
  const o = node as unknown as Json;
  const m = (o.margin as [number, number, number, number] | undefined) ?? [0, 0, 0, 0];
  return { ...o, margin: [m[0], 10, m[2], m[3]] } as unknown as Content;
}

/** The body of one 会议记录单, as the dossier and the single-record document both print it. */
export function recordSection(m: Meeting, ctx: RecordContext, options: { anchor?: boolean } = {}): Content[] {
  const anchorId = options.anchor ? recordAnchor(m.id) : undefined;
  if (m.kind === '谈心谈话') return talkSection(m, ctx, anchorId);
  // A 阵地 of the branch, or where a meeting held elsewhere took place (其他地点).
  const venue = ctx.venues.find((v) => v.id === m.venueId)?.name ?? m.place ?? '';
  const fields: [string, Content][] = [
    ['会议主题', { text: m.topic, bold: true }],
    ['时间', timeCell(m)],
    ['地点', venue || '—'],
    ['主持人', m.host || '—'],
    ['记录人', m.recorder || '—'],
  ];
  if (m.kind === '党课') fields.push(['授课人', m.lecturer || '—']);
  if (m.kind === '党小组会') {
    fields.push(['党小组', ctx.branch.partyGroups.find((g) => g.id === m.partyGroupId)?.name ?? '—']);
  }
  if (m.plannedDate && m.plannedDate !== m.date) fields.push(['原计划日期', cnDate(m.plannedDate)]);
  // The first field spans the whole row: topics are long.
  const [topic, ...rest] = fields;
  const body: Content[] = [
    ...titleBlock(m, ctx, anchorId),
    formTable([topic!], 1),
    ...formRows(rest),
    ...attendanceSection(m, ctx),
    ...(m.kind === '党课' ? titled('授课提纲', m.outline) : []),
    ...titled('议程', m.agenda),
    ...titled('会议内容', m.content, NOT_FILLED),
    ...titled('发言摘要', m.speeches),
    ...titled('决议及表决结果', m.resolutions),
    ...photosSection(m, ctx),
  ];
  return endRecord(m, ctx, body, ['主持人（签字）', '记录人（签字）']);
}

/**
 * What pages 2+ of a stand-alone record say at the top, so that a loose page still names its meeting:
 * 「2025年3月10日 支委会 第3次 · 会议记录单」 (a 党小组会 with its group, as it is numbered).
 */
export function recordRunningHeader(
  m: Pick<Meeting, 'date' | 'kind' | 'seq' | 'partyGroupId' | 'forYear'>,
  branch: Pick<Branch, 'partyGroups'>,
): string {
  const book = seqBook(m, branch.partyGroups);
  const sheet = m.kind === '谈心谈话' ? '谈心谈话记录' : '会议记录单';
  return `${cnDate(m.date)}${forYearNote(m)} ${m.kind} ${book}第${m.seq}次 · ${sheet}`;
}

/** A stand-alone 会议记录单 of one meeting (printing or sharing a single record). */
export function buildMeetingRecordDoc(meeting: Meeting, ctx: RecordContext): TDocumentDefinitions {
  const header = recordRunningHeader(meeting, ctx.branch);
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    version: '1.7',
    language: 'zh-CN',
    info: {
      title: recordTitle(meeting, ctx.branch),
      author: ctx.branch.name,
      subject: `${meeting.date} ${meeting.topic}`,
      keywords: `${meeting.kind},会议记录`,
    },
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    content: recordSection(meeting, ctx),
    // Page 1 carries the title block.
    header: (page: number) => (page === 1 ? null : runningHeader(header)),
    footer: (page: number, pages: number) => ({
      text: `第 ${page} 页 共 ${pages} 页`,
      style: 'footer',
      margin: [0, 30, 0, 0],
    }),
  };
}
