// The 迎检卷宗 document definition of one branch-volume, ordered by the four standards, with its manifest.
import { establishedOf } from '../branch/established';
import { countingDate, forYearNote, recordYearOf } from '../domain/recordYear';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { MEETING_KINDS, MEMBER_GRADES, SEVEN_HAVES, CAMPAIGN_PHASES, CAMPAIGN_STEPS, seqBook } from '../domain/vocab';
import { committeeDuring, secretariesLine, tenureNote } from '../branch/committee';
import { knownTerms, termsOfPeriod, type Term, type TermsOfPeriod } from '../branch/terms';
import { getRulePack, type RulePack } from '../rules/packs';
import { computeCompliance } from '../scoring/compliance';
import { ruleTally, type RuleTally } from '../scoring/tally';
import { periodOf, wholePeriodsBetween, type Period, type PeriodUnit } from '../rules/periods';
import { chinaToday } from '../schemas/common';
import {
  SEVEN_HAVES_NOT_APPLICABLE,
  sevenHavesApply,
  type Assessment,
  type Branch,
  type GradeBand,
  type ItemScore,
  type Meeting,
  type Member,
  type MemberEvaluation,
  type Responsibility,
} from '../schemas/entities';
import { isOnRosterOn, onRosterDuring, rollStartOf, statusOn, transferredIn } from '../rules/roster';
import { countedAssessments, countedGroupOf, countedYearOf } from '../standards/counted';
import { formatScore, roundScore } from '../standards/score';
import { manifestLabeler } from './describeChange';
import {
  assessmentAnchor,
  citedRecords,
  learningAnchor,
  responsibilityAnchor,
  venueAnchor,
  type CitedRecord,
} from './evidence';
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
  cnDateRange,
  cnDateTime,
  dataTable,
  emptyNote,
  formGrid,
  formTable,
  fullWidthColumns,
  imageMime,
  nameList,
  para,
  personName,
  signatureLines,
  toBase64,
  unbroken,
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
import { carriedFromNote } from '../domain/carriedTasks';
import {
  formatRate,
  learningOverview,
  LEARNING_TARGETS,
  satisfactionRate,
  stepsDone,
  tally,
  type MatrixRow,
  type Tally,
} from '../learning';

export interface BuiltDossier {
  docDefinition: TDocumentDefinitions;
  manifest: DossierManifest;
  /** SHA-256 hex of the exact embedded manifest bytes. */
  fingerprint: string;
  /** The exact bytes embedded as dossier-manifest.json. */
  manifestBytes: Uint8Array;
  /**
   * The volume's 草稿 (records not yet finalized), in print order, for the CLI and the 卷宗导出 page to warn about:
   * `label` as the volume names the record, 「2025年12月22日 主题党日第12次」.
   */
  drafts: { id: string; label: string }[];
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
/** What an inspector must not miss: 补录, 草稿, a member who left, a deleted 佐证. */
const WARNING_COLOR = '#b00000';
/** What is not yet due to be judged (a period still running, 待): grey, as 「见下」, so it does not read as a gap. */
const WAITING_COLOR = '#666666';

/**
 * The China-local day of the export, every count's 「today」: from the instant stamped on the cover, so the app's worker,
 * the CLI (both pass the moment of export) and 校验卷宗 (the manifest's exportedAt) count alike, whatever the PC's zone.
 */
const exportDay = (opts: Pick<DossierOptions, 'generatedAt'>) => chinaToday(new Date(opts.generatedAt));

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

/**
 * Where a reader breaks an organisation's name, best first: before 「第…」; after the word that ends the parent body
 * (「…委员会机关 / 综合处党支部」); after another organisation word.
 */
const ENDS_PARENT = ['机关', '党委', '党工委', '党组', '党总支', '总支部'];
const NAME_BREAKS_AFTER = [
  '委员会',
  '办公室',
  '公司',
  '学院',
  '大学',
  '医院',
  '中心',
  '街道',
  '社区',
  '局',
  '厅',
  '村',
  '镇',
  '乡',
  '县',
  '区',
];

/**
 * The branch name as the cover prints it at `size`: whole when it fits one line, else in two lines broken where a
 * reader would — 「市发展和改革委员会机关 / 第二党支部」, not pdfmake's 「…机关第二党 / 支部」 (which also ignores the
 * title's character spacing when it measures CJK, so its first line ran past the margin). Widths as drawn: each
 * character `size`, plus the spacing between characters. A name longer than two lines is left to pdfmake.
 */
export function coverTitleText(name: string, size: number): string {
  const spacing = 4;
  const fits = (text: string) => textEms(text) * size + (Array.from(text).length - 1) * spacing <= CONTENT_WIDTH;
  if (fits(name)) return name;
  const chars = Array.from(name);
  let best: { at: number; score: number } | undefined;
  for (let at = 1; at < chars.length; at++) {
    const head = chars.slice(0, at).join('');
    const tail = chars.slice(at).join('');
    if (!fits(head) || !fits(tail)) continue;
    const after = (words: readonly string[]) => words.some((w) => head.endsWith(w));
    const natural = tail.startsWith('第') ? 200 : after(ENDS_PARENT) ? 150 : after(NAME_BREAKS_AFTER) ? 100 : 0;
    const score = natural - Math.abs(textEms(head) - textEms(tail));
    if (!best || score > best.score) best = { at, score };
  }
  return best ? `${chars.slice(0, best.at).join('')}\n${chars.slice(best.at).join('')}` : name;
}

/** Whether a value fits the half-row cell of a two-pair form (formGrid) on one line, at the body's 10.5 pt. */
function fitsHalfRow(text: string): boolean {
  return textEms(text) * 10.5 <= fullWidthColumns([62, '*', 62, '*'])[1]!;
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
      {
        text: coverTitleText(sel.branch.name, coverTitleSize(sel.branch.name)),
        style: 'coverTitle',
        fontSize: coverTitleSize(sel.branch.name),
        margin: [0, 0, 0, 18],
      },
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

/** What a member's leaving is called: 「转出」 when the 离开原因 says the 组织关系 went elsewhere, else 「离开支部」. */
function leaveWord(m: Pick<Member, 'leftReason'>): '转出' | '离开支部' {
  return /转/.test(m.leftReason ?? '') ? '转出' : '离开支部';
}

/** A member's 入党 or 转入, 转正 or leaving inside a volume's period. */
interface Movement {
  date: string;
  kind: '入党' | '转入' | '转正' | '转出' | '离开支部';
  /** 「2025年7月15日转出」 */
  text: string;
  /** The 离开原因 of one who left. */
  reason?: string;
}

/**
 * A member's movements on this branch's roll inside the period, in date order: 「2025年3月11日入党」 or
 * 「2025年6月1日转入」, 「2025年9月1日转正」, 「2025年7月15日转出」 (with the 离开原因). Empty for a member on the roll
 * throughout as they are now. One who transferred in joined the Party elsewhere: her 入党, and a 转正 before she
 * came, are the other branch's, so the column says only when she came.
 */
function movementsOf(m: Member, period: DossierPeriod): Movement[] {
  const inside = (d: string | undefined): d is string => !!d && d >= period.from && d <= period.to;
  const out: Movement[] = [];
  const add = (date: string, kind: Movement['kind'], reason?: string) =>
    out.push({ date, kind, text: `${cnDate(date)}${kind}`, ...(reason ? { reason } : {}) });
  if (transferredIn(m)) {
    if (inside(m.joinedBranchDate)) add(m.joinedBranchDate, '转入');
  } else if (inside(m.joinedDate)) add(m.joinedDate, '入党');
  if (inside(m.fullMemberDate) && m.fullMemberDate >= rollStartOf(m)) add(m.fullMemberDate, '转正');
  if (inside(m.leftDate)) add(m.leftDate, leaveWord(m), m.leftReason?.trim());
  return out;
}

/**
 * 党员人数 at the end of the period, with the period's movements: 「期末 24 人（正式 22 人，预备 2 人）；期内新入党 2 人，
 * 转入 1 人，转出 1 人」. Without movements, just 「25 人（正式 23 人，预备 2 人）」. 新入党 are those who joined the
 * Party here; one who joined elsewhere and transferred in during the period is 转入, whenever she joined.
 */
function memberCountCell(members: readonly Member[], period: DossierPeriod): Content {
  const onRoll = members.filter((m) => isOnRosterOn(m, period.to));
  const full = onRoll.filter((m) => statusOn(m, period.to) === '正式').length;
  const inside = (d: string | undefined) => !!d && d >= period.from && d <= period.to;
  const joined = members.filter((m) => !transferredIn(m) && inside(m.joinedDate)).length;
  const came = members.filter((m) => transferredIn(m) && inside(m.joinedBranchDate)).length;
  const left = members.filter((m) => inside(m.leftDate));
  const transferred = left.filter((m) => leaveWord(m) === '转出').length;
  const moves = [
    joined ? `新入党 ${joined} 人` : '',
    came ? `转入 ${came} 人` : '',
    transferred ? `转出 ${transferred} 人` : '',
    left.length - transferred ? `离开支部 ${left.length - transferred} 人` : '',
  ].filter(Boolean);
  const count = unbroken(
    `${moves.length ? '期末 ' : ''}${onRoll.length} 人`,
    `（正式 ${full} 人，`,
    `预备 ${onRoll.length - full} 人）`,
  );
  if (!moves.length) return count;
  return { text: [...count.text, ...unbroken(`；期内${moves.join('，')}`).text] };
}

/**
 * The 届期 row of 一、支部概况: the term(s) of the volume's period, not today's (a 2024 volume printed after a 2025 换届
 * used to print the new term beside 2024's committee) — 「本届任期」 when one term covers it, 「届期」 with each when a
 * 换届 falls inside it; what the app does not know is said, not guessed.
 */
function termRow(known: TermsOfPeriod, period: DossierPeriod): [string, Content][] {
  const range = (t: Term) => cnDateRange(t.start, t.end);
  if (known.current) {
    const t = known.current;
    return [
      [
        '本届任期',
        t.end < period.from
          ? { text: [...range(t).text, { text: `（已届满，未登记新一届）` }] }
          : { text: [{ text: '本卷期间的届期未登记（现任届期 ' }, ...range(t).text, { text: '）' }] },
      ],
    ];
  }
  const runs = known.terms.flatMap((t, i) => [...(i ? [{ text: '；' }] : []), ...range(t).text]);
  const note = [
    ...(known.before ? [{ text: `（${cnDate(known.before.start)}换届，此前的届期未登记）` }] : []),
    ...(known.ended ? [{ text: `（${cnDate(known.ended.end)}届满，未登记新一届）` }] : []),
  ];
  return [[known.terms.length > 1 ? '届期' : '本届任期', { text: [...runs, ...note] }]];
}

function profile(sel: DossierSelection, period: DossierPeriod, terms: TermsOfPeriod): Content {
  const b = sel.branch;
  const groupName = (id: string) => b.partyGroups.find((g) => g.id === id)?.name ?? '';
  // The roster lists everyone on the roll at some time in the period; counts are of the period's last day.
  const onRoll = sel.members.filter((m) => isOnRosterOn(m, period.to));
  const movements = sel.members.map((m) => movementsOf(m, period));
  const moved = movements.some((x) => x.length > 0);
  const movementCell = (i: number): TableCell =>
    movements[i]!.length
      ? {
          text: movements[i]!.flatMap((x, k) => [
            ...(k ? [{ text: '\n' }] : []),
            // 「2025年7月15日」 and 「转出」 wrap between them, never inside the date; a departure in red.
            ...unbroken(cnDate(x.date), x.kind).text.map((run) =>
              x.kind === '入党' || x.kind === '转入' || x.kind === '转正' ? run : { ...run, color: WARNING_COLOR },
            ),
            ...(x.reason ? [{ text: `\n${x.reason}`, style: 'small' }] : []),
          ]),
        }
      : '';
  const nodes: Content[] = [
    sectionHeading('profile'),
    // The term and the count each take a row: in half a row they wrapped (「2023年6月18日至2028年6月 / 17日」).
    formGrid([
      // A name longer than half a row takes the row (「…机关第二 / 党支部」 wrapped inside its word), and so does the
      // 上级党组织 beside it.
      ...(fitsHalfRow(b.name) && fitsHalfRow(b.parentOrg || '—')
        ? [
            [
              ['支部名称', b.name],
              ['上级党组织', b.parentOrg || '—'],
            ] as [string, Content][],
          ]
        : [[['支部名称', b.name]] as [string, Content][], [['上级党组织', b.parentOrg || '—']] as [string, Content][]]),
      [
        ['成立时间', cnDate(b.establishedDate) || '—'],
        ['党小组数', `${b.partyGroups.length} 个`],
      ],
      termRow(terms, period),
      [['党员人数', memberCountCell(sel.members, period)]],
    ]),
    ...headed({ text: '支委会组成与分工', style: 'h2' }, committeeTable(b.committee, period)),
    ...headed({ text: '党小组', style: 'h2' }, [
      b.partyGroups.length
        ? dataTable(
            ['党小组', '组长', '人数'],
            b.partyGroups.map((g) => [
              g.name,
              g.leaderName || '—',
              `${onRoll.filter((m) => m.partyGroupId === g.id).length} 人`,
            ]),
            ['*', 100, 60],
          )
        : emptyNote('未设党小组'),
    ]),
    ...headed({ text: '党员名册（摘要）', style: 'h2' }, [
      sel.members.length
        ? dataTable(
            ['序号', '姓名', '性别', '类别', '入党时间', '党小组', '职务', ...(moved ? ['期内变动'] : [])],
            sel.members.map((m, i) => [
              { text: String(i + 1), alignment: 'center' },
              personName(m.name),
              { text: m.gender, alignment: 'center' },
              // 正式 or 预备 as on the period's last day (or the day the member left), not as today.
              {
                text: statusOn(m, m.leftDate && m.leftDate <= period.to ? m.leftDate : period.to),
                alignment: 'center',
              },
              cnDate(m.joinedDate),
              groupName(m.partyGroupId),
              m.post,
              ...(moved ? [movementCell(i)] : []),
            ]),
            // With the 期内变动 column the two star columns had 5 characters each, and ranks of 6 broke inside the
            // word (「四级主任科 / 员」): the short columns are cut to their headers, and 党小组 is given 5 characters so
            // that 职务 has the rest.
            moved ? [22, 48, 22, 24, DATE_WIDTH, 52, '*', DATE_WIDTH] : [26, 48, 26, 30, DATE_WIDTH, '*', '*'],
          )
        : emptyNote(EMPTY_TEXT),
    ]),
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
  ];
  // The members of the branch at the period's end: one who left during it no longer speaks for it.
  const mottos = onRoll.filter((m) => m.motto);
  nodes.push(
    ...headed({ text: '人人有格言', style: 'h3' }, [
      mottos.length
        ? dataTable(
            ['姓名', '格言'],
            mottos.map((m) => [m.name, m.motto]),
            [60, '*'],
          )
        : // A 格言 is the member's own, not a record of the year: 「本年度无记录」 misread as a year with none.
          emptyNote('党员尚未填写格言'),
    ]),
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
  const itemCaption = (id: string) => {
    const k = item.get(id) ?? -1;
    // 「（1）有固定场所」: the label without its parenthesised standard, which the table states.
    return k >= 0 ? `（${k + 1}）${SEVEN_HAVES[k]!.label.replace(/（[^）]*）$/, '')}` : undefined;
  };
  const photos = inIdOrder(
    [...ids].sort((x, y) => rank(x) - rank(y)),
    sel.attachments,
  )
    .map((a) => ({ a, bytes: data.images?.get(a.sha256) }))
    .filter((x): x is { a: (typeof sel.attachments)[number]; bytes: Uint8Array } => !!x.bytes && !!imageMime(x.bytes));
  const out: Content[] = [];
  for (let i = 0; i < photos.length; i += 3) {
    out.push({
      columns: photos.slice(i, i + 3).map(({ a, bytes }) => {
        // Captioned with the item it proves, numbered as in the table above: a phone's file name
        // (「IMG_20261120_153045」) told an inspector nothing. The name follows, smaller, to find the file in the ledger.
        const proves = itemCaption(a.id);
        return {
          stack: [
            { image: imageDataUrl(bytes), fit: [130, 100], alignment: 'center' },
            ...(proves ? [{ text: proves, style: 'small', alignment: 'center' } as const] : []),
            {
              text: photoCaption(a.name),
              style: 'small',
              ...(proves ? { fontSize: 7, color: '#888888' } : {}),
              alignment: 'center',
            },
          ],
          width: '*',
        };
      }),
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

/**
 * A period's label as the compliance table prints it: without the year when the volume lies within one year (in a
 * volume of several, 「9月」 alone would read as every year's September); a year stays 「2025年」.
 */
function periodText(label: string, period: DossierPeriod): string {
  const year = `${period.from.slice(0, 4)}年`;
  const oneYear = period.from.slice(0, 4) === period.to.slice(0, 4);
  return oneYear && label.startsWith(year) && label !== year ? label.slice(year.length) : label;
}

/**
 * Missed periods, grouped by whom they concern, labelled by periodText. A member who joined or came within a period
 * they missed is named with it (「王芳（2025年6月1日转入）」): the rule asks a 谈心谈话 of every member on the roll at the
 * period's end, however recently they came (one who left is asked none, subjectPeriods).
 */
function missedText(
  missed: readonly { period: { label: string; start: string; end: string }; subject?: { id: string; name: string } }[],
  period: DossierPeriod,
  moves: ReadonlyMap<string, readonly { date: string; text: string }[]>,
): Runs {
  const groups = new Map<string, { name: string; labels: string[]; notes: Set<string> }>();
  for (const p of missed) {
    const key = p.subject?.id ?? '';
    const group = groups.get(key) ?? { name: p.subject?.name ?? '', labels: [], notes: new Set<string>() };
    groups.set(key, group);
    for (const m of p.subject ? (moves.get(p.subject.id) ?? []) : []) {
      if (m.date >= p.period.start && m.date <= p.period.end) group.notes.add(m.text);
    }
    group.labels.push(periodText(p.period.label, period));
  }
  // Each name kept whole (nameList): the 谈心谈话 line read 「张 / 三」.
  return [...groups.values()].flatMap(({ name, labels, notes }, i) => [
    ...(i ? [{ text: '；' }] : []),
    ...(name ? nameList([name]) : []),
    { text: `${notes.size ? `（${[...notes].join('，')}）` : ''}${name ? '：' : ''}${labels.join('、')}` },
  ]);
}

/**
 * 「本支部于2026年11月28日开始使用本台账，此前的期间如未补录，均按未开展统计。」 when the branch was entered in the
 * volume's period and gaps come before that day: the 工作台 says so, and an inspector read ten red months as ten
 * missed. '' otherwise.
 */
function ledgerStartNote(branch: Branch, period: DossierPeriod, tallies: readonly RuleTally[]): string {
  const start = chinaToday(new Date(branch.createdAt));
  if (start <= period.from || start > period.to) return '';
  const before = tallies.some((t) => t.missed.some((m) => m.period.end < start));
  return before ? `本支部于${cnDate(start)}开始使用本台账，此前的期间如未补录，均按未开展统计。` : '';
}

/** Text runs of one paragraph, some kept on one line (noWrap). */
type Runs = { text: string; noWrap?: true }[];

/**
 * What of a rule is 待 on the export day: its period still running and not yet met — 「待 6月」 of a branch-wide rule,
 * 「待 6月：第二党小组、第三党小组」 of one per 党小组 or member (a rule's periods do not overlap: one period is open).
 * Undefined when nothing is. The 工作台 shows the same as 「6月尚未记录」 and 「2 个党小组待记录」.
 */
function waitingText(tally: RuleTally, period: DossierPeriod): Runs | undefined {
  const open = tally.current ?? tally.pending[0];
  if (!open) return undefined;
  const label = `待 ${periodText(open.period.label, period)}`;
  return tally.pending.length
    ? [{ text: `${label}：` }, ...nameList(tally.pending.map((p) => p.subject!.name))]
    : [{ text: label }];
}

/** Periods of a rule that are 待 (see waitingText): the current one of a branch-wide rule, or whom it still lacks. */
const waitingCount = (tally: RuleTally) => tally.pending.length + (tally.current ? 1 : 0);

/** The 未达标期间 cell: the gaps in red, then what is 待 (not a gap: its period is not over) in grey; 「—」 if neither. */
function shortfallCell(missed: Runs | undefined, waiting: Runs | undefined): TableCell {
  const gaps = missed ? { text: missed, color: WARNING_COLOR } : undefined;
  const open = waiting ? { text: waiting, color: WAITING_COLOR } : undefined;
  if (gaps && open) return { stack: [gaps, open] };
  return gaps ?? open ?? '—';
}

/** The units rules are counted by, finest first. */
const UNITS: readonly PeriodUnit[] = ['month', 'quarter', 'half', 'year'];
/** 「5 个完整月」「1 个完整季度」「1 个完整年度」. */
const UNIT_COUNTED: Record<PeriodUnit, string> = { month: '月', quarter: '季度', half: '半年', year: '年度' };
/** 「本卷未含完整月份」「未含完整季度、年度」. */
const UNIT_MISSING: Record<PeriodUnit, string> = { month: '月份', quarter: '季度', half: '半年', year: '年度' };

/** What of a volume the rules of one unit are counted on (computeCompliance judges only whole periods). */
interface Coverage {
  /** The periods wholly inside the volume, consecutive; none when the volume holds no whole one. */
  whole: Period[];
  /** The days of the volume outside them: the cut period at either end, or the whole volume when `whole` is empty. */
  left: { start: string; end: string }[];
}

function coverageOf(unit: PeriodUnit, { from, to }: DossierPeriod): Coverage {
  const whole = wholePeriodsBetween(unit, from, to);
  const first = whole[0];
  const last = whole.at(-1);
  if (!first || !last) return { whole, left: [{ start: from, end: to }] };
  const left: Coverage['left'] = [];
  if (from < first.start) left.push({ start: from, end: periodOf(unit, from).end });
  if (to > last.end) left.push({ start: periodOf(unit, to).start, end: to });
  return { whole, left };
}

/** Consecutive periods as their first and last: 「2025年4月—8月」「2025年第三季度—2026年第二季度」「2025年第二季度」. */
function periodsSpanText(whole: readonly Period[]): string {
  const first = whole[0]!;
  const last = whole.at(-1)!;
  if (first === last) return first.label;
  const year = `${first.start.slice(0, 4)}年`;
  const end = last.unit !== 'year' && last.label.startsWith(year) ? last.label.slice(year.length) : last.label;
  return `${first.label}—${end}`;
}

/** Days as 「3月15日—31日」「7月1日—9月14日」, the year first when the volume spans several (「2025年7月1日—15日」). */
function daysText(start: string, end: string, period: DossierPeriod): string {
  const year = (d: string) => `${Number(d.slice(0, 4))}年`;
  const month = (d: string) => `${Number(d.slice(5, 7))}月`;
  const day = (d: string) => `${Number(d.slice(8, 10))}日`;
  const head = `${period.from.slice(0, 4) === period.to.slice(0, 4) ? '' : year(start)}${month(start)}${day(start)}`;
  if (start === end) return head;
  if (start.slice(0, 4) !== end.slice(0, 4)) return `${head}—${year(end)}${month(end)}${day(end)}`;
  return `${head}—${start.slice(0, 7) === end.slice(0, 7) ? '' : month(end)}${day(end)}`;
}

/**
 * What the table counts of a volume that is not whole months, quarters and years throughout: 「本卷按 2025年4月—8月 5
 * 个完整月、2025年第二季度 1 个完整季度统计，未含完整年度。3月15日—31日、9月1日—14日的支委会、…，以及本卷期间的党课、…，
 * 记录已收入本卷，但不计入上表。」 — the records of those days are printed in the volume, and an inspector counting them
 * against the table must see why they are not in it. '' when every rule's periods fill the volume (a calendar year, a
 * run of whole years): nothing is left out.
 */
function coverageNote(pack: RulePack, cover: ReadonlyMap<PeriodUnit, Coverage>, period: DossierPeriod): string {
  const units = [...cover.keys()];
  if (units.every((u) => !cover.get(u)!.left.length)) return '';
  const counted = units.filter((u) => cover.get(u)!.whole.length);
  const missing = units.filter((u) => !cover.get(u)!.whole.length).map((u) => UNIT_MISSING[u]);
  const head = counted.length
    ? `本卷按 ${counted
        .map((u) => {
          const { whole } = cover.get(u)!;
          return `${periodsSpanText(whole)} ${whole.length} 个完整${UNIT_COUNTED[u]}`;
        })
        .join('、')}统计${missing.length ? `，未含完整${missing.join('、')}` : ''}。`
    : `本卷未含完整的${missing.join('、')}，上表各项均不统计。`;
  // Units that leave out the same days share a clause (the kinds in the pack's order); finest unit first.
  const byDays = new Map<string, Set<PeriodUnit>>();
  for (const u of units) {
    const { whole, left } = cover.get(u)!;
    if (!left.length) continue;
    const where = whole.length ? left.map((d) => daysText(d.start, d.end, period)).join('、') : '本卷期间';
    byDays.set(where, (byDays.get(where) ?? new Set()).add(u));
  }
  const clauses = [...byDays].map(([where, of]) => {
    const kinds = [...new Set(pack.rules.filter((r) => of.has(r.per)).map((r) => r.meetingKind))];
    return `${where}的${kinds.join('、')}`;
  });
  const last = clauses.pop()!;
  const all = clauses.length ? `${clauses.join('，')}，以及${last}` : last;
  return `${head}${all}，记录已收入本卷，但不计入上表。`;
}

function complianceTable(sel: DossierSelection, period: DossierPeriod, opts: DossierOptions): Content {
  const { from, to } = period;
  const pack = getRulePack(opts.rulePackId);
  const report = computeCompliance({
    branch: sel.branch,
    members: sel.members,
    meetings: sel.meetings,
    from,
    to,
    asOf: exportDay(opts),
    pack,
  });
  // The 工作台's count of each rule (shared/scoring/tally.ts), on the day the volume is exported: a period still
  // running is due once met (or, for a 党小组 or member, once anything is due), and never a gap.
  const tallies = report.rules.map((r) => ruleTally(r, report.asOf));
  // Who joined or left during the period, by id: why a per-member rule names them.
  const moves = new Map(
    sel.members.map((m) => [m.id, movementsOf(m, period).filter((x) => x.kind !== '转正')] as const),
  );
  // A rule whose unit has no whole period in the volume (the year of a July–June volume) is not counted here, and
  // says so: a 「0 / 0 —」 beside a 组织生活会 printed in the same volume reads as none held.
  const cover = new Map(
    UNITS.filter((u) => pack.rules.some((r) => r.per === u)).map((u) => [u, coverageOf(u, period)] as const),
  );
  const rows: TableCell[][] = report.rules.map((r, i) => {
    const t = tallies[i]!;
    const counted = cover.get(r.rule.per)!.whole.length > 0;
    return [
      r.rule.label,
      r.rule.requirement,
      counted
        ? // Nothing due yet (the year's 组织生活会 in a volume of the current year): 「未到期」, where 「0 / 0」 read oddly.
          t.due === 0 && waitingCount(t) > 0
          ? { text: '未到期', alignment: 'center', color: WAITING_COLOR }
          : { text: `${t.met} / ${t.due}`, alignment: 'center' }
        : { text: '不统计', alignment: 'center', color: WAITING_COLOR },
      counted
        ? shortfallCell(t.missed.length ? missedText(t.missed, period, moves) : undefined, waitingText(t, period))
        : { text: `本卷未含完整${UNIT_MISSING[r.rule.per]}`, color: WAITING_COLOR },
      r.quorumFailures.length
        ? {
            text: r.quorumFailures.map((q) => `${cnDate(q.date)} ${q.quorum.message}`).join('；'),
            color: WARNING_COLOR,
          }
        : '—',
    ];
  });
  const met = tallies.reduce((n, t) => n + t.met, 0);
  const due = tallies.reduce((n, t) => n + t.due, 0);
  const waiting = tallies.reduce((n, t) => n + waitingCount(t), 0);
  const waitingInDue = tallies.reduce((n, t) => n + (t.due > 0 ? t.pending.length : 0), 0);
  const counted = new Set(pack.rules.map((r) => r.meetingKind));
  const drafts = sel.meetings.filter((m) => m.status === '草稿' && counted.has(m.kind)).length;
  return {
    stack: [
      { text: '组织生活落实情况（按规定频次核算）', style: 'h2' },
      dataTable(['项目', '规定', '达标期数', '未达标期间', '人数未过半'], rows, [62, 110, 44, '*', 70]),
      {
        // A past year's volume is counted to its last day, not to the day it was printed (and has nothing 待); the
        // pack is named with what it is based on, since 「条例默认」 alone is the 工作台's shorthand.
        text:
          // Nothing counted (a volume without one whole month): no 「合计达标 0 / 0」, the coverage says why.
          ([...cover.values()].some((c) => c.whole.length)
            ? `合计达标 ${met} / ${due} 期，统计截至 ${cnDate(report.asOf < to ? report.asOf : to)}。`
            : '') +
          // The open period's 党小组 and members are in Y (「23/25 人」, as on the 工作台); a branch-wide rule's open
          // month is not, until it is met. Said apart, so that the sentence adds up (X / Y and 待 N counted the
          // groups twice and the months not at all, in one number).
          (waitingInDue
            ? `其中 ${waitingInDue} 期为本期尚无记录的党小组或党员，标“待”：本期尚未结束，不计为未达标。`
            : '') +
          (waiting - waitingInDue
            ? `另有 ${waiting - waitingInDue} 期本期尚未结束、尚无记录，标“待”，不计入合计。`
            : '') +
          coverageNote(pack, cover, period) +
          ledgerStartNote(sel.branch, period, tallies) +
          // A 草稿 counts as held (the meeting took place), as on the 工作台.
          (drafts ? `其中 ${drafts} 条记录尚未定稿（草稿），按已召开计入。` : '') +
          `频次规则：${pack.name}——${pack.description}。`,
        style: 'small',
      },
    ],
  };
}

function records(sel: DossierSelection, ctx: RecordContext, period: DossierPeriod, opts: DossierOptions): Content[] {
  const head: Content[] = [sectionHeading('records'), complianceTable(sel, period, opts)];
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
/** Lines of table text (about 18.6 pt each) a leader's whole list may take and still be kept on one page: ~60%. */
const SHORT_BLOCK_LINES = 20;

/** Nodes that move to the next page together rather than leave a heading at the foot of a page. */
function together(nodes: Content[]): Content {
  return { stack: nodes, unbreakable: true };
}

/**
 * A heading and what it introduces: with only an empty note under it (「本年度无记录」, 「未设党小组」), the two as one
 * block — the note is two lines, and the heading alone at the foot of a page with its note starting the next looked
 * sloppy in a bound volume. A table under a heading keeps its first rows anyway (prebreak.ts, keptWithTable).
 */
function headed(heading: Content, body: Content[]): Content[] {
  const first = body[0] as { style?: unknown } | undefined;
  return first?.style === 'empty' ? [together([heading, ...body])] : [heading, ...body];
}

/** A heading with its block, kept together when the block is short; a long block may break as before. */
function keptWith(nodes: Content[], items: number): Content[] {
  return items <= SHORT_BLOCK_ITEMS ? [together(nodes)] : nodes;
}

/** Names records cited as evidence (see evidence.ts). */
type Cite = (id: string) => CitedRecord;

/** dataTable's text size. */
const TABLE_FONT_SIZE = 9.5;

/**
 * Lines `text` is likely to take in a box `width` pt wide at `size` pt, as textEms measures it (each explicit line
 * at least one). An estimate for cutting long cells into rows of a bounded height, not a layout.
 */
function estimatedLines(text: string, width: number, size = TABLE_FONT_SIZE): number {
  return text
    .split(/\r?\n|\r/)
    .reduce((n, line) => n + Math.max(1, Math.ceil((textEms(line) * size) / width - 0.02)), 0);
}

/**
 * Lines of table text (about 18.6 pt each) a row holding a list of 佐证 may take: under a third of a page, so a row
 * that moves to the next page leaves at most that blank. pdfmake cannot break a row with a nested table, and a row
 * broken inside left its continuation without a word of whose it was.
 */
const ROW_LINES = 10;

/** Lines of a piece of a long 民主评议 text: a quarter of a page, two or three pieces fill a page. */
const PIECE_LINES = 8;

/** Lines a list may run over a row's budget rather than go on in a row of its own. */
const RUN_SLACK_LINES = 2;

/** A 佐证 label that starts with a date: the date, then what it was (「支委会第8次」), so a line breaks between them. */
const DATED = /^(\d{4}年\d{1,2}月\d{1,2}日) (.+)$/su;

/** A 佐证 label in a box `width` pt wide: a wrap falls between the date and the kind of record, not inside a word. */
function evidenceLabel(text: string, width: number): TableCell {
  const m = DATED.exec(text);
  // A kind too long for a line of its own wraps where pdfmake wraps it.
  if (!m || textEms(m[2]!) * TABLE_FONT_SIZE > width) return { text };
  return unbroken(`${m[1]} `, m[2]!);
}

/** How many lines one 佐证 line takes in a box `width` pt wide (see evidenceLabel). */
function evidenceLines(c: CitedRecord, width: number): number {
  if (c.status === 'deleted')
    return estimatedLines(c.text, width) + (c.summary ? estimatedLines(c.summary, width, 9) : 0);
  const m = DATED.exec(c.text);
  if (m && textEms(m[2]!) * TABLE_FONT_SIZE <= width) return textEms(c.text) * TABLE_FONT_SIZE <= width ? 1 : 2;
  return estimatedLines(c.text, width);
}

/**
 * A list cut into runs of at most `budget` lines each (`first` for the first run, which may be empty: then the list
 * starts in a run of its own), the later runs of about equal length rather than full runs and a short tail.
 */
function runsOf<T>(items: readonly T[], lines: (item: T) => number, first: number, budget: number): T[][] {
  const total = items.reduce((n, item) => n + lines(item), 0);
  // A list a few lines over is not cut: a 「（续）」 row for one record costs more than the lines it saves.
  if (first > 0 && total <= first + RUN_SLACK_LINES) return [[...items]];
  const head: T[] = [];
  let used = 0;
  for (const item of items) {
    if (used + lines(item) > first) break;
    head.push(item);
    used += lines(item);
  }
  const rest = items.slice(head.length);
  const greedy = (limit: number) => {
    const out: T[][] = [];
    let run: T[] = [];
    let sum = 0;
    for (const item of rest) {
      const n = lines(item);
      if (run.length && sum + n > limit) {
        out.push(run);
        run = [];
        sum = 0;
      }
      run.push(item);
      sum += n;
    }
    if (run.length) out.push(run);
    return out;
  };
  const full = greedy(budget);
  const left = rest.reduce((n, item) => n + lines(item), 0);
  const even = greedy(Math.max(Math.ceil(left / Math.max(full.length, 1)), ...rest.map(lines)));
  return [head, ...(even.length === full.length ? even : full)];
}

/**
 * The records an item's score or a leader's task rests on, with the page each starts on. The page number is a cell of
 * its own: pdfmake 0.3 resolves a `pageReference` only on the first line of a text node (one inside wrapped text
 * stayed 「00000」), and a number replaced inside a line leaves the placeholder's width as a gap; alone and
 * right-aligned in its cell it is exact. Records outside the volume's period are named without a page, deleted ones
 * with the day the 操作日志 says they were deleted and what they were. `header`: the list's own heading, 「佐证记录（续）」
 * for a list that goes on from the row above, none under a column that says it already.
 */
function evidenceTable(
  cited: readonly CitedRecord[],
  { width, pageWidth, header }: { width: number; pageWidth: number; header?: string },
): Content[] {
  if (!cited.length) return [];
  const labelWidth = width - pageWidth;
  const rows: TableCell[][] = cited.map((c) => [
    c.status === 'deleted'
      ? {
          stack: [{ text: c.text, color: WARNING_COLOR }, ...(c.summary ? [{ text: c.summary, style: 'small' }] : [])],
        }
      : evidenceLabel(c.text, labelWidth),
    c.status === 'inVolume' && c.anchor
      ? ({ pageReference: c.anchor, alignment: 'right', noWrap: true } as TableCell)
      : { text: '—', alignment: 'right' },
  ]);
  return [
    {
      table: {
        // Numeric widths, the cell's text width between them: prebreak.ts measures the list (a row holding one is
        // kept with a heading, and an unbreakable block around one lifted when it outgrows a page).
        widths: [labelWidth, pageWidth],
        body: [
          ...(header
            ? [
                [
                  { text: header, style: 'muted' },
                  { text: '页码', style: 'muted', alignment: 'right' },
                ],
              ]
            : []),
          ...rows,
        ],
      },
      layout: {
        hLineWidth: (i: number) => (header && i === 1 ? 0.5 : 0),
        vLineWidth: () => 0,
        hLineColor: () => '#aaaaaa',
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 1,
        paddingBottom: () => 1,
      },
      margin: [0, header ? 4 : 0, 0, 0],
      fontSize: TABLE_FONT_SIZE,
    } as Content,
  ];
}

/** The first line of a cell's text and 「（续）」: what a continuation row says of whose row goes on (as prebreak.ts). */
const continuedLabel = (text: string) => `${text.split(/\r?\n|\r/)[0]!.trim()}（续）`;

/** 述职 columns. */
const REPORT_WIDTHS = fullWidthColumns([DATE_WIDTH, '*', 60], 0.5);

/** 任务清单 columns: the 佐证 column holds a date and the record's page. */
const TASK_WIDTHS = fullWidthColumns(['*', DATE_WIDTH, 40, '*', 112], 0.5);
const TASK_PAGE_WIDTH = 24;

/**
 * A leader's 任务清单: each task's 佐证 with the page it is on, as the 考评 items name theirs. A task citing many
 * records goes on in rows of its own (「讲授专题党课（续）」); a 完成情况 too long for a third of a page leaves its row
 * plain text, which prebreak.ts cuts where it must, and its 佐证 follow in rows of their own. Returns the table and
 * how many short rows it is worth (see keptWith).
 */
function taskTable(
  list: Pick<Responsibility, 'tasks' | 'year'>,
  carriedOn: DossierSelection['carriedOn'],
  cite: Cite,
): { table: Content; items: number; lines: number } {
  const tasks = list.tasks;
  const [wTitle, , , wNote, wEvidence] = TASK_WIDTHS as [number, number, number, number, number];
  const labelWidth = wEvidence - TASK_PAGE_WIDTH;
  const rows: TableCell[][] = [];
  let lines = 0;
  for (const t of tasks) {
    const cited = t.evidenceMeetingIds.map(cite);
    const own = Math.max(estimatedLines(`${t.title}（已转入0000年度）`, wTitle), estimatedLines(t.note, wNote));
    const count = (c: CitedRecord) => evidenceLines(c, labelWidth);
    const [head, ...more] = runsOf(cited, count, own > ROW_LINES ? 0 : ROW_LINES, ROW_LINES);
    const evidence = (run: CitedRecord[]): TableCell =>
      ({ stack: evidenceTable(run, { width: wEvidence, pageWidth: TASK_PAGE_WIDTH }) }) as TableCell;
    // Where a task carried over unfinished came from, or went (复制上一年度): the same task in two years' lists.
    const onward = carriedOn.get(list.year)?.get(t.id);
    const title = `${t.title}${carriedFromNote(t, list.year)}${onward !== undefined ? `（已转入${onward}年度）` : ''}`;
    rows.push([title, cnDate(t.deadline), t.status, t.note, head!.length ? evidence(head!) : '']);
    lines += Math.max(
      own,
      head!.reduce((n, c) => n + count(c), 0),
    );
    for (const run of more) {
      rows.push([{ text: continuedLabel(t.title) }, '', '', '', evidence(run)]);
      lines += run.reduce((n, c) => n + count(c), 0);
    }
  }
  return {
    table: dataTable(['任务', '期限', '状态', '完成情况', '佐证记录与页码'], rows, TASK_WIDTHS),
    // A short row is about three lines (SHORT_BLOCK_ITEMS).
    items: Math.max(rows.length, Math.ceil(lines / 3)),
    // With the header row.
    lines: lines + 1,
  };
}

/**
 * Where year-level material of `year` (a 述职, a 考评, the year's 民主评议) dated `date` lies against a range volume:
 * 「之后」 for the 2025 述职 of 2025-12-26 in a 3月–9月 volume, '' inside it. Placed as records are (countingDate): one
 * held after its year for it counts on 31 December. Always '' in a calendar-year volume, the year's own.
 */
function sideOfPeriod(date: string, year: number, period: DossierPeriod): '' | '之前' | '之后' {
  if (isCalendarYear(period)) return '';
  const day = countingDate({ date, forYear: year });
  return day < period.from ? '之前' : day > period.to ? '之后' : '';
}

/** 7月15日: a day of the list's own year, which its heading has said already. */
const dayOfYear = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * A holder's 任职起止 within the list's year, as the heading says it after a 年内换届: 「，至7月15日」「，7月15日起」
 * 「，3月1日至7月15日」; '' for the whole year. Without it two 第一责任人 read as holding the post side by side.
 */
function holderTenure(r: Pick<Responsibility, 'year' | 'from' | 'to'>): string {
  const starts = r.from && r.from > `${r.year}-01-01` ? r.from : undefined;
  const ends = r.to && r.to < `${r.year}-12-31` ? r.to : undefined;
  if (starts && ends) return `，${dayOfYear(starts)}至${dayOfYear(ends)}`;
  if (starts) return `，${dayOfYear(starts)}起`;
  if (ends) return `，至${dayOfYear(ends)}`;
  return '';
}

function responsibility(sel: DossierSelection, cite: Cite, period: DossierPeriod): Content {
  const nodes: Content[] = [sectionHeading('responsibility')];
  if (!sel.responsibilities.length) {
    // An inspector who saw the 书记 and 支委分工 on page 3 read 「本年度无记录」 here as a branch without leadership.
    nodes.push(emptyNote(), {
      text: '支部委员会的组成与分工见第一部分“支部概况”。本节为书记和支部委员的责任清单、任务与述职。',
      style: 'muted',
      margin: [0, 2, 0, 0],
    });
  }
  for (const r of sel.responsibilities) {
    const duties: Content[] = [
      { text: '职责', style: 'h3' },
      r.duties.length ? { ol: r.duties.map((d) => ({ text: d })) } : para(''),
    ];
    const taskList = r.tasks.length ? taskTable(r, sel.carriedOn, cite) : undefined;
    const tasks: Content[] = [{ text: '任务清单', style: 'h3' }, taskList?.table ?? emptyNote(EMPTY_TEXT)];
    const taskItems = taskList?.items ?? 0;
    const reportLines = r.reports.reduce((n, p) => n + estimatedLines(p.summary, REPORT_WIDTHS[1]!), 0);
    const dutyLines = r.duties.reduce((n, d) => n + estimatedLines(d, CONTENT_WIDTH - 16, 10.5), 0);
    // Four headings take about eight lines; an empty list or 述职 says so in about two.
    const lines = 8 + (dutyLines || 1) + (taskList?.lines ?? 2) + (reportLines ? reportLines + 1 : 2);
    const reports: Content[] = [
      { text: '述职', style: 'h3' },
      r.reports.length
        ? dataTable(
            ['日期', '述职内容', '评议结果'],
            // A 述职 dated outside a range volume says so under its date (the year-end one in a 3月–9月 volume).
            r.reports.map((p) => {
              const side = sideOfPeriod(p.date, r.year, period);
              return [side ? `${cnDate(p.date)}\n在本卷期间${side}` : cnDate(p.date), p.summary, p.rating];
            }),
            REPORT_WIDTHS,
          )
        : emptyNote(EMPTY_TEXT),
    ];
    const heading: Content = {
      text: `${r.holderName}（${r.role}，${r.year}年度${holderTenure(r)}）`,
      style: 'h2',
      id: responsibilityAnchor(r.id),
    };
    // A leader's list is usually short: it stays on one page. A long one keeps each heading with what it introduces;
    // one over about half a page does too, rather than leave the page before it (四、领导有责任 alone) blank.
    if (r.duties.length + taskItems + r.reports.length <= SHORT_BLOCK_ITEMS && lines <= SHORT_BLOCK_LINES) {
      nodes.push(together([heading, ...duties, ...tasks, ...reports]));
    } else {
      nodes.push(
        ...keptWith([heading, ...duties], r.duties.length),
        ...keptWith(tasks, taskItems),
        ...keptWith(reports, r.reports.length),
      );
    }
  }
  return part(...nodes);
}

// ── 五、评价有标准 ──────────────────────────────────────────────────────────

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

/**
 * 民主评议 in figures: 「参评 24 人，优秀 8 人，合格 15 人，基本合格 1 人，不合格 0 人」, 「2023年度参评 …」 in a volume of
 * several years.
 */
function evaluationSummary(rows: readonly MemberEvaluation[], year?: number): Content {
  const graded = rows.filter((e) => e.grade);
  const counts = MEMBER_GRADES.map((g) => `${g} ${graded.filter((e) => e.grade === g).length} 人`);
  const ungraded = rows.length - graded.length;
  return {
    text:
      `${year !== undefined ? `${year}年度` : ''}参评 ${graded.length} 人，${counts.join('，')}` +
      `${ungraded ? `；另有 ${ungraded} 人未评定等次` : ''}。`,
    margin: [0, 0, 0, 4],
  };
}

/** Characters a piece of a cut text should not start with (closing punctuation), as prebreak.ts breaks lines. */
const NO_PIECE_START = new Set([...'。，、；：？！）」』》〉】”’…']);
/** Where a piece of a cut text best ends: after a sentence or a clause. */
const PIECE_END = new Set([...'。；！？\n']);

/**
 * A long text cut into pieces of at most `maxLines` lines of `width` pt (as estimatedLines counts; the first line
 * starts `indent` pt in), of about equal length, each ending at a sentence end where one is in its last line.
 */
export function textPieces(text: string, width: number, maxLines: number, indent = 0): string[] {
  const chars = [...text];
  const starts = [0];
  let used = indent;
  chars.forEach((ch, i) => {
    if (ch === '\n' || ch === '\r') {
      if (ch === '\n') starts.push(i + 1);
      used = 0;
      return;
    }
    const w = textEms(ch) * TABLE_FONT_SIZE;
    if (used > 0 && used + w > width) {
      starts.push(i);
      used = 0;
    }
    used += w;
  });
  if (starts.length <= maxLines) return [text];
  const count = Math.ceil(starts.length / maxLines);
  const per = Math.ceil(starts.length / count);
  const cuts = [0];
  for (let k = 1; k < count; k++) {
    let cut = starts[k * per]!;
    for (let j = cut; j > starts[k * per - 1]! && j > cuts.at(-1)! + 1; j--) {
      if (PIECE_END.has(chars[j - 1]!)) {
        cut = j;
        break;
      }
    }
    while (cut < chars.length && NO_PIECE_START.has(chars[cut]!)) cut++;
    if (cut > cuts.at(-1)! && cut < chars.length) cuts.push(cut);
  }
  return cuts.map((c, k) =>
    chars
      .slice(c, cuts[k + 1] ?? chars.length)
      .join('')
      .replace(/^[\r\n]+|[\r\n]+$/g, ''),
  );
}

/** 民主评议 columns: 姓名, the three texts sharing the width, 等次 and any 五带头五标兵 title. */
const EVALUATION_WIDTHS = fullWidthColumns([44, '*', '*', '*', 110], 0.5);
/** A text longer than this many lines of its column prints in full-width rows under the member's row. */
const EVALUATION_CELL_LINES = 8;

/**
 * One year's 民主评议 table. Short texts sit in their columns; a long one (a 570-character 自评 is 70 lines of its
 * column, seven pieces of which left each page a third blank) says 「见下」 there and follows the member's row across
 * the width (「自评：…」), cut into rows of at most PIECE_LINES lines, each naming whose it is (「曾子豪（续）」).
 */
function evaluationTable(rows: readonly MemberEvaluation[], name: (id: string) => string): Content {
  const wText = EVALUATION_WIDTHS[1]!;
  // The row's other four columns, with the paddings and rules between them.
  const wSpan = EVALUATION_WIDTHS.slice(1).reduce((n, w) => n + w, 0) + 3 * (8 + 0.5);
  const body: TableCell[][] = [];
  for (const e of rows) {
    const who = name(e.memberId);
    const texts = [
      ['自评', e.selfResult],
      ['互评', e.peerResult],
      ['组织评定', e.collectiveResult],
    ] as const;
    const long = texts.map(([, t]) => estimatedLines(t, wText) > EVALUATION_CELL_LINES);
    body.push([
      who,
      ...texts.map(([, t], i): TableCell => (long[i] ? { text: '见下', color: '#666666' } : t)),
      { text: [e.grade || '—', ...e.exemplars.map((x) => `\n${x}`)].join('') },
    ]);
    texts.forEach(([label, t], i) => {
      if (!long[i]) return;
      const indent = textEms(`${label}：`) * TABLE_FONT_SIZE;
      textPieces(t, wSpan, PIECE_LINES, indent).forEach((piece, k) => {
        body.push([
          { text: continuedLabel(who) },
          { text: k ? piece : [{ text: `${label}：`, bold: true }, piece], colSpan: 4 },
          '',
          '',
          '',
        ]);
      });
    });
  }
  return dataTable(['姓名', '自评', '互评', '组织评定', '等次与评选'], body, EVALUATION_WIDTHS);
}

/**
 * When a year's 民主评议 was held, if not inside a range volume: 「（评议于 2025年12月24日，在本卷期间之后）」 after the
 * heading of a 3月–9月 volume, which prints the year's results whole. The day is the year's last 民主评议党员 record
 * (its 所属年度, as 三、工作有记录 places it); '' when that record is in the volume or the ledger has none.
 */
function evaluationHeldNote(year: number, sel: DossierSelection, data: DossierData, period: DossierPeriod): string {
  const held = data.meetings
    .filter((m) => m.branchId === sel.branch.id && m.kind === '民主评议党员' && recordYearOf(m) === year)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .at(-1);
  if (!held || sel.meetings.some((m) => m.id === held.id)) return '';
  const side = sideOfPeriod(held.date, year, period);
  return side ? `（评议于 ${cnDate(held.date)}，在本卷期间${side}）` : '';
}

/**
 * 民主评议党员: each year under its own heading (「2023年度民主评议党员」) with its table and figures whenever the volume
 * is not that calendar year — a volume of several years, for a member is evaluated every year and a row without its
 * year cannot be placed; a 3月–9月 volume, whose results are the whole year's and were given after it (said so).
 */
function evaluations(sel: DossierSelection, data: DossierData, period: DossierPeriod): Content[] {
  if (!sel.memberEvaluations.length) return headed({ text: '民主评议党员', style: 'h2' }, [emptyNote()]);
  const name = (id: string) =>
    sel.members.find((m) => m.id === id)?.name ?? data.members.find((m) => m.id === id)?.name ?? '（已删除的党员）';
  const withYear = !isCalendarYear(period);
  const years = [...new Set(sel.memberEvaluations.map((e) => e.year))];
  return years.flatMap((year) => {
    const rows = sel.memberEvaluations.filter((e) => e.year === year);
    return [
      {
        text: withYear ? `${year}年度民主评议党员${evaluationHeldNote(year, sel, data, period)}` : '民主评议党员',
        style: 'h2',
      },
      evaluationTable(rows, name),
      evaluationSummary(rows, withYear ? year : undefined),
    ];
  });
}

/** 考评 item columns: 编号 wide enough for 「A1（续）」. */
const ITEM_WIDTHS = fullWidthColumns([42, '*', 30, 30, 150], 0.5);
const ITEM_PAGE_WIDTH = 32;

/**
 * A 考评's items, each with its score, how it was reached and its 佐证. An item citing many records (a monthly
 * meeting's item cites twelve or more) goes on in rows of its own whose 编号 says which item they belong to
 * (「A1（续）」), each at most ROW_LINES lines of 佐证: the table never breaks inside a row, which used to leave a page
 * starting with 佐证 under an empty 编号. A 评语 too long for a third of a page stays plain text in its row (prebreak.ts
 * cuts it where it must, 「A1（续）」 too) and its 佐证 follow in rows of their own.
 */
function itemTable(a: Assessment, cite: Cite): Content {
  const items = inStandardsOrder(a.standardSnapshot.items);
  const [, , , , wNotes] = ITEM_WIDTHS as [number, number, number, number, number];
  const labelWidth = wNotes - ITEM_PAGE_WIDTH;
  const lines = (c: CitedRecord) => evidenceLines(c, labelWidth);
  const body: TableCell[][] = [];
  for (const item of items) {
    const sc = a.scores.find((x) => x.code === item.code);
    const cited = (sc?.evidenceIds ?? []).map(cite);
    const deleted = cited.filter((c) => c.status === 'deleted').length;
    // An item scored on a record since deleted: its score no longer rests on what the volume shows.
    const warning: Content[] = deleted
      ? [{ text: `本项得分所依据的记录中有 ${deleted} 条已删除，得分依据不完整`, color: WARNING_COLOR, bold: true }]
      : [];
    const notes = sc ? scoreNotes(sc).join('\n') : '';
    const notesLines = notes ? estimatedLines(notes, wNotes) : 0;
    // The list's heading takes a line, the warning two.
    const room = notesLines + 1 + (deleted ? 2 : 0) > ROW_LINES ? 0 : ROW_LINES - notesLines - 1 - (deleted ? 2 : 0);
    const [head, ...more] = runsOf(cited, lines, room, ROW_LINES - 1);
    const first: TableCell = head!.length
      ? {
          stack: [
            ...warning,
            notes ? { text: notes } : { text: '' },
            ...evidenceTable(head!, { width: wNotes, pageWidth: ITEM_PAGE_WIDTH, header: '佐证记录' }),
          ],
        }
      : notes;
    body.push([
      item.code,
      { text: [{ text: `${item.dimension}\n`, bold: true }, item.content] },
      { text: String(item.maxScore), alignment: 'center' },
      { text: sc ? String(sc.score) : '—', alignment: 'center' },
      first,
    ]);
    more.forEach((run, k) => {
      const header = head!.length || k ? '佐证记录（续）' : '佐证记录';
      body.push([
        { text: continuedLabel(item.code) },
        '',
        '',
        '',
        {
          stack: [
            ...(!head!.length && k === 0 ? warning : []),
            ...evidenceTable(run, { width: wNotes, pageWidth: ITEM_PAGE_WIDTH, header }),
          ],
        },
      ]);
    });
  }
  return dataTable(['编号', '评价内容', '满分', '得分', '评语与佐证'], body, ITEM_WIDTHS);
}

/** A date and, in a range volume that it lies outside, 「（在本卷期间之后）」, wrapping before the note. */
function outsideDate(date: string, year: number, period: DossierPeriod): Content {
  const side = sideOfPeriod(date, year, period);
  return side ? unbroken(cnDate(date), `（在本卷期间${side}）`) : cnDate(date);
}

function standards(sel: DossierSelection, data: DossierData, cite: Cite, period: DossierPeriod): Content {
  const nodes: Content[] = [sectionHeading('standards')];
  if (!sel.assessments.length) nodes.push(emptyNote());
  const ofBranch = data.assessments.filter((a) => a.branchId === sel.branch.id);
  // Five 自评 of a five-year volume would otherwise carry five identical headings.
  const withYear = !isCalendarYear(period);
  for (const a of sel.assessments) {
    const s = a.standardSnapshot;
    const note = countedNote(a, ofBranch);
    nodes.push(
      // The heading, the summary under it, the grade bands and which one counts stay on one page.
      together([
        // Anchored: 六、学习与争创's 量化考评 names the page of the 考评 a campaign links.
        {
          text: `${withYear ? `${countedYearOf(a)}年度` : ''}${s.name}（${a.kind}）`,
          style: 'h2',
          id: assessmentAnchor(a.id),
        },
        formTable([
          ['考评期间', cnDateRange(a.periodStart, a.periodEnd)],
          ['考评人', a.assessor],
          // A 考评 dated outside a range volume (the year's 自评 of 12月26日 in a 3月–9月 volume) says so.
          ['考评日期', outsideDate(a.date, Number(countedYearOf(a)), period)],
          ['总分/等次', `${a.total} / ${s.totalScore} 分，${a.grade || '—'}`],
        ]),
        { text: gradeBandsText(s.grades), style: 'small', margin: [0, 0, 0, note ? 2 : 4] },
        ...(note ? [{ text: note, bold: true, margin: [0, 0, 0, 4] } as Content] : []),
      ]),
      itemTable(a, cite),
    );
  }
  nodes.push(...evaluations(sel, data, period));
  return part(...nodes);
}

// ── 六、学习与争创 ──────────────────────────────────────────────────────────

/** The column a target is counted by, as its header says it: 「日阅一文」 over 「（按月）」. */
const UNIT_WORD = { month: '按月', quarter: '按季度', half: '按半年' } as const;

/** 「11/12 91.7%」: periods met of those due, and the rate, as 学习记录's 完成情况 computes them; 「—」 when none is due. */
function tallyCell(t: Tally): TableCell {
  return { text: t.due ? `${t.done}/${t.due} ${formatRate(t.rate)}` : '—', alignment: 'center', noWrap: true };
}

/**
 * 党员学习: for each year of the period (a volume of several years, year by year), the members on the roll during it
 * with each target's periods met of those due and the rate (learningOverview, the function 学习记录's 完成情况 uses:
 * the two cannot disagree), the branch's rate over all four, then the entries. A member who joined, came or left
 * during the year says so under the name, in the 名册's 期内变动 words: their targets cover only the months on the roll.
 */
function learningCompletion(sel: DossierSelection, period: DossierPeriod, opts: DossierOptions): Content[] {
  const today = exportDay(opts);
  const established = establishedOf(sel.branch);
  const years: DossierPeriod[] = [];
  for (let y = Number(period.from.slice(0, 4)); y <= Number(period.to.slice(0, 4)); y++) {
    const from = `${y}-01-01` < period.from ? period.from : `${y}-01-01`;
    const to = `${y}-12-31` > period.to ? period.to : `${y}-12-31`;
    years.push({ from, to });
  }
  const byYear = years.length > 1;
  const nodes: Content[] = [];
  for (const y of years) {
    const members = sel.members.filter((m) => onRosterDuring(m, y.from, y.to));
    if (!members.length) continue;
    const label = byYear ? `${y.from.slice(0, 4)}年度` : '';
    // A year without one entry: a matrix of 「0/10 0.0%」 rows would only measure that nothing was entered (a ledger
    // started this year, or learning kept elsewhere), so it says so in a line.
    if (!sel.learning.some((l) => l.date >= y.from && l.date <= y.to)) {
      nodes.push({ text: `${label}未登记党员学习`, bold: true, margin: [0, 8, 0, 4] });
      continue;
    }
    const overview = wholePeriodsOnly(
      learningOverview({
        from: y.from,
        to: y.to,
        today,
        members,
        entries: sel.learning,
        ...(established ? { established } : {}),
      }),
      y,
    );
    const b = overview.branch;
    const moves = members.map((m) => movementsOf(m, y).filter((x) => x.kind !== '转正'));
    const nameCell = (i: number): TableCell =>
      moves[i]!.length
        ? {
            stack: [
              personName(members[i]!.name),
              ...moves[i]!.map((x) => ({
                ...unbroken(cnDate(x.date), x.kind),
                style: 'small',
                ...(x.kind === '入党' || x.kind === '转入' ? {} : { color: WARNING_COLOR }),
              })),
            ],
          }
        : members[i]!.name;
    nodes.push(
      // A heading right before its table: it keeps the table's first rows (prebreak.ts, keptWithTable).
      { text: `${label}全支部学习完成率 ${formatRate(b.rate)}（已完成 ${b.done} / 应完成 ${b.due}）`, style: 'h3' },
      dataTable(
        [
          '姓名',
          ...overview.matrices.map(
            (mx) => `${mx.target.kind}
（${UNIT_WORD[mx.target.unit]}）`,
          ),
          '综合',
        ],
        members.map((_, i) => [
          nameCell(i),
          ...overview.matrices.map((mx) => tallyCell(mx.rows[i]!)),
          tallyCell(overview.members[i]!),
        ]),
        LEARNING_TABLE_WIDTHS,
      ),
    );
  }
  return nodes;
}

/**
 * The overview counting only the months, quarters and halves wholly inside the volume's period, as the compliance
 * table does: a volume of March to June would otherwise judge the first quarter's 季读一本 on March alone. A whole
 * year's is unchanged (the app's figures).
 */
function wholePeriodsOnly(
  overview: ReturnType<typeof learningOverview>,
  period: DossierPeriod,
): ReturnType<typeof learningOverview> {
  if (isCalendarYear(period)) return overview;
  const counted = (row: MatrixRow) => {
    const cells = row.cells.filter((c) => c.period.start >= period.from && c.period.end <= period.to);
    const done = cells.filter((c) => c.status === 'done').length;
    return { done, due: done + cells.filter((c) => c.status === 'missed').length };
  };
  const sum = (ts: readonly { done: number; due: number }[]) =>
    tally(
      ts.reduce((n, t) => n + t.done, 0),
      ts.reduce((n, t) => n + t.due, 0),
    );
  const matrices = overview.matrices.map((mx) => {
    const rows = mx.rows.map((r) => ({ ...r, ...sum([counted(r)]) }));
    return { ...mx, rows, branch: sum(rows) };
  });
  return {
    matrices,
    members: overview.members.map((m, i) => ({ ...m, ...sum(matrices.map((mx) => mx.rows[i]!)) })),
    branch: sum(matrices.map((mx) => mx.branch)),
  };
}

/** 姓名 as wide as a movement's date (「2025年12月31日」), the five tallies share the rest. */
const LEARNING_TABLE_WIDTHS = fullWidthColumns([DATE_WIDTH, '*', '*', '*', '*', '*']);

function learning(sel: DossierSelection, data: DossierData, cite: Cite, period: DossierPeriod, opts: DossierOptions) {
  // A campaign spans its phases; a volume of part of a year prints only the steps dated inside it.
  const inside = (date: string) => date >= period.from && date <= period.to;
  const heading: Content = { text: '党员学习（一抓好四深化）', style: 'h2' };
  const nodes: Content[] = [sectionHeading('learning')];
  const name = (id: string) => sel.members.find((m) => m.id === id)?.name ?? id;
  if (!sel.learning.length) {
    // Nothing entered in the period: one statement with the targets, no completion rate built only from zeros (the
    // first volume of a branch that has just started its ledger had 12 rows of 「0/10 0.0%」 under 「0.0%」).
    nodes.push(
      together([
        heading,
        {
          text: [
            { text: `${isCalendarYear(period) ? '本年度' : '本卷期间'}未登记党员学习。`, bold: true },
            `学习目标：${LEARNING_TARGETS.map((t) => `${t.kind}${t.rule}`).join('；')}。`,
          ],
          margin: [0, 4, 0, 8],
        },
      ]),
    );
  } else {
    nodes.push(
      // The targets once, under the heading: every cell below is counted against them.
      together([
        heading,
        {
          text:
            `学习目标由名称而来：${LEARNING_TARGETS.map((t) => `${t.kind}${t.rule}`).join('；')}。` +
            '每格为已完成/应完成的期数（月、季度或半年）及完成率；党员不在册的期间不计，尚未结束的期间不计入' +
            (isCalendarYear(period) ? '。' : '，跨出本卷期间的季度、半年不在本卷统计。'),
          style: 'small',
        },
      ]),
      ...learningCompletion(sel, period, opts),
      // A heading right before its table: it keeps the table's first rows (prebreak.ts, keptWithTable).
      { text: '学习记录', style: 'h3' },
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
  nodes.push(...headed({ text: '争创活动', style: 'h2' }, sel.campaigns.length ? [] : [emptyNote()]));
  const assessments = new Map(data.assessments.filter((a) => a.branchId === sel.branch.id).map((a) => [a.id, a]));
  const printedAssessments = new Set(sel.assessments.map((a) => a.id));
  const stepHeading = (text: string): Content => ({ text, bold: true, margin: [0, 6, 0, 0] });
  for (const c of sel.campaigns) {
    // As the campaign's page counts them (stepsDone): the whole campaign, whatever part of it this volume prints.
    const steps = stepsDone(c);
    const open = steps.filter((s) => !s.done).map((s) => s.step);
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
      {
        text: [
          { text: `全面争创六个环节：已完成 ${steps.length - open.length}/${CAMPAIGN_STEPS.length}`, bold: true },
          open.length ? { text: `（未完成：${open.join('、')}）`, color: WARNING_COLOR } : '',
        ],
        margin: [0, 0, 0, 2],
      },
    );
    const commitments = c.commitments.filter((x) => inside(x.date));
    const reviews = c.reviews.filter((x) => inside(x.date));
    const awards = c.awards.filter((x) => inside(x.date));
    if (commitments.length)
      nodes.push(
        dataTable(
          ['党员', '公开承诺', '日期'],
          commitments.map((x) => [personName(name(x.memberId)), x.text, cnDate(x.date)]),
          [50, '*', DATE_WIDTH],
        ),
      );
    // 积极争创: the 工作记录 linked to the campaign, each with its page, as a 考评 item's 佐证.
    if (c.linkedMeetingIds.length)
      nodes.push(
        together([
          stepHeading(`积极争创：关联工作记录 ${c.linkedMeetingIds.length} 条`),
          ...evidenceTable(c.linkedMeetingIds.map(cite), {
            width: CONTENT_WIDTH,
            pageWidth: CAMPAIGN_PAGE_WIDTH,
            header: '关联记录',
          }),
        ]),
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
      nodes.push({
        text: [
          { text: '群众评议：', bold: true },
          `${c.satisfaction.map((s) => `${s.level} ${s.count} 人`).join('，')}；`,
          { text: satisfactionRate(c.satisfaction).label, bold: true },
        ],
        margin: [0, 4, 0, 0],
      });
    // 量化考评: the 考评 linked to the campaign, its total and the page of 五、评价有标准 it is printed on.
    if (c.assessmentId) {
      const a = assessments.get(c.assessmentId);
      const cited: CitedRecord = !a
        ? { status: 'unknown', text: '（关联的考评已不在台账中）' }
        : {
            status: printedAssessments.has(a.id) ? 'inVolume' : 'outOfPeriod',
            text:
              `${cnDate(a.date)} ${a.standardSnapshot.name}（${a.kind}），总分 ${a.total} / ` +
              `${a.standardSnapshot.totalScore} 分，${a.grade || '—'}` +
              (printedAssessments.has(a.id) ? '' : '（不在本卷期间内）'),
            ...(printedAssessments.has(a.id) ? { anchor: assessmentAnchor(a.id) } : {}),
          };
      nodes.push(
        together([
          stepHeading('量化考评'),
          ...evidenceTable([cited], { width: CONTENT_WIDTH, pageWidth: CAMPAIGN_PAGE_WIDTH, header: '关联考评' }),
        ]),
      );
    }
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

/** The page column of a campaign's 积极争创 and 量化考评 lists. */
const CAMPAIGN_PAGE_WIDTH = 30;

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
    // Held after its year for it: the 所属年度 under the date.
    forYearNote(m) ? `${cnDate(m.date)}\n${forYearNote(m)}` : cnDate(m.date),
    // A 党小组会 is numbered within its group: the group goes under the kind.
    [m.kind, seqBook(m, sel.branch.partyGroups)].filter(Boolean).join('\n'),
    { text: `第${m.seq}次`, alignment: 'center' },
    {
      text: [
        m.topic,
        // Marks never wrap inside: 「（草 / 稿）」 reads as neither.
        ...(m.backfilled ? [{ text: '（补录）', color: WARNING_COLOR, noWrap: true }] : []),
        ...(m.status === '草稿' ? [{ text: '（草稿）', color: WARNING_COLOR, noWrap: true }] : []),
      ],
    },
    { pageReference: recordAnchor(m.id), alignment: 'center' },
  ]);
  const counts = new Map<ManifestTable, number>();
  for (const r of manifest.records) counts.set(r.table, (counts.get(r.table) ?? 0) + 1);
  const tally = (label: string, n: number): TableCell[] => [label, { text: String(n), alignment: 'center' }];
  return part(
    sectionHeading('appendix'),
    ...headed({ text: '记录索引', style: 'h2' }, [
      rows.length
        ? dataTable(['序号', '日期', '类型', '次序', '主题', '页码'], rows, [26, DATE_WIDTH, 62, 34, '*', 30])
        : emptyNote(),
    ]),
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

/**
 * How a range volume chooses the year-level material its period touches (a calendar-year volume is the year's own and
 * says nothing): the lists and the 民主评议 whole, by year; a 考评 by its 考评期间; dates outside the period marked.
 */
const RANGE_MATERIAL_NOTE =
  '本卷按起止日期编订：领导责任（职责、任务清单和述职）和民主评议党员按本卷期间涉及的年度整年收入，考评期间与本卷期间有' +
  '重叠的考评均收入，任务状态为生成本卷时的状态；其中日期在本卷期间以外的述职、考评和民主评议，均注明“在本卷期间之前”或' +
  '“在本卷期间之后”。';

function closing(sel: DossierSelection, label: string, opts: DossierOptions, period: DossierPeriod): Content {
  const drafts = sel.meetings.filter((m) => m.status === '草稿').length;
  return part(
    { text: '卷宗说明', style: 'h1', id: 'sec-closing' },
    {
      text:
        `本卷宗为${sel.branch.name}${label}党建工作台账，按“活动有阵地、工作有记录、领导有责任、评价有标准”顺序编排，` +
        `由支部标准化台账 ${opts.appVersion} 于 ${cnDateTime(opts.generatedAt)} 自台账数据生成。` +
        '标注“补录”的记录系会后超过规定期限录入；已定稿记录的修改均注明修改时间和原因。' +
        (isCalendarYear(period) ? '' : RANGE_MATERIAL_NOTE) +
        // A 草稿 may still change: the index and its own page say so, and so does this note.
        (drafts
          ? `本卷有 ${drafts} 条记录尚未定稿，在记录索引中标注“草稿”，其记录页标有【草稿】，内容以定稿后的记录为准。`
          : ''),
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
        profile(
          sel,
          period,
          termsOfPeriod(knownTerms(data.branch, data.audit), period.from, period.to, establishedOf(data.branch)),
        ),
        venues(sel, data),
        ...records(sel, ctx, period, options),
        responsibility(sel, cite, period),
        standards(sel, data, cite, period),
        learning(sel, data, cite, period, options),
        appendix(sel, manifest, fingerprint),
        closing(sel, label, options, period),
      ],
      emptyText,
    ),
  };
  const drafts = sel.meetings.filter((m) => m.status === '草稿').map((m) => ({ id: m.id, label: cite(m.id).text }));
  return { docDefinition, manifest, fingerprint, manifestBytes: bytes, drafts };
}
