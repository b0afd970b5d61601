// Child process of `npm run bench`: renders one dossier volume from a backup in Node and reports time, peak RSS, pages.
// Usage: tsx scripts/bench/dossierNode.ts <chunked|naive> <backup.zip> <from> <to> [out.pdf]
import { readFileSync, writeFileSync } from 'node:fs';
import { PDFDocument } from '@cantoo/pdf-lib';
import { buildDossier } from '../../shared/dossier/build';
import { renderPdf } from '../../shared/dossier/render';
import { appVersion, inspectBackupFile, loadFonts, readBranchData } from '../dossier';

export interface DossierRun {
  mode: 'chunked' | 'naive';
  ms: number;
  /** Peak resident set size of this process while rendering (VmHWM, reset just before), MB. */
  peakMB: number;
  pages: number;
  bytes: number;
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

function statusKb(field: 'VmHWM' | 'VmRSS'): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return line ? Number(line.replace(/\D+/g, '')) : 0;
}

/** Resets the kernel's peak-RSS mark (Linux ≥ 4.0) so VmHWM covers the render only, not loading and parsing. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

async function run(): Promise<DossierRun> {
  const [mode, backup, from, to, out] = process.argv.slice(2) as [DossierRun['mode'], string, string, string, string?];
  if ((mode !== 'chunked' && mode !== 'naive') || !backup || !from || !to)
    throw new Error('用法：dossierNode.ts <chunked|naive> <备份> <起> <止>');
  const { branches } = await inspectBackupFile(backup);
  const data = await readBranchData(backup, branches[0]!.id);
  const fonts = loadFonts();
  // Fixed stamp: the chunked and the naive process build exactly the same document definition.
  const built = buildDossier(data, {
    from,
    to,
    volume: 1,
    generatedAt: '2026-01-05T01:00:00.000Z',
    appVersion: appVersion(),
    schemaVersion: 1,
  });
  resetPeak();
  const start = performance.now();
  const bytes = await renderPdf(built.docDefinition, fonts, { partsPerChunk: mode === 'naive' ? 0 : undefined });
  const ms = performance.now() - start;
  const peakMB = mb(statusKb('VmHWM'));
  const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  if (out) writeFileSync(out, bytes);
  return { mode, ms: Math.round(ms), peakMB, pages, bytes: bytes.length };
}

run().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
