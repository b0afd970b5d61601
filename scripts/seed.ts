// `npm run seed -- --size <typical|decade|organ> --out <file> [--seed N]`: writes a deterministic demo backup of
// realistic Chinese ledger data, streamed to disk (see docs/seed-data.md).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { BACKUP_TABLES } from '../shared/backup/tables';
import { fileErrorReason, wantsHelp } from './cliText';
import { DEFAULT_SEED, SIZE_NAMES, specOf, writeSeedBackup, type SizeName } from './seed/source';

const USAGE = `用法：npm run seed -- --size <${SIZE_NAMES.join('|')}> --out <文件.zip> [--seed 整数]`;

interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

export interface SeedArgs {
  size: SizeName;
  out: string;
  seed: number;
}

/** Parses the arguments, or returns the Chinese reason they are wrong. */
export function parseSeedArgs(args: readonly string[]): SeedArgs | string {
  const values = new Map<string, string>();
  const rest = args.filter((a) => a !== '--');
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    if (!['--size', '--out', '--seed'].includes(flag)) return `不认识的参数：${flag}`;
    const value = rest[++i];
    if (value === undefined || value.startsWith('--')) return `参数 ${flag} 缺少取值`;
    values.set(flag, value);
  }
  const size = values.get('--size');
  if (!size || !(SIZE_NAMES as string[]).includes(size)) return `请用 --size 指定规模：${SIZE_NAMES.join('、')}`;
  const out = values.get('--out');
  if (!out) return '请用 --out 指定输出文件';
  const seedText = values.get('--seed') ?? String(DEFAULT_SEED);
  if (!/^\d{1,9}$/.test(seedText)) return '--seed 应为非负整数';
  return { size: size as SizeName, out, seed: Number(seedText) };
}

/** Returns the exit code: 0 written, 1 failed while writing, 2 bad arguments. */
export async function main(args: readonly string[], out: Output = console): Promise<number> {
  if (wantsHelp(args)) {
    out.log(USAGE);
    return 0;
  }
  const parsed = parseSeedArgs(args);
  if (typeof parsed === 'string') {
    out.error(parsed);
    out.error(USAGE);
    return 2;
  }
  const started = performance.now();
  // Written beside the target and renamed at the end: a failed run leaves no half-written backup under --out.
  const target = resolve(parsed.out);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const file = createWriteStream(temp);
  // An open error (no such folder, no permission) arrives as an 'error' event: without a listener it would crash.
  const opened = once(file, 'open');
  // Later write errors reject the awaited drain or finished(); this listener only keeps them from crashing the process.
  file.on('error', () => {});
  let bytes = 0;
  try {
    await opened;
    const manifest = await writeSeedBackup(specOf(parsed.size, parsed.seed), async (chunk) => {
      bytes += chunk.length;
      // Backpressure: wait for the disk rather than queueing the whole backup in memory.
      if (!file.write(chunk)) await once(file, 'drain');
    });
    file.end();
    await finished(file);
    await rename(temp, target);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out.log(
      `已写出 ${parsed.out}（规模 ${parsed.size}，种子 ${parsed.seed}，${(bytes / 1024 / 1024).toFixed(2)} MB，用时 ${seconds} 秒）`,
    );
    for (const table of BACKUP_TABLES)
      out.log(`  ${table.label}（${table.name}）：${manifest.tables[table.name].rows} 行`);
    out.log(
      `  附件文件：${manifest.attachments.count} 个，共 ${(manifest.attachments.bytes / 1024 / 1024).toFixed(2)} MB`,
    );
    return 0;
  } catch (error) {
    file.destroy();
    await rm(temp, { force: true });
    out.error(`无法写出 ${parsed.out}：${fileErrorReason(error)}`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
