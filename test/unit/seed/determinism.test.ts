// The generator is deterministic: the same arguments give the same bytes (createdAt included); the CLI streams to disk.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main, parseSeedArgs } from '../../../scripts/seed';
import { specOf } from '../../../scripts/seed/source';
import { seedBytes } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'seed-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const silent = () => {
  const lines: string[] = [];
  return { lines, out: { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) } };
};

describe('seed determinism', () => {
  test('two runs with the same seed produce identical bytes; another seed produces other data', async () => {
    const a = await seedBytes(specOf('typical', 7));
    const b = await seedBytes(specOf('typical', 7));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await seedBytes(specOf('typical', 8));
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  test('npm run seed writes the same file as the in-memory writer, and reports the counts', async () => {
    const file = join(dir, 'typical.zip');
    const { lines, out } = silent();
    expect(await main(['--', '--size', 'typical', '--out', file], out)).toBe(0);
    expect(Buffer.from(readFileSync(file)).equals(Buffer.from(await seedBytes(specOf('typical'))))).toBe(true);
    expect(lines.join('\n')).toMatch(/党员（members）：25 行/);
  });

  test('bad arguments are refused with a Chinese reason and exit code 2', async () => {
    expect(parseSeedArgs(['--size', 'huge', '--out', 'x.zip'])).toMatch(/请用 --size 指定规模/);
    expect(parseSeedArgs(['--size', 'typical'])).toBe('请用 --out 指定输出文件');
    expect(parseSeedArgs(['--size', 'typical', '--out'])).toBe('参数 --out 缺少取值');
    expect(parseSeedArgs(['--size', 'typical', '--out', 'x.zip', '--seed', '-1'])).toBe('--seed 应为非负整数');
    expect(parseSeedArgs(['--size', 'typical', '--out', 'x.zip', '--verbose'])).toBe('不认识的参数：--verbose');
    expect(parseSeedArgs(['--size', 'typical', '--out', 'x.zip', '--seed', 'abc'])).toBe('--seed 应为非负整数');
    expect(parseSeedArgs(['--size', 'decade', '--out', 'x.zip', '--seed', '3'])).toEqual({
      size: 'decade',
      out: 'x.zip',
      seed: 3,
    });
    const { lines, out } = silent();
    expect(await main(['--out', join(dir, 'never.zip')], out)).toBe(2);
    expect(lines[lines.length - 1]).toMatch(/^用法：npm run seed/);
  });
});
