// What every command-line tool says to a person: -h / --help prints the usage and exits 0; a folder that does not
// exist is named in Chinese, the process does not crash, and nothing is left behind.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as backupVerify } from '../../../scripts/backup-verify';
import { main as dossier } from '../../../scripts/dossier';
import { main as dossierVerify } from '../../../scripts/dossier-verify';
import { main as seed } from '../../../scripts/seed';
import { fileErrorReason } from '../../../scripts/cliText';
import { capture, writeTypicalBackup } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-usage-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('-h / --help', () => {
  it.each([
    ['backup:verify', backupVerify],
    ['dossier', dossier],
    ['dossier:verify', dossierVerify],
    ['seed', seed],
  ] as const)('npm run %s -- --help prints its usage and exits 0', async (name, main) => {
    for (const flag of ['--help', '-h']) {
      const run = capture();
      expect(await main(['--', flag], run.out)).toBe(0);
      expect(run.stdout.join('\n')).toContain(`用法：npm run ${name} --`);
      expect(run.stderr).toEqual([]);
    }
  });
});

describe('an output folder that does not exist', () => {
  it('seed says so in Chinese, exits 1 and leaves no file', async () => {
    const run = capture();
    const code = await seed(['--size', 'typical', '--out', join(dir, 'missing', 'x.zip')], run.out);
    expect(code).toBe(1);
    expect(run.stderr.join('\n')).toContain('文件或所在文件夹不存在');
    expect(await readdir(dir)).toEqual([]);
  });

  it('dossier says so in Chinese instead of ENOENT, and leaves no file', async () => {
    const backup = join(dir, 'typical.zip');
    await writeTypicalBackup(backup);
    const run = capture();
    const code = await dossier(['--backup', backup, '--year', '2025', '--out', join(dir, 'missing', 'x.pdf')], run.out);
    expect(code).toBe(1);
    expect(run.stderr.join('\n')).toContain('无法写入输出文件');
    expect(run.stderr.join('\n')).toContain('文件或所在文件夹不存在');
    expect(run.stderr.join('\n')).not.toContain('ENOENT');
    expect(await readdir(dir)).toEqual(['typical.zip']);
    await rm(backup);
  }, 60_000);
});

describe('fileErrorReason', () => {
  it('names common codes in Chinese and keeps the message of others', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: boom`), { code });
    expect(fileErrorReason(err('ENOSPC'))).toBe('磁盘空间不足');
    expect(fileErrorReason(err('EACCES'))).toBe('没有访问权限');
    expect(fileErrorReason(err('EWHATEVER'))).toBe('EWHATEVER: boom');
    expect(fileErrorReason('plain')).toBe('plain');
  });
});
