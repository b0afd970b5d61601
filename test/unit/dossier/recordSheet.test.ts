// The 会议记录单 as printed: typed indentation, the 时间 line, and a running header that names the meeting on every page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import { FONT_FILES, PAGE_MARGINS } from '../../../shared/dossier/layout';
import { buildMeetingRecordDoc, recordRunningHeader } from '../../../shared/dossier/meetingRecord';
import { renderPdf } from '../../../shared/dossier/render';
import type { Meeting } from '../../../shared/schemas/entities';
import { makeDossierData, recordContextOf } from './factory';
import { hasPoppler } from './poppler';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The words of each page (pdftotext -bbox) with their left and top edges. */
function words(pdf: string): { x: number; y: number; text: string }[][] {
  return run('pdftotext', ['-bbox', pdf, '-'])
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
        text: m[3]!,
      })),
    );
}

const LEFT = PAGE_MARGINS[0];
/** Two full-width spaces at the body's 10.5 pt. */
const TWO_EM = 21;

describe('recordRunningHeader', () => {
  const branch = { partyGroups: [{ id: 'g1', name: '第一党小组', leaderName: '' }] };
  it('names the date, the kind and the number, a 党小组会 with its group', () => {
    expect(recordRunningHeader({ date: '2025-03-10', kind: '支委会', seq: 3, partyGroupId: '' }, branch)).toBe(
      '2025年3月10日 支委会 第3次 · 会议记录单',
    );
    expect(recordRunningHeader({ date: '2025-03-10', kind: '党小组会', seq: 2, partyGroupId: 'g1' }, branch)).toBe(
      '2025年3月10日 党小组会 第一党小组第2次 · 会议记录单',
    );
    expect(recordRunningHeader({ date: '2025-06-03', kind: '谈心谈话', seq: 1, partyGroupId: '' }, branch)).toBe(
      '2025年6月3日 谈心谈话 第1次 · 谈心谈话记录',
    );
  });
});

describe.skipIf(!hasPoppler)('the 会议记录单 as printed (needs poppler-utils)', () => {
  const data = makeDossierData();
  const ctx = recordContextOf(data);
  const indented =
    '\n\u3000\u3000第一段：会议由书记主持，首行缩进两个全角空格。\n' +
    '\u3000\u3000第二段：同样首行缩进两个全角空格，内容较长，需要换行显示，以检查缩进是否保留，以及换行后的第二行是否顶格。\n' +
    '    第三段：用四个半角空格缩进。';
  const meeting: Meeting = {
    ...data.meetings.find((m) => m.kind === '支委会')!,
    date: '2024-12-31',
    startTime: '23:00',
    endTime: '23:59',
    // Long enough for several pages.
    content: `${indented}\n${'与会同志一致认为，要把学习成果转化为推动工作的实际成效。'.repeat(150)}`,
  };
  let dir: string;
  const render = async (name: string, options: { partsPerChunk?: number } = {}) => {
    const pdf = join(dir, name);
    writeFileSync(pdf, await renderPdf(buildMeetingRecordDoc(meeting, ctx), fonts, options));
    return pdf;
  };
  let fonts: Record<string, Uint8Array>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'record-sheet-'));
    fonts = Object.fromEntries(FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints each paragraph with the indentation it was typed with, the first one too', async () => {
    // Pre-broken (the app) and as written (pdfmake alone).
    for (const pdf of [await render('record.pdf'), await render('naive.pdf', { partsPerChunk: 0 })]) {
      const page = words(pdf)[0]!;
      const at = (start: string) => page.find((w) => w.text.startsWith(start))!.x;
      expect(at('第一段') - LEFT).toBeCloseTo(TWO_EM, 0);
      expect(at('第二段') - LEFT).toBeCloseTo(TWO_EM, 0);
      // Four ASCII spaces: narrower than two full-width ones, but there.
      expect(at('第三段') - LEFT).toBeGreaterThan(8);
      expect(at('第三段') - LEFT).toBeLessThan(TWO_EM);
      // A wrapped line starts at the margin.
      expect(at('及换行后的第二行') - LEFT).toBeCloseTo(0, 1);
      expect(at('与会同志') - LEFT).toBeCloseTo(0, 1);
    }
  }, 60_000);

  it('keeps the 时间 of a late-year meeting on one line, and names the meeting at the top of pages 2+', async () => {
    const pdf = await render('record-time.pdf');
    const pages = run('pdftotext', ['-layout', pdf, '-'])
      .split('\f')
      .filter((p) => p.trim());
    // It used to wrap after the dash: 「2024年12月31日 23:00—」 / 「23:59」.
    expect(pages[0]).toMatch(/时间\s+2024年12月31日 23:00—23:59\s+地点\s+机关党员活动室\s*\n/);
    expect(pages.length).toBeGreaterThan(2);
    const header = '2024年12月31日 支委会 第1次 · 会议记录单';
    expect(pages[0]).not.toContain(header);
    for (const page of pages.slice(1)) expect(page.trim().split('\n')[0]!.trim()).toBe(header);
  }, 60_000);

  it('prints the indentation of a table cell in the 迎检卷宗 (a 阵地复查 检查情况)', async () => {
    const volume = makeDossierData();
    const findings = `\u3000\u3000第一条：${'活动室桌椅摆放整齐，党旗悬挂规范，制度上墙。'.repeat(4)}`;
    volume.venueChecks = [{ ...volume.venueChecks[0]!, findings }];
    const built = buildDossier(volume, {
      year: 2025,
      generatedAt: '2026-01-05T01:00:00.000Z',
      appVersion: '0.1.0',
      schemaVersion: 1,
    });
    const pdf = join(dir, 'volume.pdf');
    writeFileSync(pdf, await renderPdf(built.docDefinition, fonts));
    const page = words(pdf).find((p) => p.some((w) => w.text.startsWith('第一条')))!;
    const first = page.find((w) => w.text.startsWith('第一条'))!;
    // The cell's next lines start at the cell's left edge, the first one two full-width spaces (at 9.5 pt) right of it.
    const next = page.filter((w) => w.y > first.y && w.x < first.x && w.x > first.x - 40);
    expect(next.length).toBeGreaterThan(1);
    for (const w of next) expect(first.x - w.x).toBeCloseTo(19, 0);
  }, 60_000);
});
