// Spike: times a large 迎检卷宗 (naive / pre-broken one call / chunked). Run: /usr/bin/time -v npx tsx scripts/spike-dossier.ts [single|chunked|naive] [scale] [parts] [noprebreak]
import { readFileSync, writeFileSync } from 'node:fs';
import { buildDossier } from '../shared/dossier/build';
import { FONT_FILES } from '../shared/dossier/layout';
import { renderPdf } from '../shared/dossier/render';
import { makeDossierData } from '../test/unit/dossier/factory';

const mode = process.argv[2] ?? 'single';
const scale = Number(process.argv[3] ?? 40);
const parts = Number(process.argv[4] ?? 24);
const fonts = Object.fromEntries(FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(`resources/fonts/${f}`))]));
const t0 = performance.now();
const built = buildDossier(makeDossierData({ scale }), {
  year: 2025,
  generatedAt: '2026-01-05T01:00:00.000Z',
  appVersion: '0.1.0',
  schemaVersion: 1,
});
const t1 = performance.now();
const bytes = await renderPdf(built.docDefinition, fonts, {
  partsPerChunk: mode === 'naive' ? 0 : mode === 'single' ? Infinity : parts,
  prebreak: process.argv[5] !== 'noprebreak',
  onProgress: (p) => {
    if (process.env.VERBOSE) console.log(p.phase, p.done, p.total, Math.round(performance.now() - t1));
  },
});
const t2 = performance.now();
writeFileSync(`/tmp/spike-${mode}.pdf`, bytes);
console.log(
  JSON.stringify({
    mode,
    scale,
    parts,
    buildMs: Math.round(t1 - t0),
    renderMs: Math.round(t2 - t1),
    bytes: bytes.length,
  }),
);
