// Bench page entry: opens the app's database and exposes its real data functions as window.__bench for Playwright.
import { MEETING_KINDS } from '../../../shared/domain/vocab';
import { getRulePack } from '../../../shared/rules/packs';
import { chinaToday } from '../../../shared/schemas/common';
import { computeCompliance } from '../../../shared/scoring/compliance';
import { SCHEMA_VERSION } from '../db/AppDB';
import { exportBackupBlob } from '../db/backup/export';
import { restoreBackup } from '../db/backup/restore';
import { db, openDatabase } from '../db/db';
import { loadDossierJob } from '../db/printData';
import { getRulePackId, loadComplianceSources } from '../db/repositories/compliance';
import { listMeetings, searchMeetings } from '../db/repositories/meetings';
import { renderInWorker } from '../workers/pdfClient';
import type { BenchApi } from './api';

/** Every long task (> 50 ms) of this page since load: the export's share is picked out by time. */
const longTasks: { start: number; end: number }[] = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No long-task timing in this browser: longestTaskMs reads 0.
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function complianceOf(branchId: string, year: number, packId: string) {
  const sources = await loadComplianceSources(branchId, year);
  return computeCompliance({ ...sources, asOf: chinaToday(), pack: getRulePack(packId) });
}

const status = document.getElementById('status');
const ready = openDatabase().then(() => {
  if (status) status.textContent = '就绪';
});

const api: BenchApi = {
  ready,
  async restore(url) {
    const blob = await (await fetch(url)).blob();
    const phasesMs: Record<string, number> = {};
    let phase = 'start';
    let since = performance.now();
    const { ms, value } = await timed(() =>
      restoreBackup(blob, 'replace', {
        onProgress: (p) => {
          // Writing is timed per stored table (`writing:meetings` …), reading and checking as a whole.
          const key = p.phase === 'writing' && p.table ? `writing:${p.table}` : p.phase;
          if (key === phase) return;
          const now = performance.now();
          phasesMs[phase] = (phasesMs[phase] ?? 0) + now - since;
          phase = key;
          since = now;
        },
      }),
    );
    phasesMs[phase] = (phasesMs[phase] ?? 0) + performance.now() - since;
    if (!value.ok) throw new Error(value.errors.join('；'));
    return { ms, rows: value.rows, attachments: value.attachments, phasesMs };
  },
  async backup() {
    const { ms, value } = await timed(() => exportBackupBlob());
    return { ms, bytes: value.blob.size };
  },
  async branches() {
    return (await db.branches.toArray()).map((b) => ({ id: b.id, name: b.name }));
  },
  async listFirstPages(runsPerFilter) {
    const branches = await db.branches.toArray();
    const out: Awaited<ReturnType<BenchApi['listFirstPages']>> = [];
    for (let i = 0; i < runsPerFilter; i++) {
      const branch = branches[i % branches.length]!;
      const kind = MEETING_KINDS[i % MEETING_KINDS.length]!;
      const byKind = await timed(() => listMeetings(branch.id, { kind }));
      out.push({ filter: 'kind', ms: byKind.ms, items: byKind.value.items.length });
      const year = 2016 + (i % 10);
      const month = 1 + ((i * 7) % 12);
      const byMonth = await timed(() => listMeetings(branch.id, { year, month }));
      out.push({ filter: 'month', ms: byMonth.ms, items: byMonth.value.items.length });
      // A different person each run: the i-th member of the branch (members are few, the read is not timed).
      const members = await db.members.where('branchId').equals(branch.id).primaryKeys();
      const memberId = members[i % members.length]!;
      const byPerson = await timed(() => listMeetings(branch.id, { memberId }));
      out.push({ filter: 'person', ms: byPerson.ms, items: byPerson.value.items.length });
    }
    return out;
  },
  async search(words, runs) {
    const branches = await db.branches.toArray();
    const out: Awaited<ReturnType<BenchApi['search']>> = [];
    for (let i = 0; i < runs; i++) {
      const word = words[i % words.length]!;
      const branch = branches[Math.floor(i / words.length) % branches.length]!;
      const { ms, value } = await timed(() => searchMeetings(branch.id, word));
      out.push({ word, ms, items: value.items.length });
    }
    return out;
  },
  async complianceBranchYears(year) {
    const packId = await getRulePackId();
    const times: number[] = [];
    for (const branch of await db.branches.toArray()) {
      times.push((await timed(() => complianceOf(branch.id, year, packId))).ms);
    }
    return times;
  },
  async complianceOrgan(year) {
    const { ms } = await timed(async () => {
      const packId = await getRulePackId();
      const branches = await db.branches.toArray();
      for (const branch of branches) await complianceOf(branch.id, year, packId);
    });
    return ms;
  },
  async dossier(branchId, year) {
    const start = performance.now();
    // The same call as DossierPage.tsx's 导出卷宗.
    const job = await loadDossierJob(branchId, {
      year,
      volume: 1,
      generatedAt: new Date().toISOString(),
      appVersion: import.meta.env.VITE_APP_VERSION ?? '开发版',
      schemaVersion: SCHEMA_VERSION,
    });
    const result = await renderInWorker(job);
    const end = performance.now();
    // Long-task entries arrive asynchronously: give the observer a frame to deliver the last ones.
    await new Promise((r) => setTimeout(r, 100));
    const longest = longTasks
      .filter((t) => t.end >= start && t.start <= end)
      .reduce((max, t) => Math.max(max, t.end - t.start), 0);
    return { ms: end - start, bytes: result.bytes.length, longestTaskMs: longest };
  },
};

(window as unknown as { __bench: BenchApi }).__bench = api;
