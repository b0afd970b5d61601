// `npm run dossier -- --backup <file> (--year <YYYY> | --from <date> --to <date>) --out <file.pdf> [--branch …] [--volume N]`:
// the app's 迎检卷宗, headless, from a backup.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inspectBackup, readBackup, type BackupManifest, type OpenBackup } from '../shared/backup';
import { SUPPORTED_SCHEMA_VERSIONS } from '../shared/backup/tables';
import { buildDossier } from '../shared/dossier/build';
import { branchVolumeCollector } from '../shared/dossier/fromBackup';
import {
  emptyPeriodReason,
  isCalendarYear,
  periodHasRecords,
  periodName,
  periodOptions,
  type DossierData,
  type DossierPeriod,
} from '../shared/dossier/data';
import { FONT_FILES } from '../shared/dossier/layout';
import { renderPdf } from '../shared/dossier/render';
import { prepareForPrint, unprintableNotice, type UnprintableText } from '../shared/print/printText';
import { FALLBACK_FILES } from '../shared/print/fallback';
import { chinaToday, isRealDate } from '../shared/schemas/common';
import { fileErrorReason, wantsHelp } from './cliText';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE =
  '用法：npm run dossier -- --backup <备份文件.zip> (--year <年度> | --from <开始日期> --to <结束日期>) --out <卷宗.pdf> [--branch <支部名称或编号>] [--volume <卷号>]';

export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** A refusal the user can act on: printed as one Chinese line, exit code attached. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** Extra lines after the reason (the branch list). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export const openBackupFile =
  (file: string): OpenBackup =>
  () =>
    createReadStream(file, { highWaterMark: 256 * 1024 });

/** Full validation (the same as a restore's first pass); an invalid or foreign file becomes one line. */
export async function inspectBackupFile(
  file: string,
): Promise<{ manifest: BackupManifest; branches: { id: string; name: string }[] }> {
  if (!existsSync(file)) throw new CliError(`找不到备份文件：${file}`, 2);
  if (statSync(file).isDirectory()) throw new CliError(`这是一个文件夹，不是备份文件：${file}`, 2);
  const result = await inspectBackup(openBackupFile(file));
  if (!result.ok) {
    const more =
      result.errors.length > 1
        ? `（另有 ${result.errors.length - 1} 处问题，可用 npm run backup:verify 查看全部）`
        : '';
    throw new CliError(`备份文件无效：${oneLine(result.errors[0] ?? '无法读取')}${more}`);
  }
  return { manifest: result.manifest, branches: result.branches };
}

/** The branch a volume is for: by id or exact name; required when the file holds several. */
export function pickBranch(
  branches: readonly { id: string; name: string }[],
  selector: string | undefined,
): { id: string; name: string } {
  const listing = branches.map((b) => `  ${b.name}（编号 ${b.id}）`);
  if (branches.length === 0) throw new CliError('备份中没有任何支部，无法生成卷宗');
  if (selector === undefined) {
    if (branches.length === 1) return branches[0]!;
    throw new CliError(`备份中有 ${branches.length} 个支部，请用 --branch 指定名称或编号：`, 1, listing);
  }
  const byId = branches.find((b) => b.id === selector);
  if (byId) return byId;
  const byName = branches.filter((b) => b.name === selector.trim());
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1)
    throw new CliError(`备份中有 ${byName.length} 个支部都叫「${selector}」，请改用编号指定：`, 1, listing);
  throw new CliError(
    `备份中没有支部「${selector}」（共 ${branches.length} 个支部：${branches.map((b) => b.name).join('、')}）`,
  );
}

/**
 * The second pass of the file: one branch's rows (plus the shared standards) as DossierData, and the original bytes
 * of its PNG/JPEG attachments — the app downscales photos with OffscreenCanvas, which Node does not have.
 */
export async function readBranchData(file: string, branchId: string): Promise<DossierData> {
  return (await readBranchVolume(file, branchId)).data;
}

/** readBranchData, and the frequency rule pack the backup's settings chose (条例默认 when none). */
export async function readBranchVolume(
  file: string,
  branchId: string,
): Promise<{ data: DossierData; rulePackId: string }> {
  const collector = branchVolumeCollector(branchId);
  const result = await readBackup(openBackupFile(file), collector.handlers);
  if (!result.ok) throw new CliError(`备份文件无效：${oneLine(result.errors[0] ?? '无法读取')}`);
  const volume = collector.result();
  if (!volume) throw new CliError(`备份中没有编号为 ${branchId} 的支部`);
  return volume;
}

/** The four Noto fonts from resources/fonts, prepared first if a fresh checkout does not have them yet. */
export function loadFonts(): Record<string, Uint8Array> {
  const dir = join(REPO_ROOT, 'resources', 'fonts');
  if (FONT_FILES.some((f) => !existsSync(join(dir, f)))) prepareFonts();
  if (FONT_FILES.some((f) => !existsSync(join(dir, f)))) {
    throw new CliError('缺少卷宗字体，且无法准备（请先运行 node scripts/prepare-fonts.mjs）');
  }
  return Object.fromEntries(FONT_FILES.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]));
}

function prepareFonts() {
  spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'prepare-fonts.mjs')], { cwd: REPO_ROOT, stdio: 'ignore' });
}

const FALLBACK_DIR = join(REPO_ROOT, 'resources', 'fonts', 'fallback');

/** The fallback blocks for 生僻字 (shared/print/fallback.ts) found in resources/fonts/fallback, made there if none is. */
export function availableFallbackFonts(): Set<string> {
  const present = () => new Set([...FALLBACK_FILES].filter((f) => existsSync(join(FALLBACK_DIR, f))));
  const found = present();
  if (found.size > 0) return found;
  prepareFonts();
  return present();
}

/** The bytes of the fallback blocks a document needs, under their names (as renderPdf wants them). */
export function loadFallbackFonts(files: Iterable<string>): Record<string, Uint8Array> {
  return Object.fromEntries([...files].map((f) => [f, new Uint8Array(readFileSync(join(FALLBACK_DIR, f)))]));
}

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Writes next to the target and renames at the end: a crash or an error never leaves half a PDF under `out`. */
export async function writeFileAtomically(out: string, bytes: Uint8Array): Promise<void> {
  const target = resolve(out);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new CliError(`无法写入输出文件 ${out}：${fileErrorReason(error)}`);
  }
}

export interface DossierArgs {
  backup: string;
  /** A calendar year (一年一本), or the closed date range of a volume (YYYY-MM-DD). */
  period: DossierPeriod;
  out: string;
  branch?: string;
  /** 第N卷 on the cover: 1 unless a year is bound in several volumes. */
  volume?: number;
}

const FLAGS = ['--backup', '--year', '--from', '--to', '--out', '--branch', '--volume'];

/**
 * The volume's period from --year, or --from and --to. As on the 卷宗导出 page, a range may not end after today: its
 * cover would vouch for days that have not happened (a whole year may still be the current one).
 */
function periodOfArgs(values: ReadonlyMap<string, string>, today: string): DossierPeriod | string {
  const yearText = values.get('--year');
  const from = values.get('--from');
  const to = values.get('--to');
  if (yearText !== undefined && (from !== undefined || to !== undefined)) {
    return '--year 与 --from/--to 只能二选一：整年用 --year，一段日期用 --from 和 --to';
  }
  if (from === undefined && to === undefined) {
    if (!yearText || !/^\d{4}$/.test(yearText)) {
      return '请用 --year 指定四位数的年度（例如 --year 2025），或用 --from 和 --to 指定起止日期';
    }
    return { from: `${yearText}-01-01`, to: `${yearText}-12-31` };
  }
  if (from === undefined) return '请用 --from 指定开始日期，例如 --from 2025-01-01';
  if (to === undefined) return '请用 --to 指定结束日期，例如 --to 2025-06-30';
  for (const [flag, date] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!isRealDate(date)) return `${flag} 的日期无效：${date}（应为 年-月-日，例如 2025-06-30）`;
  }
  if (to < from) return `结束日期 ${to} 早于开始日期 ${from}`;
  if (to > today) return `结束日期 ${to} 晚于今天（${today}），不能为尚未到来的日子生成卷宗`;
  return { from, to };
}

export function parseDossierArgs(args: readonly string[], today: string = chinaToday()): DossierArgs | string {
  const values = new Map<string, string>();
  const rest = args.filter((a) => a !== '--');
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    if (!FLAGS.includes(flag)) return `不认识的参数：${flag}`;
    const value = rest[++i];
    if (value === undefined || value.startsWith('--')) return `参数 ${flag} 缺少取值`;
    values.set(flag, value);
  }
  const backup = values.get('--backup');
  const out = values.get('--out');
  if (!backup) return '请用 --backup 指定备份文件';
  const period = periodOfArgs(values, today);
  if (typeof period === 'string') return period;
  if (!out) return '请用 --out 指定输出的 PDF 文件';
  const branch = values.get('--branch');
  const volumeText = values.get('--volume');
  if (volumeText !== undefined && !/^[1-9]\d?$/.test(volumeText)) return '卷号应为 1 至 99 的整数，例如 --volume 2';
  return {
    backup,
    period,
    out,
    ...(branch !== undefined ? { branch } : {}),
    ...(volumeText !== undefined ? { volume: Number(volumeText) } : {}),
  };
}

/** The period as the CLI's lines say it: 「2025 年度」, 「2025年1月1日至6月30日」. */
const periodText = (period: DossierPeriod) =>
  isCalendarYear(period) ? `${period.from.slice(0, 4)} 年度` : periodName(period);

/** 「注意：本卷有 2 条记录尚未定稿：2025年11月3日 党小组会第三党小组第10次、…。…」 */
export function draftsWarning(drafts: readonly { label: string }[]): string {
  return `注意：本卷有 ${drafts.length} 条记录尚未定稿：${drafts.map((d) => d.label).join('、')}。卷中这些记录标有【草稿】；正式报送前，请先在台账中定稿，再重新生成卷宗。`;
}

export interface DossierOutcome {
  pages: number;
  fingerprint: string;
  branch: { id: string; name: string };
  /** The volume's records not yet 定稿, as the volume cites them: printed with 【草稿】. */
  drafts: { id: string; label: string }[];
  /** What the print fonts could not draw: printed as empty boxes. */
  unprintable?: UnprintableText;
}

/** Everything but argument parsing: validate, read, build, render, write atomically. Throws CliError. */
/**
 * Where the PDF goes, checked before any work (it was found out after ≈ 18 s on a large backup): a .pdf file in a
 * folder that can be written, and not the backup being read — `--out` set to it replaced the backup with the PDF.
 */
export function checkOutput(out: string, backup: string): void {
  if (!/\.pdf$/i.test(out)) throw new CliError(`输出文件应以 .pdf 结尾：${out}`, 2);
  const target = resolve(out);
  if (target === resolve(backup)) throw new CliError(`输出文件不能是备份文件本身：${out}`, 2);
  if (existsSync(target) && !statSync(target).isFile()) throw new CliError(`输出位置是一个文件夹：${out}`, 2);
  try {
    accessSync(dirname(target), constants.W_OK);
  } catch (error) {
    throw new CliError(`无法写入输出文件 ${out}：${fileErrorReason(error)}`);
  }
}

export async function makeDossier(args: DossierArgs): Promise<DossierOutcome> {
  checkOutput(args.out, args.backup);
  const { manifest, branches } = await inspectBackupFile(args.backup);
  const branch = pickBranch(branches, args.branch);
  const { data, rulePackId } = await readBranchVolume(args.backup, branch.id);
  const { period } = args;
  if (!periodHasRecords(data, period)) {
    throw new CliError(`支部「${branch.name}」${emptyPeriodReason(period)}`);
  }
  const fonts = loadFonts();
  // The options the app's 卷宗导出 page passes (DossierPage.tsx, printData.ts): the period, the chosen rule pack, 卷号, now.
  const built = buildDossier(data, {
    ...periodOptions(period),
    rulePackId,
    volume: args.volume ?? 1,
    generatedAt: new Date().toISOString(),
    appVersion: appVersion(),
    schemaVersion: Math.max(manifest.schemaVersion, ...SUPPORTED_SCHEMA_VERSIONS),
  });
  // 生僻字 the Noto fonts lack are drawn from the fallback blocks they need, which are read for this volume only.
  const needs = new Set<string>();
  const unprintable = prepareForPrint(built.docDefinition, { fallback: availableFallbackFonts(), needs });
  let pages = 0;
  const bytes = await renderPdf(
    built.docDefinition,
    { ...fonts, ...loadFallbackFonts(needs) },
    {
      onPages: (_ids, total) => {
        pages = total;
      },
    },
  );
  await writeFileAtomically(args.out, bytes);
  return {
    pages,
    fingerprint: built.fingerprint,
    branch,
    drafts: built.drafts,
    ...(unprintable ? { unprintable } : {}),
  };
}

/**
 * Returns the exit code: 0 written (with a warning on stderr when records are not yet 定稿); 1 refused (bad backup,
 * branch, empty year, write error); 2 usage.
 */
export async function main(args: readonly string[], out: Output = console): Promise<number> {
  if (wantsHelp(args)) {
    out.log(USAGE);
    return 0;
  }
  const parsed = parseDossierArgs(args);
  if (typeof parsed === 'string') {
    out.error(`${parsed}。${USAGE}`);
    return 2;
  }
  const started = performance.now();
  try {
    const result = await makeDossier(parsed);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out.log(
      `已生成 ${parsed.out}（${result.branch.name}，${periodText(parsed.period)}${parsed.volume ? `，第 ${parsed.volume} 卷` : ''}，共 ${result.pages} 页，数据指纹 ${result.fingerprint}，用时 ${seconds} 秒）`,
    );
    // Written all the same, as the ledger stands (each draft is marked in the volume), but never silently.
    if (result.drafts.length) out.error(draftsWarning(result.drafts));
    if (result.unprintable) out.error(`注意：${unprintableNotice(result.unprintable)}`);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      out.error(error.message);
      for (const line of error.details) out.error(line);
      return error.exitCode;
    }
    out.error(`生成卷宗时出错：${oneLine(error instanceof Error ? error.message : String(error))}`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
