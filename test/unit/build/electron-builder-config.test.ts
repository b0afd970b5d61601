// Proves electron-builder.yml passes electron-builder's own schema validation and keeps the promises the installers make.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FONT_FILES } from '../../../shared/dossier/layout';
import { resolveTargets } from './resolveTargets';

const require = createRequire(import.meta.url);
// Deep import: app-builder-lib exposes its loader and validator only here; they run no download.
// The loaded config is checked field by field below, so a loose record type is enough here.
type LoadedConfig = Record<
  string,
  Record<string, unknown> & { target?: unknown; desktop?: { entry: Record<string, string> } }
>;
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<LoadedConfig>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};

const projectDir = fileURLToPath(new URL('../../../', import.meta.url));
const quietLogger = { isEnabled: false, add() {} };
const load = () => getConfig(projectDir, 'electron-builder.yml', null);
const loadJs = () => getConfig(projectDir, 'electron-builder.config.mjs', null);
const jsConfig = (await import(new URL('../../../electron-builder.config.mjs', import.meta.url).href)) as {
  buildConfig(env: Record<string, string | undefined>): LoadedConfig;
  AZURE_ENV: Record<string, string>;
};
const azureEnv = {
  AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://eus.codesigning.azure.net/',
  AZURE_TRUSTED_SIGNING_ACCOUNT: 'branch-ledger-signing',
  AZURE_TRUSTED_SIGNING_CERTIFICATE_PROFILE: 'public-trust',
  AZURE_TRUSTED_SIGNING_PUBLISHER_NAME: 'branch-ledger',
};

describe('electron-builder.yml', () => {
  it('passes electron-builder validation', async () => {
    await expect(validateConfiguration(await load(), quietLogger)).resolves.toBeUndefined();
  });

  it('is rejected by the same validation when an option is unknown (the check can fail)', async () => {
    const config = { ...(await load()), notAnOption: true };
    await expect(validateConfiguration(config, quietLogger)).rejects.toThrow(/notAnOption/);
  });

  it('never publishes and never deletes user data on uninstall', async () => {
    const config = await load();
    expect(config.publish as unknown).toBeNull();
    expect(config.nsis!.deleteAppDataOnUninstall).toBe(false);
    expect(config.nsis!.oneClick).toBe(false);
    expect(config.nsis!.perMachine).toBe(true);
    expect(config.nsis!.allowToChangeInstallationDirectory).toBe(true);
    expect(config.nsis!.installerLanguages).toEqual(['zh_CN']);
    expect(config.productName as unknown).toBe('支部标准化台账');
  });

  it('builds NSIS for Windows x64 and deb + AppImage for Linux x64 and arm64', async () => {
    const config = await load();
    expect(config.win!.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(resolveTargets(['--win', '--x64'], config)).toEqual({ windows: { x64: ['nsis'] } });
    for (const arch of ['x64', 'arm64']) {
      expect(resolveTargets(['--linux', `--${arch}`], config)).toEqual({ linux: { [arch]: ['deb', 'AppImage'] } });
    }
    expect(config.linux!.category).toBe('Office');
    expect(config.linux!.desktop?.entry.Name).toBe('支部标准化台账');
  });

  it('lets the command line choose the Linux arch: the YAML names none, since its arch list would override --x64', async () => {
    const config = await load();
    expect(config.linux!.target).toEqual(['deb', 'AppImage']);
    // A plain local `npm run dist` (no flags) on a Linux PC builds that PC's own arch only.
    const local = resolveTargets([], config);
    if (process.platform === 'linux') {
      expect(local).toEqual({ linux: { [process.arch]: ['deb', 'AppImage'] } });
    }
  });

  it('flips the security fuses for release builds', async () => {
    const { electronFuses } = await load();
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the 49 MB of PDF fonts once: in the ASAR with the renderer build, not again as extraResources', async () => {
    const config = await load();
    // The renderer imports each font through Vite (`?url`), so the build emits it into out/renderer/assets, which
    // `files: out/**/*` puts in the ASAR.
    const pdfClient = readFileSync(join(projectDir, 'renderer/src/workers/pdfClient.ts'), 'utf8');
    for (const font of FONT_FILES) expect(pdfClient).toContain(`resources/fonts/${font}?url`);
    expect(JSON.stringify(config.files)).toContain('"out/**/*"');
    expect(config.asar as unknown).toBe(true);
    // A second copy beside the ASAR would only add to the installer: nothing copies fonts or icons out of the app.
    expect(JSON.stringify(config.extraResources ?? [])).not.toMatch(/fonts|\.ttf|icons/);
    // And nothing could read such a copy: no main or renderer code looks in process.resourcesPath.
    const sources = (dir: string): string[] =>
      readdirSync(join(projectDir, dir), { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.tsx?$/.test(name))
        .map((name) => join(projectDir, dir, name));
    for (const file of [...sources('electron'), ...sources('renderer/src')]) {
      expect(readFileSync(file, 'utf8'), file).not.toContain('resourcesPath');
    }
  });

  it('pins the Electron version installed in node_modules', async () => {
    const config = await load();
    const installed = (require('electron/package.json') as { version: string }).version;
    expect(config.electronVersion as unknown).toBe(installed);
  });
});

describe('installer details for office PCs', () => {
  it('creates desktop and start-menu shortcuts named 支部标准化台账', async () => {
    const { nsis } = await load();
    expect(nsis!.createDesktopShortcut).toBe('always');
    expect(nsis!.createStartMenuShortcut).toBe(true);
    expect(nsis!.shortcutName).toBe('支部标准化台账');
    expect(nsis!.uninstallDisplayName).toBe('支部标准化台账');
  });

  it('declares the deb dependencies Electron needs on UOS / Kylin, ALSA under both of its package names', async () => {
    const { deb } = await load();
    const depends = deb!.depends as string[];
    for (const name of ['libgtk-3-0', 'libnss3', 'libgbm1', 'xdg-utils']) expect(depends).toContain(name);
    expect(depends).toContain('libasound2 | libasound2t64');
  });
});

describe('electron-builder.config.mjs (what npm run dist loads)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('without Azure variables is exactly electron-builder.yml and validates (unsigned local builds work)', async () => {
    for (const name of Object.keys(azureEnv)) vi.stubEnv(name, '');
    const [fromJs, fromYaml] = await Promise.all([loadJs(), load()]);
    expect(fromJs).toEqual(fromYaml);
    expect(fromJs.win!.azureSignOptions).toBeUndefined();
    await expect(validateConfiguration(fromJs, quietLogger)).resolves.toBeUndefined();
  });

  it('with all Azure Trusted Signing variables adds azureSignOptions and still validates', async () => {
    for (const [name, value] of Object.entries(azureEnv)) vi.stubEnv(name, value);
    const config = await loadJs();
    expect(config.win!.azureSignOptions).toEqual({
      endpoint: azureEnv.AZURE_TRUSTED_SIGNING_ENDPOINT,
      codeSigningAccountName: azureEnv.AZURE_TRUSTED_SIGNING_ACCOUNT,
      certificateProfileName: azureEnv.AZURE_TRUSTED_SIGNING_CERTIFICATE_PROFILE,
      publisherName: azureEnv.AZURE_TRUSTED_SIGNING_PUBLISHER_NAME,
    });
    // The rest of the Windows section is untouched.
    expect(config.win!.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('refuses a half-configured Azure signer, naming what is missing', () => {
    const { AZURE_TRUSTED_SIGNING_PUBLISHER_NAME: _omitted, ...partial } = azureEnv;
    expect(() => jsConfig.buildConfig(partial)).toThrow(/AZURE_TRUSTED_SIGNING_PUBLISHER_NAME/);
    expect(Object.keys(jsConfig.AZURE_ENV).sort()).toEqual(Object.keys(azureEnv).sort());
  });
});
