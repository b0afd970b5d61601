// The 会议记录单's form and 出席 grid as printed, read back as pixels: no empty grey label cell closes the form of a
// 党小组会 or 党课, and only 请假 and 缺席 stand out in red (列席 is a presence).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { buildMeetingRecordDoc } from '../../../shared/dossier/meetingRecord';
import { renderPdf } from '../../../shared/dossier/render';
import type { Meeting } from '../../../shared/schemas/entities';
import { makeDossierData, recordContextOf } from './factory';
import { hasPoppler } from './poppler';

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Page 1's words with their boxes in points (pdftotext -bbox). */
function wordsOf(pdf: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  return [
    ...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! }));
}

/** Page 1 at 72 dpi (a pixel a point) as RGB: pdftoppm's binary PPM. */
function pixelsOf(pdf: string): { width: number; rgb: (x: number, y: number) => [number, number, number] } {
  const ppm = execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', pdf], { maxBuffer: 16 << 20 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const width = Number(header[1]);
  const start = header[0].length;
  return {
    width,
    rgb: (x, y) => {
      const i = start + (Math.round(y) * width + Math.round(x)) * 3;
      return [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
    },
  };
}

const isRed = ([r, g, b]: [number, number, number]) => r > 120 && g < 80 && b < 80;

/** Whether any pixel inside the word's box is red. */
function printedRed(pixels: ReturnType<typeof pixelsOf>, w: Word): boolean {
  for (let y = w.y0 + 1; y < w.y1 - 1; y++) {
    for (let x = w.x0; x < w.x1; x++) if (isRed(pixels.rgb(x, y))) return true;
  }
  return false;
}

describe.skipIf(!hasPoppler)('the 会议记录单 form and 出席 grid as printed (needs poppler-utils)', () => {
  const data = makeDossierData();
  const ctx = recordContextOf(data);
  let dir: string;
  let fonts: Record<string, Uint8Array>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'record-form-'));
    fonts = Object.fromEntries(FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const render = async (meeting: Meeting, name: string) => {
    const pdf = join(dir, name);
    writeFileSync(pdf, await renderPdf(buildMeetingRecordDoc(meeting, ctx), fonts));
    return { words: wordsOf(pdf), pixels: pixelsOf(pdf) };
  };

  /**
   * The form's last row, that of `label` (党小组, 授课人), sampled where the right-hand label cell would be: below 地点,
   * the right-hand label of the first row. Label cells are grey; a value cell spanning the row is white.
   */
  const rightOfLastRow = async (kind: Meeting['kind'], label: string) => {
    const meeting = data.meetings.find((m) => m.kind === kind)!;
    const { words, pixels } = await render(meeting, `${kind}.pdf`);
    const place = words.find((w) => w.text === '地点')!;
    const last = words.find((w) => w.text === label)!;
    expect(place).toBeDefined();
    expect(last).toBeDefined();
    // The label of the last row is in the left-hand label column, the same as 时间's.
    expect(Math.abs(last.x0 - words.find((w) => w.text === '时间')!.x0)).toBeLessThan(1);
    return pixels.rgb(place.x0 + 2, (last.y0 + last.y1) / 2);
  };

  it('a 党小组会 ends its form with the 党小组 row spanning the width, not an empty grey label cell', async () => {
    expect(await rightOfLastRow('党小组会', '党小组')).toEqual([255, 255, 255]);
  });

  it('a 党课 ends its form with the 授课人 row spanning the width, not an empty grey label cell', async () => {
    expect(await rightOfLastRow('党课', '授课人')).toEqual([255, 255, 255]);
  });

  it('prints 请假 and 缺席 in red, 列席 and 出席 plainly', async () => {
    const base = data.meetings.find((m) => m.kind === '支委会')!;
    const meeting: Meeting = {
      ...base,
      attendance: base.attendance.slice(0, 6).map((a, i) => ({
        ...a,
        status: (['出席', '列席', '请假', '缺席', '列席', '出席'] as const)[i]!,
        reason: i === 2 ? '因公出差' : '',
      })),
    };
    const { words, pixels } = await render(meeting, 'attendance.pdf');
    // The grid's cells, below the 应到…列席 header row of the counts table (which is printed plainly).
    const gridTop = words.find((w) => w.text === '姓名')!.y1;
    const cells = (status: string) => words.filter((w) => w.text === status && w.y0 > gridTop);
    expect(cells('列席')).toHaveLength(2);
    expect(cells('列席').some((w) => printedRed(pixels, w))).toBe(false);
    expect(cells('出席').some((w) => printedRed(pixels, w))).toBe(false);
    expect(cells('请假').every((w) => printedRed(pixels, w))).toBe(true);
    expect(cells('缺席').every((w) => printedRed(pixels, w))).toBe(true);
  });
});
