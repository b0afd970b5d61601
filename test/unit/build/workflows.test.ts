// The GitHub workflows parsed as YAML: CI runs npm test on Node 20; a v* tag builds, signs and publishes every target.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveTargets } from './resolveTargets';

const require = createRequire(import.meta.url);
const { getConfig } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<Record<string, unknown>>;
};
const { Arch, getArtifactArchName } = require('builder-util') as {
  Arch: Record<'x64' | 'arm64', number>;
  getArtifactArchName(arch: number, ext: string): string;
};
const projectDir = fileURLToPath(new URL('../../../', import.meta.url));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  strategy?: { matrix: { include: { os: string; arch: string; platform: string }[] } };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const read = (name: string) =>
  parse(readFileSync(new URL(`../../../.github/workflows/${name}`, import.meta.url), 'utf8')) as Workflow;
const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');

describe('ci.yml', () => {
  const ci = read('ci.yml');
  const job = ci.jobs.test!;

  it('runs on every push and pull request', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
  });

  it('sets up Node 20, installs Chromium and poppler via apt, then npm ci and npm test', () => {
    const node = job.steps.find((step) => step.uses?.startsWith('actions/setup-node'));
    expect(node?.with?.['node-version']).toBe(20);
    expect(runs(job)).toMatch(/apt-get install[^\n]*\bchromium\b[^\n]*\bpoppler-utils\b/);
    const commands = job.steps.map((step) => step.run?.trim());
    const install = commands.indexOf('npm ci');
    const test = commands.indexOf('npm test');
    expect(install).toBeGreaterThan(-1);
    expect(test).toBeGreaterThan(install);
  });
});

describe('release.yml', () => {
  const release = read('release.yml');
  const build = release.jobs.build!;

  it('runs only for v* tags', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
  });

  it('builds on Windows x64, Ubuntu x64 and Ubuntu arm64', () => {
    const targets = build.strategy!.matrix.include.map(({ os, arch }) => `${os}/${arch}`);
    expect(targets.sort()).toEqual(['ubuntu-24.04-arm/arm64', 'ubuntu-latest/x64', 'windows-latest/x64']);
    expect(build['runs-on']).toBe('${{ matrix.os }}');
  });

  it('runs npm ci and npm run dist with the Windows signing secrets in the environment', () => {
    expect(runs(build)).toMatch(/^npm ci$/m);
    const dist = build.steps.find((step) => step.run?.startsWith('npm run dist'));
    expect(dist).toBeDefined();
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'AZURE_TRUSTED_SIGNING_ENDPOINT', 'AZURE_CLIENT_SECRET']) {
      expect(dist!.env?.[name], name).toMatch(/^\$\{\{ secrets\.\w+ \}\}$/);
    }
    expect(build.steps.some((step) => step.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });

  it('each runner builds only its own arch: no second copy of the other arch under the same file names', async () => {
    // The config `npm run dist` loads, resolved by electron-builder itself from the exact command line of each job.
    const config = await getConfig(projectDir, 'electron-builder.config.mjs', null);
    const dist = build.steps.find((step) => step.run?.startsWith('npm run dist'))!.run!.trim();
    for (const entry of build.strategy!.matrix.include) {
      const command = dist.replace(/\$\{\{ matrix\.(\w+) \}\}/g, (_, key: keyof typeof entry) => entry[key]);
      // What npm hands electron-builder: everything after `npm run dist --`.
      const args = command.slice(command.indexOf(' -- ') + 4).split(/\s+/);
      const resolved = resolveTargets(args, config);
      const expected =
        entry.platform === '--win'
          ? { windows: { [entry.arch]: ['nsis'] } }
          : { linux: { [entry.arch]: ['deb', 'AppImage'] } };
      expect(resolved, command).toEqual(expected);
    }
  });

  describe('the step that refuses Linux packages of another arch', () => {
    const step = build.steps.find((s) => s.name === "Check that only this runner's arch was built");

    /** Runs the step's script in a folder holding `files` (paths under release/), as the runner of `arch` would. */
    function check(arch: string, files: string[]) {
      const dir = mkdtempSync(join(tmpdir(), 'ledger-arch-'));
      try {
        for (const file of files) {
          mkdirSync(join(dir, file, '..'), { recursive: true });
          writeFileSync(join(dir, file), '');
        }
        const env = { ...process.env, ...step!.env, ARCH: arch };
        return spawnSync('bash', ['-e', '-c', step!.run!], { cwd: dir, env, encoding: 'utf8' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    it('runs on the Linux runners only, after the build and before the upload', () => {
      expect(step?.if).toBe("runner.os == 'Linux'");
      expect(step?.env?.ARCH).toBe('${{ matrix.arch }}');
      const names = build.steps.map((s) => s.name ?? s.uses ?? s.run);
      const index = names.indexOf(step!.name);
      expect(index).toBeGreaterThan(build.steps.findIndex((s) => s.run?.startsWith('npm run dist')));
      expect(index).toBeLessThan(build.steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact')));
    });

    /** The files electron-builder names for `arch` with electron-builder.yml's linux.artifactName. */
    async function packagesOf(arch: 'x64' | 'arm64'): Promise<string[]> {
      const config = await getConfig(projectDir, 'electron-builder.yml', null);
      const pattern = (config.linux as { artifactName: string }).artifactName;
      return (['deb', 'AppImage'] as const).map(
        (ext) =>
          `release/0.2.0/${pattern
            .replace('${version}', '0.2.0')
            .replace('${arch}', getArtifactArchName(Arch[arch], ext))
            .replace('${ext}', ext)}`,
      );
    }

    it('passes a runner that built exactly its own deb and AppImage', async () => {
      const x64 = await packagesOf('x64');
      expect(x64).toEqual([
        'release/0.2.0/branch-ledger-0.2.0-linux-amd64.deb',
        'release/0.2.0/branch-ledger-0.2.0-linux-x86_64.AppImage',
      ]);
      expect(check('x64', x64).status).toBe(0);
      expect(check('arm64', await packagesOf('arm64')).status).toBe(0);
    });

    it('fails a runner that also built the other arch, or missed a package', async () => {
      const both = [...(await packagesOf('x64')), ...(await packagesOf('arm64'))];
      const result = check('x64', both);
      expect(result.status).not.toBe(0);
      expect(result.stdout).toMatch(/::error::/);
      expect(check('arm64', both).status).not.toBe(0);
      expect(check('x64', (await packagesOf('x64')).slice(0, 1)).status).not.toBe(0);
      expect(check('arm64', await packagesOf('x64')).status).not.toBe(0);
      expect(check('arm64', []).status).not.toBe(0);
    });
  });

  it('signs SHA256SUMS with GPG after all builds, with the key from secrets', () => {
    const checksums = release.jobs.checksums!;
    expect(checksums.needs).toBe('build');
    const sign = checksums.steps.find((step) => step.run?.includes('scripts/release/sign-linux.sh'));
    expect(sign?.env?.GPG_KEY_ID).toMatch(/secrets\.GPG_KEY_ID/);
    expect(sign?.env?.GPG_PASSPHRASE).toMatch(/secrets\.GPG_PASSPHRASE/);
    expect(checksums.steps.some((step) => step.uses?.startsWith('actions/download-artifact'))).toBe(true);
    expect(checksums.steps.some((step) => step.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });
});
