// `npm run bench [-- --quick]`: builds the renderer with the bench page, drives Chromium over seeded data, prints and saves the figures.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type { BenchApi } from '../renderer/src/bench/api';
import { DEFAULT_SEED, specOf, writeSeedBackup, type SizeName } from './seed/source';
import { emptyFigures, formatTable, median, percentile, round1, type Figures } from './bench/report';
import type { DossierRun } from './bench/dossierNode';
import { chromiumCpu, cpuBetween } from './bench/processCpu';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'bench', '.cache');
const RESULTS = join(ROOT, 'bench', 'results');
const OUT_DIR = process.env.BENCH_OUT_DIR ?? join(CACHE, 'renderer');
// Not 4190: that is ManageSieve, on the Fetch standard's list of blocked ports, so fetch() refuses it.
const PORT = Number(process.env.BENCH_PORT ?? 4180);
const BASE = `http://127.0.0.1:${PORT}`;
const quick = process.argv.includes('--quick');
/** `--organ`: only the organ figures (restore, load, open, list, search, compliance, backup); no dossier. */
const organOnly = process.argv.includes('--organ');

/** Chinese words of the seeded minutes (scripts/seed/text.ts), common and rare, and one that is nowhere. */
const SEARCH_WORDS = [
  '五好五强',
  '学雷锋',
  '警示教育',
  '保密',
  '人民代表大会',
  '作风建设',
  '政治生日',
  '红色基因',
  '志愿服务',
  '珍惜岗位',
  '双拥',
  '宪法',
  '组织生活会',
  '量子计算',
];

const log = (line: string) => console.log(`[bench] ${line}`);
const failures: string[] = [];
const meta: Record<string, unknown> = { failures };
const figures: Figures = emptyFigures();

// ── preparation ─────────────────────────────────────────────────────────────

/** The seed backups, generated once (deterministic: same code and seed, same bytes) and kept in bench/.cache. */
async function seedFile(size: SizeName): Promise<string> {
  const file = join(CACHE, `${size}.zip`);
  if (existsSync(file)) return file;
  log(`生成种子数据 ${size}（首次运行，之后复用 bench/.cache）…`);
  const temp = `${file}.tmp`;
  const stream = createWriteStream(temp);
  await writeSeedBackup(specOf(size, DEFAULT_SEED), async (chunk) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  });
  stream.end();
  await finished(stream);
  await rename(temp, file);
  return file;
}

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} 失败（退出码 ${result.status}）`);
}

function build(): void {
  log(`构建渲染进程（BENCH_BUILD=1）到 ${OUT_DIR} …`);
  run(process.execPath, ['scripts/prepare-fonts.mjs']);
  run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    BENCH_BUILD: '1',
    RENDERER_OUT_DIR: OUT_DIR,
  });
}

async function serve(): Promise<ChildProcess> {
  const child = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--config',
      'renderer/vite.config.ts',
      '--port',
      String(PORT),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, RENDERER_OUT_DIR: OUT_DIR },
      stdio: 'ignore',
      // Its own process group, so stopping it also stops the vite process npx started.
      detached: true,
    },
  );
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/bench.html`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop(child);
  throw new Error(`vite preview 没有在端口 ${PORT} 上启动`);
}

function stop(child: ChildProcess): void {
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

async function launch(profile: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    ...(executablePath ? { executablePath } : {}),
  });
  await context.route('**/bench-data/*.zip', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    return route.fulfill({ path: join(CACHE, name), contentType: 'application/zip' });
  });
  return context;
}

async function benchPage(context: BrowserContext): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${BASE}/bench.html`);
  await page.waitForFunction(() => 'ready' in ((window as unknown as { __bench?: object }).__bench ?? {}));
  await page.evaluate(() => (window as unknown as { __bench: BenchApi }).__bench.ready);
  return page;
}

/** Calls window.__bench[name](...args) in the page. */
function call<K extends keyof Omit<BenchApi, 'ready'>>(page: Page, name: K, ...args: Parameters<BenchApi[K]>) {
  return page.evaluate(
    ([n, a]) => {
      const api = (window as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench;
      return api[n]!(...a);
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

/**
 * Samples the page's JS heap plus ArrayBuffer backing stores (CDP Runtime.getHeapUsage) until `work` ends. `growthMB`
 * is the peak above the heap just before (after a forced garbage collection), i.e. what the work itself added.
 */
async function withHeapPeak<T>(
  context: BrowserContext,
  page: Page,
  work: () => Promise<T>,
): Promise<{ value: T; peakMB: number; baselineMB: number; growthMB: number }> {
  const cdp = await context.newCDPSession(page);
  const usage = async () => {
    const u = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      embedderHeapUsedSize?: number;
      backingStorageSize?: number;
    };
    return u.usedSize + (u.embedderHeapUsedSize ?? 0) + (u.backingStorageSize ?? 0);
  };
  await cdp.send('HeapProfiler.collectGarbage');
  const baseline = await usage();
  let peak = baseline;
  let running = true;
  const sampler = (async () => {
    while (running) {
      try {
        peak = Math.max(peak, await usage());
      } catch {
        // the page is busy or navigating: the next sample counts
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const value = await work();
    const mb = (bytes: number) => round1(bytes / 1024 / 1024);
    return { value, peakMB: mb(peak), baselineMB: mb(baseline), growthMB: mb(peak - baseline) };
  } finally {
    running = false;
    await sampler;
    await cdp.detach().catch(() => undefined);
  }
}

// ── the figures ─────────────────────────────────────────────────────────────

async function organFigures(): Promise<string> {
  const profile = join(CACHE, 'profile-organ');
  await rm(profile, { recursive: true, force: true });
  await seedFile('organ');
  const context = await launch(profile);
  try {
    const page = await benchPage(context);
    log('恢复 organ 备份到空库…');
    const cpuBefore = chromiumCpu();
    const restoreRun = await withHeapPeak(context, page, () => call(page, 'restore', '/bench-data/organ.zip'));
    const cpuSeconds = cpuBetween(cpuBefore, chromiumCpu());
    const restored = restoreRun.value;
    const rows = restored.rows + restored.attachments;
    figures['restore.organMs'] = round1(restored.ms);
    figures['load.rowsPerSec'] = Math.round(rows / (restored.ms / 1000));
    meta.restore = {
      ...restored,
      totalRows: rows,
      heap: { baselineMB: restoreRun.baselineMB, peakMB: restoreRun.peakMB, growthMB: restoreRun.growthMB },
      // Where the work ran: the page and its workers ('renderer') and the browser process (IndexedDB's backend).
      cpuSeconds,
    };
    const phases = Object.entries(restored.phasesMs)
      .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`)
      .join('，');
    log(`  ${rows} 行，${(restored.ms / 1000).toFixed(1)} s，页面内存增长峰值 ${restoreRun.growthMB} MB（${phases}）`);
    if (cpuSeconds) log(`  CPU 秒（含下载备份到页面）：${JSON.stringify(cpuSeconds)}`);

    log('筛选列表首页（按类型、按月、按人，各 60 次）…');
    const lists = await call(page, 'listFirstPages', 60);
    figures['list.firstPageP95Ms'] = round1(
      percentile(
        lists.map((l) => l.ms),
        95,
      ),
    );
    meta.list = Object.fromEntries(
      (['kind', 'month', 'person'] as const).map((f) => {
        const ms = lists.filter((l) => l.filter === f).map((l) => l.ms);
        return [
          f,
          { runs: ms.length, p50: round1(median(ms)), p95: round1(percentile(ms, 95)), max: round1(Math.max(...ms)) },
        ];
      }),
    );

    log('中文检索（120 次）…');
    const searches = await call(page, 'search', SEARCH_WORDS, 120);
    figures['search.p95Ms'] = round1(
      percentile(
        searches.map((s) => s.ms),
        95,
      ),
    );
    meta.search = Object.fromEntries(
      SEARCH_WORDS.map((w) => {
        const mine = searches.filter((s) => s.word === w);
        return [
          w,
          {
            p95: round1(
              percentile(
                mine.map((s) => s.ms),
                95,
              ),
            ),
            firstPageItems: mine.map((s) => s.items),
          },
        ];
      }),
    );

    log('达标计算…');
    const perBranch = await call(page, 'complianceBranchYears', 2024);
    figures['compliance.branchYearMs'] = round1(median(perBranch));
    const organ = [];
    for (let i = 0; i < 5; i++) organ.push(await call(page, 'complianceOrgan', 2024));
    figures['compliance.organMs'] = round1(median(organ));
    meta.compliance = { branchYearMs: perBranch.map(round1), organMs: organ.map(round1) };

    log('备份 organ（立即备份）…');
    const backup = await withHeapPeak(context, page, () => call(page, 'backup'));
    figures['backup.organMs'] = round1(backup.value.ms);
    figures['backup.peakMB'] = backup.growthMB;
    meta.backup = {
      bytes: backup.value.bytes,
      heap: { baselineMB: backup.baselineMB, peakMB: backup.peakMB, growthMB: backup.growthMB },
    };
  } finally {
    await context.close();
  }
  return profile;
}

/** Cold start: a new browser on the restored profile, from navigation to the dashboard's 工作有记录 card being shown. */
async function openFigure(profile: string): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await launch(profile);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${BASE}/`, { waitUntil: 'commit' });
      // performance.now() counts from the navigation's start; polled every frame.
      const handle = await page.waitForFunction(
        () => {
          const card = document.querySelector('[role="region"][aria-label="工作有记录"]');
          return card && card.getBoundingClientRect().height > 0 ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 120_000 },
      );
      runs.push(round1((await handle.jsonValue()) as number));
    } finally {
      await context.close();
    }
  }
  figures['open.dashboardMs'] = median(runs);
  meta.open = { marker: '工作台「工作有记录」卡片可见（数据已载入）', runs };
}

async function typicalDossierFigures(): Promise<void> {
  const profile = join(CACHE, 'profile-typical');
  await rm(profile, { recursive: true, force: true });
  await seedFile('typical');
  const context = await launch(profile);
  try {
    const page = await benchPage(context);
    await call(page, 'restore', '/bench-data/typical.zip');
    const [branch] = await call(page, 'branches');
    const runs = [];
    for (let i = 0; i < 3; i++) {
      log(`典型年度卷宗（worker）第 ${i + 1}/3 次…`);
      runs.push(await call(page, 'dossier', branch!.id, 2025));
    }
    figures['dossier.typicalMs'] = round1(median(runs.map((r) => r.ms)));
    figures['dossier.longestTaskMs'] = round1(Math.max(...runs.map((r) => r.longestTaskMs)));
    meta.dossierTypical = runs.map((r) => ({
      ms: round1(r.ms),
      bytes: r.bytes,
      longestTaskMs: round1(r.longestTaskMs),
    }));
  } finally {
    await context.close();
  }
}

function nodeDossier(mode: 'chunked' | 'naive', backup: string): Promise<DossierRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench/dossierNode.ts', mode, backup, STRESS_FROM, STRESS_TO],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${mode} 渲染失败（退出码 ${code}）`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as DossierRun);
    });
  });
}

/**
 * All ten years of the decade make a 1,900-page volume; five years (2021–2025) make the ≈ 1,000 pages the target
 * speaks of. The span is printed with the figures (meta.stress).
 */
const STRESS_FROM = process.env.BENCH_STRESS_FROM ?? '2021-01-01';
const STRESS_TO = process.env.BENCH_STRESS_TO ?? '2025-12-31';

/** A multi-year volume of the decade, rendered by the project's exporter and by one createPdf call, each in its own process. */
async function stressFigures(): Promise<void> {
  const backup = await seedFile('decade');
  log('千页卷宗：分块渲染（项目的导出器）…');
  const chunked = await nodeDossier('chunked', backup);
  log(`  ${chunked.pages} 页，${(chunked.ms / 1000).toFixed(1)} s，峰值 ${chunked.peakMB} MB`);
  log('千页卷宗：一次性 createPdf（对照）…');
  const naive = await nodeDossier('naive', backup);
  log(`  ${naive.pages} 页，${(naive.ms / 1000).toFixed(1)} s，峰值 ${naive.peakMB} MB`);
  figures['dossier.stress1000.ms'] = chunked.ms;
  figures['dossier.stress1000.peakMB'] = chunked.peakMB;
  figures['dossier.stress1000.pages'] = chunked.pages;
  figures['dossier.naive1000.ms'] = naive.ms;
  figures['dossier.naive1000.peakMB'] = naive.peakMB;
  meta.stress = { dataset: `decade，${STRESS_FROM} 至 ${STRESS_TO}，一卷`, chunked, naive };
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? '未知';
  const load = existsSync('/proc/loadavg')
    ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
    : '';
  return {
    cores: cpus().length,
    memoryGB: round1(totalmem() / 1024 ** 3),
    cpu: model.trim(),
    node: process.version,
    loadAverage: load,
  };
}

async function step(name: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    // A benchmark reports what it could measure; the failure is recorded, the other figures still come.
    const reason = error instanceof Error ? error.message : String(error);
    log(`${name} 失败：${reason}`);
    failures.push(`${name}：${reason}`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  await mkdir(CACHE, { recursive: true });
  await mkdir(RESULTS, { recursive: true });
  meta.startedAt = new Date(started).toISOString();
  meta.command = `npm run bench${quick ? ' -- --quick' : organOnly ? ' -- --organ' : ''}`;
  meta.machine = { ...machine(), loadAverageAtStart: machine().loadAverage };
  meta.browser = executablePath ?? 'Playwright Chromium';
  build();
  const server = await serve();
  try {
    if (!quick) {
      let profile = '';
      await step('organ', async () => {
        profile = await organFigures();
      });
      if (profile) await step('open', () => openFigure(profile));
    }
    if (!organOnly) await step('dossier.typical', typicalDossierFigures);
  } finally {
    stop(server);
  }
  if (!organOnly) await step('dossier.stress', stressFigures);
  meta.finishedAt = new Date().toISOString();
  meta.minutes = round1((Date.now() - started) / 60_000);
  meta.machine = { ...(meta.machine as object), loadAverageAtEnd: machine().loadAverage };
  await writeFile(join(RESULTS, 'latest.json'), `${JSON.stringify(figures, null, 2)}\n`);
  await writeFile(join(RESULTS, 'latest.meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  console.log('');
  console.log(formatTable(figures));
  console.log('');
  log(`已写出 bench/results/latest.json（明细见 latest.meta.json），用时 ${meta.minutes as number} 分钟`);
}

main().catch((error: unknown) => {
  console.error(`[bench] 出错：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
