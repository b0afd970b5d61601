// A meeting held away from the branch's 阵地 prints where it was (其他地点) in its 地点 cell, on the sheet and in the 卷宗.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { buildMeetingRecordDoc } from '../../../shared/dossier/meetingRecord';
import { renderPdf } from '../../../shared/dossier/render';
import { makeDossierData, recordContextOf } from './factory';
import { hasPoppler } from './poppler';

const dir = mkdtempSync(join(tmpdir(), 'record-place-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasPoppler)('其他地点 on paper (needs poppler-utils)', () => {
  it('fills the 地点 cell of a meeting without a 阵地', async () => {
    const data = makeDossierData();
    const base = data.meetings.find((m) => m.kind === '主题党日')!;
    const meeting = { ...base, venueId: '', place: '市革命历史纪念馆' };
    const fonts = Object.fromEntries(
      FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
    );
    const pdf = join(dir, 'away.pdf');
    writeFileSync(pdf, await renderPdf(buildMeetingRecordDoc(meeting, recordContextOf(data)), fonts));
    const lines = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\n');
    expect(lines.some((l) => /地点\s+市革命历史纪念馆/.test(l))).toBe(true);
  }, 30_000);
});
