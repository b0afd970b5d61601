// 生僻字 the Noto fonts lack are drawn from 花園明朝 B: the runs they are put in, the generated index kept in step with
// the font package, and a real 会议记录单 read back with the characters in its text layer and the fallback embedded.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STYLE, FONT_FILES, PAGE_MARGINS, STYLES } from '../../../shared/dossier/layout';
import { buildMeetingRecordDoc } from '../../../shared/dossier/meetingRecord';
import { renderPdf } from '../../../shared/dossier/render';
import { FALLBACK_FILES, fallbackFileOf, useFallbackFonts } from '../../../shared/print/fallback';
import index from '../../../shared/print/fallbackFonts.json';
import { prepareForPrint } from '../../../shared/print/printText';
import { fallbackCss, fallbackIndex } from '../../../scripts/fallback-fonts';
import { makeDossierData, recordContextOf } from '../dossier/factory';
import { hasPoppler } from '../dossier/poppler';

const B03 = 'HanaMinB-ExtB-03.ttf'; // 𠮷 U+20BB7
const B05 = 'HanaMinB-ExtB-05.ttf'; // 𡈼 U+2123C
const all = FALLBACK_FILES;

describe('fallbackFileOf', () => {
  it('finds the block of an Extension B–F character, none for what Noto draws, Extension G or an emoji', () => {
    expect(fallbackFileOf(0x20bb7)).toBe(B03);
    expect(fallbackFileOf(0x2123c)).toBe(B05);
    expect(fallbackFileOf('王'.codePointAt(0)!)).toBeUndefined();
    expect(fallbackFileOf(0x30000)).toBeUndefined();
    expect(fallbackFileOf(0x1f44d)).toBeUndefined();
  });
});

describe('useFallbackFonts', () => {
  it('puts the characters into runs of their block, in a node, a string standing as a node, and a table cell', () => {
    const content: unknown[] = [
      { text: '支部书记 王𠮷野花', noWrap: true, style: 'h2' },
      '𡈼𡈼与𠮷',
      { table: { body: [['姓名', { text: '𠮷野花', alignment: 'center' }]] } },
      { text: '全是常用字', id: 'x-𠮷' },
    ];
    useFallbackFonts(content, all);
    expect(content).toEqual([
      {
        text: ['支部书记 王', { text: '𠮷', font: 'HanaMinB-ExtB-03', characterSpacing: 0 }, '野花'],
        noWrap: true,
        style: 'h2',
      },
      {
        text: [
          { text: '𡈼𡈼', font: 'HanaMinB-ExtB-05', characterSpacing: 0 },
          '与',
          { text: '𠮷', font: 'HanaMinB-ExtB-03', characterSpacing: 0 },
        ],
      },
      {
        table: {
          body: [
            [
              '姓名',
              { text: [{ text: '𠮷', font: 'HanaMinB-ExtB-03', characterSpacing: 0 }, '野花'], alignment: 'center' },
            ],
          ],
        },
      },
      { text: '全是常用字', id: 'x-𠮷' },
    ]);
  });

  it('splits a run of a rich text into runs that each keep its style (pdfmake drops a run’s style on nested text)', () => {
    const content = [{ text: ['主持人：', { text: '王𠮷', bold: true, color: '#b00000' }, '。'] }];
    useFallbackFonts(content, all);
    expect(content).toEqual([
      {
        text: [
          '主持人：',
          { text: '王', bold: true, color: '#b00000' },
          { text: '𠮷', bold: true, color: '#b00000', font: 'HanaMinB-ExtB-03', characterSpacing: 0 },
          '。',
        ],
      },
    ]);
  });

  it('leaves a character whose block is not loaded as it is', () => {
    const content = [{ text: '王𠮷与𡈼' }];
    useFallbackFonts(content, new Set([B05]));
    expect(content).toEqual([{ text: ['王𠮷与', { text: '𡈼', font: 'HanaMinB-ExtB-05', characterSpacing: 0 }] }]);
    const untouched = [{ text: '王𠮷' }];
    useFallbackFonts(untouched, new Set());
    expect(untouched).toEqual([{ text: '王𠮷' }]);
  });
});

describe('the generated index', () => {
  it('is what scripts/fallback-fonts.ts makes from the `hanamin` package now (rerun it after an update)', async () => {
    expect(await fallbackIndex()).toEqual(index);
    // The screen's @font-face rules for the same blocks, made from the same index.
    expect(readFileSync('renderer/src/app/fallbackFonts.css', 'utf8')).toBe(fallbackCss(index));
  });
});

const haveFallback = [B03, B05].every((f) => existsSync(join('resources/fonts/fallback', f)));

describe.skipIf(!hasPoppler || !haveFallback)(
  'a 会议记录单 naming 𠮷野花 and 王𡈼, read back (needs poppler-utils and node scripts/prepare-fonts.mjs)',
  () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'fallback-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const render = async (withFallback: boolean) => {
      const data = makeDossierData();
      const base = data.meetings.find((m) => m.kind === '支委会')!;
      const meeting = { ...base, host: '𠮷野花', content: '会议由支部书记𠮷野花主持，王𡈼同志作发言。' };
      const doc = buildMeetingRecordDoc(meeting, recordContextOf(data));
      const needs = new Set<string>();
      const unprintable = prepareForPrint(doc, { ...(withFallback ? {} : { fallback: new Set<string>() }), needs });
      const fonts = Object.fromEntries(
        [
          ...FONT_FILES.map((f) => [f, join('resources/fonts', f)] as const),
          ...[...needs].map((f) => [f, join('resources/fonts/fallback', f)] as const),
        ].map(([name, path]) => [name, new Uint8Array(readFileSync(path))]),
      );
      const pdf = join(dir, withFallback ? 'with.pdf' : 'without.pdf');
      writeFileSync(pdf, await renderPdf(doc, fonts));
      return {
        unprintable,
        needs,
        text: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }),
        fonts: execFileSync('pdffonts', [pdf], { encoding: 'utf8' }),
      };
    };

    it('draws them from the fallback, embedded and searchable, and reports nothing', async () => {
      const printed = await render(true);
      expect(printed.unprintable).toBeUndefined();
      expect([...printed.needs].sort()).toEqual([B03, B05]);
      expect(printed.text).toContain('会议由支部书记𠮷野花主持，王𡈼同志作发言。');
      expect(printed.fonts).toMatch(/\+HanaMinB\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    });

    it('sets them as an ordinary ideograph: no gap in a spaced title, on the baseline of their row', async () => {
      const row = (a: string, b: string) => [a, '出席', b, '出席'];
      const doc = {
        pageSize: 'A4' as const,
        pageMargins: PAGE_MARGINS,
        defaultStyle: DEFAULT_STYLE,
        styles: STYLES,
        content: [
          { text: '𠮷安市人大机关第一党支部', style: 'coverTitle' },
          { text: '吉安市人大机关第一党支部', style: 'coverTitle' },
          { table: { widths: [80, 50, 80, 50], body: [row('𠈌𡒄', '乂丘'), row('𠮷野花', '吉野花')] } },
        ],
      };
      const needs = new Set<string>();
      prepareForPrint(doc, { needs });
      const fonts = Object.fromEntries(
        [
          ...FONT_FILES.map((f) => [f, join('resources/fonts', f)] as const),
          ...[...needs].map((f) => [f, join('resources/fonts/fallback', f)] as const),
        ].map(([name, path]) => [name, new Uint8Array(readFileSync(path))]),
      );
      const pdf = join(dir, 'layout.pdf');
      writeFileSync(pdf, await renderPdf(doc, fonts));
      const words = [
        ...execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ text: m[5]!, x: [+m[1]!, +m[3]!], y: +m[4]! }));
      const word = (text: string) => words.find((w) => w.text === text)!;
      // One word, as wide as the same title with 吉: the cover's 4-pt spacing added no gap after 𠮷.
      expect(word('𠮷安市人大机关第一党支部').x).toEqual(word('吉安市人大机关第一党支部').x);
      // A cell of 生僻字 only sits on the same baseline as the rest of its row.
      expect(word('𠈌𡒄').y).toBeCloseTo(word('乂丘').y, 1);
      expect(word('𠮷野花').y).toBeCloseTo(word('吉野花').y, 1);
    });

    it('without the fallback the same record loses them from its text layer (what the warning was for)', async () => {
      const printed = await render(false);
      expect(printed.unprintable?.chars).toEqual(['𠮷', '𡈼']);
      expect(printed.text).not.toContain('𠮷野花');
      expect(printed.fonts).not.toContain('HanaMinB');
    });
  },
);
