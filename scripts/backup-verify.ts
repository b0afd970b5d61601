// `npm run backup:verify -- <file>`: checks a backup file completely, streaming it from disk, and prints a Chinese summary.
import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { inspectBackup } from '../shared/backup/reader';
import { BACKUP_TABLES } from '../shared/backup/tables';
import { formatChinaTime } from '../shared/schemas/common';
import { wantsHelp } from './cliText';

const USAGE = '用法：npm run backup:verify -- <备份文件.zip> [更多备份文件…]';

interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/**
 * Checks every file named (a folder of received backups: `npm run backup:verify -- 收到的备份/*.zip`) and returns the
 * exit code: 0 all valid, 1 any invalid backup, 2 a usage error or a path that cannot be read. Every file is checked
 * and reported, the bad ones among good ones too (only the first was, and the exit said 0).
 */
export async function main(args: readonly string[], out: Output = console): Promise<number> {
  if (wantsHelp(args)) {
    out.log(USAGE);
    return 0;
  }
  const named = args.filter((a) => a !== '--');
  const unknown = named.find((a) => a.startsWith('-'));
  if (unknown) {
    out.error(`未知的选项：${unknown}`);
    out.error(USAGE);
    return 2;
  }
  if (!named.length) {
    out.error(USAGE);
    return 2;
  }
  const codes: number[] = [];
  for (const [i, file] of named.entries()) {
    if (i > 0) out.log('');
    codes.push(await verifyOne(file, out));
  }
  if (named.length > 1) {
    const count = (code: number) => codes.filter((c) => c === code).length;
    const line = `共 ${named.length} 个文件：有效 ${count(0)} 个，无效 ${count(1)} 个${count(2) ? `，无法读取 ${count(2)} 个` : ''}`;
    if (codes.every((c) => c === 0)) out.log(line);
    else out.error(line);
  }
  return Math.max(...codes);
}

async function verifyOne(file: string, out: Output): Promise<number> {
  try {
    await access(file, constants.R_OK);
    if (!(await stat(file)).isFile()) throw new Error('不是文件');
  } catch {
    out.error(`无法读取文件：${file}`);
    return 2;
  }

  const result = await inspectBackup(() => createReadStream(file, { highWaterMark: 256 * 1024 }));
  if (!result.ok) {
    out.error(`备份文件无效：${file}`);
    for (const reason of result.errors) out.error(`  - ${reason}`);
    return 1;
  }
  const { manifest, counts, branches } = result;
  out.log(`备份文件有效：${file}`);
  out.log(`  格式：${manifest.format}（格式版本 ${manifest.formatVersion}，数据版本 ${manifest.schemaVersion}）`);
  out.log(`  软件版本：${manifest.appVersion}`);
  out.log(`  创建时间：${formatChinaTime(manifest.createdAt)}（北京时间）`);
  out.log(`  支部（${branches.length}）：${branches.map((b) => b.name).join('、') || '无'}`);
  out.log('  数据表：');
  for (const table of BACKUP_TABLES) out.log(`    ${table.label}（${table.name}）：${counts[table.name]} 行`);
  out.log(`  附件文件：${manifest.attachments.count} 个，共 ${mb(manifest.attachments.bytes)}`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error('校验时出错：', error);
      process.exitCode = 2;
    },
  );
}
