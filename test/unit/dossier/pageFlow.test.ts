// How the 迎检卷宗 of a realistic branch-year falls onto pages: no heading is left alone at the foot of a page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { renderPdf } from '../../../shared/dossier/render';
import { specOf } from '../../../scripts/seed/source';
import { inspectBackupFile, readBranchData } from '../../../scripts/dossier';
import { seedBytes } from '../seed/helpers';
import { hasPoppler } from './poppler';

/** The text of every heading node (h1–h3, record titles) of a definition, whitespace removed. */
function headings(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) headings(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.style === 'string' && /^(h[123]|recordTitle)$/.test(o.style) && typeof o.text === 'string') {
      out.add(o.text.replace(/\s+/g, ''));
    }
    for (const v of Object.values(o)) headings(v, out);
  }
  return out;
}

describe.skipIf(!hasPoppler)('page flow of the typical branch-year (needs poppler-utils)', () => {
  let pages: string[][];
  let layoutText: string;
  let titles: Set<string>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-flow-'));
    const backup = join(dir, 'typical.zip');
    writeFileSync(backup, await seedBytes(specOf('typical')));
    const { branches } = await inspectBackupFile(backup);
    const data = await readBranchData(backup, branches[0]!.id);
    const built = buildDossier(data, {
      from: '2025-01-01',
      to: '2025-12-31',
      volume: 1,
      generatedAt: '2026-01-05T01:00:00.000Z',
      appVersion: '0.1.0',
      schemaVersion: 5,
    });
    titles = headings(built.docDefinition.content);
    const fonts = Object.fromEntries(
      FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
    );
    const pdf = join(dir, 'dossier.pdf');
    writeFileSync(pdf, await renderPdf(built.docDefinition, fonts));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    layoutText = text;
    pages = text.split('\f').map((p) =>
      p
        .split('\n')
        .map((l) => l.replace(/\s+/g, ''))
        .filter((l) => l && !/^第\d+页共\d+页$/.test(l)),
    );
  }, 120_000);

  it('has headings, and none of them is the last line of a page', () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(titles.has('附件与现场照片')).toBe(true);
    const orphans = pages.flatMap((lines, i) => {
      const last = lines[lines.length - 1];
      return last && titles.has(last) ? [`第 ${i + 1} 页：${last}`] : [];
    });
    expect(orphans).toEqual([]);
  });

  it("starts a record's 会议内容 on the page its 出席情况 ends on when two lines fit there", () => {
    // The first 支委会 of the year: its 出席情况 leaves about a third of the page. Kept whole, the 会议内容 block
    // moved to the next page and left that third blank; now its heading and first lines fill it.
    const first = pages.findIndex(
      (lines) => lines.some((l) => l.includes('研究制定本年度支部党建工作计划等事项')) && lines.includes('出席情况'),
    );
    expect(first).toBeGreaterThan(0);
    const page = pages[first]!;
    expect(page).toContain('会议内容');
    expect(page.indexOf('会议内容')).toBeLessThan(page.length - 2);
    // … and the rest of it continues at the top of the next page, no line lost.
    expect(pages[first + 1]![0]).not.toBe('会议内容');
  });

  it('keeps every date in a table on one line', () => {
    // A date column narrower than 「2025年12月28日」 put the 日 on a line of its own (learning list, 任务期限, 附录).
    expect(layoutText).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    const broken = layoutText.split('\n').filter((l) => /\d{4}年\d{1,2}月\d{1,2}(?![\d日])/.test(l));
    expect(broken).toEqual([]);
  });
});
