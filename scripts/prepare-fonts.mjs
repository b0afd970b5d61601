// Copies the CJK fonts the PDF dossier embeds (Noto Sans SC, Noto Serif SC; SIL OFL) from their npm packages into
// resources/fonts, so builds and the installer ship them without committing 40 MB of binaries to git.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
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
console.log(`字体已就绪：${target}`);
