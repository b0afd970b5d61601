// The 迎检卷宗 document definition of one branch-volume, ordered by the four standards, with its manifest.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  MEETING_KINDS,
  MEMBER_GRADES,
  SEVEN_HAVES,
  LEARNING_KIND_NAMES,
  CAMPAIGN_PHASES,
  seqBook,
} from '../domain/vocab';
import { committeeDuring, secretariesLine, tenureNote } from '../branch/committee';
import { getRulePack } from '../rules/packs';
import { computeCompliance } from '../scoring/compliance';
import { chinaToday } from '../schemas/common';
import {
  SEVEN_HAVES_NOT_APPLICABLE,
  sevenHavesApply,
  type Assessment,
  type GradeBand,
  type ItemScore,
  type Meeting,
  type MemberEvaluation,
} from '../schemas/entities';
import { countedAssessments, countedGroupOf, countedYearOf } from '../standards/counted';
import { formatScore, roundScore } from '../standards/score';
import { manifestLabeler } from './describeChange';
import { citedRecords, learningAnchor, responsibilityAnchor, venueAnchor, type CitedRecord } from './evidence';
import {
  isCalendarYear,
  periodOfOptions,
  selectForPeriod,
  type DossierData,
  type DossierOptions,
  type DossierPeriod,
  type DossierSelection,
} from './data';
import {
  CONTENT_WIDTH,
  DATE_WIDTH,
  DEFAULT_STYLE,
  EMPTY_TEXT,
  PAGE_MARGINS,
  STYLES,
  cnDate,
  cnDateTime,
  dataTable,
  emptyNote,
  formTable,
  imageMime,
  para,
  signatureLines,
  toBase64,
} from './layout';
import {
  MANIFEST_FILE_NAME,
  MANIFEST_TABLES,
  buildManifest,
  manifestTableLabel,
  type ManifestTable,
  manifestBytes,
  sha256Hex,
  type DossierManifest,
} from './manifest';
import {
  imageDataUrl,
  inIdOrder,
  photoCaption,
  recordAnchor,
  recordSection,
  type RecordContext,
} from './meetingRecord';
import { areaText, capacityText } from '../domain/venueText';

export interface BuiltDossier {
  docDefinition: TDocumentDefinitions;
  manifest: DossierManifest;
  /** SHA-256 hex of the exact embedded manifest bytes. */
  fingerprint: string;
  /** The exact bytes embedded as dossier-manifest.json. */
  manifestBytes: Uint8Array;
}

/** Section titles in print order; tests and the 目录 use the same list. */
export const SECTION_TITLES = {
  profile: '一、支部概况',
  venues: '二、活动有阵地',
  records: '三、工作有记录',
  responsibility: '四、领导有责任',
  standards: '五、评价有标准',
  learning: '六、学习与争创',
  appendix: '附录 记录索引与数据指纹',
} as const;
type SectionKey = keyof typeof SECTION_TITLES;
const anchorOf = (key: SectionKey) => `sec-${key}`;
const kindAnchor = (kind: string) => `kind-${MEETING_KINDS.indexOf(kind as (typeof MEETING_KINDS)[number])}`;
const CN_NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function sectionHeading(key: SectionKey): Content {
  return { text: SECTION_TITLES[key], style: 'h1', id: anchorOf(key) };
}

/** A page-starting part: the renderer splits the volume at these. */
const part = (...nodes: Content[]): Content => ({ stack: nodes, pageBreak: 'before' });

function periodLabel(opts: DossierOptions, from: string, to: string): string {
  return opts.year !== undefined && !(opts.from && opts.to) ? `${opts.year}年度` : `${cnDate(from)}至${cnDate(to)}`;
}

/** Splits a 64-character fingerprint in groups of eight so it can be read aloud and compared by eye. */
export function groupFingerprint(fp: string): string {
  return fp.replace(/(.{8})(?=.)/g, '$1 ');
}

// ── 封面 and 目录 ───────────────────────────────────────────────────────────

/**
 * The cover's title size for a branch name: 30 pt while it takes at most two lines, smaller for the long official
 * names (「中共某某县某某乡某某村党总支部委员会第一党支部」) so the cover keeps its signature lines on page 1.
 */
export function coverTitleSize(name: string): number {
  const spacing = 4;
  const ems = textEms(name);
  for (let size = 30; size > 18; size -= 2) {
    if (ems * (size + spacing) <= 2 * CONTENT_WIDTH) return size;
  }
  return 18;
}

/** The width of `text` in ems, near enough for sizing: CJK and full-width characters 1, others about half. */
function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.55;
  return ems;
}

/**
 * The running header of pages 2 on: one line always, the size stepping down from 9 pt for a long branch name and the
 * name shortened with 「…」 only below 7 pt.
 */
export function dossierHeaderLine(branchName: string, label: string): { text: string; fontSize: number } {
  const tail = ` · ${label} 迎检卷宗`;
  const fits = (text: string, size: number) => textEms(text) * size <= CONTENT_WIDTH - 2;
  for (const size of [9, 8.5, 8, 7.5, 7]) {
    if (fits(branchName + tail, size)) return { text: branchName + tail, fontSize: size };
  }
  const chars = [...branchName];
  while (chars.length > 1 && !fits(`${chars.join('')}…${tail}`, 7)) chars.pop();
  return { text: `${chars.join('')}…${tail}`, fontSize: 7 };
}

function cover(
  sel: DossierSelection,
  label: string,
  volume: number,
  opts: DossierOptions,
  fingerprint: string,
  period: DossierPeriod,
): Content {
  // The 书记 of the volume's period, not today's: 「罗雪（至2025年7月）、胡桂兰（2025年7月起）」 after a 换届.
  const secretary = secretariesLine(sel.branch.committee, period.from, period.to);
  const long = coverTitleSize(sel.branch.name) < 30;
  return {
    stack: [
      { text: sel.branch.parentOrg || ' ', style: 'coverSub', margin: [0, long ? 24 : 40, 0, long ? 20 : 30] },
      { text: sel.branch.name, style: 'coverTitle', fontSize: coverTitleSize(sel.branch.name), margin: [0, 0, 0, 18] },
      { text: '党建质量标准化', style: 'coverSub', margin: [0, 0, 0, 8] },
      { text: `${label} 迎检卷宗`, style: 'coverTitle', fontSize: 26, margin: [0, 0, 0, 10] },
      { text: `第 ${volume} 卷`, style: 'coverSub', margin: [0, 0, 0, long ? 36 : 60] },
      formTable(
        [
          ['支部书记', secretary || '—'],
          ['生成日期', cnDateTime(opts.generatedAt)],
          ['软件版本', `支部标准化台账 ${opts.appVersion}（数据版本 ${opts.schemaVersion}）`],
          ['数据指纹', { text: `SHA-256 ${groupFingerprint(fingerprint)}`, style: 'mono' }],
        ],
        1,
      ),
      signatureLines(['支部书记', '审核人', '日期']),
    ],
  };
}

function tableOfContents(sel: DossierSelection): Content {
  const row = (title: string, anchor: string, indent: number): TableCell[] => [
    { text: title, margin: [indent, 0, 0, 0] },
    { pageReference: anchor, alignment: 'right' },
  ];
  const rows: TableCell[][] = [];
  for (const key of Object.keys(SECTION_TITLES) as SectionKey[]) {
    rows.push(row(SECTION_TITLES[key], anchorOf(key), 0));
    if (key === 'records') {
      kindsPresent(sel.meetings).forEach((kind, i) => {
        const n = sel.meetings.filter((m) => m.kind === kind).length;
        rows.push(row(`（${CN_NUMS[i] ?? i + 1}）${kind}（${n} 次）`, kindAnchor(kind), 18));
      });
    }
  }
  rows.push(row('卷宗说明', 'sec-closing', 0));
  return part(
    { text: '目    录', style: 'h1' },
    {
      table: { widths: ['*', 40], body: rows },
      layout: {
        hLineWidth: () => 0.3,
        vLineWidth: () => 0,
        hLineColor: () => '#bbbbbb',
        paddingTop: () => 4,
        paddingBottom: () => 4,
      },
      fontSize: 11,
    },
  );
}

const kindsPresent = (meetings: readonly Meeting[]) => MEETING_KINDS.filter((k) => meetings.some((m) => m.kind === k));

// ── 一、支部概况 ────────────────────────────────────────────────────────────

/**
 * 支委会组成与分工 as it was in the period: members in office at some time in it, with a 任职 column (「至2025年7月」,
 * 「2025年7月起」) only when someone changed during it.
 */
function committeeTable(committee: DossierSelection['branch']['committee'], period: DossierPeriod): Content[] {
  const serving = committeeDuring(committee, period.from, period.to);
  if (serving.length === 0) return [emptyNote(committee.length ? '本期间内未记录支委会成员' : '未设支委会')];
  const notes = serving.map((c) => tenureNote(c, period.from, period.to));
  if (notes.every((n) => n === '')) {
    return [
      dataTable(
        ['职务', '姓名'],
        serving.map((c) => [c.role, c.name]),
        [120, '*'],
      ),
    ];
  }
  return [
    dataTable(
      ['职务', '姓名', '任职'],
      serving.map((c, i) => [c.role, c.name, notes[i] || '全期']),
      [120, '*', 150],
    ),
  ];
}

function profile(sel: DossierSelection, period: DossierPeriod): Content {
  const b = sel.branch;
  const full = sel.members.filter((m) => m.status === '正式').length;
  const groupName = (id: string) => b.partyGroups.find((g) => g.id === id)?.name ?? '';
  const nodes: Content[] = [
    sectionHeading('profile'),
    formTable([
      ['支部名称', b.name],
      ['上级党组织', b.parentOrg || '—'],
      ['成立时间', cnDate(b.establishedDate) || '—'],
      ['本届任期', `${cnDate(b.termStart)}至${cnDate(b.termEnd)}`],
      ['党员人数', `${sel.members.length} 人（正式 ${full} 人，预备 ${sel.members.length - full} 人）`],
      ['党小组数', `${b.partyGroups.length} 个`],
    ]),
    { text: '支委会组成与分工', style: 'h2' },
    ...committeeTable(b.committee, period),
    { text: '党小组', style: 'h2' },
    b.partyGroups.length
      ? dataTable(
          ['党小组', '组长', '人数'],
          b.partyGroups.map((g) => [
            g.name,
            g.leaderName || '—',
            `${sel.members.filter((m) => m.partyGroupId === g.id).length} 人`,
          ]),
          ['*', 100, 60],
        )
      : emptyNote('未设党小组'),
    { text: '党员名册（摘要）', style: 'h2' },
    sel.members.length
      ? dataTable(
          ['序号', '姓名', '性别', '类别', '入党时间', '党小组', '职务'],
          sel.members.map((m, i) => [
            { text: String(i + 1), alignment: 'center' },
            m.name,
            { text: m.gender, alignment: 'center' },
            { text: m.status, alignment: 'center' },
            cnDate(m.joinedDate),
            groupName(m.partyGroupId),
            m.post,
          ]),
          [26, 48, 26, 30, DATE_WIDTH, '*', '*'],
        )
      : emptyNote(EMPTY_TEXT),
    {
      // Two short rows: the heading stays with them rather than end a page alone.
      stack: [
        { text: '支部文化', style: 'h2' },
        formTable(
          [
            ['单位精神', para(b.unitSpirit)],
            ['科室理念', para(b.deptPhilosophy)],
          ],
          1,
        ),
      ],
      unbreakable: true,
    },
    { text: '人人有格言', style: 'h3' },
  ];
  const mottos = sel.members.filter((m) => m.motto);
  nodes.push(
    mottos.length
      ? dataTable(
          ['姓名', '格言'],
          mottos.map((m) => [m.name, m.motto]),
          [60, '*'],
        )
      : emptyNote(EMPTY_TEXT),
  );
  return part(...nodes);
}

// ── 二、活动有阵地 ──────────────────────────────────────────────────────────

function photoGrid(ids: readonly string[], data: DossierData, sel: DossierSelection): Content[] {
  // 七有 photos in the order of the numbered 七有 table (whatever order the checklist is stored in), each item's photos
  // as they were attached: never by attachment id.
  const item = new Map<string, number>();
  for (const c of sel.venues.flatMap((v) => v.checklist)) {
    const k = SEVEN_HAVES.findIndex((s) => s.key === c.key);
    for (const id of c.attachmentIds) item.set(id, k);
  }
  const rank = (id: string) => item.get(id) ?? SEVEN_HAVES.length;
  const photos = inIdOrder(
    [...ids].sort((x, y) => rank(x) - rank(y)),
    sel.attachments,
  )
    .map((a) => ({ a, bytes: data.images?.get(a.sha256) }))
    .filter((x): x is { a: (typeof sel.attachments)[number]; bytes: Uint8Array } => !!x.bytes && !!imageMime(x.bytes));
  const out: Content[] = [];
  for (let i = 0; i < photos.length; i += 3) {
    out.push({
      columns: photos.slice(i, i + 3).map(({ a, bytes }) => ({
        stack: [
          { image: imageDataUrl(bytes), fit: [130, 100], alignment: 'center' },
          { text: photoCaption(a.name), style: 'small', alignment: 'center' },
        ],
        width: '*',
      })),
      columnGap: 8,
      margin: [0, 4, 0, 4],
    });
  }
  return out;
}

function venues(sel: DossierSelection, data: DossierData): Content {
  const nodes: Content[] = [sectionHeading('venues')];
  // Venues are not records of a year: without any, the branch has not registered one.
  if (!sel.venues.length) nodes.push(emptyNote('尚未登记活动阵地'));
  sel.venues.forEach((v, i) => {
    const ok = SEVEN_HAVES.filter((s) => v.checklist.find((c) => c.key === s.key)?.ok).length;
    // 七有 is the standard of a 党员活动室: a 宣传栏 printed as 「0 / 7 项」 with seven 未达标 rows reads as a failure.
    const applies = sevenHavesApply(v);
    nodes.push(
      // （一）… under 二、活动有阵地, as 三、工作有记录 numbers its kinds; the heading stays with the venue's facts.
      together([
        { text: `（${CN_NUMS[i] ?? i + 1}）${v.name}`, style: 'h2', id: venueAnchor(v.id) },
        formTable([
          ['阵地类型', v.kind],
          ['地址', v.address || '—'],
          ['面积', areaText(v.areaM2)],
          ['容纳人数', capacityText(v.capacity)],
          ['管理人', v.manager || '—'],
          applies
            ? ['七有达标', `${ok} / ${SEVEN_HAVES.length} 项`]
            : ['七有标准', `${SEVEN_HAVES_NOT_APPLICABLE}，本阵地不适用`],
        ]),
      ]),
      ...(applies
        ? [
            together([
              { text: '“七有”建设情况', style: 'h3' },
              dataTable(
                ['序号', '项目', '情况', '说明'],
                SEVEN_HAVES.map((s, j) => {
                  const entry = v.checklist.find((c) => c.key === s.key);
                  return [
                    { text: String(j + 1), alignment: 'center' },
                    s.label,
                    {
                      text: entry?.ok ? '已达标' : '未达标',
                      alignment: 'center',
                      ...(entry?.ok ? {} : { color: '#b00000' }),
                    },
                    entry?.note ?? '',
                  ];
                }),
                [26, '*', 44, 120],
              ),
            ]),
          ]
        : []),
      ...photoGrid(
        v.checklist.flatMap((c) => c.attachmentIds),
        data,
        sel,
      ),
    );
    const checks = sel.venueChecks.filter((c) => c.venueId === v.id);
    nodes.push(
      ...keptWith(
        [
          { text: '阵地复查', style: 'h3' },
          checks.length
            ? dataTable(
                ['日期', '检查人', '检查情况', '下次复查'],
                checks.map((c) => [cnDate(c.date), c.inspector, c.findings, cnDate(c.nextDueDate)]),
                [DATE_WIDTH, 50, '*', DATE_WIDTH],
              )
            : emptyNote(EMPTY_TEXT),
        ],
        checks.length,
      ),
    );
  });
  return part(...nodes);
}

// ── 三、工作有记录 ──────────────────────────────────────────────────────────

/** Missed periods, grouped by whom they concern, without repeating the year of a one-year volume. */
function missedText(
  missed: readonly { period: { label: string }; subject?: { name: string } }[],
  from: string,
): string {
  const year = `${from.slice(0, 4)}年`;
  const groups = new Map<string, string[]>();
  for (const p of missed) {
    const key = p.subject?.name ?? '';
    const label =
      p.period.label.startsWith(year) && p.period.label !== year ? p.period.label.slice(year.length) : p.period.label;
    groups.set(key, [...(groups.get(key) ?? []), label]);
  }
  return [...groups].map(([who, labels]) => (who ? `${who}：${labels.join('、')}` : labels.join('、'))).join('；');
}

function complianceTable(sel: DossierSelection, from: string, to: string, opts: DossierOptions): Content {
  const pack = getRulePack(opts.rulePackId);
  const report = computeCompliance({
    branch: sel.branch,
    members: sel.members,
    meetings: sel.meetings,
    from,
    to,
    asOf: chinaToday(new Date(opts.generatedAt)),
    pack,
  });
  const rows: TableCell[][] = report.rules.map((r) => [
    r.rule.label,
    r.rule.requirement,
    { text: `${r.met} / ${r.required}`, alignment: 'center' },
    r.missed.length ? { text: missedText(r.missed, from), color: '#b00000' } : '—',
    r.quorumFailures.length
      ? { text: r.quorumFailures.map((q) => `${cnDate(q.date)} ${q.quorum.message}`).join('；'), color: '#b00000' }
      : '—',
  ]);
  return {
    stack: [
      { text: '组织生活落实情况（按规定频次核算）', style: 'h2' },
      dataTable(['项目', '规定', '达标期数', '未达标期间', '人数未过半'], rows, [62, 110, 44, '*', 70]),
      {
        // A past year's volume is counted to its last day, not to the day it was printed; the pack is named with
        // what it is based on, since 「条例默认」 alone is the 工作台's shorthand.
        text:
          `合计达标 ${report.met} / ${report.required} 期，统计截至 ${cnDate(report.asOf < to ? report.asOf : to)}。` +
          (isCalendarYear({ from, to }) ? '' : '跨出本卷期间的月、季度、年度要求不在本卷统计。') +
          `频次规则：${pack.name}——${pack.description}。`,
        style: 'small',
      },
    ],
  };
}

function records(sel: DossierSelection, ctx: RecordContext, from: string, to: string, opts: DossierOptions): Content[] {
  const head: Content[] = [sectionHeading('records'), complianceTable(sel, from, to, opts)];
  if (!sel.meetings.length) return [part(...head, emptyNote())];
  const out: Content[] = [part(...head)];
  kindsPresent(sel.meetings).forEach((kind, i) => {
    sel.meetings
      .filter((m) => m.kind === kind)
      .forEach((m, j) => {
        const body = recordSection(m, ctx, { anchor: true });
        out.push(
          j === 0
            ? part({ text: `（${CN_NUMS[i] ?? i + 1}）${kind}`, style: 'h2', id: kindAnchor(kind) }, ...body)
            : part(...body),
        );
      });
  });
  return out;
}

// ── 四、领导有责任 ──────────────────────────────────────────────────────────

/**
 * Items (list entries, table rows) a block may have and still be kept on one page with its heading: well under a
 * page even when every row wraps to three lines, since pdfmake cannot break a block marked unbreakable.
 */
const SHORT_BLOCK_ITEMS = 8;

/** Nodes that move to the next page together rather than leave a heading at the foot of a page. */
function together(nodes: Content[]): Content {
  return { stack: nodes, unbreakable: true };
}

/** A heading with its block, kept together when the block is short; a long block may break as before. */
function keptWith(nodes: Content[], items: number): Content[] {
  return items <= SHORT_BLOCK_ITEMS ? [together(nodes)] : nodes;
}

/** Names records cited as evidence (see evidence.ts). */
type Cite = (id: string) => CitedRecord;

function responsibility(sel: DossierSelection, cite: Cite): Content {
  const nodes: Content[] = [sectionHeading('responsibility')];
  if (!sel.responsibilities.length) nodes.push(emptyNote());
  for (const r of sel.responsibilities) {
    const duties: Content[] = [
      { text: '职责', style: 'h3' },
      r.duties.length ? { ol: r.duties.map((d) => ({ text: d })) } : para(''),
    ];
    const tasks: Content[] = [
      { text: '任务清单', style: 'h3' },
      r.tasks.length
        ? dataTable(
            ['任务', '期限', '状态', '完成情况', '佐证记录'],
            r.tasks.map((t) => [
              t.title,
              cnDate(t.deadline),
              t.status,
              t.note,
              t.evidenceMeetingIds.map((id) => cite(id).text).join('\n'),
            ]),
            ['*', DATE_WIDTH, 40, '*', 100],
          )
        : emptyNote(EMPTY_TEXT),
    ];
    const reports: Content[] = [
      { text: '述职', style: 'h3' },
      r.reports.length
        ? dataTable(
            ['日期', '述职内容', '评议结果'],
            r.reports.map((p) => [cnDate(p.date), p.summary, p.rating]),
            [DATE_WIDTH, '*', 60],
          )
        : emptyNote(EMPTY_TEXT),
    ];
    const heading: Content = {
      text: `${r.holderName}（${r.role}，${r.year}年度）`,
      style: 'h2',
      id: responsibilityAnchor(r.id),
    };
    // A leader's list is usually short: it stays on one page. A long one keeps each heading with what it introduces.
    if (r.duties.length + r.tasks.length + r.reports.length <= SHORT_BLOCK_ITEMS) {
      nodes.push(together([heading, ...duties, ...tasks, ...reports]));
    } else {
      nodes.push(
        ...keptWith([heading, ...duties], r.duties.length),
        ...keptWith(tasks, r.tasks.length),
        ...keptWith(reports, r.reports.length),
      );
    }
  }
  return part(...nodes);
}

// ── 五、评价有标准 ──────────────────────────────────────────────────────────

const WARNING_COLOR = '#b00000';

/**
 * The records an item's score rests on, with the page each starts on. The page number is a cell of its own:
 * pdfmake 0.3 resolves a `pageReference` only on the first line of a text node (one inside wrapped text stayed
 * 「00000」), and a number replaced inside a line leaves the placeholder's width as a gap; alone and right-aligned
 * in its cell it is exact. Records outside the volume's period are named without a page, deleted ones with the day
 * the 操作日志 says they were deleted and what they were.
 */
function evidenceTable(cited: readonly CitedRecord[]): Content[] {
  if (!cited.length) return [];
  const rows: TableCell[][] = cited.map((c) => [
    c.status === 'deleted'
      ? {
          stack: [{ text: c.text, color: WARNING_COLOR }, ...(c.summary ? [{ text: c.summary, style: 'small' }] : [])],
        }
      : { text: c.text },
    c.status === 'inVolume' && c.anchor
      ? ({ pageReference: c.anchor, alignment: 'right', noWrap: true } as TableCell)
      : { text: '—', alignment: 'right' },
  ]);
  return [
    {
      table: {
        widths: ['*', 32],
        body: [
          [
            { text: '佐证记录', style: 'muted' },
            { text: '页码', style: 'muted', alignment: 'right' },
          ],
          ...rows,
        ],
      },
      layout: {
        hLineWidth: (i: number) => (i === 1 ? 0.5 : 0),
        vLineWidth: () => 0,
        hLineColor: () => '#aaaaaa',
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 1,
        paddingBottom: () => 1,
      },
      margin: [0, 4, 0, 0],
    } as Content,
  ];
}

/** The four standards in the order the volume is arranged in; a standard's items follow it (others keep their place). */
const FOUR_STANDARDS = ['活动有阵地', '工作有记录', '领导有责任', '评价有标准'];

function inStandardsOrder<T extends { dimension: string }>(items: readonly T[]): T[] {
  const rank = (item: T) => {
    const i = FOUR_STANDARDS.indexOf(item.dimension);
    return i < 0 ? FOUR_STANDARDS.length : i;
  };
  // A stable sort: within a standard the items keep the order of the standard's text.
  return [...items].sort((a, b) => rank(a) - rank(b));
}

/**
 * The standard's grade bands, highest first, so the 等次 of a total can be checked: 「等次：优秀 ≥ 90；良好 ≥ 80；一般 ≥
 * 60；较差 < 60」. A band from 0 is everything below the one above it, and reads so.
 */
function gradeBandsText(grades: readonly GradeBand[]): string {
  const bands = [...grades].sort((a, b) => b.minScore - a.minScore);
  const text = bands.map((g, i) => {
    const above = bands[i - 1];
    return g.minScore <= 0 && above
      ? `${g.label} < ${formatScore(above.minScore)}`
      : `${g.label} ≥ ${formatScore(g.minScore)}`;
  });
  return `等次：${text.join('；')}`;
}

/**
 * How an item's score was reached, for the 评语与佐证 column: an automatic item's calculation as stored when it was
 * scored, and when the assessor changed it, from what to what and why; then the assessor's comment.
 */
function scoreNotes(sc: ItemScore): string[] {
  const lines: string[] = [];
  if (sc.auto) {
    const adjusted = sc.autoScore !== undefined && roundScore(sc.score) !== roundScore(sc.autoScore);
    if (sc.explanation) lines.push(sc.explanation);
    else if (!adjusted) lines.push('按记录自动计分');
    if (adjusted) {
      const reason = sc.overrideReason ? `，理由：${sc.overrideReason}` : '';
      lines.push(`自动得分 ${formatScore(sc.autoScore!)} 分，调整为 ${formatScore(sc.score)} 分${reason}`);
    } else if (sc.overrideReason) {
      lines.push(`调整理由：${sc.overrideReason}`);
    }
  } else if (sc.overrideReason) {
    lines.push(`调整理由：${sc.overrideReason}`);
  }
  if (sc.comment) lines.push(sc.comment);
  return lines;
}

/**
 * When the ledger holds several assessments of one kind for one year, which one the 历年考评得分 counts (the rule of
 * shared/standards/counted.ts): said under each of them, so that a volume printing two 自评 says which one stands.
 */
function countedNote(a: Assessment, all: readonly Assessment[]): string | undefined {
  const group = countedAssessments(all).get(countedGroupOf(a));
  if (!group || group.of < 2) return undefined;
  const c = group.counted;
  // Two of one 考评日期: the one saved later counts.
  const sameDay = all.some((x) => x.id !== c.id && countedGroupOf(x) === countedGroupOf(c) && x.date === c.date);
  const head = `${countedYearOf(a)}年度共有 ${group.of} 份${a.kind}，历年考评得分以`;
  if (c.id === a.id) return `${head}${sameDay ? '同一考评日期中后保存的' : '考评日期最晚的'}本份为准。`;
  const which = sameDay ? `同一考评日期（${cnDate(c.date)}）后保存的一份` : `考评日期为 ${cnDate(c.date)} 的一份`;
  return `${head}${which}（${c.standardSnapshot.name}，${formatScore(c.total)} 分）为准，本份不计入。`;
}

/** 民主评议 in figures, per year: 「参评 24 人，优秀 8 人，合格 15 人，基本合格 1 人，不合格 0 人」. */
function evaluationSummary(rows: readonly MemberEvaluation[]): Content[] {
  const years = [...new Set(rows.map((e) => e.year))];
  return years.map((year) => {
    const ofYear = rows.filter((e) => e.year === year);
    const graded = ofYear.filter((e) => e.grade);
    const counts = MEMBER_GRADES.map((g) => `${g} ${graded.filter((e) => e.grade === g).length} 人`);
    const ungraded = ofYear.length - graded.length;
    return {
      text:
        `${years.length > 1 ? `${year}年度` : ''}参评 ${graded.length} 人，${counts.join('，')}` +
        `${ungraded ? `；另有 ${ungraded} 人未评定等次` : ''}。`,
      margin: [0, 0, 0, 4],
    };
  });
}

/**
 * A 考评's items, each with its score, how it was reached and its 佐证. A row may break over pages (an item of a
 * monthly meeting cites twelve records or more); the header row is kept with the first row only when that row is
 * short, since a tall first row would otherwise take the whole table to the next page and leave the 考评's heading
 * over half an empty page.
 */
function itemTable(a: Assessment, cite: Cite): Content {
  const items = inStandardsOrder(a.standardSnapshot.items);
  const cited = items.map((item) => (a.scores.find((x) => x.code === item.code)?.evidenceIds ?? []).map(cite));
  const table = dataTable(
    ['编号', '评价内容', '满分', '得分', '评语与佐证'],
    items.map((item, i) => {
      const sc = a.scores.find((x) => x.code === item.code);
      const deleted = cited[i]!.filter((c) => c.status === 'deleted').length;
      const notes = sc ? scoreNotes(sc).join('\n') : '';
      return [
        item.code,
        { text: [{ text: `${item.dimension}\n`, bold: true }, item.content] },
        { text: String(item.maxScore), alignment: 'center' },
        { text: sc ? String(sc.score) : '—', alignment: 'center' },
        {
          stack: [
            // An item scored on a record since deleted: its score no longer rests on what the volume shows.
            ...(deleted
              ? [
                  {
                    text: `本项得分所依据的记录中有 ${deleted} 条已删除，得分依据不完整`,
                    color: WARNING_COLOR,
                    bold: true,
                  },
                ]
              : []),
            notes ? { text: notes } : { text: '' },
            ...evidenceTable(cited[i]!),
          ],
        },
      ] as TableCell[];
    }),
    [34, '*', 30, 30, 150],
    { breakRows: true },
  );
  const firstRowTall = (cited[0]?.length ?? 0) > SHORT_BLOCK_ITEMS;
  return firstRowTall ? { ...table, table: { ...table.table, keepWithHeaderRows: 0 } } : table;
}

function standards(sel: DossierSelection, data: DossierData, cite: Cite): Content {
  const nodes: Content[] = [sectionHeading('standards')];
  if (!sel.assessments.length) nodes.push(emptyNote());
  const ofBranch = data.assessments.filter((a) => a.branchId === sel.branch.id);
  for (const a of sel.assessments) {
    const s = a.standardSnapshot;
    const note = countedNote(a, ofBranch);
    nodes.push(
      // The heading, the summary under it, the grade bands and which one counts stay on one page.
      together([
        { text: `${s.name}（${a.kind}）`, style: 'h2' },
        formTable([
          ['考评期间', `${cnDate(a.periodStart)}至${cnDate(a.periodEnd)}`],
          ['考评人', a.assessor],
          ['考评日期', cnDate(a.date)],
          ['总分/等次', `${a.total} / ${s.totalScore} 分，${a.grade || '—'}`],
        ]),
        { text: gradeBandsText(s.grades), style: 'small', margin: [0, 0, 0, note ? 2 : 4] },
        ...(note ? [{ text: note, bold: true, margin: [0, 0, 0, 4] } as Content] : []),
      ]),
      itemTable(a, cite),
    );
  }
  nodes.push({ text: '民主评议党员', style: 'h2' });
  const name = (id: string) => sel.members.find((m) => m.id === id)?.name ?? id;
  nodes.push(
    ...(sel.memberEvaluations.length
      ? [
          dataTable(
            // The three texts are the long ones: they share the width; 等次 and any 五带头五标兵 title share a column.
            ['姓名', '自评', '互评', '组织评定', '等次与评选'],
            sel.memberEvaluations.map((e) => [
              name(e.memberId),
              e.selfResult,
              e.peerResult,
              e.collectiveResult,
              { text: [e.grade || '—', ...e.exemplars.map((x) => `\n${x}`)].join('') },
            ]),
            [44, '*', '*', '*', 110],
          ),
          ...evaluationSummary(sel.memberEvaluations),
        ]
      : [emptyNote()]),
  );
  return part(...nodes);
}

// ── 六、学习与争创 ──────────────────────────────────────────────────────────

function learning(sel: DossierSelection, period: DossierPeriod): Content {
  // A campaign spans its phases; a volume of part of a year prints only the steps dated inside it.
  const inside = (date: string) => date >= period.from && date <= period.to;
  const nodes: Content[] = [sectionHeading('learning'), { text: '党员学习（一抓好四深化）', style: 'h2' }];
  const name = (id: string) => sel.members.find((m) => m.id === id)?.name ?? id;
  if (!sel.learning.length) nodes.push(emptyNote());
  else {
    // In roster order, as in 一、支部概况; anyone no longer on the roster after them.
    const withEntries = new Set(sel.learning.map((l) => l.memberId));
    const learners = [
      ...sel.members.filter((m) => withEntries.has(m.id)).map((m) => m.id),
      ...[...withEntries].filter((id) => !sel.members.some((m) => m.id === id)),
    ];
    nodes.push(
      dataTable(
        ['姓名', ...LEARNING_KIND_NAMES],
        learners.map((id) => [
          name(id),
          ...LEARNING_KIND_NAMES.map((k) => ({
            text: `${sel.learning.filter((l) => l.memberId === id && l.kind === k).length}`,
            alignment: 'center' as const,
          })),
        ]),
        [70, '*', '*', '*', '*'],
      ),
      dataTable(
        ['日期', '姓名', '类型', '标题'],
        // Each entry anchored: a 考评 item citing it names its page.
        sel.learning.map((l) => [
          { text: cnDate(l.date), id: learningAnchor(l.id) },
          name(l.memberId),
          l.kind,
          l.title,
        ]),
        [DATE_WIDTH, 50, 60, '*'],
      ),
    );
  }
  nodes.push({ text: '争创活动', style: 'h2' });
  if (!sel.campaigns.length) nodes.push(emptyNote());
  for (const c of sel.campaigns) {
    nodes.push(
      { text: c.name, style: 'h3' },
      formTable([['主题', para(c.theme)]], 1),
      dataTable(
        ['阶段', '开始', '结束'],
        CAMPAIGN_PHASES.map((p) => {
          const ph = c.phases.find((x) => x.phase === p);
          return [p, cnDate(ph?.start), cnDate(ph?.end)];
        }),
        ['*', 100, 100],
      ),
    );
    const commitments = c.commitments.filter((x) => inside(x.date));
    const reviews = c.reviews.filter((x) => inside(x.date));
    const awards = c.awards.filter((x) => inside(x.date));
    if (commitments.length)
      nodes.push(
        dataTable(
          ['党员', '公开承诺', '日期'],
          commitments.map((x) => [name(x.memberId), x.text, cnDate(x.date)]),
          [50, '*', DATE_WIDTH],
        ),
      );
    if (reviews.length)
      nodes.push(
        dataTable(
          ['点评人', '领导点评', '日期'],
          reviews.map((x) => [x.leader, x.comment, cnDate(x.date)]),
          [50, '*', DATE_WIDTH],
        ),
      );
    if (c.satisfaction.length)
      nodes.push({ text: `群众评议：${c.satisfaction.map((s) => `${s.level} ${s.count} 人`).join('，')}` });
    if (awards.length)
      nodes.push(
        dataTable(
          ['表彰对象', '荣誉', '日期'],
          awards.map((x) => [x.to, x.title, cnDate(x.date)]),
          ['*', '*', DATE_WIDTH],
        ),
      );
  }
  nodes.push(...competitions(sel));
  return part(...nodes);
}

/** 技能比武 (练硬功、打擂台): each event's name, kind and date with its participants, in date order. */
function competitions(sel: DossierSelection): Content[] {
  const heading: Content = { text: '技能比武', style: 'h2' };
  if (!sel.competitions.length) return [together([heading, emptyNote()])];
  const centred = (n: number | null): TableCell => ({ text: n === null ? '—' : String(n), alignment: 'center' });
  return sel.competitions.flatMap((c, i) => {
    const block: Content[] = [
      ...(i === 0 ? [heading] : []),
      { text: c.name, style: 'h3' },
      formTable(
        [
          ['比武类型', c.kind],
          ['日期', cnDate(c.date)],
          ...(c.notes?.trim() ? [['说明', para(c.notes)] as const] : []),
        ],
        1,
      ),
      c.participants.length
        ? dataTable(
            ['姓名', '成绩', '名次', '所获奖项'],
            c.participants.map((p) => [p.name, centred(p.score), centred(p.rank), p.award?.trim() || '—']),
            [70, 60, 50, '*'],
          )
        : emptyNote('未登记参赛党员'),
    ];
    return keptWith(block, c.participants.length);
  });
}

// ── 附录 and closing ────────────────────────────────────────────────────────

function appendix(sel: DossierSelection, manifest: DossierManifest, fingerprint: string): Content {
  const rows: TableCell[][] = sel.meetings.map((m, i) => [
    { text: String(i + 1), alignment: 'center' },
    cnDate(m.date),
    // A 党小组会 is numbered within its group: the group goes under the kind.
    [m.kind, seqBook(m, sel.branch.partyGroups)].filter(Boolean).join('\n'),
    { text: `第${m.seq}次`, alignment: 'center' },
    { text: [m.topic, ...(m.backfilled ? [{ text: '（补录）', color: '#b00000' }] : [])] },
    { pageReference: recordAnchor(m.id), alignment: 'center' },
  ]);
  const counts = new Map<ManifestTable, number>();
  for (const r of manifest.records) counts.set(r.table, (counts.get(r.table) ?? 0) + 1);
  const tally = (label: string, n: number): TableCell[] => [label, { text: String(n), alignment: 'center' }];
  return part(
    sectionHeading('appendix'),
    { text: '记录索引', style: 'h2' },
    rows.length
      ? dataTable(['序号', '日期', '类型', '次序', '主题', '页码'], rows, [26, DATE_WIDTH, 62, 34, '*', 30])
      : emptyNote(),
    // Under half a page (fourteen short rows): kept whole rather than leave its heading at the foot of a page.
    together([
      { text: '数据指纹', style: 'h2' },
      {
        text:
          `本卷内嵌数据清单 ${MANIFEST_FILE_NAME}（${manifest.records.length} 条记录、${manifest.attachments.length} 个附件的 SHA-256 摘要）。` +
          '清单文件的 SHA-256 即本卷数据指纹，与封面一致；用本软件“校验卷宗”可核对台账数据此后是否被修改。',
      },
      { text: `SHA-256 ${groupFingerprint(fingerprint)}`, style: 'mono', margin: [0, 6, 0, 6] },
      dataTable(
        ['数据类别', '条数'],
        [
          ...MANIFEST_TABLES.map((t) => tally(manifestTableLabel(t), counts.get(t) ?? 0)),
          tally(manifestTableLabel('attachments'), manifest.attachments.length),
        ],
        ['*', 60],
      ),
    ]),
  );
}

function closing(sel: DossierSelection, label: string, opts: DossierOptions): Content {
  return part(
    { text: '卷宗说明', style: 'h1', id: 'sec-closing' },
    {
      text:
        `本卷宗为${sel.branch.name}${label}党建工作台账，按“活动有阵地、工作有记录、领导有责任、评价有标准”顺序编排，` +
        `由支部标准化台账 ${opts.appVersion} 于 ${cnDateTime(opts.generatedAt)} 自台账数据生成。` +
        '标注“补录”的记录系会后超过规定期限录入；已定稿记录的修改均注明修改时间和原因。',
      margin: [0, 0, 0, 20],
    },
    signatureLines(['支部书记', '审核人', '日期']),
  );
}

// ── the volume ───────────────────────────────────────────────────────────────

/** Says 「本期间无记录」 instead of 「本年度无记录」 in a volume of a date range: the sections are written for a year. */
function withEmptyText(content: Content[], text: string): Content[] {
  if (text === EMPTY_TEXT) return content;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const o = node as Record<string, unknown>;
    if (o.style === 'empty' && o.text === EMPTY_TEXT) return { ...o, text };
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, walk(v)]));
  };
  return walk(content) as Content[];
}

export function buildDossier(data: DossierData, options: DossierOptions): BuiltDossier {
  const period = periodOfOptions(options);
  const volume = options.volume ?? 1;
  const sel = selectForPeriod(data, period);
  const manifest = buildManifest(
    sel,
    period,
    {
      appVersion: options.appVersion,
      schemaVersion: options.schemaVersion,
      exportedAt: options.generatedAt,
      volume,
    },
    manifestLabeler(data, period),
  );
  const bytes = manifestBytes(manifest);
  const fingerprint = sha256Hex(bytes);
  const label = periodLabel(options, period.from, period.to);
  const ctx: RecordContext = {
    branch: sel.branch,
    members: data.members,
    venues: sel.venues,
    attachments: sel.attachments,
    audit: sel.amendments,
    ...(data.images ? { images: data.images } : {}),
  };
  const cite = citedRecords(data, sel);
  const header = dossierHeaderLine(sel.branch.name, label);
  const emptyText = isCalendarYear(period) ? EMPTY_TEXT : '本期间无记录';
  const docDefinition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    version: '1.7',
    subset: 'PDF/A-3b',
    tagged: true,
    language: 'zh-CN',
    info: {
      title: `${sel.branch.name}${label}迎检卷宗（第${volume}卷）`,
      author: sel.branch.name,
      subject: `党建质量标准化迎检卷宗 ${period.from}至${period.to}`,
      keywords: `迎检卷宗,党建质量标准化,${sel.branch.name},${label},SHA-256:${fingerprint}`,
      creator: `支部标准化台账 ${options.appVersion}`,
    },
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    header: (page: number) =>
      page === 1
        ? null
        : {
            stack: [
              { text: header.text, style: 'header', fontSize: header.fontSize },
              {
                canvas: [
                  {
                    type: 'line',
                    x1: 0,
                    y1: 3,
                    x2: 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2],
                    y2: 3,
                    lineWidth: 0.5,
                    lineColor: '#999999',
                  },
                ],
              },
            ],
            margin: [PAGE_MARGINS[0], 62, PAGE_MARGINS[2], 0],
          },
    footer: (page: number, pages: number) => ({
      text: `第 ${page} 页 共 ${pages} 页`,
      style: 'footer',
      margin: [0, 40, 0, 0],
    }),
    files: {
      manifest: {
        src: `data:application/json;base64,${toBase64(bytes)}`,
        name: MANIFEST_FILE_NAME,
        description: '迎检卷宗数据清单（规范化 JSON）',
        // pdfkit passes these through to the file specification (AFRelationship, MIME subtype) for PDF/A-3.
        relationship: 'Data',
        type: 'application/json',
      } as { src: string; name: string; description: string },
    },
    content: withEmptyText(
      [
        cover(sel, label, volume, options, fingerprint, period),
        tableOfContents(sel),
        profile(sel, period),
        venues(sel, data),
        ...records(sel, ctx, period.from, period.to, options),
        responsibility(sel, cite),
        standards(sel, data, cite),
        learning(sel, period),
        appendix(sel, manifest, fingerprint),
        closing(sel, label, options),
      ],
      emptyText,
    ),
  };
  return { docDefinition, manifest, fingerprint, manifestBytes: bytes };
}
