// 所属年度 in the volumes: 2025's 组织生活会 held on 2026-01-20 for 2025 is in the 2025 volume — its record, its
// compliance line, its index row with the 所属年度 — and in no row of the 2026 volume.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import type { DossierData } from '../../../shared/dossier/data';
import { describeChanges } from '../../../shared/dossier/describeChange';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { verifyManifest } from '../../../shared/dossier/manifest';
import { buildMeetingRecordDoc } from '../../../shared/dossier/meetingRecord';
import { renderPdf } from '../../../shared/dossier/render';
import { makeDossierData } from './factory';
import { hasPoppler } from './poppler';

const STAMP = { generatedAt: '2026-02-10T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 7 };
const dir = mkdtempSync(join(tmpdir(), 'dossier-record-year-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 2025's data with its 组织生活会 held on 2026-01-20, for 2025 (or, without `forYear`, for 2026). */
function lateData(forYear: number | undefined): DossierData {
  const data = makeDossierData({ year: 2025 });
  const meetings = data.meetings.map((m) => {
    if (m.kind !== '组织生活会') return m;
    const { forYear: _none, ...rest } = m;
    return { ...rest, date: '2026-01-20', ...(forYear !== undefined ? { forYear } : {}) };
  });
  return { ...data, meetings };
}

const lifeMeetingId = (data: DossierData) => data.meetings.find((m) => m.kind === '组织生活会')!.id;
const recordIds = (data: DossierData, year: number) =>
  buildDossier(data, { ...STAMP, year })
    .manifest.records.filter((r) => r.table === 'meetings')
    .map((r) => r.id);

describe('which volume holds a record for last year', () => {
  it('the 2025 volume, not the 2026 one', () => {
    const data = lateData(2025);
    expect(recordIds(data, 2025)).toContain(lifeMeetingId(data));
    expect(recordIds(data, 2026)).not.toContain(lifeMeetingId(data));
  });

  it('without 所属年度, the year of its date, as before', () => {
    const data = lateData(undefined);
    expect(recordIds(data, 2025)).not.toContain(lifeMeetingId(data));
    expect(recordIds(data, 2026)).toContain(lifeMeetingId(data));
  });

  it('a volume of 2025-01-01 to 2025-12-31 given as dates is the same as the year', () => {
    const data = lateData(2025);
    const ids = buildDossier(data, { ...STAMP, from: '2025-01-01', to: '2025-12-31' })
      .manifest.records.filter((r) => r.table === 'meetings')
      .map((r) => r.id);
    expect(ids).toEqual(recordIds(data, 2025));
  });
});

describe('校验卷宗 names a record for last year with its 所属年度', () => {
  const period = { from: '2025-01-01', to: '2025-12-31' };
  /** The 2025 volume exported with the factory's year, then a 民主评议党员 held on 2026-02-10 for 2025 entered. */
  function later() {
    const before = lateData(2025);
    const manifest = buildDossier(before, { ...STAMP, year: 2025 }).manifest;
    const review = before.meetings.find((m) => m.kind === '民主评议党员')!;
    const added = {
      ...review,
      id: 'late-review',
      date: '2026-02-10',
      forYear: 2025,
      seq: 2,
      topic: '2025年度民主评议党员',
    };
    return { before, manifest, after: { ...before, meetings: [...before.meetings, added] } };
  }

  it('a record added since the export: 「2026-02-10（2025年度） 民主评议党员「…」」, as the 领导责任 picker says it', () => {
    const { manifest, after } = later();
    const rows = describeChanges(verifyManifest(manifest, after), after, period);
    expect(rows.map((r) => [r.kind, r.record])).toEqual([
      ['added', '2026-02-10（2025年度） 民主评议党员「2025年度民主评议党员」'],
    ]);
  });

  it('the manifest labels it so too, and a record of its own year without a note; a deleted one is named by it', () => {
    const { before, manifest } = later();
    const label = (id: string) => manifest.records.find((r) => r.table === 'meetings' && r.id === id)?.label;
    expect(label(lifeMeetingId(before))).toBe('2026-01-20（2025年度） 组织生活会「年度组织生活会」');
    const review = before.meetings.find((m) => m.kind === '民主评议党员')!;
    expect(label(review.id)).toBe(`${review.date} 民主评议党员「年度民主评议党员」`);
    // Deleted after the export: named by the label the volume wrote.
    const deleted = { ...before, meetings: before.meetings.filter((m) => m.id !== lifeMeetingId(before)) };
    const rows = describeChanges(verifyManifest(manifest, deleted), deleted, period);
    expect(rows.filter((r) => r.table === 'meetings').map((r) => [r.kind, r.record])).toEqual([
      ['removed', '2026-01-20（2025年度） 组织生活会「年度组织生活会」'],
    ]);
  });
});

describe.skipIf(!hasPoppler)('the printed 2025 volume', () => {
  const fonts = () =>
    Object.fromEntries(FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]));
  const pdfText = (pdf: string, mode: '-raw' | '-layout') =>
    execFileSync('pdftotext', [mode, pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });

  it('numbers it in 2025, says its 所属年度, and counts 组织生活会 as held', async () => {
    const pdf = join(dir, '2025.pdf');
    writeFileSync(pdf, await renderPdf(buildDossier(lateData(2025), { ...STAMP, year: 2025 }).docDefinition, fonts()));
    const text = pdfText(pdf, '-raw').replace(/\s+/g, '');
    expect(text).toContain('（2025年度第1次）');
    expect(text).toContain('2026年1月20日（2025年度）');
    // The compliance line of 组织生活会: 1 / 1, nothing missed.
    expect(text).toMatch(/组织生活会一般每年召开1次（通常在第四季度）1\/1—/);
    // One wording for the record book's number in the whole volume: the records of the year's own dates say
    // 「（2025年度第 N 次）」 too, not 「（2025年第 N 次）」 beside the late one's 「（2025年度第 1 次）」.
    expect(text).not.toMatch(/（2025年第\d+次）/);
    expect(text).toContain(`${lateData(2025).branch.name}支委会记录（2025年度第1次）`);
    expect(text).toContain('（2025年度第一党小组第1次）');
    // The 时间 cell of the late record: the note is never split (it read 「…16:00（」 / 「2025年度）」).
    expect(pdfText(pdf, '-layout')).toMatch(
      /时间\s+2026年1月20日 14:30—16:00\s*(（2025年度）)?\s+地点[^\n]*\n\s*(（2025年度）)?/,
    );
    expect(pdfText(pdf, '-layout')).not.toMatch(/16:00（\s/);
  }, 60_000);

  it('the one-meeting 会议记录单 of a late record keeps 「（2025年度）」 whole in its 时间', async () => {
    const data = lateData(2025);
    const meeting = { ...data.meetings.find((m) => m.kind === '组织生活会')!, date: '2026-01-08' };
    meeting.startTime = '09:00';
    meeting.endTime = '12:00';
    const ctx = { ...data, audit: data.audit };
    const pdf = join(dir, 'sheet.pdf');
    writeFileSync(pdf, await renderPdf(buildMeetingRecordDoc(meeting, ctx), fonts()));
    const first = pdfText(pdf, '-layout').split('\f')[0]!;
    const lines = first.split('\n');
    const at = lines.findIndex((l) => /时间\s+2026年1月8日 09:00—12:00/.test(l));
    expect(at).toBeGreaterThanOrEqual(0);
    // It read 「2026年1月8日 09:00—12:00（」 with 「2025年度）」 on the next line.
    expect(`${lines[at]}\n${lines[at + 1]}`).toContain('（2025年度）');
    expect(lines[at]).not.toMatch(/（\s/);
    expect(first.replace(/\s+/g, '')).toContain('（2025年度第1次）');
  }, 60_000);
});
