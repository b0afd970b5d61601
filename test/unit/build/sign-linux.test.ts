// scripts/release/sign-linux.sh on dummy artefacts with a throwaway GPG key: the sums (the .exe's too) and the signature verify.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../scripts/release/sign-linux.sh', import.meta.url));
const hasGpg = spawnSync('gpg', ['--version']).status === 0;
const passphrase = 'throwaway-passphrase';

let root = '';
let gnupgHome = '';
let keyId = '';

function run(dir: string, env: Record<string, string>) {
  return spawnSync('bash', [script, dir], {
    env: { PATH: process.env.PATH ?? '', GNUPGHOME: gnupgHome, ...env },
    encoding: 'utf8',
  });
}

describe.skipIf(!hasGpg)('sign-linux.sh (skipped without gpg)', () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ledger-sign-'));
    gnupgHome = join(root, 'gnupg');
    mkdirSync(gnupgHome, { mode: 0o700 });
    // No passphrase caching, so every signing really checks the passphrase it is given.
    writeFileSync(join(gnupgHome, 'gpg-agent.conf'), 'default-cache-ttl 0\nmax-cache-ttl 0\n');
    // A quick ed25519 key that exists only in this temp keyring.
    execFileSync(
      'gpg',
      [
        '--batch',
        '--pinentry-mode',
        'loopback',
        '--passphrase',
        passphrase,
        '--quick-gen-key',
        'Ledger Test <test@branch-ledger.local>',
        'ed25519',
        'sign',
        '1d',
      ],
      { env: { ...process.env, GNUPGHOME: gnupgHome }, stdio: 'ignore' },
    );
    const listing = execFileSync('gpg', ['--batch', '--with-colons', '--list-secret-keys'], {
      env: { ...process.env, GNUPGHOME: gnupgHome },
      encoding: 'utf8',
    });
    keyId = /^fpr:+([0-9A-F]+):/m.exec(listing)![1]!;
  }, 60_000);

  afterAll(() => {
    spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: { ...process.env, GNUPGHOME: gnupgHome } });
    rmSync(root, { recursive: true, force: true });
  });

  it('writes SHA256SUMS for every .deb, .AppImage and .exe and a signature that gpg --verify accepts', () => {
    const dir = join(root, 'release');
    mkdirSync(dir);
    writeFileSync(join(dir, 'branch-ledger-0.1.0-linux-amd64.deb'), 'deb bytes');
    writeFileSync(join(dir, 'branch-ledger-0.1.0-linux-x86_64.AppImage'), 'appimage bytes');
    // The signed Windows installer: its hash is what an offline PC, which cannot check Authenticode, compares.
    writeFileSync(join(dir, 'branch-ledger-0.1.0-win-x64.exe'), 'exe bytes');
    writeFileSync(join(dir, 'notes.txt'), 'not an artefact');

    const result = run(dir, { GPG_KEY_ID: keyId, GPG_PASSPHRASE: passphrase });
    expect(result.status, result.stderr).toBe(0);

    const sums = readFileSync(join(dir, 'SHA256SUMS'), 'utf8');
    expect(
      sums
        .trim()
        .split('\n')
        .map((line) => line.split(/\s+/)[1]),
    ).toEqual([
      'branch-ledger-0.1.0-linux-amd64.deb',
      'branch-ledger-0.1.0-linux-x86_64.AppImage',
      'branch-ledger-0.1.0-win-x64.exe',
    ]);
    expect(readFileSync(join(dir, 'SHA256SUMS.asc'), 'utf8')).toMatch(/^-----BEGIN PGP SIGNATURE-----/);
    expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).status).toBe(0);
    const env = { ...process.env, GNUPGHOME: gnupgHome };
    expect(spawnSync('gpg', ['--batch', '--verify', 'SHA256SUMS.asc', 'SHA256SUMS'], { cwd: dir, env }).status).toBe(0);

    // A changed artefact fails the sums, a changed SHA256SUMS fails the signature: the checks can fail.
    appendFileSync(join(dir, 'branch-ledger-0.1.0-linux-amd64.deb'), 'tampered');
    expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).status).not.toBe(0);
    appendFileSync(join(dir, 'SHA256SUMS'), 'extra line\n');
    expect(
      spawnSync('gpg', ['--batch', '--verify', 'SHA256SUMS.asc', 'SHA256SUMS'], { cwd: dir, env }).status,
    ).not.toBe(0);
  });

  it('fails without a key id, with a wrong passphrase, and on a folder without artefacts', () => {
    const dir = join(root, 'other');
    mkdirSync(dir);
    expect(run(dir, { GPG_KEY_ID: keyId, GPG_PASSPHRASE: passphrase }).stderr).toMatch(
      /没有 \.deb、\.AppImage 或 \.exe/,
    );
    writeFileSync(join(dir, 'a.deb'), 'x');
    const noKey = run(dir, {});
    expect(noKey.status).not.toBe(0);
    expect(noKey.stderr).toMatch(/GPG_KEY_ID/);
    expect(run(dir, { GPG_KEY_ID: keyId, GPG_PASSPHRASE: 'wrong' }).status).not.toBe(0);
  });
});
