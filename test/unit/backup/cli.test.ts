// The `backup:verify` command on real files: exit codes and the Chinese summary or reasons.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../../scripts/backup-verify';
import { makeDataset, writeToBytes } from './factory';

let dir: string;
let good: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'backup-verify-'));
  good = join(dir, '备份 2025.zip');
  writeFileSync(good, await writeToBytes(makeDataset({ members: 4, extraAttachments: [300_000] })));
  return () => rmSync(dir, { recursive: true, force: true });
});

function run(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/backup-verify.ts', ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('backup:verify', () => {
  test('a good file: exit 0 and a summary of versions, branches, rows and attachments', () => {
    const { code, out } = run(good);
    expect(code).toBe(0);
    expect(out).toContain('备份文件有效');
    expect(out).toContain('格式版本 1，数据版本 1');
    expect(out).toContain('创建时间：2025-03-18 10:00（北京时间）');
    expect(out).toContain('支部（1）：机关第一党支部');
    expect(out).toContain('党员（members）：4 行');
    expect(out).toMatch(/附件文件：2 个，共 0\.29 MB/);
  });

  test('a truncated file: exit 1 with the reason', () => {
    const truncated = join(dir, 'truncated.zip');
    const bytes = readFileSync(good);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const { code, err } = run(truncated);
    expect(code).toBe(1);
    expect(err).toContain('备份文件无效：');
    expect(err).toContain('文件不完整');
  });

  test('a text file: exit 1; no argument or a missing path: exit 2 with usage', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, '这是一个文本文件\n');
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    expect(await main([text], out)).toBe(1);
    expect(lines.join('\n')).toContain('不是 ZIP 格式的文件');
    lines.length = 0;
    expect(await main([], out)).toBe(2);
    expect(lines.join('\n')).toContain('用法：npm run backup:verify');
    const missing = run(join(dir, 'nope.zip'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法读取文件');
  });

  test('several files: each is checked and reported, and the exit says the worst; an unknown option is refused', async () => {
    const truncated = join(dir, 'cut.zip');
    const bytes = readFileSync(good);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const text = join(dir, 'readme.zip');
    writeFileSync(text, '这是一个文本文件\n');
    const log: string[] = [];
    const error: string[] = [];
    const out = { log: (l: string) => log.push(l), error: (l: string) => error.push(l) };
    expect(await main(['--', good, truncated, text], out)).toBe(1);
    expect(log.join('\n')).toContain(`备份文件有效：${good}`);
    expect(error).toContain(`备份文件无效：${truncated}`);
    expect(error).toContain(`备份文件无效：${text}`);
    expect(error.join('\n')).toContain('文件不完整');
    expect(error.join('\n')).toContain('不是 ZIP 格式的文件');
    expect(error.at(-1)).toBe('共 3 个文件：有效 1 个，无效 2 个');

    error.length = 0;
    expect(await main([good, good], out)).toBe(0);
    expect(log.at(-1)).toBe('共 2 个文件：有效 2 个，无效 0 个');
    expect(await main([good, join(dir, 'nope.zip')], out)).toBe(2);

    error.length = 0;
    expect(await main(['--foo', good], out)).toBe(2);
    expect(error[0]).toBe('未知的选项：--foo');
  });
});
