// A leader's task carried unfinished into the next year's list (复制上一年度: the same task, `carriedFrom`) says so in
// both years' volumes: 「（已转入2026年度）」 in the year it came from, 「（2025年度转入）」 in the year that took it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tasksCarriedOn } from '../../../shared/domain/carriedTasks';
import { buildDossier } from '../../../shared/dossier/build';
import type { DossierData } from '../../../shared/dossier/data';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { renderPdf } from '../../../shared/dossier/render';
import type { Responsibility } from '../../../shared/schemas/entities';
import { makeDossierData } from './factory';
import { hasPoppler } from './poppler';

const STAMP = { generatedAt: '2027-01-05T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 1 };
const dir = mkdtempSync(join(tmpdir(), 'dossier-carried-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 2025's data with its task unfinished, and a 2026 list that took it over. */
function carriedData(): DossierData {
  const data = makeDossierData({ year: 2025 });
  const list2025 = data.responsibilities[0]!;
  const task = { ...list2025.tasks[0]!, title: '更新党员活动室电教设备', status: '进行中' as const, note: '' };
  const list2026: Responsibility = {
    ...list2025,
    id: 'r2026',
    year: 2026,
    tasks: [{ ...task, carriedFrom: 2025, evidenceMeetingIds: [] }],
    reports: [],
  };
  return { ...data, responsibilities: [{ ...list2025, tasks: [task] }, list2026] };
}

async function text(data: DossierData, year: number): Promise<string> {
  const fonts = Object.fromEntries(
    FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
  );
  const pdf = join(dir, `${year}.pdf`);
  writeFileSync(pdf, await renderPdf(buildDossier(data, { ...STAMP, year }).docDefinition, fonts));
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }).replace(/\s+/g, '');
}

describe('tasksCarriedOn', () => {
  it('names the first later year whose list holds a task carried from the year', () => {
    const lists = carriedData().responsibilities;
    expect([...tasksCarriedOn(lists, 2025)]).toEqual([['t1', 2026]]);
    expect(tasksCarriedOn(lists, 2026).size).toBe(0);
  });
});

describe.skipIf(!hasPoppler)('a carried task in the volumes', () => {
  it('says where it went in the year it came from, and where it came from in the year that took it', async () => {
    const data = carriedData();
    const y2025 = await text(data, 2025);
    expect(y2025).toContain('更新党员活动室电教设备（已转入2026年度）');
    expect(y2025).not.toContain('2025年度转入');
    const y2026 = await text(data, 2026);
    expect(y2026).toContain('更新党员活动室电教设备（2025年度转入）');
    expect(y2026).not.toContain('已转入');
  }, 60_000);

  it('in a volume of three years, says for each year where a task carried twice went next', async () => {
    const data = carriedData();
    const [list2025, list2026] = data.responsibilities as [Responsibility, Responsibility];
    // Still unfinished at the end of 2026: carried on again, keeping its first origin.
    const list2027: Responsibility = { ...list2026, id: 'r2027', year: 2027 };
    const all = { ...data, responsibilities: [list2025, list2026, list2027] };
    const fonts = Object.fromEntries(
      FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
    );
    const pdf = join(dir, 'range.pdf');
    const built = buildDossier(all, { ...STAMP, from: '2025-01-01', to: '2027-12-31' });
    writeFileSync(pdf, await renderPdf(built.docDefinition, fonts));
    const read = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }).replace(
      /\s+/g,
      '',
    );
    expect(read).toContain('更新党员活动室电教设备（已转入2026年度）');
    expect(read).toContain('更新党员活动室电教设备（2025年度转入）（已转入2027年度）');
    // 2027's list is where it stays: two rows say where it went, two where it came from.
    expect(read.split('更新党员活动室电教设备（已转入').length - 1).toBe(1);
    expect(read.split('更新党员活动室电教设备（2025年度转入）').length - 1).toBe(2);
  }, 60_000);
});
