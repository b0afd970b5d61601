// The GitHub workflows parsed as YAML: CI runs npm test on Node 20; a v* tag builds, signs and publishes every target.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

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
  strategy?: { matrix: { include: { os: string; arch: string }[] } };
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
