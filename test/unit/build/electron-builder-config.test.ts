// Proves electron-builder.yml passes electron-builder's own schema validation and keeps the promises the installers make.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
