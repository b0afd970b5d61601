// Page geometry, fonts, styles and small content helpers shared by the 会议记录单 and the 迎检卷宗.
import type { Content, ContentTable, StyleDictionary, TableCell, TFontDictionary } from 'pdfmake/interfaces';
import { trimLongText } from '../schemas/common';

const MM = 72 / 25.4;

/** GB/T 9704 (党政机关公文格式) margins in points: [left, top, right, bottom] as pdfmake wants them. */
export const PAGE_MARGINS: [number, number, number, number] = [28 * MM, 37 * MM, 26 * MM, 35 * MM];

/** pdfmake's A4 width in points. */
const A4_WIDTH = 595.28;

/** The text width of an A4 portrait page with PAGE_MARGINS: what a node in the page flow is laid out at. */
export const CONTENT_WIDTH = A4_WIDTH - PAGE_MARGINS[0] - PAGE_MARGINS[2];

/** Rounds down to 1/100 pt, so a table of computed widths never comes out a hair wider than the page. */
const floorPt = (w: number) => Math.floor(w * 100) / 100;

/**
 * Numeric widths for a full-width table whose flexible columns share what the fixed ones leave. pdfmake would give
 * star columns the same width; numeric ones let prebreak.ts break their cells exactly, whatever their length.
 * `rule` is the vertical rule width and `padding` the left + right cell padding of the table's layout.
 */
export function fullWidthColumns(fixed: readonly (number | '*')[], rule = 1, padding = 8): number[] {
  const stars = fixed.filter((w) => w === '*').length;
  const used = fixed.reduce<number>((s, w) => s + (w === '*' ? 0 : w), 0);
  const star = floorPt((CONTENT_WIDTH - used - fixed.length * padding - (fixed.length + 1) * rule) / stars);
  return fixed.map((w) => (w === '*' ? star : w));
}

/** The font files renderPdf must receive (names inside pdfmake's virtual file system). */
export const FONT_FILES = [
  'NotoSerifSC-Regular.ttf',
  'NotoSerifSC-Bold.ttf',
  'NotoSansSC-Regular.ttf',
  'NotoSansSC-Bold.ttf',
] as const;

export const BODY_FONT = 'NotoSerifSC';
export const HEADING_FONT = 'NotoSansSC';

/** CJK fonts have no italics: italic requests fall back to the upright faces rather than failing. */
export const FONT_DESCRIPTORS: TFontDictionary = {
  NotoSerifSC: {
    normal: 'NotoSerifSC-Regular.ttf',
    bold: 'NotoSerifSC-Bold.ttf',
    italics: 'NotoSerifSC-Regular.ttf',
    bolditalics: 'NotoSerifSC-Bold.ttf',
  },
  NotoSansSC: {
    normal: 'NotoSansSC-Regular.ttf',
    bold: 'NotoSansSC-Bold.ttf',
    italics: 'NotoSansSC-Regular.ttf',
    bolditalics: 'NotoSansSC-Bold.ttf',
  },
};

export const DEFAULT_STYLE = { font: BODY_FONT, fontSize: 10.5, lineHeight: 1.35 };

export const STYLES: StyleDictionary = {
  coverTitle: { font: HEADING_FONT, bold: true, fontSize: 30, alignment: 'center', characterSpacing: 4 },
  coverSub: { font: HEADING_FONT, fontSize: 16, alignment: 'center' },
  h1: { font: HEADING_FONT, bold: true, fontSize: 18, alignment: 'center', margin: [0, 0, 0, 14] },
  h2: { font: HEADING_FONT, bold: true, fontSize: 14, margin: [0, 12, 0, 6] },
  h3: { font: HEADING_FONT, bold: true, fontSize: 12, margin: [0, 8, 0, 4] },
  recordTitle: { font: HEADING_FONT, bold: true, fontSize: 16, alignment: 'center' },
  label: { font: HEADING_FONT, fontSize: 10, fillColor: '#f2f2f2' },
  th: { font: HEADING_FONT, bold: true, fontSize: 10, fillColor: '#e8e8e8', alignment: 'center' },
  small: { fontSize: 9, color: '#444444' },
  muted: { fontSize: 10, color: '#666666' },
  mark: { font: HEADING_FONT, bold: true, color: '#b00000' },
  empty: { fontSize: 11, color: '#555555', alignment: 'center', margin: [0, 16, 0, 16] },
  header: { font: HEADING_FONT, fontSize: 9, color: '#555555', alignment: 'center' },
  footer: { font: HEADING_FONT, fontSize: 9, color: '#333333', alignment: 'center' },
  mono: { font: HEADING_FONT, fontSize: 9 },
};

/** 2025-03-18 → 2025年3月18日 (an empty date stays empty). */
export function cnDate(date: string | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An ISO instant as China-local 年月日 时:分. */
export function cnDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const local = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${cnDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/**
 * A table column holding a date: the widest 「2025年12月28日」 at the tables' 9.5 pt is 70.1 pt in Noto Serif SC (70.7
 * in the sans), and pdfmake's widths exclude the cell padding, so 72 keeps every date on one line.
 */
export const DATE_WIDTH = 72;

/**
 * Text that may wrap only between its parts, never inside one: 「2023年6月18日至」 and 「2028年6月17日」, a date and
 * 「支委会第8次」. pdfmake breaks CJK text after any character, so a date in a narrow cell read 「2025年12月 / 31日」.
 * Each part must fit the cell's width (a part wider than that runs over the cell's edge).
 */
export function unbroken(...parts: readonly string[]): { text: { text: string; noWrap: true }[] } {
  return { text: parts.filter(Boolean).map((text) => ({ text, noWrap: true })) };
}

/** The longest part of a name kept whole: what the narrowest 姓名 column (≈ 5 characters) holds with its 「·」. */
const NAME_PART_MAX = 5;

/**
 * A person's name in a narrow 姓名 column: a name of several parts (阿卜杜·热合曼, 木合塔尔·阿不都热合曼·买买提明) wraps after
 * a 「·」, not inside a part (「阿卜杜·热合 / 曼」 read as two names). A part too long for the column may still wrap; a
 * name without parts is left to the line breaker as any text.
 */
export function personName(name: string): string | { text: { text: string; noWrap?: true }[] } {
  if (!name.includes('·')) return name;
  const parts = name.split(/(?<=·)/u);
  return { text: parts.map((text) => (text.length <= NAME_PART_MAX ? { text, noWrap: true as const } : { text })) };
}

/**
 * Names in a list that wraps (「张三、曾子豪、阿卜杜·热合曼」): each name kept whole, as personName keeps its parts —
 * the 谈心谈话 line of the compliance table read 「张 / 三」.
 */
export function nameList(names: readonly string[], separator = '、'): { text: string; noWrap?: true }[] {
  return names.flatMap((name, i) => {
    const whole = personName(name);
    const runs = typeof whole === 'string' ? [{ text: name, noWrap: true as const }] : whole.text;
    return i < names.length - 1
      ? [...runs.slice(0, -1), { ...runs.at(-1)!, text: runs.at(-1)!.text + separator }]
      : runs;
  });
}

/** 「2023年6月18日至2028年6月17日」, wrapping after 「至」 rather than inside a date. */
export function cnDateRange(from: string | undefined, to: string | undefined) {
  return unbroken(`${cnDate(from)}至`, cnDate(to));
}

export const EMPTY_TEXT = '本年度无记录';

export function emptyNote(text: string = EMPTY_TEXT): Content {
  return { text, style: 'empty' };
}

/** A line that starts with whitespace: typed indentation (full-width or ASCII spaces, the 首行缩进 of minutes). */
const INDENTED_LINE = /(?:^|[\r\n])[^\S\r\n]/;

/**
 * A text cell or paragraph printed with the indentation it was typed with. pdfmake trims the leading whitespace of
 * every line unless `preserveLeadingSpaces` (prebreak.ts then keeps it on the first line of each paragraph only);
 * text without indentation is returned as it is. Anything but plain text is left alone.
 */
export function asTyped<T extends Content | TableCell>(node: T): T {
  if (typeof node === 'string') {
    return (INDENTED_LINE.test(node) ? { text: node, preserveLeadingSpaces: true } : node) as T;
  }
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  const text = (node as { text?: unknown }).text;
  return typeof text === 'string' && INDENTED_LINE.test(text) ? { ...node, preserveLeadingSpaces: true } : node;
}

/**
 * Text that keeps its line breaks and typed indentation, or a dash when there is nothing (a form field never looks
 * forgotten).
 */
export function para(text: string | undefined): Content {
  const t = trimLongText(text ?? '');
  return t ? asTyped({ text: t }) : { text: '—', color: '#888888' };
}

/** A bordered label/value form (like a paper 记录单): rows of [label, value] pairs, `perRow` pairs per row. */
export function formTable(pairs: readonly (readonly [string, Content])[], perRow: 1 | 2 = 2): ContentTable {
  const body: TableCell[][] = [];
  for (let i = 0; i < pairs.length; i += perRow) {
    const row: TableCell[] = [];
    for (let j = 0; j < perRow; j++) {
      const pair = pairs[i + j];
      if (pair) row.push({ text: pair[0], style: 'label' }, asTyped(pair[1] as TableCell));
      else row.push({ text: '', style: 'label' }, { text: '' });
    }
    body.push(row);
  }
  // Default layout: 1 pt rules, 4 pt paddings. The widths assume the table sits in the page flow at full width.
  const widths = fullWidthColumns(perRow === 2 ? [62, '*', 62, '*'] : [62, '*']);
  // A row is never split over two pages: the next page would start with a value whose label stayed behind.
  return { table: { widths, body, dontBreakRows: true }, margin: [0, 4, 0, 4] };
}

/**
 * A form of two pairs to a row like formTable's, where a row of one pair spans the row (「本届任期」 and 「党员人数」 of
 * the 支部概况, whose values would wrap in half a row).
 */
export function formGrid(rows: readonly (readonly (readonly [string, Content])[])[]): ContentTable {
  const body = rows.map((pairs): TableCell[] => {
    const cells = pairs.flatMap(([label, value]): TableCell[] => [
      { text: label, style: 'label' },
      asTyped(value as TableCell),
    ]);
    // A value given as plain text becomes a text node first: spread, a string would become one key per character.
    const value = typeof cells[1] === 'string' ? { text: cells[1] } : (cells[1] as object);
    return pairs.length === 1 ? [cells[0]!, { ...value, colSpan: 3 } as TableCell, '', ''] : cells;
  });
  const widths = fullWidthColumns([62, '*', 62, '*']);
  return { table: { widths, body, dontBreakRows: true }, margin: [0, 4, 0, 4] };
}

/** A data table with a repeated header row. */
export function dataTable(
  headers: readonly string[],
  rows: readonly TableCell[][],
  widths?: (number | string)[],
): ContentTable {
  return {
    table: {
      headerRows: 1,
      // The header row never stays alone at the foot of a page: it moves on with the first row.
      keepWithHeaderRows: 1,
      // Nor is a row split: the next page would start with the tail of a cell under an empty 姓名. A row taller than
      // a page is cut into 「（续）」 rows (prebreak.ts, or the 考评 and 任务清单 佐证 in build.ts).
      dontBreakRows: true,
      // A copy: pdfmake rewrites a table's widths in place ({ width }), which would change a shared constant for the
      // next volume rendered in the same process.
      widths: widths ? [...widths] : headers.map(() => '*'),
      body: [headers.map((h) => ({ text: h, style: 'th' })), ...rows.map((row) => row.map(asTyped))],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#888888',
      vLineColor: () => '#888888',
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    fontSize: 9.5,
    margin: [0, 4, 0, 8],
  };
}

/**
 * The running header of pages after the first: one centred line over a thin rule, in the top margin (the 迎检卷宗's
 * header, as build.ts draws it). The text should fit one line (the 会议记录单's does).
 */
export function runningHeader(text: string): Content {
  return {
    stack: [
      { text, style: 'header' },
      {
        canvas: [{ type: 'line', x1: 0, y1: 3, x2: CONTENT_WIDTH, y2: 3, lineWidth: 0.5, lineColor: '#999999' }],
      },
    ],
    margin: [PAGE_MARGINS[0], 62, PAGE_MARGINS[2], 0],
  };
}

/** 签字 lines at the end of a record or the volume. */
export function signatureLines(labels: readonly string[]): Content {
  const gap = 12;
  // Numeric widths (the equal shares pdfmake would compute) let prebreak.ts lay the lines out itself.
  const width = floorPt((CONTENT_WIDTH - gap * (labels.length - 1)) / labels.length);
  return {
    columns: labels.map((l) => ({ text: `${l}：＿＿＿＿＿＿＿＿`, font: HEADING_FONT, fontSize: 10.5, width })),
    columnGap: gap,
    margin: [0, 18, 0, 0],
  };
}

/** Base64 without Buffer or btoa of large strings, so it runs the same in a worker and in Node. */
export function toBase64(bytes: Uint8Array): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += abc[(n >> 18) & 63]! + abc[(n >> 12) & 63]! + abc[(n >> 6) & 63]! + abc[n & 63]!;
  }
  if (i < bytes.length) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += abc[(n >> 18) & 63]! + abc[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? abc[(n >> 6) & 63]! + '=' : '==';
  }
  return out;
}

/** The MIME type of image bytes pdfmake can print (JPEG or PNG), or undefined. */
export function imageMime(bytes: Uint8Array): 'image/jpeg' | 'image/png' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  return undefined;
}
