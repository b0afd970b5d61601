// The 卷宗 of a year still running, exported on 15 June: its 组织生活落实情况 counts each rule as the 工作台 does (one
// ruleTally), prints June — not over yet, with no 支委会 and no 党小组会 — as 待, never as 未达标, and says what 待 means.
// The branch is read from fake-indexeddb by the app's own loaders: the 工作台's (loadDashboard) and the 卷宗's
// (loadDossierJob, then buildDossier as the worker calls it), so each figure is compared with the screen's.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { renderPdf } from '../../../shared/dossier/render';
import { chinaToday } from '../../../shared/schemas/common';
import { loadDossierJob } from '../../../renderer/src/db/printData';
import { createMeeting } from '../../../renderer/src/db/repositories/meetings';
import { loadDashboard } from '../../../renderer/src/features/dashboard/dashboardData';
import { meetingInput, present, seed, setChinaNow } from '../meetings/fixtures';
import { complianceOf, textOf } from './complianceTable';

// Whether pdftotext is installed (as test/unit/dossier/poppler.ts, which the renderer project cannot import).
const hasPoppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeEach(() => setChinaNow('2030-06-15T10:00:00'));
afterEach(() => {
  vi.useRealTimers();
});

const dir = mkdtempSync(join(tmpdir(), 'dossier-running-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, unknown>;

/** The red (未达标) and the other text of a cell. */
function colouredParts(cell: unknown): { red: string; other: string } {
  const out = { red: '', other: '' };
  const walk = (node: unknown, colour?: unknown) => {
    if (typeof node === 'string') {
      if (colour === '#b00000') out.red += node;
      else out.other += node;
    } else if (Array.isArray(node)) node.forEach((n) => walk(n, colour));
    else if (node && typeof node === 'object') {
      const o = node as Json;
      const c = o.color ?? colour;
      if (o.text !== undefined) walk(o.text, c);
      if (o.stack !== undefined) walk(o.stack, c);
    }
  };
  walk(cell);
  return out;
}

/**
 * 甲支部 (one 党小组, three members) in 2030, seen on 15 June: a 支委会 every month from January to May and none yet in
 * June; the 党小组会 of January to April, none in May (a gap) nor yet in June; one 谈心谈话, between 张三 and 李四.
 */
async function runningYear() {
  const { branch, zhang, li, wang } = await seed();
  const everyone = present(zhang, li, wang);
  for (const month of ['01', '02', '03', '04', '05']) {
    await createMeeting(branch.id, meetingInput({ date: `2030-${month}-10`, attendance: everyone }));
  }
  for (const month of ['01', '02', '03', '04']) {
    await createMeeting(
      branch.id,
      meetingInput({ kind: '党小组会', partyGroupId: 'g1', date: `2030-${month}-12`, attendance: everyone }),
    );
  }
  await createMeeting(
    branch.id,
    meetingInput({
      kind: '谈心谈话',
      date: '2030-03-20',
      talkParties: [zhang.id, li.id],
      attendance: present(zhang, li),
    }),
  );
  return branch;
}

const STAMP = { volume: 1, appVersion: '0.1.0', schemaVersion: 5 };

describe('the 卷宗 of a year still running', () => {
  it('counts every rule as the 工作台 does and prints the month not yet over as 待, not as 未达标', async () => {
    const branch = await runningYear();
    const today = chinaToday();
    const board = await loadDashboard(branch.id, 2030, today);
    const job = await loadDossierJob(branch.id, { ...STAMP, year: 2030, generatedAt: new Date().toISOString() });
    if (job.kind !== 'dossier') throw new Error('no dossier job');
    const { rows, note } = complianceOf(buildDossier(job.data, job.options).docDefinition.content);

    // Row by row, the 工作台's 「党小组会 4/6」 is the volume's 达标期数.
    expect(rows.map((r) => [textOf(r[0]), textOf(r[2])])).toEqual(
      // Nothing due yet and its period open (组织生活会 in June): 未到期, not 0 / 0.
      board.records.map((line) => [
        line.label,
        line.required === 0 && (!!line.current || line.pending.length > 0)
          ? '未到期'
          : `${line.met} / ${line.required}`,
      ]),
    );
    const row = (label: string) => rows.find((r) => textOf(r[0]) === label)!;

    // 支委会: January to May met, June running — due on neither screen, 待 in the volume.
    const committee = board.records.find((l) => l.label === '支委会')!;
    expect(committee.current?.label).toBe('6月');
    expect(colouredParts(row('支委会')[3])).toEqual({ red: '', other: '待 6月' });

    // 党小组会: May is a gap (red), June is 待 for the group, and only May is named as 未达标.
    const groups = board.records.find((l) => l.label === '党小组会')!;
    expect(groups.misses.map((m) => m.label)).toEqual(['第一党小组 5月']);
    expect(groups.pending.map((p) => p.label)).toEqual(['第一党小组']);
    const groupCell = colouredParts(row('党小组会')[3]);
    expect(groupCell.red).toBe('第一党小组：5月');
    expect(groupCell.other).toBe('待 6月：第一党小组');

    // 谈心谈话: 王五 not yet talked with this year, due as on the 工作台 (「2/3 人，1 人待谈」) and not missed.
    const talks = board.records.find((l) => l.label === '谈心谈话')!;
    expect(talks.text).toBe('谈心谈话 2/3 人，1 人待谈');
    expect(colouredParts(row('谈心谈话')[3])).toEqual({ red: '', other: '待 2030年：王五' });

    // The sum of the 工作台's lines, what is 待 (the 工作台's pending members and groups, and its current periods
    // not yet recorded) said with what it means, and the day counted to.
    const met = board.records.reduce((n, l) => n + l.met, 0);
    const due = board.records.reduce((n, l) => n + l.required, 0);
    // The open period's groups and members are in the 工作台's due; a branch-wide rule's open month is not: the
    // sentence says them apart, so that X / Y and what is 待 add up.
    const inDue = board.records.reduce((n, l) => n + (l.required > 0 ? l.pending.length : 0), 0);
    const outside = board.records.reduce(
      (n, l) => n + (l.current ? 1 : 0) + (l.required > 0 ? 0 : l.pending.length),
      0,
    );
    expect(inDue).toBeGreaterThan(0);
    expect(outside).toBeGreaterThan(0);
    expect(note).toMatch(
      new RegExp(
        `^合计达标 ${met} / ${due} 期，统计截至 2030年6月15日。其中 ${inDue} 期为本期尚无记录的党小组或党员，` +
          `标“待”：本期尚未结束，不计为未达标。另有 ${outside} 期本期尚未结束、尚无记录，标“待”，不计入合计。`,
      ),
    );
  });

  it('prints last year, with nothing running, without 待', async () => {
    const branch = await runningYear();
    await createMeeting(branch.id, meetingInput({ date: '2029-12-10' }));
    const job = await loadDossierJob(branch.id, { ...STAMP, year: 2029, generatedAt: new Date().toISOString() });
    if (job.kind !== 'dossier') throw new Error('no dossier job');
    const { rows, note } = complianceOf(buildDossier(job.data, job.options).docDefinition.content);
    expect(rows.map((r) => textOf(r[3])).join('')).not.toContain('待');
    expect(note).toMatch(/^合计达标 1 \/ \d+ 期，统计截至 2029年12月31日。/);
    expect(note).not.toContain('待');
  });

  it.skipIf(!hasPoppler)('prints the 待 and its meaning in the PDF', async () => {
    const branch = await runningYear();
    const job = await loadDossierJob(branch.id, { ...STAMP, year: 2030, generatedAt: new Date().toISOString() });
    if (job.kind !== 'dossier') throw new Error('no dossier job');
    const fonts = Object.fromEntries(
      FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join('resources/fonts', f)))]),
    );
    const pdf = join(dir, 'running.pdf');
    writeFileSync(pdf, await renderPdf(buildDossier(job.data, job.options).docDefinition, fonts));
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const table = text.slice(text.indexOf('组织生活落实情况'), text.indexOf('频次规则'));
    expect(table).toContain('支委会');
    expect(table).toContain('待6月');
    expect(table).toContain('待6月：第一党小组');
    expect(table).toMatch(/其中\d+期为本期尚无记录的党小组或党员/);
    expect(table).toMatch(/另有\d+期本期尚未结束/);
  });
});
