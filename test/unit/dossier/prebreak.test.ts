// Font metrics from TTF bytes, the kinsoku line breaker, and pre-broken paragraphs rendered against pdfmake's own breaking.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { parseFontMetrics, type FontMetrics } from '../../../shared/dossier/fontMetrics';
import {
  CONTENT_WIDTH,
  DEFAULT_STYLE,
  FONT_FILES,
  PAGE_MARGINS,
  STYLES,
  dataTable,
  formTable,
  fullWidthColumns,
  signatureLines,
} from '../../../shared/dossier/layout';
import { breakText, KEEP_WITH_HEADING, prebreakDocument } from '../../../shared/dossier/prebreak';
import { renderPdf } from '../../../shared/dossier/render';
import { hasPoppler } from './poppler';

type Json = Record<string, unknown>;

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const dir = mkdtempSync(join(tmpdir(), 'prebreak-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fonts: Record<string, Uint8Array>;
let sans: FontMetrics;
let serif: FontMetrics;

beforeAll(() => {
  fonts = Object.fromEntries(FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]));
  sans = parseFontMetrics(fonts['NotoSansSC-Regular.ttf']!);
  serif = parseFontMetrics(fonts['NotoSerifSC-Regular.ttf']!);
});

/** A minimal TrueType file with only head, hhea, hmtx and a format-4 cmap: 'A' → glyph 1, 'B' → glyph 2. */
function tinyFont(): Uint8Array {
  const head = new Uint8Array(54);
  new DataView(head.buffer).setUint16(18, 2048);
  const hhea = new Uint8Array(36);
  new DataView(hhea.buffer).setUint16(34, 3);
  const hmtx = new Uint8Array(12);
  const hv = new DataView(hmtx.buffer);
  [500, 1200, 700].forEach((w, i) => hv.setUint16(i * 4, w));
  // Segments: [0x41..0x42] delta -0x40, then the 0xFFFF terminator.
  const sub = new Uint8Array(16 + 4 * 2 * 2 + 2);
  const sv = new DataView(sub.buffer);
  sv.setUint16(0, 4);
  sv.setUint16(2, sub.length);
  sv.setUint16(6, 4); // segCountX2
  let o = 14;
  for (const end of [0x42, 0xffff]) sv.setUint16((o += 2) - 2, end);
  o += 2; // reservedPad
  for (const start of [0x41, 0xffff]) sv.setUint16((o += 2) - 2, start);
  for (const delta of [-0x40, 1]) sv.setInt16((o += 2) - 2, delta);
  for (let k = 0; k < 2; k++) sv.setUint16((o += 2) - 2, 0);
  const cmap = new Uint8Array(12 + sub.length);
  const cv = new DataView(cmap.buffer);
  cv.setUint16(2, 1);
  cv.setUint16(4, 3);
  cv.setUint16(6, 1);
  cv.setUint32(8, 12);
  cmap.set(sub, 12);
  const tables: [string, Uint8Array][] = [
    ['cmap', cmap],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
  ];
  let offset = 12 + tables.length * 16;
  const out = new Uint8Array(offset + tables.reduce((n, [, t]) => n + t.length + 4, 0));
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x00010000);
  dv.setUint16(4, tables.length);
  tables.forEach(([tag, bytes], i) => {
    for (let c = 0; c < 4; c++) out[12 + i * 16 + c] = tag.charCodeAt(c);
    dv.setUint32(12 + i * 16 + 8, offset);
    dv.setUint32(12 + i * 16 + 12, bytes.length);
    out.set(bytes, offset);
    offset += bytes.length + 4;
  });
  return out;
}

describe('parseFontMetrics', () => {
  it('reads the advance widths of the Noto fonts (ideographs one em, i narrower than W)', () => {
    expect(sans.unitsPerEm).toBe(1000);
    expect(sans.advance('中'.codePointAt(0)!)).toBe(1000);
    expect(serif.advance('党'.codePointAt(0)!)).toBe(1000);
    expect(sans.advance('i'.codePointAt(0)!)).toBeLessThan(sans.advance('W'.codePointAt(0)!));
    expect(sans.advance('i'.codePointAt(0)!)).toBeGreaterThan(0);
    expect(sans.widthOf('支部', 10)).toBeCloseTo(20, 9);
    // A code point beyond the BMP goes through the format-12 table (an unmapped one falls back to .notdef).
    expect(sans.advance(0x20000)).toBeGreaterThan(0);
  });

  it('reads a format-4 cmap and repeats the last advance past numberOfHMetrics', () => {
    const m = parseFontMetrics(tinyFont());
    expect(m.unitsPerEm).toBe(2048);
    expect(m.advance(0x41)).toBe(1200);
    expect(m.advance(0x42)).toBe(700);
    expect(m.advance(0x43)).toBe(500); // unmapped → glyph 0
    expect(m.widthOf('AB', 2048)).toBe(1900);
  });

  it('refuses bytes without the tables it needs, in Chinese', () => {
    const bad = new Uint8Array(12);
    expect(() => parseFontMetrics(bad)).toThrow('字体文件缺少');
  });
});

describe('breakText', () => {
  const unit = (s: string) => [...s].length * 10;

  it('keeps closing punctuation off the line start and opening punctuation off the line end', () => {
    const lines = breakText('一二三四五。六七八（九十', 50, unit);
    expect(lines.join('')).toBe('一二三四五。六七八（九十');
    for (const l of lines) {
      expect(unit(l)).toBeLessThanOrEqual(50);
      expect('。，、；：？！）」』》').not.toContain(l[0]);
      expect('（「『《').not.toContain(l.at(-1));
    }
    expect(lines).toEqual(['一二三四', '五。六七八', '（九十']);
    expect(breakText('一二三四（五六', 50, unit)).toEqual(['一二三四', '（五六']);
  });

  it('never splits a Latin word that fits, drops spaces at the break, and keeps explicit (also empty) lines', () => {
    const lines = breakText('ab cdef gh\n\n中文', 60, unit);
    expect(lines).toEqual(['ab', 'cdef', 'gh', '', '中文']);
    expect(breakText('abcdefghij', 40, unit)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('may break after an em dash (as pdfmake does) but never starts a line with one', () => {
    expect(breakText('2025年12月20日 14:30—16:00', 200, unit)).toEqual(['2025年12月20日 14:30—', '16:00']);
    expect(breakText('一二三四五——六', 60, unit)).toEqual(['一二三四', '五——六']);
  });

  it('fills lines with real widths without ever exceeding the box', () => {
    const text = '会议传达学习了有关文件精神，结合本部门实际进行了讨论。Party branch standardisation 2025年度。'.repeat(
      9,
    );
    const measure = (s: string) => serif.widthOf(s, 10.5);
    const box = 442.2;
    const lines = breakText(text, box, measure);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(box + 1e-6);
    // Greedy: the lines are filled (a Latin word or kinsoku may leave a little room, not more).
    const full = lines.slice(0, -1).map(measure);
    expect(full.reduce((a, b) => a + b, 0) / full.length).toBeGreaterThan(box * 0.9);
  });
});

describe('prebreakDocument', () => {
  const metrics = (font: string, bold: boolean) => (font === 'NotoSerifSC' && !bold ? serif : undefined);
  const base: TDocumentDefinitions = { content: [], defaultStyle: DEFAULT_STYLE, styles: STYLES };

  it('rewrites page-flow paragraphs and fixed-width cells, leaves what it cannot measure exactly', () => {
    const long = '与会同志一致认为，要把学习成果转化为推动工作的实际成效。'.repeat(6);
    const content: Content[] = [
      { stack: [{ text: long }], pageBreak: 'before' },
      { text: long, characterSpacing: 2 },
      { text: long, bold: true },
      { table: { widths: [60, '*'], body: [['王建国', '李春梅']] } },
    ];
    const out = prebreakDocument({ ...base, content }, { metrics, contentWidth: 400 }).content as unknown[];
    const para = (out[0] as { stack: { stack: { text: string; noWrap: boolean }[] }[] }).stack[0]!;
    expect(para.stack.length).toBeGreaterThan(1);
    expect(para.stack.every((l) => l.noWrap && serif.widthOf(l.text, 10.5) <= 400)).toBe(true);
    expect(para.stack.map((l) => l.text).join('')).toBe(long);
    expect(out[1]).toBe(content[1]);
    expect(out[2]).toBe(content[2]);
    const row = (out[3] as { table: { body: unknown[][] } }).table.body[0]!;
    expect(row[0]).toEqual({ text: '王建国', noWrap: true });
    expect(row[1]).toEqual({ text: '李春梅', noWrap: true });
  });

  it('rewrites star cells all or nothing: one that may wrap leaves every star cell alone', () => {
    const long = '要把学习成果转化为推动工作的实际成效。'.repeat(3);
    const table = { table: { widths: [60, '*', '*'], body: [['王建国', '李春梅', long]] } };
    const out = prebreakDocument({ ...base, content: [table] }, { metrics, contentWidth: 400 }).content as unknown[];
    const row = (out[0] as { table: { body: unknown[][] } }).table.body[0]!;
    expect(row[0]).toEqual({ text: '王建国', noWrap: true });
    expect(row[1]).toBe('李春梅');
    expect(row[2]).toBe(long);
    // A named layout has paddings this does not evaluate: star cells stay.
    const named = { ...table, layout: 'noBorders', table: { ...table.table, body: [['甲', '乙', '丙']] } };
    const out2 = prebreakDocument({ ...base, content: [named] }, { metrics, contentWidth: 400 }).content as unknown[];
    expect((out2[0] as { table: { body: unknown[][] } }).table.body[0]![1]).toBe('乙');
  });
});

describe('keepWithHeading', () => {
  const metrics = (font: string, bold: boolean) => (font === 'NotoSerifSC' && !bold ? serif : undefined);
  const base: TDocumentDefinitions = { content: [], defaultStyle: DEFAULT_STYLE, styles: STYLES };
  const heading = { text: '会议内容', style: 'h3' };
  const block = (text: string, extra: object = {}) =>
    ({ stack: [heading, { text }], unbreakable: true, [KEEP_WITH_HEADING]: 2, ...extra }) as unknown as Content;
  const run = (node: Content) =>
    prebreakDocument({ ...base, content: [node] }, { metrics, contentWidth: 400 }).content as unknown[];
  type Lines = { stack: { text: string; noWrap: boolean }[]; unbreakable?: boolean };

  it('lets a long paragraph break after its first two lines, keeps the last two together, moves no line', () => {
    const long = '会议传达学习了上级文件精神，讨论了本季度工作安排。'.repeat(8);
    const out = run(block(long))[0] as { stack: unknown[]; unbreakable?: boolean; keepWithHeading?: number };
    expect(out.unbreakable).toBeUndefined();
    expect(out.keepWithHeading).toBeUndefined();
    const [head, middle, tail] = out.stack as [{ stack: [unknown, Lines]; unbreakable: boolean }, Lines, Lines];
    expect(head.unbreakable).toBe(true);
    expect(head.stack[0]).toBe(heading);
    expect(head.stack[1].stack).toHaveLength(2);
    expect(middle.unbreakable).toBeUndefined();
    expect(tail).toMatchObject({ unbreakable: true });
    expect(tail.stack).toHaveLength(2);
    // Every line, in order, exactly once.
    const all = [...head.stack[1].stack, ...middle.stack, ...tail.stack];
    expect(all.every((l) => l.noWrap)).toBe(true);
    expect(all.map((l) => l.text).join('')).toBe(long);
  });

  it("keeps what follows the paragraph in the block (a record's 签字 line) with its last two lines", () => {
    const long = '会议传达学习了上级文件精神，讨论了本季度工作安排。'.repeat(8);
    const closing = { stack: [{ text: '记录状态：已定稿' }, { text: '主持人（签字）' }], unbreakable: true };
    const node = { stack: [heading, { text: long }, closing], [KEEP_WITH_HEADING]: 2 } as unknown as Content;
    const out = run(node)[0] as { stack: unknown[] };
    expect(out.stack).toHaveLength(3);
    const [head, middle, tail] = out.stack as [
      { stack: [unknown, Lines] },
      Lines,
      { stack: unknown[]; unbreakable: boolean },
    ];
    expect(tail.unbreakable).toBe(true);
    const [lastLines, kept] = tail.stack as [Lines, Json];
    expect(lastLines.stack).toHaveLength(2);
    expect(kept.stack).toEqual([
      { text: '记录状态：已定稿', noWrap: true },
      { text: '主持人（签字）', noWrap: true },
    ]);
    const all = [...head.stack[1].stack, ...middle.stack, ...lastLines.stack];
    expect(all.map((l) => l.text).join('')).toBe(long);
    // A paragraph too short to split keeps the heading, itself and what follows in one block.
    const short = run({ ...(node as object), stack: [heading, { text: '会议同意。' }, closing] } as Content)[0] as Json;
    expect(short.unbreakable).toBe(true);
    expect((short.stack as unknown[])[2]).toMatchObject({ unbreakable: true });
  });

  it('keeps typed indentation on the first line of each paragraph only, and still splits the block', () => {
    const long = '会议传达学习了上级文件精神，讨论了本季度工作安排。'.repeat(8);
    const text = `\u3000\u3000${long}\n    第二段。\n第三段。`;
    const out = run({ stack: [heading, { text, preserveLeadingSpaces: true }], [KEEP_WITH_HEADING]: 2 } as Content);
    const [head, middle, tail] = (out[0] as { stack: unknown[] }).stack as [{ stack: [unknown, Lines] }, Lines, Lines];
    const all = [...head.stack[1].stack, ...middle.stack, ...tail.stack] as Json[];
    expect(all.map((l) => l.text).join('\n')).toContain('\u3000\u3000会议传达');
    // The two indented paragraph starts say so; wrapped lines and the unindented paragraph do not.
    expect(all.filter((l) => l.preserveLeadingSpaces).map((l) => String(l.text).slice(0, 4))).toEqual([
      '\u3000\u3000会议',
      '    ',
    ]);
    expect(all.at(-1)).toEqual({ text: '第三段。', noWrap: true });
    // Not asked (a node as pdfmake would trim it): no line says so.
    const plain = run({ stack: [heading, { text }], [KEEP_WITH_HEADING]: 2 } as Content);
    expect(JSON.stringify(plain)).not.toContain('preserveLeadingSpaces');
  });

  it('keeps a short block whole, and leaves a block it cannot split as it was written', () => {
    const short = run(block('会议传达学习了上级文件精神。', { unbreakable: false }))[0] as Json;
    expect(short.unbreakable).toBe(true);
    expect(short.keepWithHeading).toBeUndefined();
    // Bold text is not pre-broken here (no metrics for it): nothing to split, pdfmake's own unbreakable stays.
    const bold = block('与会同志一致认为，要把学习成果转化为推动工作的实际成效。'.repeat(6));
    const boldOut = run({ ...(bold as object), stack: [heading, { text: '长'.repeat(300), bold: true }] } as Content);
    expect((boldOut[0] as Json).unbreakable).toBe(true);
    expect(((boldOut[0] as Json).stack as unknown[])[1]).toEqual({ text: '长'.repeat(300), bold: true });
  });
});

describe('a heading before a table', () => {
  const all = (font: string, bold: boolean) => parseFontMetrics(fonts[`${font}-${bold ? 'Bold' : 'Regular'}.ttf`]!);
  const lineHeight = () => 1.448;
  const setup = { metrics: all, lineHeight, contentWidth: CONTENT_WIDTH, contentHeight: 600 };
  const doc = (content: Content[]): TDocumentDefinitions => ({ content, defaultStyle: DEFAULT_STYLE, styles: STYLES });
  const content = (d: TDocumentDefinitions) => d.content as unknown as Json[];
  const heading = { text: '民主评议党员', style: 'h2' };
  const rows = Array.from({ length: 30 }, (_, i) => [`成员${i}`, '对照党员标准查找差距。']);
  const table = dataTable(['姓名', '自评'], rows, [60, '*']);

  it('reserves the height of the header row and first row under it, and the table takes that space back', () => {
    const out = content(prebreakDocument(doc([heading, table]), setup));
    expect(out).toHaveLength(2);
    const [block, rest] = out as [{ stack: Json[]; unbreakable: boolean }, Json];
    expect(block.unbreakable).toBe(true);
    expect(block.stack[0]).toMatchObject({ text: '民主评议党员', noWrap: true });
    const reserve = (block.stack[1]!.margin as number[])[1]!;
    // Two one-line rows at 9.5–10 pt: between two and four lines high; the table itself stays breakable.
    expect(reserve).toBeGreaterThan(2 * 9.5 * 1.448 * 1.35);
    expect(reserve).toBeLessThan(4 * 10 * 1.448 * 1.35 + 20);
    expect(rest.margin).toEqual([0, 4 - reserve, 0, 8]);
    expect(rest.unbreakable).toBeUndefined();
    expect((rest.table as Json).body).toHaveLength(31);
    // 「附录」 over 「记录索引」: both headings go with the table.
    const two = content(prebreakDocument(doc([{ text: '附录', style: 'h1' }, heading, table]), setup));
    expect(two).toHaveLength(2);
    expect((two[0]!.stack as Json[]).map((n) => n.text)).toEqual(['附录', '民主评议党员', undefined]);
  });

  it('leaves the heading as written where it cannot count the first rows, or inside an unbreakable block', () => {
    const nested = dataTable(['姓名', '佐证'], [['甲', { stack: [{ text: '支委会' }, { table: { body: [['1']] } }] }]]);
    const out = content(prebreakDocument(doc([heading, nested]), setup));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ text: '民主评议党员', noWrap: true });
    expect(out[1]!.margin).toEqual([0, 4, 0, 8]);
    // (A block shorter than a page: a taller one may break, see 'rows taller than a page'.)
    const short = dataTable(['姓名', '自评'], rows.slice(0, 5), [60, '*']);
    const locked = content(prebreakDocument(doc([{ stack: [heading, short], unbreakable: true }]), setup));
    expect(locked[0]!.unbreakable).toBe(true);
    expect((locked[0]!.stack as unknown[]).length).toBe(2);
    expect(((locked[0]!.stack as Json[])[1]!.margin as number[])[1]).toBe(4);
    // A first row taller than half a page (but not than a page): better a heading at the foot of a page than half a
    // page left blank.
    const tall = dataTable(['姓名', '自评'], [['甲', '长'.repeat(700)], ...rows], [60, '*']);
    const asWritten = content(prebreakDocument(doc([heading, tall]), setup));
    expect(asWritten).toHaveLength(2);
    expect((asWritten[1]!.margin as number[])[1]).toBe(4);
    // Without line heights (a caller that does not pass them) nothing changes.
    const plain = content(prebreakDocument(doc([heading, table]), { metrics: all, contentWidth: CONTENT_WIDTH }));
    expect(plain[1]!.margin).toEqual([0, 4, 0, 8]);
  });
});

describe('numeric widths for the record forms', () => {
  it('share the A4 text width like pdfmake shares star columns, never exceeding it', () => {
    const sum = (w: number[]) => w.reduce((a, b) => a + b, 0);
    // Default layout: 4 + 4 pt padding per column, 1 pt rules between and around.
    const two = fullWidthColumns([62, '*', 62, '*']);
    expect(two[0]).toBe(62);
    expect(two[1]).toBe(two[3]);
    const total = sum(two) + 4 * 8 + 5 * 1;
    expect(total).toBeLessThanOrEqual(CONTENT_WIDTH);
    expect(total).toBeGreaterThan(CONTENT_WIDTH - 0.03);
    const thin = fullWidthColumns([52, 34, '*', 52, 34, '*'], 0.5);
    expect(sum(thin) + 6 * 8 + 7 * 0.5).toBeGreaterThan(CONTENT_WIDTH - 0.03);
    expect(formTable([['会议主题', '学习']], 1).table.widths).toEqual(fullWidthColumns([62, '*']));
    const sig = signatureLines(['甲', '乙', '丙']) as { columns: { width: number }[]; columnGap: number };
    expect(sum(sig.columns.map((c) => c.width)) + 2 * sig.columnGap).toBeLessThanOrEqual(CONTENT_WIDTH);
  });

  it('let the transform rewrite fixed columns, anchors of one line, and leave other columns alone', () => {
    const all = (font: string, bold: boolean) => parseFontMetrics(fonts[`${font}-${bold ? 'Bold' : 'Regular'}.ttf`]!);
    const long = '传达学习上级会议精神并部署全年党建工作，'.repeat(4);
    const content: Content[] = [
      formTable([['会议主题', { text: long, bold: true }]], 1),
      signatureLines(['主持人（签字）', '记录人（签字）']),
      { columns: [{ text: '甲' }, { text: '乙', width: 100 }] },
      { text: '标题', id: 'a1', style: 'recordTitle' },
      { text: long.repeat(3), id: 'a2' },
    ];
    const doc = { content, defaultStyle: DEFAULT_STYLE, styles: STYLES };
    const out = prebreakDocument(doc, { metrics: all, contentWidth: CONTENT_WIDTH }).content as unknown as Record<
      string,
      never
    >[];
    const topic = (out[0]!.table as { body: unknown[][] }).body[0]![1] as { stack: { text: string }[]; bold: boolean };
    expect(topic.bold).toBe(true);
    expect(topic.stack.length).toBeGreaterThan(1);
    expect(topic.stack.map((l) => l.text).join('')).toBe(long);
    const sig = out[1]!.columns as { noWrap: boolean; width: number }[];
    expect(sig.every((c) => c.noWrap && c.width > 100)).toBe(true);
    expect(out[2]).toBe(content[2]);
    expect(out[3]).toEqual({ text: '标题', id: 'a1', style: 'recordTitle', noWrap: true });
    expect(out[4]).toBe(content[4]);
  });
});

describe.skipIf(!hasPoppler)('record forms rendered both ways (needs poppler-utils)', () => {
  it('print the same lines in the same places', async () => {
    const doc = (): TDocumentDefinitions => ({
      pageSize: 'A4',
      pageMargins: PAGE_MARGINS,
      defaultStyle: DEFAULT_STYLE,
      styles: STYLES,
      content: [
        formTable([['会议主题', { text: '传达学习上级会议精神并部署全年党建工作，'.repeat(4), bold: true }]], 1),
        formTable([
          ['时间', '2025年12月20日 14:30—16:00'],
          ['地点', '机关党员活动室（三楼东侧会议室，可容纳四十人）'],
          ['主持人', '王建国'],
        ]),
        signatureLines(['支部书记', '审核人', '日期']),
      ],
    });
    const read = async (partsPerChunk: number) => {
      const pdf = join(dir, `form${partsPerChunk}.pdf`);
      writeFileSync(pdf, await renderPdf(doc(), fonts, { partsPerChunk }));
      return run('pdftotext', ['-layout', pdf, '-']);
    };
    const naive = await read(0);
    expect(naive).toContain('16:00');
    expect(await read(Infinity)).toBe(naive);
  }, 60_000);
});

describe.skipIf(!hasPoppler)('a long paragraph rendered both ways (needs poppler-utils)', () => {
  it('prints the same text on the same number of lines, inside the right margin', async () => {
    const paragraph = (
      '会议传达学习了有关文件精神，结合本部门实际进行了讨论。与会同志一致认为，要把学习成果转化为推动工作的实际成效（一）。' +
      '“两学一做”学习教育常态化制度化，2025年度共开展主题党日12次。'
    ).repeat(12);
    const doc = (): TDocumentDefinitions => ({
      pageSize: 'A4',
      pageMargins: PAGE_MARGINS,
      defaultStyle: DEFAULT_STYLE,
      styles: STYLES,
      content: [{ text: '标题', style: 'h3' }, { text: paragraph }, { text: `第二段\n\n${paragraph.slice(0, 300)}` }],
    });
    const read = async (partsPerChunk: number) => {
      const pdf = join(dir, `p${partsPerChunk}.pdf`);
      writeFileSync(pdf, await renderPdf(doc(), fonts, { partsPerChunk }));
      const lines = run('pdftotext', ['-layout', pdf, '-'])
        .split('\n')
        .filter((l) => l.trim());
      return { pdf, lines };
    };
    const naive = await read(0);
    const fast = await read(Infinity);
    const squeeze = (lines: string[]) => lines.join('').replace(/\s/g, '');
    expect(squeeze(fast.lines)).toBe(squeeze(naive.lines));
    expect(fast.lines.length).toBe(naive.lines.length);
    // Nothing is drawn right of the right margin (1 pt/px at 72 dpi; a 2 px allowance for antialiasing).
    const pgm = join(dir, 'page');
    execFileSync('pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', fast.pdf, pgm]);
    const img = readFileSync(`${pgm}-1.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(img.subarray(0, 40).toString('latin1'))!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = img.subarray(header[0].length);
    const limit = Math.ceil(width - PAGE_MARGINS[2]) + 2;
    let inkRight = 0;
    let inkLeft = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (pixels[y * width + x]! < 128) {
          if (x > limit) inkRight++;
          else inkLeft++;
        }
      }
    }
    expect(inkLeft).toBeGreaterThan(1000);
    expect(inkRight).toBe(0);
  }, 60_000);
});

describe('renderPdf in one pre-broken call', () => {
  const doc = (): TDocumentDefinitions => ({
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    content: [
      { text: '甲', id: 'a' },
      { stack: [{ text: '乙', id: 'b' }], pageBreak: 'before' },
    ],
    footer: (page: number, pages: number) => ({ text: `第 ${page} 页 共 ${pages} 页`, style: 'footer' }),
  });

  it('reports anchor pages, the page count and rendering progress', async () => {
    const phases: string[] = [];
    let seen: [ReadonlyMap<string, number>, number] | undefined;
    await renderPdf(doc(), fonts, {
      onProgress: (p) => phases.push(p.phase),
      onPages: (pages, total) => (seen = [pages, total]),
    });
    expect(seen![1]).toBe(2);
    expect([...seen![0]]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(phases[0]).toBe('layout');
    expect(phases).toContain('render');
  });

  it('stops when cancelled while it runs', async () => {
    const controller = new AbortController();
    await expect(
      renderPdf(doc(), fonts, { signal: controller.signal, onProgress: () => controller.abort() }),
    ).rejects.toThrow('已取消');
  });
});

describe.skipIf(!hasPoppler)('a heading before a long table (needs poppler-utils)', () => {
  // Each part puts the heading a little lower on its first page, through the band where the heading fits and the
  // table's header row with its first member does not: there the heading used to end the page alone.
  const opinion = '对照党员标准查找差距，理想信念坚定，工作积极主动，群众评价较好。';
  const part = (k: number): Content => ({
    stack: [
      { text: `第${k}组`, margin: [0, 420 + 8 * k, 0, 0] },
      { text: `民主评议党员（${k}）`, style: 'h2' },
      dataTable(
        ['姓名', '自评', '互评', '组织评定', '等次与评选'],
        Array.from({ length: 14 }, (_, i) => [
          `${k}号${'甲乙丙丁戊己庚辛壬癸子丑寅卯'[i]}`,
          opinion,
          opinion,
          opinion,
          '优秀',
        ]),
        [44, '*', '*', '*', 110],
      ),
    ],
    ...(k ? { pageBreak: 'before' as const } : {}),
  });
  const parts = Array.from({ length: 24 }, (_, k) => k);
  let pages: string[][];

  beforeAll(async () => {
    const doc: TDocumentDefinitions = {
      pageSize: 'A4',
      pageMargins: PAGE_MARGINS,
      defaultStyle: DEFAULT_STYLE,
      styles: STYLES,
      content: parts.map(part),
    };
    const pdf = join(dir, 'heading-table.pdf');
    writeFileSync(pdf, await renderPdf(doc, fonts));
    pages = run('pdftotext', ['-layout', pdf, '-'])
      .split('\f')
      .map((p) =>
        p
          .split('\n')
          .map((l) => l.replace(/\s+/g, ''))
          .filter(Boolean),
      );
  }, 60_000);

  const pageOf = (s: string) => pages.findIndex((lines) => lines.some((l) => l.includes(s)));

  it("stays on the page of the table's header row and first member, wherever the page ends", () => {
    const apart = parts.filter((k) => pageOf(`民主评议党员（${k}）`) !== pageOf(`${k}号甲`));
    expect(apart).toEqual([]);
    const last = pages.flatMap((lines, i) => (/^民主评议党员/.test(lines.at(-1) ?? '') ? [i + 1] : []));
    expect(last).toEqual([]);
  });

  it('moves only as far as it must: high on the page it stays, and the table still breaks over pages', () => {
    expect(pageOf('民主评议党员（0）')).toBe(pageOf('第0组'));
    for (const k of parts) {
      const first = pageOf(`${k}号甲`);
      const end = pageOf(`${k}号卯`);
      expect(end, `第${k}组`).toBeGreaterThan(first);
      // Every page of the table starts with its header row, and no member is lost or printed twice.
      const headers = pages.slice(first, end + 1).filter((lines) => lines.some((l) => l.startsWith('姓名自评互评')));
      expect(headers).toHaveLength(end - first + 1);
      const rows = pages.flat().filter((l) => l.startsWith(`${k}号`));
      expect(rows).toHaveLength(14);
    }
  });
});
