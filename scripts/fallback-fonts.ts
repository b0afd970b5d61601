// Writes shared/print/fallbackFonts.json: which blocks of 花園明朝 (HanaMin A/B, the npm package `hanamin`, split by
// Unicode block as WOFF2) draw the characters the embedded Noto SC fonts cannot (生僻字 of CJK Extension A–F), and
// exactly which code points each supplies. scripts/prepare-fonts.mjs turns the listed blocks into TrueType under
// resources/fonts/fallback/; the PDF renderers load only the blocks a document needs (shared/print/fallback.ts).
// Run after updating `hanamin` or the Noto fonts: `npx tsx scripts/fallback-fonts.ts`
// (test/unit/print/fallback.test.ts fails until it is).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decompress } from 'wawoff2';
import { parseFontMetrics } from '../shared/dossier/fontMetrics';
import { printable } from '../shared/print/missingGlyphs';

const require = createRequire(import.meta.url);

export interface FallbackIndex {
  /** The npm package and version the blocks come from. */
  source: string;
  blocks: { file: string; from: string; ranges: number[] }[];
}

/** Unicode ranges of each WOFF2 file, from the package's CSS (`unicode-range` of its @font-face). */
function cssRanges(css: string): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  for (const face of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const file = /url\(([^)]+\.woff2)\)/.exec(face[1]!)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(face[1]!)?.[1];
    if (!file || !range) continue;
    out.set(
      file,
      range.split(',').map((part) => {
        const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)] as [number, number];
      }),
    );
  }
  return out;
}

/** 「HanaMinB.CJK-Unified-Ideographs-Extension-B-03.woff2」 → 「HanaMinB-ExtB-03.ttf」. */
function ttfName(woff2: string): string {
  return woff2
    .replace('.CJK-Unified-Ideographs-Extension-', '-Ext')
    .replace('.CJK-Unified-Ideographs', '-CJK')
    .replace(/\./g, '-')
    .replace(/-woff2$/, '.ttf');
}

export async function fallbackIndex(): Promise<FallbackIndex> {
  const dir = dirname(require.resolve('hanamin/package.json'));
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const ranges = cssRanges(readFileSync(join(dir, 'HanaMin.css'), 'utf8'));
  const blocks: FallbackIndex['blocks'] = [];
  // Only the ideograph blocks: a name's 生僻字 is there; symbols and other scripts stay with Noto (or are announced).
  const files = readdirSync(dir)
    .filter((f) => /^HanaMin[AB]\.CJK-Unified-Ideographs/.test(f) && f.endsWith('.woff2'))
    .sort();
  const taken = new Set<number>();
  for (const file of files) {
    const font = parseFontMetrics(await decompress(readFileSync(join(dir, file))));
    const own: number[] = [];
    let start = -1;
    const close = (cp: number) => {
      if (start >= 0) own.push(start, cp - 1);
      start = -1;
    };
    for (const [lo, hi] of ranges.get(file) ?? []) {
      for (let cp = lo; cp <= hi; cp++) {
        // Outside the BMP only (fallback.ts looks no further): there Noto lacks nothing HanaMin has.
        const supplies = cp >= 0x10000 && !printable(cp) && !taken.has(cp) && font.hasGlyph(cp);
        if (supplies) {
          taken.add(cp);
          if (start < 0) start = cp;
        } else close(cp);
      }
      close(hi + 1);
    }
    if (own.length) blocks.push({ file: ttfName(file), from: file, ranges: own });
  }
  return { source: `hanamin@${version}`, blocks };
}

if (process.argv[1]?.endsWith('fallback-fonts.ts')) {
  const out = 'shared/print/fallbackFonts.json';
  const index = await fallbackIndex();
  writeFileSync(out, `${JSON.stringify(index)}\n`);
  const chars = index.blocks.reduce(
    (n, b) => n + b.ranges.reduce((m, v, i) => m + (i % 2 ? v - b.ranges[i - 1]! + 1 : 0), 0),
    0,
  );
  console.log(`已写入 ${out}：${index.blocks.length} 个字块，${chars} 个字`);
}
