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
}

/** What a text node's line breaking depends on; everything else on the node is copied unchanged. */
interface TextStyle {
  font?: string;
  bold?: boolean;
  fontSize?: number;
  characterSpacing?: number;
  alignment?: string;
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

  const walk = (node: unknown, width: number): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, width));
    if (!node || typeof node !== 'object') return node;
    const o = node as Json;
    if (Array.isArray(o.stack)) {
      for (const k in o) if (!STACK_KEYS.has(k)) return node;
      const hm = horizontalMargins(o.margin);
      if (!hm) return node;
      const { [KEEP_WITH_HEADING]: keep, ...own } = o;
      const out = { ...own, stack: walk(o.stack, width - hm[0] - hm[1]) };
      return typeof keep === 'number' ? keptWithHeading(out, keep) : out;
    }
    if (o.table && typeof o.table === 'object') return table(o, width);
    if (Array.isArray(o.columns)) return columns(o);
    return textNode(o, width, base) ?? node;
  };

  if (!Array.isArray(doc.content)) return doc;
  return { ...doc, content: walk(doc.content, setup.contentWidth) as Content[] };
}
