// Which characters the PDFs cannot draw: checked against the embedded fonts themselves, and the generated table kept
// in step with them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFontMetrics } from '../../../shared/dossier/fontMetrics';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { missingGlyphWarning, missingPrintChars, printable } from '../../../shared/print/missingGlyphs';
import { PRINT_FONT_RANGES } from '../../../shared/print/printFontCoverage';
import { commonCoverage } from '../../../scripts/font-coverage';

const FONT_DIR = 'resources/fonts';
const haveFonts = FONT_FILES.every((f) => existsSync(join(FONT_DIR, f)));

describe('missingPrintChars', () => {
  it('passes ordinary and rarer BMP characters, names with the middle dot, and punctuation', () => {
    expect(missingPrintChars('阿依古丽·买买提、王䶮、刘堃、陈喆：“第一次”（2025年）\n　　缩进')).toEqual([]);
  });

  it('names Extension B characters and emoji once each, in order, ignoring emoji variation selectors', () => {
    // Without the fallback blocks of 花園明朝 B (fallback.ts) …
    expect(missingPrintChars('𠈌𡒄喆𠈌 开会👍✅️', new Set())).toEqual(['𠈌', '𡒄', '👍', '✅']);
    // … and with them, as the app prints: the 生僻字 are drawn, Extension G (𰀀) and emoji are not.
    const needs = new Set<string>();
    expect(missingPrintChars('𠈌𡒄喆𠈌 开会👍✅️ 𰀀', undefined, needs)).toEqual(['👍', '✅', '𰀀']);
    expect([...needs]).toEqual(['HanaMinB-ExtB-01.ttf', 'HanaMinB-ExtB-06.ttf']);
  });

  it('words the warning, naming at most five characters', () => {
    expect(missingGlyphWarning('张三')).toBeUndefined();
    expect(missingGlyphWarning(undefined)).toBeUndefined();
    expect(missingGlyphWarning('王𠈌')).toBeUndefined();
    expect(missingGlyphWarning('王𰀀')).toBe(
      '“𰀀”在打印字体中没有，打印的记录单和卷宗里会显示为方框；生僻字可改用常用写法并在备注中说明',
    );
    expect(missingGlyphWarning('😀😁😂🤣😃😄')).toMatch(/^“😀”“😁”“😂”“🤣”“😃”等 6 个字符在打印字体中没有/);
  });
});

describe.skipIf(!haveFonts)(
  'the generated coverage table (needs resources/fonts: node scripts/prepare-fonts.mjs)',
  () => {
    it('is what scripts/font-coverage.ts makes from the fonts now (rerun it after a font update)', () => {
      expect(PRINT_FONT_RANGES).toEqual(commonCoverage(FONT_DIR));
    });

    it('agrees with every font on a sample of code points', () => {
      const fonts = FONT_FILES.map((f) => parseFontMetrics(new Uint8Array(readFileSync(join(FONT_DIR, f)))));
      for (const cp of [0x41, 0x4e00, 0x4dae, 0x5803, 0x2020c, 0x21484, 0x1f44d, 0x2705, 0xb7, 0x3000]) {
        expect(printable(cp), cp.toString(16)).toBe(fonts.every((f) => f.hasGlyph(cp)));
      }
    });
  },
);
