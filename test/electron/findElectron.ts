// Finds an installed Electron binary without triggering the electron package's download of a missing one.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const ELECTRON_SKIP_REASON = 'skipped: no Electron binary (it cannot be downloaded on this machine)';

/**
 * The installed Electron binary, or null. `require('electron')` would answer this too, but in Electron 45 it first
 * tries to download a missing binary, which must not happen in a test run; so the same lookup is done read-only:
 * the package's path.txt names the executable inside its dist/ folder (or ELECTRON_OVERRIDE_DIST_PATH).
 */
export function findElectron(): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return join(override, executable || 'electron');
  if (!executable) return null;
  const full = join(packageDir, 'dist', executable);
  return existsSync(full) ? full : null;
}
