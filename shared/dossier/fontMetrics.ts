// Advance widths read straight from TrueType bytes (cmap 4/12, hmtx, hhea, head), for breaking lines before pdfmake.

/** Horizontal metrics of one font: enough to measure a line of text exactly as its advance widths add up. */
export interface FontMetrics {
  unitsPerEm: number;
  /** Advance width in font units of the glyph the font maps this code point to (the .notdef width when unmapped). */
  advance(codePoint: number): number;
  /** Whether the font maps this code point to a glyph (else it prints as the .notdef box). */
  hasGlyph(codePoint: number): boolean;
  /** Width in points of `text` at `fontSize` with `characterSpacing` added after every character. */
  widthOf(text: string, fontSize: number, characterSpacing?: number): number;
}

function tableDirectory(view: DataView): Map<string, { offset: number; length: number }> {
  const numTables = view.getUint16(4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(rec),
      view.getUint8(rec + 1),
      view.getUint8(rec + 2),
      view.getUint8(rec + 3),
    );
    tables.set(tag, { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  return tables;
}

/** Builds a code point → glyph id lookup from the best Unicode subtable (format 12 preferred, else format 4). */
function readCmap(view: DataView, base: number): (cp: number) => number {
  const count = view.getUint16(base + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < count; i++) {
    const rec = base + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const sub = base + view.getUint32(rec + 4);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = view.getUint16(sub);
    if (format === 12 && format12 < 0) format12 = sub;
    if (format === 4 && format4 < 0) format4 = sub;
  }
  if (format12 >= 0) {
    const groups = view.getUint32(format12 + 12);
    const starts = new Uint32Array(groups);
    const ends = new Uint32Array(groups);
    const glyphs = new Uint32Array(groups);
    for (let g = 0; g < groups; g++) {
      const rec = format12 + 16 + g * 12;
      starts[g] = view.getUint32(rec);
      ends[g] = view.getUint32(rec + 4);
      glyphs[g] = view.getUint32(rec + 8);
    }
    return (cp) => {
      // Groups are sorted by start code: binary search.
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (cp < starts[mid]!) hi = mid - 1;
        else if (cp > ends[mid]!) lo = mid + 1;
        else return glyphs[mid]! + (cp - starts[mid]!);
      }
      return 0;
    };
  }
  if (format4 >= 0) {
    const segCount = view.getUint16(format4 + 6) / 2;
    const endsAt = format4 + 14;
    const startsAt = endsAt + segCount * 2 + 2;
    const deltasAt = startsAt + segCount * 2;
    const rangesAt = deltasAt + segCount * 2;
    return (cp) => {
      if (cp > 0xffff) return 0;
      for (let s = 0; s < segCount; s++) {
        if (cp > view.getUint16(endsAt + s * 2)) continue;
        const start = view.getUint16(startsAt + s * 2);
        if (cp < start) return 0;
        const delta = view.getInt16(deltasAt + s * 2);
        const rangeOffsetAt = rangesAt + s * 2;
        const rangeOffset = view.getUint16(rangeOffsetAt);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        const glyph = view.getUint16(rangeOffsetAt + rangeOffset + (cp - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new Error('字体缺少 Unicode 字符映射表（cmap）');
}

/** Parses the tables needed for advance widths. Throws (in Chinese) when the bytes are not a usable TrueType font. */
export function parseFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableDirectory(view);
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const cmap = tables.get('cmap');
  if (!head || !hhea || !hmtx || !cmap) throw new Error('字体文件缺少 head/hhea/hmtx/cmap 表，无法测量字宽');
  const unitsPerEm = view.getUint16(head.offset + 18);
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  const glyphOf = readCmap(view, cmap.offset);
  // Glyphs past numberOfHMetrics repeat the last advance (monospaced tail).
  const advanceOfGlyph = (glyph: number) => view.getUint16(hmtx.offset + Math.min(glyph, numberOfHMetrics - 1) * 4);
  const cache = new Map<number, number>();
  const advance = (cp: number) => {
    let a = cache.get(cp);
    if (a === undefined) {
      a = advanceOfGlyph(glyphOf(cp));
      cache.set(cp, a);
    }
    return a;
  };
  return {
    unitsPerEm,
    advance,
    hasGlyph: (cp) => glyphOf(cp) !== 0,
    widthOf(text, fontSize, characterSpacing = 0) {
      let units = 0;
      let chars = 0;
      for (const ch of text) {
        units += advance(ch.codePointAt(0)!);
        chars++;
      }
      return (units / unitsPerEm) * fontSize + chars * characterSpacing;
    },
  };
}
