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

/**
 * Where breakText's lines lie in `text`: [start, end) UTF-16 offsets, one pair per line. Text from the start of one
 * line to the end of a later one is those lines as written, newlines included (a piece of a cell, see splitRow).
 */
function lineRanges(text: string, maxWidth: number, measure: (s: string) => number): [number, number][] {
  const out: [number, number][] = [];
  const newline = /\r?\n|\r/g;
  let start = 0;
  for (;;) {
    const found = newline.exec(text);
    const end = found ? found.index : text.length;
    const chars = [...text.slice(start, end)];
    const offsets = [start];
    for (const ch of chars) offsets.push(offsets[offsets.length - 1]! + ch.length);
    const glyphs = chars.map((ch) => ({ ch, width: measure(ch) }));
    for (const [a, b] of breakGlyphs(glyphs, maxWidth)) out.push([offsets[a]!, offsets[b]!]);
    if (!found) return out;
    start = found.index + found[0].length;
  }
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
  // Typed indentation (layout.ts asTyped): kept on the first line of each paragraph, see textNode.
  'preserveLeadingSpaces',
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
    Object.keys(l).every((k) => k === 'text' || k === 'noWrap' || k === 'preserveLeadingSpaces' || extra.includes(k));
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

/**
 * Keys of a table cell that leave its line height and margins those of the table (a cell with others, such as its
 * own fontSize or style, is measured).
 */
const PLAIN_CELL_KEYS = new Set([
  'text',
  'stack',
  'noWrap',
  'preserveLeadingSpaces',
  'color',
  'bold',
  'alignment',
  'fillColor',
  'id',
]);

/** Lines an unbreakable block is allowed to grow by at layout beyond what breakText makes of it (see walk). */
const BLOCK_SLACK_LINES = 2;

/** What the first cell of a continuation row adds to the row's first cell. */
const CONTINUED = '（续）';

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
  const contentHeight = setup.lineHeight ? (setup.contentHeight ?? Infinity) : Infinity;
  /** Tables made taller than a page so far (withRowsThatFit): an unbreakable block holding one must break. */
  let overPage = 0;

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
    const measure = (s: string) => metrics.widthOf(s, size);
    // pdfmake trims the whitespace a line starts with unless told not to. Asked to keep it (typed indentation), only
    // the first line of each paragraph says so: a wrapped line never starts with a space pdfmake would have cut.
    const indent = node.preserveLeadingSpaces === true;
    const lines = node.text
      .split(/\r?\n|\r/)
      .flatMap((paragraph) =>
        breakLine(paragraph, box, measure).map((text, i) =>
          indent && i === 0 && /^\s/u.test(text)
            ? { text, noWrap: true, preserveLeadingSpaces: true }
            : { text, noWrap: true },
        ),
      );
    const { text: _text, preserveLeadingSpaces: _indent, ...props } = node;
    void _text;
    void _indent;
    // One line looks the same whatever the alignment (bar justify); several lines are only rewritten left-aligned.
    if (lines.length === 1 && alignment !== 'justify') return { ...props, ...lines[0]! } as Content;
    // An anchor stays on one node: only a paragraph that stays one line keeps its id.
    if (alignment !== 'left' || singleLineOnly || node.id !== undefined) return undefined;
    // The node's own properties move to the stack, which pdfmake lets its children inherit.
    return { ...props, stack: lines } as Content;
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
    const fixed = (cell: unknown, w: number) => {
      const c = typeof cell === 'string' ? { text: cell } : cell;
      const simple = !!c && typeof c === 'object' && !Array.isArray(c);
      return (simple && textNode(c as Json, w, inherited)) || cell;
    };
    const converted = rows.map((row) => {
      if (!Array.isArray(row)) return row;
      return row.map((cell: unknown, i) => {
        const w = widths[i];
        if (typeof w === 'number') return fixed(cell, w);
        if (w !== '*' || !starsOk) return cell;
        const c = typeof cell === 'string' ? { text: cell } : cell;
        const simple = !!c && typeof c === 'object' && !Array.isArray(c);
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
    // Pieces of a row taller than a page: their fixed-width cells pre-broken like the rest (a piece starts a line).
    const piece = (row: unknown[]) =>
      row.map((cell, i) => (typeof widths[i] === 'number' ? fixed(cell, widths[i]) : cell));
    return withRowsThatFit({ ...o, table: { ...t, body } }, width, rows, piece);
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
   * kerning), plus one line (without `slack`: as breakText breaks it). Undefined for anything else (nested stacks
   * and tables, images, spans).
   */
  const cellHeight = (cell: unknown, box: number, inherited: TextStyle, slack = true): number | undefined => {
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
      if (node.text !== undefined) return undefined;
      // Pre-broken lines: one line each.
      if (node.stack.every((l) => lineStack(l)?.lines.length === 1)) {
        const h = lineHeightOf(style);
        return h ? node.stack.length * h + margins : undefined;
      }
      // Text and tables one under the other (a 考评 item's 评语 over its 佐证 list, build.ts), each at the cell's width.
      let sum = margins;
      for (const child of node.stack) {
        const t = child as Json;
        const h =
          t && typeof t === 'object' && t.table && typeof t.table === 'object'
            ? nestedTableHeight(t, box0, style, slack)
            : cellHeight(child, box0, style, slack);
        if (h === undefined) return undefined;
        sum += h;
      }
      return sum;
    }
    // Runs of a rich text, each measured in its own style; explicit newlines start lines.
    const runs = typeof node.text === 'string' ? [node.text] : node.text;
    if (!Array.isArray(runs)) return undefined;
    let lineHeight = 0;
    const glyphs: Glyph[] = [];
    for (const run of runs) {
      const r = (typeof run === 'string' ? { text: run } : run) as Json;
      if (!r || typeof r !== 'object' || typeof r.text !== 'string') return undefined;
      // A run kept on one line (layout.ts unbroken) is measured as text that may break: pdfmake needs no more lines
      // for it as long as each run fits a line, which unbroken's callers see to (and the slack line covers).
      for (const k in r) if ((!NEUTRAL_KEYS.has(k) && k !== 'noWrap') || k === 'margin' || k === 'id') return undefined;
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
    return (lines + (wrapped && slack ? 1 : 0)) * lineHeight + margins;
  };

  /** How pdfmake lays out a table's rows, or undefined for a layout or widths beyond what this reads. */
  interface TableGeometry {
    hLine: (i: number) => number;
    padTop: (i: number) => number;
    padBottom: (i: number) => number;
    /** The text width of each column (undefined for an `auto` one, or a star one this cannot compute). */
    boxes: (number | undefined)[];
    inherited: TextStyle;
  }

  /**
   * A table inside a table cell (a 佐证 list), `width` the cell's text width, `inherited` the cell's style: its rows
   * and its vertical margins. Undefined for anything the table walk would not read.
   */
  const nestedTableHeight = (o: Json, width: number, inherited: TextStyle, slack: boolean): number | undefined => {
    for (const k in o) if (!TABLE_KEYS.has(k) || k === 'pageBreak' || k === 'id') return undefined;
    const body = (o.table as Json).body;
    const m = allMargins(o.margin);
    if (!m || !Array.isArray(body)) return undefined;
    const h = tableStart(o, width, body.length, slack, inherited);
    return h === undefined ? undefined : h + m[1] + m[3];
  };

  const geometry = (o: Json, width: number, within: TextStyle = base): TableGeometry | undefined => {
    const widths = (o.table as Json).widths;
    if (!Array.isArray(widths)) return undefined;
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
    const inherited = resolveStyle(o, within, styles);
    const hm = horizontalMargins(o.margin);
    if (!inherited || !hm) return undefined;
    const star = starLowerBound(o, widths, width - hm[0] - hm[1]);
    return {
      hLine: rule('hLineWidth'),
      padTop: rule('paddingTop'),
      padBottom: rule('paddingBottom'),
      boxes: widths.map((w) => (typeof w === 'number' ? w : w === '*' ? star : undefined)),
      inherited,
    };
  };

  /** The most row `r` can be high: its paddings, its tallest cell and the rule under it. */
  const rowHeight = (g: TableGeometry, row: unknown, r: number, slack = true): number | undefined => {
    if (!Array.isArray(row) || row.length !== g.boxes.length) return undefined;
    let tallest = 0;
    for (let c = 0; c < row.length; c++) {
      const box = g.boxes[c];
      const cell = box === undefined ? undefined : cellHeight(row[c], box, g.inherited, slack);
      if (cell === undefined) return undefined;
      tallest = Math.max(tallest, cell);
    }
    const height = g.padTop(r) + tallest + g.padBottom(r) + g.hLine(r + 1);
    return Number.isFinite(height) ? height : undefined;
  };

  /**
   * The most a table's first `rows` rows can be high as pdfmake lays them out: the top rule, then per row its
   * paddings, its tallest cell and the rule under it. Undefined when a cell or the layout is beyond what this reads.
   */
  const tableStart = (
    o: Json,
    width: number,
    rows: number,
    slack = true,
    within: TextStyle = base,
  ): number | undefined => {
    const body = (o.table as Json).body;
    const g = geometry(o, width, within);
    if (!g || !Array.isArray(body) || body.length < rows) return undefined;
    let height = g.hLine(0);
    for (let r = 0; r < rows; r++) {
      const h = rowHeight(g, body[r], r, slack);
      if (h === undefined) return undefined;
      height += h;
    }
    return Number.isFinite(height) ? height : undefined;
  };

  /** A text cell as lines: how many, how high, and the cell that holds lines [a, b) of them. */
  interface CellLines {
    count: number;
    lineHeight: number;
    /** Vertical margins, and one line more where the text wraps (pdfmake breaks it and may need a line more). */
    extra: number;
    piece: (a: number, b: number) => unknown;
  }

  /** A cell of plain text cut where its lines start (breakText at the cell's width), or undefined for anything else. */
  const cellLines = (cell: unknown, box: number, inherited: TextStyle): CellLines | undefined => {
    const node = (typeof cell === 'string' ? { text: cell } : cell) as Json;
    if (!node || typeof node !== 'object' || Array.isArray(node) || typeof node.text !== 'string') return undefined;
    for (const k in node) if (!NEUTRAL_KEYS.has(k)) return undefined;
    const styleMargin = typeof node.style === 'string' ? (styles[node.style] as Json | undefined)?.margin : undefined;
    const m = allMargins(node.margin !== undefined ? node.margin : styleMargin);
    const style = resolveStyle(node, inherited, styles);
    const metrics = style?.font ? setup.metrics(style.font, !!style.bold) : undefined;
    const lineHeight = style ? lineHeightOf(style) : undefined;
    if (!m || !style?.fontSize || style.characterSpacing || !metrics || !lineHeight) return undefined;
    const size = style.fontSize;
    const text = node.text;
    const ranges = lineRanges(text, box - m[0] - m[2], (s) => metrics.widthOf(s, size));
    const wraps = ranges.length > text.split(/\r?\n|\r/).length;
    // An anchor stays with the first piece.
    const { id: _id, ...rest } = node;
    void _id;
    return {
      count: ranges.length,
      lineHeight,
      extra: m[1] + m[3] + (wraps ? lineHeight : 0),
      piece: (a, b) => ({
        ...(a === 0 ? node : rest),
        text: a < ranges.length ? text.slice(ranges[a]![0], ranges[Math.min(b, ranges.length) - 1]![1]) : '',
      }),
    };
  };

  /** The first cell of a continuation row: what the row's first cell says, marked 「（续）」. */
  const continued = (cell: unknown): unknown => {
    const node = (typeof cell === 'string' ? { text: cell } : cell) as Json;
    if (!node || typeof node !== 'object' || typeof node.text !== 'string') return { text: CONTINUED };
    for (const k in node) if (!NEUTRAL_KEYS.has(k)) return { text: CONTINUED };
    const { id: _id, ...rest } = node;
    void _id;
    return { ...rest, text: `${node.text.split(/\r?\n|\r/)[0]!.trim()}${CONTINUED}` };
  };

  /** A cell of a continuation row with nothing left to print: its look (a label's shading) without its text. */
  const emptied = (cell: unknown): unknown => {
    if (!cell || typeof cell !== 'object' || Array.isArray(cell) || typeof (cell as Json).text !== 'string') return '';
    for (const k in cell) if (!NEUTRAL_KEYS.has(k)) return '';
    const { id: _id, ...rest } = cell as Json;
    void _id;
    return { ...rest, text: '' };
  };

  /**
   * One row as several, each at most `cap` high: the cells too tall for that are cut where their lines start, into
   * pieces of about the same number of lines (not full pieces and a short tail); the other cells print in the first
   * row, and the first cell of every later row says whose row goes on (「张三（续）」). Undefined when a cell too tall
   * for a piece is not plain text, or cannot be measured.
   */
  const splitRow = (g: TableGeometry, row: unknown[], r: number, cap: number): unknown[][] | undefined => {
    const room = cap - g.padTop(r) - g.padBottom(r) - g.hLine(r + 1);
    const cut = new Map<number, CellLines>();
    let perPiece = Infinity;
    for (let c = 0; c < row.length; c++) {
      const box = g.boxes[c];
      const height = box === undefined ? undefined : cellHeight(row[c], box, g.inherited);
      if (height === undefined) return undefined;
      if (height <= room) continue;
      const lines = cellLines(row[c], box!, g.inherited);
      if (!lines) return undefined;
      cut.set(c, lines);
      perPiece = Math.min(perPiece, Math.floor((room - lines.extra) / lines.lineHeight));
    }
    if (!cut.size || !(perPiece >= 1)) return undefined;
    const all = [...cut.values()];
    const pieces = Math.max(...all.map((l) => Math.ceil(l.count / perPiece)));
    const share = Math.max(...all.map((l) => Math.ceil(l.count / pieces)));
    return Array.from({ length: pieces }, (_, k) =>
      row.map((cell, c) => {
        const lines = cut.get(c);
        if (lines) return lines.piece(k * share, (k + 1) * share);
        if (k === 0) return cell;
        return c === 0 ? continued(cell) : emptied(cell);
      }),
    );
  };

  /**
   * A `dontBreakRows` table (dataTable, formTable; `o` with its cells pre-broken, `written` its rows as written)
   * whose rows are each shorter than a page, so that every row prints. pdfmake 0.3 keeps only the first page of an
   * unbreakable row and drops the rest without a word: a 民主评议 row with a 400-character 自评, a 阵地复查 with a
   * 2,000-character 检查情况, the 谈心谈话 row of the compliance table naming 55 members. A row taller than what a page
   * holds under the table's header rows is printed as several rows (splitRow), each short enough for the header rows
   * and it to take at most MAX_KEPT_SHARE of a page: a heading keeps the first piece with it (keptWithTable), a page
   * holds two pieces under the repeated header, and a piece that does not fit at the foot of a page leaves at most
   * half a page blank. A row that cannot be cut (text pdfmake alone can measure) lets the table break inside rows
   * instead. Rows that cannot be measured stay as they are.
   */
  const withRowsThatFit = (
    o: Json,
    width: number,
    written: readonly unknown[],
    piece: (row: unknown[]) => unknown[],
  ): Json => {
    const t = o.table as Json;
    const body = t.body as unknown[];
    if (t.dontBreakRows !== true || !setup.lineHeight || !setup.contentHeight) return o;
    const headerRows = typeof t.headerRows === 'number' ? t.headerRows : 0;
    const g = geometry(o, width);
    const head = tableStart(o, width, headerRows);
    const margins = allMargins(o.margin);
    if (!g || head === undefined || !margins) return o;
    const limit = setup.contentHeight - head;
    // As keptWithTable counts: the table's top margin, its header rows and the first piece (and float slack).
    const cap = Math.min(limit, setup.contentHeight * MAX_KEPT_SHARE - margins[1] - head - 0.02);
    // Most rows are far shorter than a page: a bound that reads no glyph (a line holds at least one character, or
    // is one pre-broken line) spares measuring them. Cells that set their own size are measured.
    const font = g.inherited.font;
    const em = font ? Math.max(setup.lineHeight(font, false) ?? NaN, setup.lineHeight(font, true) ?? NaN) : NaN;
    const line = em * (g.inherited.fontSize ?? NaN) * (g.inherited.lineHeight ?? 1);
    const lines = (cell: unknown): number | undefined => {
      if (typeof cell === 'string') return cell.length;
      if (!cell || typeof cell !== 'object') return undefined;
      for (const k in cell) if (!PLAIN_CELL_KEYS.has(k)) return undefined;
      const { text, stack } = cell as Json;
      if (typeof text === 'string') return text.length;
      // A pre-broken paragraph: one line per node.
      const oneLine = (l: unknown) => !!l && typeof l === 'object' && (l as Json).noWrap === true;
      return Array.isArray(stack) && stack.every(oneLine) ? stack.length : undefined;
    };
    const short = (row: unknown, r: number) => {
      if (!Array.isArray(row) || !(line > 0)) return false;
      let most = 0;
      for (const cell of row) {
        const n = lines(cell);
        if (n === undefined) return false;
        most = Math.max(most, n);
      }
      // One line more for a wrapped text pdfmake breaks itself (cellHeight).
      return g.padTop(r) + (most + 1) * line + g.padBottom(r) + g.hLine(r + 1) <= limit;
    };
    let rows: unknown[] | undefined;
    let breakRows = false;
    for (let r = headerRows; r < body.length; r++) {
      const row = body[r];
      const height = short(row, r) ? 0 : rowHeight(g, row, r);
      if (height === undefined || height <= limit) {
        rows?.push(row);
        continue;
      }
      rows ??= body.slice(0, r);
      const pieces = splitRow(g, written[r] as unknown[], r, cap);
      if (pieces) rows.push(...pieces.map(piece));
      else {
        rows.push(row);
        breakRows = true;
      }
    }
    if (!rows) return o;
    // The table is now taller than a page: an unbreakable block around it must break (see walk).
    overPage++;
    const { dontBreakRows: _dontBreakRows, ...breakable } = t;
    void _dontBreakRows;
    return { ...o, table: { ...(breakRows ? breakable : t), body: rows } };
  };

  /** Whether a stack holds a table or a list, directly or in a stack inside it. */
  const holdsRows = (nodes: unknown): boolean =>
    Array.isArray(nodes) &&
    nodes.some((n) => {
      if (!n || typeof n !== 'object') return false;
      const o = n as Json;
      return !!o.table || Array.isArray(o.ol) || Array.isArray(o.ul) || holdsRows(o.stack);
    });

  /**
   * How high a block of page-flow nodes will be (text, pre-broken paragraphs, tables, lists of text, stacks of them,
   * with their margins) with text broken as breakText breaks it, or undefined for anything else (images, columns).
   * Not a bound: pdfmake may need a line more here and there (cellHeight's slack, which summed over a table of
   * wrapped cells would call a block that fits a page too tall).
   */
  const likelyHeight = (node: unknown, width: number): number | undefined => {
    if (Array.isArray(node)) {
      let sum = 0;
      for (const n of node) {
        const h = likelyHeight(n, width);
        if (h === undefined) return undefined;
        sum += h;
      }
      return sum;
    }
    if (typeof node === 'string') return cellHeight(node, width, base, false);
    if (!node || typeof node !== 'object') return undefined;
    const o = node as Json;
    if (o.table && typeof o.table === 'object') {
      const body = (o.table as Json).body;
      const styleMargin = typeof o.style === 'string' ? (styles[o.style] as Json | undefined)?.margin : undefined;
      const m = allMargins(o.margin !== undefined ? o.margin : styleMargin);
      const h = m && Array.isArray(body) ? tableStart(o, width, body.length, false) : undefined;
      return h === undefined ? undefined : h + m![1] + m![3];
    }
    const items = o.ol ?? o.ul;
    if (Array.isArray(items)) {
      // Items are laid out right of their markers: pdfmake's gap is as wide as 「9. 」 or the widest 「12. 」.
      for (const k in o) if (k !== 'ol' && k !== 'ul' && k !== 'margin') return undefined;
      const m = allMargins(o.margin);
      const metrics = base.font ? setup.metrics(base.font, !!base.bold) : undefined;
      if (!m || !metrics || !base.fontSize) return undefined;
      const marker = (s: string) => metrics.widthOf(s, base.fontSize!);
      const gap = Math.max(marker('9. '), Array.isArray(o.ol) ? marker(`${items.length}. `) : 0);
      const h = likelyHeight(items, width - m[0] - m[2] - gap);
      return h === undefined ? undefined : h + m[1] + m[3];
    }
    if (Array.isArray(o.stack) && !o.stack.every((l) => lineStack(l)?.lines.length === 1)) {
      for (const k in o) if (!STACK_KEYS.has(k)) return undefined;
      const m = allMargins(o.margin);
      const h = m ? likelyHeight(o.stack, width - m[0] - m[2]) : undefined;
      return h === undefined ? undefined : h + m![1] + m![3];
    }
    // Text and pre-broken paragraphs, margins included.
    return cellHeight(o, width, base, false);
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
      const inner = width - hm[0] - hm[1];
      const tall = overPage;
      let out: Json = { ...own, stack: walk(o.stack, inner, locked || o.unbreakable === true) };
      // Measured only around tables and lists: the blocks of text the dossier keeps whole are short by construction.
      // A block within BLOCK_SLACK_LINES of a page breaks too: pdfmake may need a line more than breakText here and
      // there, and a block kept whole that does not fit loses what the page cannot hold.
      const over = () => {
        if (overPage > tall) return true;
        const h = holdsRows(out.stack) ? likelyHeight(out, width) : undefined;
        return h !== undefined && h + BLOCK_SLACK_LINES * (lineHeightOf(base) ?? 0) > contentHeight;
      };
      if (o.unbreakable === true && !locked && over()) {
        // pdfmake prints only the first page of an unbreakable block: one taller than a page breaks like the rest of
        // the flow (a heading still keeps the start of a table after it, walkList).
        const { unbreakable: _unbreakable, ...free } = own;
        void _unbreakable;
        out = { ...free, stack: walk(o.stack, inner, false) };
      }
      return typeof keep === 'number' ? keptWithHeading(out, keep) : out;
    }
    if (o.table && typeof o.table === 'object') return table(o, width);
    if (Array.isArray(o.columns)) return columns(o);
    return textNode(o, width, base) ?? node;
  };

  if (!Array.isArray(doc.content)) return doc;
  return { ...doc, content: walk(doc.content, setup.contentWidth) as Content[] };
}
