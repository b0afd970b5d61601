// 校验卷宗 on the file itself: a real volume read back, then tampered with pdf-lib — its embedded manifest edited, bytes
// flipped inside a page, a page redrawn — and what the check says of each; the volume named as its cover names it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import { extractManifest } from '../../../shared/dossier/extract';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { renderPdf } from '../../../shared/dossier/render';
import {
  ALTERED,
  CHECK_SCOPE,
  fileVerdict,
  fingerprintLine,
  printedFingerprint,
  volumePeriodText,
  volumeText,
} from '../../../shared/dossier/verifyReport';
import { makeDossierData } from './factory';
import { withEditedManifest, withPageBytesFlipped } from './tamper';
import { hasPoppler } from './poppler';

const OPTS = { year: 2025, generatedAt: '2026-01-05T02:00:00.000Z', appVersion: '0.1.0', schemaVersion: 6 };

let dir: string;
let fonts: Record<string, Uint8Array>;
let original: Uint8Array;
const base = makeDossierData();
// A 日阅一文 whose title names a text in its own 《》, and a 心得 whose title is no book title at all.
const data = {
  ...base,
  learning: [
    ...base.learning,
    {
      ...base.learning[0]!,
      id: 'l2',
      kind: '日阅一文' as const,
      title: '阅读《坚持好、完善好、运行好人民代表大会制度》',
    },
    { ...base.learning[0]!, id: 'l3', title: '1月学习心得：学习贯彻中央经济工作会议精神' },
  ],
};
const built = buildDossier(data, OPTS);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verify-file-'));
  fonts = Object.fromEntries(FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]));
  original = await renderPdf(built.docDefinition, fonts);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function extracted(bytes: Uint8Array) {
  const result = await extractManifest(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('the file check of 校验卷宗', () => {
  it('finds the fingerprint in 文档属性, XMP and on the cover, and the data of every page intact', async () => {
    const result = await extracted(original);
    expect(result.fingerprint).toBe(built.fingerprint);
    expect(result.integrity?.stated).toEqual([
      { place: '文档属性', fingerprint: built.fingerprint },
      { place: 'XMP 元数据', fingerprint: built.fingerprint },
      { place: '封面', fingerprint: built.fingerprint },
    ]);
    expect(result.integrity?.damagedPages).toEqual([]);
    expect(result.integrity?.otherDamage).toBe(false);
    const verdict = fileVerdict(result.fingerprint, result.integrity);
    expect(verdict).toEqual({ kind: 'intact', confirmedBy: ['文档属性', 'XMP 元数据', '封面'] });
    expect(fingerprintLine(result.fingerprint, ['文档属性', 'XMP 元数据', '封面'])).toBe(
      `数据指纹：${printedFingerprint(built.fingerprint)}（与封面、文档属性、XMP 元数据中的指纹相同）`,
    );
  });

  it('reports an embedded manifest edited after the export as the file altered, with both fingerprints', async () => {
    const edited = await withEditedManifest(original);
    const result = await extracted(edited);
    expect(result.fingerprint).not.toBe(built.fingerprint);
    const verdict = fileVerdict(result.fingerprint, result.integrity);
    expect(verdict.kind).toBe('altered');
    if (verdict.kind !== 'altered') return;
    expect(verdict.lines).toEqual([
      `内嵌数据清单的指纹：${printedFingerprint(result.fingerprint)}`,
      `封面、文档属性、XMP 元数据中记载的指纹：${printedFingerprint(built.fingerprint)}`,
    ]);
    expect(ALTERED).toBe('卷宗内嵌数据清单与封面指纹不符，文件可能被改动');
  });

  it('reports a file whose manifest no place vouches for (keywords and cover gone) as altered too', async () => {
    const doc = await PDFDocument.load(await withEditedManifest(original), { updateMetadata: false });
    doc.setKeywords([]);
    const result = await extracted(await doc.save({ useObjectStreams: false }));
    // The XMP copy and the cover still state the original: not a file to trust.
    expect(fileVerdict(result.fingerprint, result.integrity).kind).toBe('altered');
  });

  it.skipIf(!hasPoppler)(
    'finds bytes flipped inside a page, naming that page, which poppler draws broken',
    async () => {
      const damaged = await withPageBytesFlipped(original, 3);
      const file = join(dir, 'damaged.pdf');
      writeFileSync(file, damaged);
      // The manifest and its fingerprint are untouched: only the page is broken.
      const result = await extracted(damaged);
      expect(result.fingerprint).toBe(built.fingerprint);
      expect(result.integrity?.damagedPages).toEqual([3]);
      const verdict = fileVerdict(result.fingerprint, result.integrity);
      expect(verdict.kind).toBe('damaged');
      if (verdict.kind === 'damaged') {
        expect(verdict.text).toBe(
          '卷宗文件已损坏：第 3 页的页面数据与其校验码不符，该页可能显示不全。请取得完整的原文件，或重新导出卷宗。',
        );
      }
      // What the reader sees: poppler complains of the page's stream (or draws less of it than before).
      const textOf = (pdf: string) =>
        execFileSync('pdftotext', ['-f', '3', '-l', '3', pdf, '-'], { encoding: 'utf8', stdio: 'pipe' });
      const intactFile = join(dir, 'intact.pdf');
      writeFileSync(intactFile, original);
      expect(textOf(file)).not.toBe(textOf(intactFile));
    },
  );

  it('cannot see a page redrawn in an editor, which is why every verdict says it checks the data only', async () => {
    const doc = await PDFDocument.load(original, { updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.getPage(1);
    page.drawRectangle({ x: 300, y: 400, width: 40, height: 16, color: rgb(1, 1, 1) });
    page.drawText('46.5', { x: 301, y: 404, size: 10, font });
    const result = await extracted(await doc.save());
    expect(fileVerdict(result.fingerprint, result.integrity).kind).toBe('intact');
    expect(CHECK_SCOPE).toBe('本校验只核对数据，不核对页面上印出的内容');
  });
});

describe('the volume as the verdicts name it', () => {
  it('says the period as the cover does, in Chinese dates', () => {
    expect(volumePeriodText({ from: '2025-01-01', to: '2025-12-31' })).toBe('2025年度');
    expect(volumePeriodText({ from: '2025-01-01', to: '2025-06-30' })).toBe('2025年1月1日至2025年6月30日');
    expect(volumePeriodText({ from: '2021-01-01', to: '2025-12-31' })).toBe('2021年1月1日至2025年12月31日');
    expect(volumeText(built.manifest)).toBe(`${data.branch.name}，2025年度，第 1 卷，2026年1月5日 10:00 导出`);
  });

  it('names learning entries 「日阅一文：阅读《…》」 in the embedded manifest, never in a second 《》', async () => {
    const { manifest } = await extracted(original);
    const labels = manifest.records.filter((r) => r.table === 'learning').map((r) => r.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        '2025-05-10 张卫东 日阅一文：阅读《坚持好、完善好、运行好人民代表大会制度》',
        '2025-05-10 张卫东 月写一篇：1月学习心得：学习贯彻中央经济工作会议精神',
        '2025-05-10 张卫东 月写一篇：学习心得体会',
      ]),
    );
    expect(labels.join('\n')).not.toMatch(/《《|》》|篇《|文《/);
  });
});
