// Breaks long page-flow paragraphs into lines before pdfmake: one noWrap inline per line instead of one per CJK character.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FontMetrics } from './fontMetrics';

/** Characters a line must not start with (closing punctuation, simple 禁则 / kinsoku). */
/**
 * Key of a `{ stack: [heading, paragraph] }` block: how many of the paragraph's lines the heading keeps with it when
 * the paragraph has been pre-broken (see keptWithHeading). pdfmake ignores it.
 */
export const KEEP_WITH_HEADING = 'keepWithHeading';

const NO_LINE_START = new Set([...'。，、；：？！）」』》〉】〕〗’”….,;:?!)]}%·～—']);
/** Characters a line must not end with (opening punctuation). */
const NO_LINE_END = new Set([...'（「『《〈【〔〖‘“([{']);

/**
 * Float slack only. Advance sums equal fontkit's unkerned widths exactly (checked in the tests) and the fonts' kerning
 * only narrows Latin pairs, so a line measured here is never wider once pdfkit lays it out.
 */
const EPSILON_PT = 1e-6;

const isCjk = (cp: number) =>
  (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xffef) || cp >= 0x20000;

/** One character and its advance width (the fonts' widths are plain sums: no kerning is applied, see EPSILON_PT). */
interface Glyph {
  ch: string;
  width: number;
}

/** A piece that must stay on one line: a CJK character, a Latin word, or a run of spaces; [start, end) in glyphs. */
interface Unit {
  start: number;
  end: number;
  width: number;
  space: boolean;
}

function units(glyphs: readonly Glyph[]): Unit[] {
  const out: Unit[] = [];
  let cur: Unit | undefined;
  const flush = () => {
    if (cur) out.push(cur);
    cur = undefined;
  };
  glyphs.forEach(({ ch, width }, i) => {
    const space = ch === ' ' || ch === '\t';
    // An em dash stands alone like an ideograph: line breaking (UAX #14, class B2) allows a break on either side.
    if (!space && (isCjk(ch.codePointAt(0)!) || ch === '—')) {
      flush();
      out.push({ start: i, end: i + 1, width, space: false });
      return;
    }
    if (cur && cur.space !== space) flush();
    cur ??= { start: i, end: i, width: 0, space };
    cur.end = i + 1;
    cur.width += width;
  });
  flush();
  return out;
}

/**
 * Splits one explicit line of glyphs into lines no wider than `maxWidth`, with simple kinsoku and whole Latin words.
 * Returns [start, end) glyph ranges; spaces at a break are left out of both lines.
 */
function breakGlyphs(glyphs: readonly Glyph[], maxWidth: number): [number, number][] {
  // A Latin word wider than the box is cut by characters (pdfmake does the same).
  const list: Unit[] = [];
  for (const u of units(glyphs)) {
    if (u.space || u.width <= maxWidth + EPSILON_PT) list.push(u);
    else
      for (let i = u.start; i < u.end; i++) list.push({ start: i, end: i + 1, width: glyphs[i]!.width, space: false });
  }
  const lines: [number, number][] = [];
  let start = 0;
  while (start < list.length) {
    // Leading spaces at a break are dropped (pdfmake trims them too).
    while (start < list.length && list[start]!.space && lines.length) start++;
    if (start >= list.length) break;
    let width = 0;
    let end = start;
    while (end < list.length) {
      const u = list[end]!;
      // Trailing spaces do not count towards the width: they are dropped at the break.
      if (!u.space && width + u.width > maxWidth + EPSILON_PT && end > start) break;
      width += u.width;
      end++;
    }
    if (end < list.length) {
      // Kinsoku: move the break back while the next line would start with closing or this one end with opening punctuation.
      let b = end;
      const bad = (k: number) =>
        NO_LINE_START.has(glyphs[list[k]!.start]!.ch) || NO_LINE_END.has(glyphs[list[k - 1]!.end - 1]!.ch);
      while (b > start + 1 && bad(b)) b--;
      if (b > start + 1 || !bad(b)) end = b;
    }
    let last = end;
    if (end < list.length) while (last > start + 1 && list[last - 1]!.space) last--;
    lines.push([list[start]!.start, list[last - 1]!.end]);
    start = end;
  }
  return lines.length ? lines : [[0, 0]];
}

/** Splits one explicit line of text into lines no wider than `maxWidth`, with simple kinsoku and whole Latin words. */
export function breakLine(line: string, maxWidth: number, measure: (s: string) => number): string[] {
  const glyphs = [...line].map((ch) => ({ ch, width: measure(ch) }));
  return breakGlyphs(glyphs, maxWidth).map(([a, b]) =>
    glyphs
      .slice(a, b)
      .map((g) => g.ch)
      .join(''),
  );
}

/** Breaks text with explicit newlines; every explicit line gives at least one line (empty lines stay). */
export function breakText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  return text.split(/\r?\n|\r/).flatMap((l) => breakLine(l, maxWidth, measure));
}

// ── document transform ──────────────────────────────────────────────────────

type Json = Record<string, unknown>;

export interface PrebreakSetup {
  /** Metrics by pdfmake font family and weight. */
  metrics: (font: string, bold: boolean) => FontMetrics | undefined;
  /** Width of the page's content box in points. */
  contentWidth: number;
  /**
   * Height of one line at font size 1 and lineHeight 1 ((ascent − descent) / unitsPerEm, as pdfkit computes it), by
   * font family and weight. With `contentHeight` it lets a heading keep the start of the table after it
   * (keptWithTable); without, headings before tables are left as written.
   */
  lineHeight?: (font: string, bold: boolean) => number | undefined;
  /** Height of the page's content box in points. */
  contentHeight?: number;
}

/** What a text node's line breaking depends on; everything else on the node is copied unchanged. */
interface TextStyle {
  font?: string;
  bold?: boolean;
  fontSize?: number;
  characterSpacing?: number;
  alignment?: string;
  /** pdfmake's line height factor (not used for breaking; for the height of a table's first rows). */
  lineHeight?: number;
}

/** Node keys that do not affect line breaking (kept as they are) — any other key leaves the node untouched. */
const NEUTRAL_KEYS = new Set([
  'text',
  'color',
  'margin',
  'style',
  'font',
  'bold',
  'fontSize',
  'lineHeight',
  'alignment',
  'fillColor',
  // An anchor (pageReference target) stays on the node; only kept when the text stays one node (one line).
  'id',
]);
/** Stack keys the walk understands; a stack with others (columns-like or style-changing ones) is left alone. */
const STACK_KEYS = new Set(['stack', 'pageBreak', 'id', 'unbreakable', 'margin', KEEP_WITH_HEADING]);

/** Lines kept at the end of a split paragraph, so that no page starts with its last line alone (widow control). */
const WIDOW_LINES = 2;

/** Properties a pre-broken paragraph may carry and its lines inherit (a stack passes them on to its children). */
const LINE_PROPS = new Set(['color', 'fontSize']);

/** A pre-broken paragraph: a stack of plain `{ text, noWrap: true }` lines (or one such line), coloured or sized at most. */
function lineStack(node: unknown): { lines: unknown[]; props: Json } | undefined {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const plain = (l: unknown, extra: readonly string[] = []) =>
    !!l &&
    typeof l === 'object' &&
    typeof (l as Json).text === 'string' &&
    (l as Json).noWrap === true &&
    Object.keys(l).every((k) => k === 'text' || k === 'noWrap' || extra.includes(k));
  if (plain(node, [...LINE_PROPS])) return { lines: [node], props: {} };
  const { stack, ...props } = node as Json;
  if (!Array.isArray(stack) || Object.keys(props).some((k) => !LINE_PROPS.has(k))) return undefined;
  return stack.every((l) => plain(l)) ? { lines: stack, props } : undefined;
}

/**
 * `{ stack: [heading, paragraph, ...trailer], keepWithHeading: n }` once the paragraph is pre-broken: the heading
 * travels with the paragraph's first n lines and the last two lines stay together — with the trailer, if any (a
 * record's 记录状态 and 签字 line, which must not start a page alone) — instead of the whole block moving to the next
 * page (which left half-empty pages) or the heading staying behind alone. Pieces of one stack of lines with no
 * margins between them: on a page the lines sit exactly where they sat before, only the places where a page may end
 * change. Anything else is returned as authored (pdfmake ignores the key; without pre-breaking the block keeps its
 * own `unbreakable`).
 */
function keptWithHeading(o: Json, n: number): Json {
  const [heading, body, ...trailer] = o.stack as unknown[];
  const para = lineStack(body);
  if (!heading || !para) return o;
  const { lines, props } = para;
  if (lines.length <= n + WIDOW_LINES) return { ...o, unbreakable: true };
  const { unbreakable: _unbreakable, ...outer } = o;
  void _unbreakable;
  const last = { ...props, stack: lines.slice(-WIDOW_LINES) };
  return {
    ...outer,
    stack: [
      { stack: [heading, { ...props, stack: lines.slice(0, n) }], unbreakable: true },
      { ...props, stack: lines.slice(n, -WIDOW_LINES) },
      trailer.length ? { stack: [last, ...trailer], unbreakable: true } : { ...last, unbreakable: true },
    ],
  };
}

/** Columns node keys the walk understands (pdfmake's default columnGap is 0). */
const COLUMNS_KEYS = new Set(['columns', 'columnGap', 'margin']);

/** Table node keys that do not change how cells are styled beyond what resolveStyle reads. */
const TABLE_KEYS = new Set(['table', 'layout', 'margin', 'fontSize', 'font', 'bold', 'style', 'id', 'pageBreak']);

/** Room kept in star cells for the paddings pdfmake counts into a column's minimum width. */
const STAR_SLACK_PT = 16;

/**
 * The width pdfmake gives each star column when their minimum widths fit: the table's width minus fixed columns,
 * paddings and vertical rules, shared equally. Undefined for layouts this cannot evaluate (named layouts, custom
 * paddings).
 */
function starLowerBound(o: Json, widths: unknown[], width: number): number | undefined {
  const layout = o.layout;
  if (layout !== undefined && (typeof layout !== 'object' || layout === null)) return undefined;
  const l = (layout ?? {}) as Json;
  if (l.paddingLeft !== undefined || l.paddingRight !== undefined) return undefined;
  let vLine = (_i: number) => 1;
  if (l.vLineWidth !== undefined) {
    if (typeof l.vLineWidth !== 'function') return undefined;
    const f = l.vLineWidth as (i: number, node: unknown) => unknown;
    vLine = (i) => {
      const v = f(i, o);
      return typeof v === 'number' ? v : Infinity;
    };
  }
  let rest = width;
  let stars = 0;
  widths.forEach((w, i) => {
    rest -= 8 + vLine(i);
    if (typeof w === 'number') rest -= w;
    else if (w === '*') stars++;
    else rest = -Infinity;
  });
  rest -= vLine(widths.length);
  return stars && Number.isFinite(rest) ? rest / stars : undefined;
}

function horizontalMargins(margin: unknown): [number, number] | undefined {
  if (margin === undefined) return [0, 0];
  if (typeof margin === 'number') return [margin, margin];
  if (Array.isArray(margin) && margin.every((m) => typeof m === 'number')) {
    if (margin.length === 2) return [margin[0] as number, margin[0] as number];
    if (margin.length === 4) return [margin[0] as number, margin[2] as number];
  }
  return undefined;
}

/** [left, top, right, bottom] of a pdfmake margin, or undefined for a form this does not read. */
function allMargins(margin: unknown): [number, number, number, number] | undefined {
  if (margin === undefined) return [0, 0, 0, 0];
  if (typeof margin === 'number') return [margin, margin, margin, margin];
  if (!Array.isArray(margin) || !margin.every((m) => typeof m === 'number')) return undefined;
  if (margin.length === 2) return [margin[0], margin[1], margin[0], margin[1]] as [number, number, number, number];
  return margin.length === 4 ? (margin as [number, number, number, number]) : undefined;
}

/** Styles of the headings that keep the first rows of a table directly after them (keptWithTable). */
const HEADING_STYLES = new Set(['h1', 'h2', 'h3']);

/**
 * The most a heading reserves below itself for the start of a table, as a share of the page's content height: a
 * first row taller than that leaves the heading where pdfmake puts it rather than half a page blank.
 */
const MAX_KEPT_SHARE = 0.5;

/** What pdfmake lays out in place of a `pageReference` before it knows the page. */
const PAGE_REFERENCE_PLACEHOLDER = '00000';

/** pdfmake's default table layout where a layout leaves a function out. */
const TABLE_DEFAULTS: Readonly<Record<string, number>> = {
  hLineWidth: 1,
  vLineWidth: 1,
  paddingTop: 2,
  paddingBottom: 2,
};

function resolveStyle(
  node: Json,
  inherited: TextStyle,
  styles: Readonly<Record<string, unknown>>,
): TextStyle | undefined {
  const out: TextStyle = { ...inherited };
  const apply = (s: Json) => {
    if (typeof s.font === 'string') out.font = s.font;
    if (typeof s.bold === 'boolean') out.bold = s.bold;
    if (typeof s.fontSize === 'number') out.fontSize = s.fontSize;
    if (typeof s.characterSpacing === 'number') out.characterSpacing = s.characterSpacing;
    if (typeof s.alignment === 'string') out.alignment = s.alignment;
    if (typeof s.lineHeight === 'number') out.lineHeight = s.lineHeight;
  };
  if (node.style !== undefined) {
    if (typeof node.style !== 'string') return undefined;
    const s = styles[node.style] as Json | undefined;
    if (!s) return undefined;
    // Single-side margins or noWrap in a style are not resolved here; a plain margin is (see styleMargin).
    for (const k of ['marginLeft', 'marginRight', 'marginTop', 'marginBottom', 'noWrap']) {
      if (s[k] !== undefined) return undefined;
    }
    apply(s);
  }
  apply(node);
  return out;
}

/**
 * Returns a copy of the document definition in which plain text paragraphs that lie directly in the page flow (the
 * top-level content and nested plain stacks, where the available width is exactly the content box minus margins)
 * are replaced by a stack of pre-broken `noWrap` lines. Text in tables, columns, lists or with styles it cannot
 * resolve exactly is left as it is. Nodes are shared, not cloned, where nothing changes.
 */
export function prebreakDocument(doc: TDocumentDefinitions, setup: PrebreakSetup): TDocumentDefinitions {
  const styles = (doc.styles ?? {}) as Record<string, unknown>;
  const base = resolveStyle(doc.defaultStyle as Json, {}, {}) ?? {};

  const textNode = (node: Json, width: number, inherited: TextStyle, singleLineOnly = false): Content | undefined => {
    if (typeof node.text !== 'string') return undefined;
    for (const k in node) if (!NEUTRAL_KEYS.has(k)) return undefined;
    // The node's own margin wins over its style's (pdfmake's getNodeMargin).
    const styleMargin = typeof node.style === 'string' ? (styles[node.style] as Json | undefined)?.margin : undefined;
    const hm = horizontalMargins(node.margin !== undefined ? node.margin : styleMargin);
    const style = resolveStyle(node, inherited, styles);
    if (!hm || !style || !style.font || !style.fontSize) return undefined;
    const alignment = style.alignment ?? 'left';
    const metrics = setup.metrics(style.font, !!style.bold);
    if (!metrics) return undefined;
    const box = width - hm[0] - hm[1];
    const size = style.fontSize;
    // pdfmake counts characterSpacing per inline, not per character: with it, one inline per line would move glyphs.
    if (style.characterSpacing) return undefined;
    const lines = breakText(node.text, box, (s) => metrics.widthOf(s, size));
    const { text: _text, ...props } = node;
    void _text;
    // One line looks the same whatever the alignment (bar justify); several lines are only rewritten left-aligned.
    if (lines.length === 1 && alignment !== 'justify') return { ...props, text: lines[0]!, noWrap: true } as Content;
    // An anchor stays on one node: only a paragraph that stays one line keeps its id.
    if (alignment !== 'left' || singleLineOnly || node.id !== undefined) return undefined;
    // The node's own properties move to the stack, which pdfmake lets its children inherit.
    return { ...props, stack: lines.map((l) => ({ text: l, noWrap: true })) } as Content;
  };

  /**
   * Cells of columns with a numeric width: pdfmake lays their content out at exactly that width. Cells of star
   * columns only get `noWrap` when every star cell of the table fits on one line with room to spare: then their new
   * minimum widths stay below the star width, pdfmake's column calculation takes the same branch, and the star width
   * (the content width minus fixed columns, paddings and rules, shared equally) is unchanged.
   */
  const table = (o: Json, width: number): unknown => {
    const t = o.table as Json;
    const widths = t.widths;
    if (!Array.isArray(widths) || !Array.isArray(t.body)) return o;
    for (const k in o) if (!TABLE_KEYS.has(k)) return o;
    const inherited = resolveStyle(o, base, styles);
    const hm = horizontalMargins(o.margin);
    if (!inherited || !hm) return o;
    const rows = t.body as unknown[];
    const starBox = starLowerBound(o, widths, width - hm[0] - hm[1]);
    let starsOk = starBox !== undefined && starBox > 0;
    const converted = rows.map((row) => {
      if (!Array.isArray(row)) return row;
      return row.map((cell: unknown, i) => {
        const w = widths[i];
        const c = typeof cell === 'string' ? { text: cell } : cell;
        const simple = !!c && typeof c === 'object' && !Array.isArray(c);
        if (typeof w === 'number') return (simple && textNode(c as Json, w, inherited)) || cell;
        if (w !== '*' || !starsOk) return cell;
        const out = simple ? textNode(c as Json, (starBox ?? 0) - STAR_SLACK_PT, inherited, true) : undefined;
        if (!out) starsOk = false;
        return out ?? cell;
      });
    });
    // Either every star cell was rewritten or none is: a partial rewrite could move the column widths.
    const body = starsOk
      ? converted
      : converted.map((row, r) =>
          Array.isArray(row) ? row.map((cell, i) => (widths[i] === '*' ? (rows[r] as unknown[])[i] : cell)) : row,
        );
    return { ...o, table: { ...t, body } };
  };

  /** Columns that all have a numeric width: pdfmake lays each out at exactly that width (gaps come on top). */
  const columns = (o: Json): unknown => {
    for (const k in o) if (!COLUMNS_KEYS.has(k)) return o;
    const cols = o.columns as unknown[];
    if (!cols.every((c) => !!c && typeof c === 'object' && typeof (c as Json).width === 'number')) return o;
    return {
      ...o,
      columns: cols.map((c) => {
        const { width: w, ...rest } = c as Json;
        const out = textNode(rest, w as number, base);
        return out ? { ...(out as unknown as Json), width: w } : c;
      }),
    };
  };

  /** Height of one line of text in this style, as pdfmake computes it (font line height × size × lineHeight). */
  const lineHeightOf = (style: TextStyle): number | undefined => {
    const em = style.font ? setup.lineHeight?.(style.font, !!style.bold) : undefined;
    return em && style.fontSize ? em * style.fontSize * (style.lineHeight ?? 1) : undefined;
  };

  /**
   * The most a table cell of text can be high: pre-broken lines and explicit ones count exactly; text pdfmake wraps
   * itself is counted with breakText, which may break a character earlier or later than pdfmake (kinsoku, Latin
   * kerning), plus one line. Undefined for anything else (nested stacks and tables, images, spans).
   */
  const cellHeight = (cell: unknown, box: number, inherited: TextStyle): number | undefined => {
    const given = (typeof cell === 'string' ? { text: cell } : cell) as Json;
    if (!given || typeof given !== 'object' || Array.isArray(given)) return undefined;
    // A page number (the 记录索引) is laid out as its placeholder until the pages are known.
    const { pageReference, ...rest } = given;
    if (pageReference !== undefined && (typeof pageReference !== 'string' || rest.text !== undefined)) return undefined;
    const node = pageReference === undefined ? given : { ...rest, text: PAGE_REFERENCE_PLACEHOLDER };
    for (const k in node) if (!NEUTRAL_KEYS.has(k) && k !== 'noWrap' && k !== 'stack') return undefined;
    const styleMargin = typeof node.style === 'string' ? (styles[node.style] as Json | undefined)?.margin : undefined;
    const m = allMargins(node.margin !== undefined ? node.margin : styleMargin);
    const style = resolveStyle(node, inherited, styles);
    if (!m || !style?.font || !style.fontSize || style.characterSpacing) return undefined;
    const margins = m[1] + m[3];
    const box0 = box - m[0] - m[2];
    if (Array.isArray(node.stack)) {
      // Pre-broken lines: one line each.
      if (node.text !== undefined || !node.stack.every((l) => lineStack(l)?.lines.length === 1)) return undefined;
      const h = lineHeightOf(style);
      return h ? node.stack.length * h + margins : undefined;
    }
    // Runs of a rich text, each measured in its own style; explicit newlines start lines.
    const runs = typeof node.text === 'string' ? [node.text] : node.text;
    if (!Array.isArray(runs)) return undefined;
    let lineHeight = 0;
    const glyphs: Glyph[] = [];
    for (const run of runs) {
      const r = (typeof run === 'string' ? { text: run } : run) as Json;
      if (!r || typeof r !== 'object' || typeof r.text !== 'string') return undefined;
      for (const k in r) if (!NEUTRAL_KEYS.has(k) || k === 'margin' || k === 'id') return undefined;
      const rs = resolveStyle(r, style, styles);
      const metrics = rs?.font ? setup.metrics(rs.font, !!rs.bold) : undefined;
      const h = rs ? lineHeightOf(rs) : undefined;
      if (!rs?.fontSize || rs.characterSpacing || !metrics || !h) return undefined;
      lineHeight = Math.max(lineHeight, h);
      for (const ch of r.text) glyphs.push({ ch, width: ch === '\n' ? 0 : metrics.widthOf(ch, rs.fontSize) });
    }
    let lines = 0;
    let wrapped = false;
    let start = 0;
    for (let i = 0; i <= glyphs.length; i++) {
      if (i < glyphs.length && glyphs[i]!.ch !== '\n') continue;
      const part = glyphs.slice(start, i).filter((g) => g.ch !== '\r');
      const n = node.noWrap === true ? 1 : breakGlyphs(part, box0).length;
      lines += n;
      wrapped ||= n > 1;
      start = i + 1;
    }
    return (lines + (wrapped ? 1 : 0)) * lineHeight + margins;
  };

  /**
   * The most a table's first `rows` rows can be high as pdfmake lays them out: the top rule, then per row its
   * paddings, its tallest cell and the rule under it. Undefined when a cell or the layout is beyond what this reads.
   */
  const tableStart = (o: Json, width: number, rows: number): number | undefined => {
    const t = o.table as Json;
    const widths = t.widths;
    const body = t.body;
    if (!Array.isArray(widths) || !Array.isArray(body) || body.length < rows) return undefined;
    const layout = o.layout ?? {};
    if (typeof layout !== 'object' || layout === null) return undefined;
    const rule = (key: string) => (i: number) => {
      const f = (layout as Json)[key];
      const v =
        f === undefined
          ? TABLE_DEFAULTS[key]
          : typeof f === 'function'
            ? (f as (i: number, n: unknown) => unknown)(i, o)
            : f;
      return typeof v === 'number' ? v : NaN;
    };
    const [hLine, padTop, padBottom] = [rule('hLineWidth'), rule('paddingTop'), rule('paddingBottom')];
    const inherited = resolveStyle(o, base, styles);
    const hm = horizontalMargins(o.margin);
    if (!inherited || !hm) return undefined;
    const star = starLowerBound(o, widths, width - hm[0] - hm[1]);
    let height = hLine(0);
    for (let r = 0; r < rows; r++) {
      const row = body[r];
      if (!Array.isArray(row) || row.length !== widths.length) return undefined;
      let tallest = 0;
      for (let c = 0; c < row.length; c++) {
        const w = widths[c];
        const box = typeof w === 'number' ? w : w === '*' ? star : undefined;
        const cell = box === undefined ? undefined : cellHeight(row[c], box, inherited);
        if (cell === undefined) return undefined;
        tallest = Math.max(tallest, cell);
      }
      height += padTop(r) + tallest + padBottom(r) + hLine(r + 1);
    }
    return Number.isFinite(height) ? height : undefined;
  };

  /**
   * A heading directly followed by a table: the heading moves to the next page unless the table's header row and
   * first body row (a table without header rows: its first two rows) fit under it. pdfmake has no "keep with next"
   * for a node, and a heading in an unbreakable block with a long table would lose every page after the first. So
   * the heading travels in an unbreakable block with an empty space as tall as those rows (counted here), and the
   * table's top margin takes that space back: where the block fits, the table's first rows fit in the space the
   * block reserved and are drawn exactly where they would have been; where it does not, heading and table start
   * the next page. The rest of the table breaks as before. Undefined when the rows cannot be counted (or would need
   * more than MAX_KEPT_SHARE of a page).
   */
  const keptWithTable = (headings: unknown[], tableNode: unknown, width: number): unknown[] | undefined => {
    if (!setup.lineHeight || !setup.contentHeight) return undefined;
    const o = tableNode as Json;
    const t = o.table as Json;
    // The table's own margin wins over its style's (pdfmake's getNodeMargin); the new one replaces both.
    const styleMargin = typeof o.style === 'string' ? (styles[o.style] as Json | undefined)?.margin : undefined;
    const margins = allMargins(o.margin !== undefined ? o.margin : styleMargin);
    if (!margins || !Array.isArray(t.body) || !resolveStyle(o, base, styles)) return undefined;
    const headerRows = typeof t.headerRows === 'number' ? t.headerRows : 0;
    const kept = typeof t.keepWithHeaderRows === 'number' ? t.keepWithHeaderRows : 0;
    const rows = Math.min(t.body.length, headerRows ? headerRows + Math.max(kept, 1) : 2);
    const start = tableStart(o, width, rows);
    if (start === undefined) return undefined;
    // A hundredth of a point covers float sums.
    const reserve = margins[1] + start + 0.01;
    if (reserve > setup.contentHeight * MAX_KEPT_SHARE) return undefined;
    return [
      { stack: [...headings, { stack: [], margin: [0, reserve, 0, 0] }], unbreakable: true },
      { ...o, margin: [margins[0], margins[1] - reserve, margins[2], margins[3]] },
    ];
  };

  const isHeading = (n: unknown) =>
    !!n &&
    typeof n === 'object' &&
    typeof (n as Json).text === 'string' &&
    HEADING_STYLES.has((n as Json).style as string) &&
    (n as Json).pageBreak === undefined;
  const isTable = (n: unknown) =>
    !!n && typeof n === 'object' && !!(n as Json).table && (n as Json).pageBreak === undefined;

  /**
   * A run of page-flow nodes; outside unbreakable blocks, headings directly before a table (「附录」 over 「记录索引」,
   * 「争创活动」 over a campaign's name) keep the start of the table with them.
   */
  const walkList = (nodes: unknown[], width: number, locked: boolean): unknown[] => {
    const out = nodes.map((n) => walk(n, width, locked));
    if (locked) return out;
    const kept: unknown[] = [];
    for (let i = 0; i < out.length; i++) {
      let j = i;
      while (isHeading(nodes[j])) j++;
      const block = j > i && isTable(nodes[j]) ? keptWithTable(out.slice(i, j), out[j], width) : undefined;
      if (block) {
        kept.push(...block);
        i = j;
      } else kept.push(out[i]);
    }
    return kept;
  };

  const walk = (node: unknown, width: number, locked = false): unknown => {
    if (Array.isArray(node)) return walkList(node, width, locked);
    if (!node || typeof node !== 'object') return node;
    const o = node as Json;
    if (Array.isArray(o.stack)) {
      for (const k in o) if (!STACK_KEYS.has(k)) return node;
      const hm = horizontalMargins(o.margin);
      if (!hm) return node;
      const { [KEEP_WITH_HEADING]: keep, ...own } = o;
      const out = { ...own, stack: walk(o.stack, width - hm[0] - hm[1], locked || o.unbreakable === true) };
      return typeof keep === 'number' ? keptWithHeading(out, keep) : out;
    }
    if (o.table && typeof o.table === 'object') return table(o, width);
    if (Array.isArray(o.columns)) return columns(o);
    return textNode(o, width, base) ?? node;
  };

  if (!Array.isArray(doc.content)) return doc;
  return { ...doc, content: walk(doc.content, setup.contentWidth) as Content[] };
}
