// The 会议记录单 of one meeting: reusable section builders (shared with the dossier) and a one-record document.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { BACKFILL_DAYS } from '../domain/vocab';
import type { AttachmentMeta, AuditChange, AuditEntry, Branch, Meeting, Member, Venue } from '../schemas/entities';
import {
  DEFAULT_STYLE,
  HEADING_FONT,
  PAGE_MARGINS,
  STYLES,
  cnDate,
  cnDateTime,
  dataTable,
  formTable,
  fullWidthColumns,
  imageMime,
  para,
  signatureLines,
  toBase64,
} from './layout';
import { KEEP_WITH_HEADING } from './prebreak';

/** What a record needs besides the meeting itself: names of venues, members and groups, amendments, photos. */
export interface RecordContext {
  branch: Branch;
  members: readonly Pick<Member, 'id' | 'name'>[];
  venues: readonly Pick<Venue, 'id' | 'name'>[];
  attachments: readonly AttachmentMeta[];
  /** Audit entries; only action 'amend' on this meeting is printed. */
  audit: readonly AuditEntry[];
  images?: ReadonlyMap<string, Uint8Array>;
}

/** The anchor id of a record's title: the dossier's index and pageReference point at it. */
export const recordAnchor = (meetingId: string) => `rec-${meetingId}`;

export function recordTitle(meeting: Pick<Meeting, 'kind'>, branch: Pick<Branch, 'name'>): string {
  return `${branch.name}${meeting.kind}记录`;
}

function timeRange(m: Meeting): string {
  const t = m.startTime && m.endTime ? `${m.startTime}—${m.endTime}` : m.startTime || m.endTime;
  return [cnDate(m.date), t].filter(Boolean).join(' ');
}

/** 应到/实到/请假/缺席/列席: 应到 counts the members expected (everyone listed but those only 列席). */
export function attendanceCounts(m: Pick<Meeting, 'attendance' | 'guests'>) {
  const count = (s: string) => m.attendance.filter((a) => a.status === s).length;
  return {
    expected: m.attendance.filter((a) => a.status !== '列席').length,
    present: count('出席'),
    leave: count('请假'),
    absent: count('缺席'),
    nonVoting: count('列席') + m.guests.length,
  };
}

function attendanceSection(m: Meeting): Content[] {
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
  const cells = m.attendance.map((a): TableCell[] => [
    a.name,
    { text: a.status, alignment: 'center', ...(a.status === '出席' ? {} : { bold: true, color: '#b00000' }) },
    a.reason || '',
  ]);
  const rows: TableCell[][] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push([...cells[i]!, ...(cells[i + 1] ?? ['', '', ''])]);
  const out: Content[] = [{ text: '出席情况', style: 'h3' }, counts];
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

function photosSection(m: Meeting, ctx: RecordContext): Content[] {
  const own = ctx.attachments.filter((a) => m.attachmentIds.includes(a.id));
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
          { text: a.name, style: 'small', alignment: 'center', margin: [0, 2, 0, 0] },
        ],
        width: '*',
      })),
      columnGap: 12,
      margin: [0, 2, 0, 6],
    });
  }
  if (listed.length) {
    out.push({
      ul: listed.map((a) => ({ text: `${a.name}（SHA-256 ${a.sha256.slice(0, 16)}…）`, style: 'small' })),
      margin: [0, 2, 0, 4],
    });
  }
  // The heading never ends a page alone: it moves with the first row of photos (or the file list) to the next one.
  const [first, ...rest] = out;
  return first ? [{ stack: [heading, first], unbreakable: true }, ...rest] : [heading];
}

export function imageDataUrl(bytes: Uint8Array): string {
  return `data:${imageMime(bytes) ?? 'image/jpeg'};base64,${toBase64(bytes)}`;
}

function amendments(m: Meeting, ctx: RecordContext): AuditEntry[] {
  return ctx.audit
    .filter((e) => e.action === 'amend' && e.entity === 'meeting' && e.entityId === m.id)
    .sort((a, b) => (a.at < b.at ? -1 : 1));
}

/** A value as printed in an amendment line: dates as on the rest of the sheet, nothing as （空）. */
function printed(field: string, value: string): string {
  if (!value) return '（空）';
  return field === 'date' || field === 'plannedDate' ? cnDate(value) : value;
}

/**
 * One field a 更正 changed, under its 修改记录 line: 原 → 现, or for a long text (no `after`; the new text is the
 * record's own, or the next amendment's 原文) the whole text it replaced.
 */
function changeLine(change: AuditChange): Content {
  const body =
    change.after === undefined
      ? [{ text: `${change.label}（修改前原文）：`, bold: true }, printed(change.field, change.before)]
      : [
          { text: `${change.label}：`, bold: true },
          `原 ${printed(change.field, change.before)} → 现 ${printed(change.field, change.after)}`,
        ];
  return { text: body, fontSize: 10, margin: [12, 0, 0, 0] };
}

/** The record's title block: title, 第N次, and the marks an inspector must see first (补录, 草稿). */
function titleBlock(m: Meeting, ctx: RecordContext, anchorId?: string): Content[] {
  const marks: { text: string; style: string }[] = [];
  if (m.backfilled) marks.push({ text: '【补录】', style: 'mark' });
  if (m.status !== '已定稿') marks.push({ text: '【草稿】', style: 'mark' });
  return [
    { text: recordTitle(m, ctx.branch), style: 'recordTitle', ...(anchorId ? { id: anchorId } : {}) },
    {
      text: [{ text: `（${m.date.slice(0, 4)}年第 ${m.seq} 次）` }, ...marks],
      alignment: 'center',
      font: HEADING_FONT,
      margin: [0, 2, 0, 8],
    },
  ];
}

/**
 * A heading with its text, never ending a page alone: pre-broken (render.ts), the heading keeps the first two lines
 * and the text may break after them (prebreak.ts, keptWithHeading); otherwise a short block is kept whole.
 */
function titled(title: string, text: string): Content {
  return {
    stack: [{ text: title, style: 'h3' }, para(text)],
    unbreakable: text.length < 600,
    [KEEP_WITH_HEADING]: 2,
  } as Content;
}

/** The body of one 会议记录单, as the dossier and the single-record document both print it. */
export function recordSection(m: Meeting, ctx: RecordContext, options: { anchor?: boolean } = {}): Content[] {
  const name = (id: string) => ctx.members.find((x) => x.id === id)?.name ?? id;
  const venue = ctx.venues.find((v) => v.id === m.venueId)?.name ?? '';
  const fields: [string, Content][] = [
    ['会议主题', { text: m.topic, bold: true }],
    ['时间', timeRange(m)],
    ['地点', venue || '—'],
    ['主持人', m.host || '—'],
    ['记录人', m.recorder || '—'],
  ];
  if (m.kind === '党课') fields.push(['授课人', m.lecturer || '—']);
  if (m.kind === '党小组会') {
    fields.push(['党小组', ctx.branch.partyGroups.find((g) => g.id === m.partyGroupId)?.name ?? '—']);
  }
  if (m.kind === '谈心谈话') fields.push(['谈话双方', m.talkParties.map(name).join(' 与 ') || '—']);
  if (m.plannedDate && m.plannedDate !== m.date) fields.push(['原计划日期', cnDate(m.plannedDate)]);
  // The first field spans the whole row: topics are long.
  const [topic, ...rest] = fields;
  const out: Content[] = [
    ...titleBlock(m, ctx, options.anchor ? recordAnchor(m.id) : undefined),
    formTable([topic!], 1),
    formTable(rest, 2),
    ...attendanceSection(m),
  ];
  if (m.kind === '党课') out.push(titled('授课提纲', m.outline));
  out.push(
    titled('议程', m.agenda),
    titled('会议内容', m.content),
    titled('发言摘要', m.speeches),
    titled('决议及表决结果', m.resolutions),
    ...photosSection(m, ctx),
  );
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
      text: `修改记录：${cnDateTime(a.at)} 修改，原因：${a.reason || '未说明'}${a.summary ? `（${a.summary}）` : ''}`,
      fontSize: 10,
    });
    for (const change of a.changes ?? []) notes.push(changeLine(change));
  }
  notes.push({
    text:
      m.status === '已定稿'
        ? `记录状态：已定稿${m.finalizedAt ? `（${cnDateTime(m.finalizedAt)}）` : ''}`
        : '记录状态：草稿（未定稿）',
    fontSize: 10,
  });
  out.push({ stack: notes, margin: [0, 10, 0, 0] }, signatureLines(['主持人（签字）', '记录人（签字）']));
  return out;
}

/** A stand-alone 会议记录单 of one meeting (printing or sharing a single record). */
export function buildMeetingRecordDoc(meeting: Meeting, ctx: RecordContext): TDocumentDefinitions {
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
    footer: (page: number, pages: number) => ({
      text: `第 ${page} 页 共 ${pages} 页`,
      style: 'footer',
      margin: [0, 30, 0, 0],
    }),
  };
}
