// Disk room for a restore, checked before anything is written, and the words for a write the disk refused.
import { formatBytes, unpackedSize } from '../../../../shared/backup/size';
import { type BackupApi, getBackupApi } from '../../host/backupApi';
import type { RestoreMode } from './restore';

/** What a restore of a file needs on disk and what can still be stored (unknown where nothing says). */
export interface Room {
  needed: number;
  available?: number;
}

/**
 * Needed: the backup's unpacked size (its ZIP directory), about what IndexedDB stores for it; 覆盖全部 keeps the current
 * data until the new copy is complete (replace.ts), so both must fit at once. Available: in the desktop app the free
 * space of the disk that holds the user data (main's `backupStatus`): Electron gives its own pages unlimited storage
 * quota, so the disk is the limit and the browser's estimate is not (electron/electron#16029, #29319). In a browser:
 * `navigator.storage.estimate()`, quota minus usage, which Chromium derives from the free disk space; an estimate
 * whose quota is below the usage it reports says nothing usable. Undefined when the directory cannot be read (the
 * full check says what is wrong with the file).
 */
export async function roomFor(file: Blob, backupApi: BackupApi | null = getBackupApi()): Promise<Room | undefined> {
  let needed: number | undefined;
  try {
    needed = await unpackedSize(
      async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
      file.size,
    );
  } catch {
    return undefined;
  }
  if (needed === undefined) return undefined;
  const available = await availableBytes(backupApi).catch(() => undefined);
  return available === undefined ? { needed } : { needed, available };
}

async function availableBytes(backupApi: BackupApi | null): Promise<number | undefined> {
  if (backupApi) return (await backupApi.backupStatus()).freeBytes ?? undefined;
  const estimate = await globalThis.navigator?.storage?.estimate?.();
  if (!estimate || typeof estimate.quota !== 'number') return undefined;
  const usage = estimate.usage ?? 0;
  return estimate.quota >= usage ? estimate.quota - usage : undefined;
}

/** The shortage in words, or undefined when the room is enough or unknown. */
export function shortageOf(room: Room | undefined, mode: RestoreMode): string | undefined {
  if (room?.available === undefined || room.needed <= room.available) return undefined;
  const why =
    mode === 'replace'
      ? '覆盖全部在恢复完成之前同时保留原有数据和恢复的数据，'
      : mode === 'replaceBranches'
        ? '替换在完成之前同时保留该支部原有的数据和备份中的数据，'
        : '导入的数据需要写入本机数据库，';
  return (
    `磁盘空间不足：${why}约需 ${formatBytes(room.needed)}，本机当前只能再存放约 ${formatBytes(room.available)}。` +
    '原有数据没有任何改动。请清理磁盘（例如把旧的自动备份另存到其他位置后删除）再重试。'
  );
}

/**
 * The reason a restore of `file` should not start for lack of room, or undefined. Where there is no estimate (tests,
 * old engines) or the directory cannot be read, nothing is refused here: the write itself still fails safely.
 */
export async function roomProblem(file: Blob, mode: RestoreMode): Promise<string | undefined> {
  return shortageOf(await roomFor(file), mode);
}

const isQuotaError = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; inner?: unknown };
  // Dexie wraps the DOMException (its own error names mirror IndexedDB's); an aborted transaction carries the cause.
  return e.name === 'QuotaExceededError' || isQuotaError(e.inner);
};

/** A failed database write in words: a full disk said plainly, anything else with its own message. */
export function describeWriteError(error: unknown): string {
  if (isQuotaError(error)) return '磁盘空间不足，数据库无法继续写入（请清理磁盘后重试）';
  return error instanceof Error ? error.message : String(error);
}
