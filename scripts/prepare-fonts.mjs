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
for (const block of index.blocks) {
  const to = join(fallbackDir, block.file);
  if (existsSync(to) && statSync(to).size > 0) continue;
  // Written whole under another name first: an interrupted run never leaves a truncated font behind.
  writeFileSync(`${to}.part`, await decompress(readFileSync(join(hanamin, block.from))));
  renameSync(`${to}.part`, to);
}
console.log(`字体已就绪：${target}`);
