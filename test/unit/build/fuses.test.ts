// Release fuses, and proof that the Playwright test-build variant relaxes nothing but the inspector fuse.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { getConfig } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<Record<string, unknown>>;
};
const projectDir = fileURLToPath(new URL('../../../', import.meta.url));

const RELEASE_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  grantFileProtocolExtraPrivileges: false,
};

/** Every leaf path whose value differs between two configs, as dotted strings. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) =>
      differences(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
      ),
    );
  }
  return Object.is(a, b) ? [] : [path];
}

describe('Electron fuses', () => {
  it('release builds (YAML and the JS config npm run dist uses) flip every security fuse', async () => {
    for (const file of ['electron-builder.yml', 'electron-builder.config.mjs']) {
      const config = await getConfig(projectDir, file, null);
      expect(config.electronFuses, file).toMatchObject(RELEASE_FUSES);
    }
  });

  it('the e2e variant differs from the release only by the inspector fuse (and its own output folder)', async () => {
    const [release, e2e] = await Promise.all([
      getConfig(projectDir, 'electron-builder.yml', null),
      getConfig(projectDir, 'electron-builder.e2e.yml', null),
    ]);
    const { extends: _parent, ...e2eWithoutParent } = e2e;
    expect(differences(release, e2eWithoutParent).sort()).toEqual([
      'directories.output',
      'electronFuses.enableNodeCliInspectArguments',
    ]);
    expect((e2e.electronFuses as Record<string, boolean>).enableNodeCliInspectArguments).toBe(true);
    expect((e2e.directories as { output: string }).output).toMatch(/e2e/);
  });

  it('the difference check notices a second relaxed fuse (it can fail)', () => {
    const release = { electronFuses: { ...RELEASE_FUSES } };
    const loose = { electronFuses: { ...RELEASE_FUSES, enableNodeCliInspectArguments: true, runAsNode: true } };
    expect(differences(release, loose).sort()).toEqual([
      'electronFuses.enableNodeCliInspectArguments',
      'electronFuses.runAsNode',
    ]);
  });
});
