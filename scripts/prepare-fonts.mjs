// Copies the CJK fonts the PDF dossier embeds (Noto Sans SC, Noto Serif SC; SIL OFL) from their npm packages into
// resources/fonts, so builds and the installer ship them without committing 40 MB of binaries to git; and makes the
// fallback blocks of 花園明朝 B (HanaMin B, for 生僻字 of CJK Extension B–F; Hanazono Font License / SIL OFL) listed in
// shared/print/fallbackFonts.json into TrueType under resources/fonts/fallback (pdfkit cannot subset WOFF2).
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const target = fileURLToPath(new URL('../resources/fonts/', import.meta.url));

export const FONTS = [
  {
    pkg: '@expo-google-fonts/noto-sans-sc',
    file: '400Regular/NotoSansSC_400Regular.ttf',
    as: 'NotoSansSC-Regular.ttf',
  },
  { pkg: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf', as: 'NotoSansSC-Bold.ttf' },
  {
    pkg: '@expo-google-fonts/noto-serif-sc',
    file: '400Regular/NotoSerifSC_400Regular.ttf',
    as: 'NotoSerifSC-Regular.ttf',
  },
  { pkg: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf', as: 'NotoSerifSC-Bold.ttf' },
];

mkdirSync(target, { recursive: true });
for (const font of FONTS) {
  const from = join(dirname(require.resolve(`${font.pkg}/package.json`)), font.file);
  const to = join(target, font.as);
  if (existsSync(to) && statSync(to).size === statSync(from).size) continue;
  copyFileSync(from, to);
}
const fallbackDir = join(target, 'fallback');
const index = JSON.parse(readFileSync(new URL('../shared/print/fallbackFonts.json', import.meta.url), 'utf8'));
const hanamin = dirname(require.resolve('hanamin/package.json'));
mkdirSync(fallbackDir, { recursive: true });
const { decompress } = await import('wawoff2');

/** The offset of table `tag` in a TrueType file, from its table directory. */
function tableOffset(view, tag) {
  for (let i = 0, n = view.getUint16(4); i < n; i++) {
    const rec = 12 + i * 16;
    const name = String.fromCharCode(...new Uint8Array(view.buffer, view.byteOffset + rec, 4));
    if (name === tag) return view.getUint32(rec + 8);
  }
  throw new Error(`字体缺少 ${tag} 表`);
}

/**
 * HanaMin's ascent and descent are smaller than Noto's: pdfmake sets a line's baseline by its tallest font, so a cell
 * holding only 生僻字 (「𠈌𡒄」) sat ≈ 3 pt higher than its row. The blocks are given Noto Serif SC's vertical metrics
 * (hhea ascender, descender, line gap, scaled to their own units per em); the glyphs are not touched.
 */
const noto = new DataView(readFileSync(join(target, 'NotoSerifSC-Regular.ttf')).buffer.slice(0));
const notoHhea = tableOffset(noto, 'hhea');
const notoUnits = noto.getUint16(tableOffset(noto, 'head') + 18);
function withNotoMetrics(ttf) {
  const bytes = new Uint8Array(ttf);
  const view = new DataView(bytes.buffer);
  const hhea = tableOffset(view, 'hhea');
  const scale = view.getUint16(tableOffset(view, 'head') + 18) / notoUnits;
  for (const field of [4, 6, 8]) view.setInt16(hhea + field, Math.round(noto.getInt16(notoHhea + field) * scale));
  return bytes;
}

// Blocks made by an older version of this step (without Noto's metrics) are made again.
const STAMP = join(fallbackDir, 'VERSION');
const VERSION = `${index.source} noto-metrics-1`;
const current = existsSync(STAMP) && readFileSync(STAMP, 'utf8') === VERSION;
for (const block of index.blocks) {
  const to = join(fallbackDir, block.file);
  if (current && existsSync(to) && statSync(to).size > 0) continue;
  // Written whole under another name first: an interrupted run never leaves a truncated font behind.
  writeFileSync(`${to}.part`, withNotoMetrics(await decompress(readFileSync(join(hanamin, block.from)))));
  renameSync(`${to}.part`, to);
}
writeFileSync(STAMP, VERSION);
console.log(`字体已就绪：${target}`);
