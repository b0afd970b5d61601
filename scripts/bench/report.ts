// The bench's figures: the exact keys of bench/results/latest.json, their targets (from the issue), statistics, the table.

/** Every figure of latest.json, in print order; times in ms, memory in MB. */
export const FIGURE_KEYS = [
  'load.rowsPerSec',
  'open.dashboardMs',
  'list.firstPageP95Ms',
  'search.p95Ms',
  'compliance.branchYearMs',
  'compliance.organMs',
  'dossier.typicalMs',
  'dossier.stress1000.ms',
  'dossier.stress1000.peakMB',
  'dossier.stress1000.pages',
  'dossier.naive1000.ms',
  'dossier.naive1000.peakMB',
  'dossier.longestTaskMs',
  'backup.organMs',
  'restore.organMs',
  'backup.peakMB',
] as const;

export type FigureKey = (typeof FIGURE_KEYS)[number];
/** null: not measured in this run (e.g. --quick), or the measurement failed (see the meta file). */
export type Figures = Record<FigureKey, number | null>;

export const DOSSIER_KEYS: readonly FigureKey[] = FIGURE_KEYS.filter((k) => k.startsWith('dossier.'));

interface Target {
  label: string;
  text: string;
  /** True when met; undefined for figures without a target of their own. */
  met?: (value: number, all: Figures) => boolean;
}

export const TARGETS: Record<FigureKey, Target> = {
  'load.rowsPerSec': { label: '恢复 organ 到空库（行/秒）', text: '≥ 20,000 行/秒', met: (v) => v >= 20_000 },
  'open.dashboardMs': { label: '冷启动到工作台可用', text: '≤ 1.5 s', met: (v) => v <= 1500 },
  'list.firstPageP95Ms': { label: '筛选列表首页 p95', text: '≤ 50 ms', met: (v) => v <= 50 },
  'search.p95Ms': { label: '中文检索 p95', text: '≤ 50 ms', met: (v) => v <= 50 },
  'compliance.branchYearMs': { label: '达标计算（一个支部一年）', text: '≤ 50 ms', met: (v) => v <= 50 },
  'compliance.organMs': { label: '达标计算（30 个支部一年）', text: '≤ 500 ms', met: (v) => v <= 500 },
  'dossier.typicalMs': { label: '典型年度卷宗（worker）', text: '< 3 s', met: (v) => v < 3000 },
  'dossier.stress1000.ms': {
    label: '千页卷宗（分块）用时',
    text: '≤ 0.5 × 一次性',
    met: (v, all) => all['dossier.naive1000.ms'] !== null && v <= 0.5 * all['dossier.naive1000.ms'],
  },
  'dossier.stress1000.peakMB': { label: '千页卷宗（分块）峰值内存', text: '≤ 500 MB', met: (v) => v <= 500 },
  'dossier.stress1000.pages': { label: '千页卷宗页数', text: '≈ 1000 页', met: (v) => v >= 800 },
  'dossier.naive1000.ms': { label: '千页卷宗（一次性）用时', text: '对照基线' },
  'dossier.naive1000.peakMB': { label: '千页卷宗（一次性）峰值内存', text: '对照基线' },
  'dossier.longestTaskMs': { label: '导出期间主线程最长任务', text: '≤ 100 ms', met: (v) => v <= 100 },
  'backup.organMs': { label: '备份 organ', text: '≤ 10 s', met: (v) => v <= 10_000 },
  'restore.organMs': { label: '恢复 organ', text: '≤ 10 s', met: (v) => v <= 10_000 },
  'backup.peakMB': { label: '备份 organ 页面内存增长峰值', text: '≤ 300 MB', met: (v) => v <= 300 },
};

export function emptyFigures(): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as Figures;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('没有样本');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export const round1 = (n: number) => Math.round(n * 10) / 10;

function formatValue(key: FigureKey, value: number | null): string {
  if (value === null) return '—';
  if (key.endsWith('MB')) return `${round1(value)} MB`;
  if (key.endsWith('pages')) return `${value} 页`;
  if (key === 'load.rowsPerSec') return `${Math.round(value).toLocaleString('en-US')} 行/秒`;
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${round1(value)} ms`;
}

export function verdict(key: FigureKey, figures: Figures): string {
  const value = figures[key];
  const met = TARGETS[key].met;
  if (value === null || !met) return '';
  return met(value, figures) ? '达标' : '未达标';
}

/** The console table: key, Chinese label, figure, target, verdict. */
export function formatTable(figures: Figures): string {
  const rows = FIGURE_KEYS.map((k) => [
    k,
    TARGETS[k].label,
    formatValue(k, figures[k]),
    TARGETS[k].text,
    verdict(k, figures),
  ]);
  const header = ['指标', '含义', '结果', '目标', '结论'];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
