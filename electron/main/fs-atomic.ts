// Atomic file writes: a crash or a full disk leaves either the old file or the new one, never a torn mix.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Windows briefly locks freshly written files (antivirus, indexer); a rename that hits that lock is retried. */
const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * The waits (ms) between rename attempts. On Windows about 2 s in all: an antivirus scan of a fresh 50 MB backup or
 * PDF can hold it for a second or more, and giving up sooner fails a save that would have worked. A file that stays
 * locked (the previous copy still open in WPS or Adobe) fails after those 2 s with a message saying to close it
 * (fs-errors.ts). Elsewhere these codes mean a real permission problem, so the old short 0.4 s is kept.
 */
export function renameRetryDelays(platform: NodeJS.Platform = process.platform): readonly number[] {
  return platform === 'win32' ? [50, 100, 150, 250, 350, 500, 600] : [40, 80, 120, 160];
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  const delays = renameRetryDelays();
  for (let attempt = 0; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const delay = delays[attempt];
      if (delay === undefined || code === undefined || !RENAME_RETRY_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** `<target>.tmp-<16 hex>`: the temp file writeFileAtomic writes beside its target. */
const TEMP_NAME_RE = /^(.+)\.tmp-[0-9a-f]{16}$/;

/** The name a writeFileAtomic temp file was for (`a.zip.tmp-0123456789abcdef` → `a.zip`); null for any other name. */
export function atomicTempTarget(name: string): string | null {
  return TEMP_NAME_RE.exec(name)?.[1] ?? null;
}

/** Makes the rename itself durable where the OS allows syncing a directory (POSIX); elsewhere it is a no-op. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on directories; the data itself is already synced.
  }
}

/**
 * Writes `data` to `targetPath` via `<target>.tmp-<random>` in the same directory: write, fsync, rename over the
 * target. On any failure the temp file is removed and the existing target is left untouched.
 */
export async function writeFileAtomic(targetPath: string, data: Uint8Array): Promise<void> {
  const tempPath = `${targetPath}.tmp-${randomBytes(8).toString('hex')}`;
  let created = false;
  try {
    // 'wx': never follow or reuse something already at the temp name.
    const handle = await open(tempPath, 'wx', 0o644);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(tempPath, targetPath);
  } catch (error) {
    // Report the original failure, not a secondary one from the clean-up.
    if (created) await rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(targetPath));
}
