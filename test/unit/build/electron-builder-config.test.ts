// Proves electron-builder.yml passes electron-builder's own schema validation and keeps the promises the installers make.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

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
    expect(config.linux!.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux!.category).toBe('Office');
    expect(config.linux!.desktop?.entry.Name).toBe('支部标准化台账');
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
