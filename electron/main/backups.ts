// Automatic backups on disk: names, atomic writes into userData/backups, rotation (7 daily, 4 weekly, 12 monthly, 5 pre-upgrade), free space.
import { lstat, mkdir, readdir, readFile, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BACKUP_FILE_NAME_RE,
  LOW_DISK_BYTES,
  type BackupFileInfo,
  type BackupKind,
  type BackupStatus,
  type BackupWriteResult,
} from '../../shared/ipc';
import { atomicTempTarget, writeFileAtomic } from './fs-atomic';

export const BACKUP_DIR_NAME = 'backups';

/** How many of each to keep. Manual backups are the user's own and are never deleted automatically. */
export const RETENTION = { daily: 7, weekly: 4, monthly: 12, preUpgrade: 5 } as const;

const CHINA_OFFSET_MS = 8 * 3600_000;

/** China-local calendar fields of an instant (UTC+8, no DST), whatever the machine's time zone. */
function chinaParts(at: Date): { date: string; compactDate: string; compactTime: string } {
  const iso = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString();
  return {
    date: iso.slice(0, 10),
    compactDate: iso.slice(0, 10).replaceAll('-', ''),
    compactTime: iso.slice(11, 19).replaceAll(':', ''),
  };
}

/** `daily-20250318-100000.zip` for 2025-03-18 10:00:00 China time; `-2`, `-3`… when that second is taken. */
export function backupFileName(kind: BackupKind, at: Date, attempt = 1): string {
  const { compactDate, compactTime } = chinaParts(at);
  return `${kind}-${compactDate}-${compactTime}${attempt > 1 ? `-${attempt}` : ''}.zip`;
}

/** Kind and instant from a backup file name, or null for any name this module did not write. */
export function parseBackupFileName(name: string): { kind: BackupKind; createdAt: string } | null {
  const match = BACKUP_FILE_NAME_RE.exec(name);
  if (!match) return null;
  const [, kind, d, t] = match as unknown as [string, BackupKind, string, string];
  const local = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}+08:00`;
  const ms = Date.parse(local);
  if (!Number.isFinite(ms)) return null;
  const createdAt = new Date(ms).toISOString();
  // Reject impossible dates such as 20250231, which Date would roll over into March.
  if (backupFileName(kind, new Date(ms)).slice(0, kind.length + 16) !== name.slice(0, kind.length + 16)) return null;
  return { kind, createdAt };
}

export interface RotationCandidate {
  name: string;
  kind: BackupKind;
  createdAt: string;
}

/** ISO-8601 week of a China-local date (YYYY-MM-DD) as `YYYY-Www`: weeks start on Monday, week 1 holds 4 January. */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides its year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The newest file of each of the `limit` most recent periods (files sorted newest first). */
function newestPerPeriod(sorted: RotationCandidate[], periodOf: (f: RotationCandidate) => string, limit: number) {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const file of sorted) {
    const period = periodOf(file);
    if (seen.has(period)) continue;
    if (seen.size >= limit) break;
    seen.add(period);
    kept.push(file.name);
  }
  return kept;
}

/**
 * Which backup files to keep; every other name in `files` may be deleted. Pure, so the policy is tested as a table.
 * - daily: the newest of each of the 7 most recent days that have one; of these files also the newest per ISO week
 *   for the 4 most recent weeks and the newest per month for the 12 most recent months (a weekly or monthly backup
 *   is a daily one that is kept longer);
 * - pre-upgrade: the 5 newest; manual: all.
 * Counting periods that have a backup, not calendar days back from `now`, means a PC left off for a month still
 * keeps seven backups. A file dated after `now` (the clock was wrong when it was written, or is wrong now) is kept
 * and takes no slot: the policy cannot place it in time, and deleting the only good copy is the worse error.
 */
export function selectBackupsToKeep(files: readonly RotationCandidate[], now: Date): Set<string> {
  const keep = new Set<string>();
  const placeable: RotationCandidate[] = [];
  for (const file of files) {
    if (file.kind === 'manual' || Date.parse(file.createdAt) > now.getTime()) keep.add(file.name);
    else placeable.push(file);
  }
  const newestFirst = (kind: BackupKind) =>
    placeable
      .filter((f) => f.kind === kind)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  const daily = newestFirst('daily');
  const day = (f: RotationCandidate) => chinaParts(new Date(f.createdAt)).date;
  for (const name of newestPerPeriod(daily, day, RETENTION.daily)) keep.add(name);
  for (const name of newestPerPeriod(daily, (f) => isoWeekOf(day(f)), RETENTION.weekly)) keep.add(name);
  for (const name of newestPerPeriod(daily, (f) => day(f).slice(0, 7), RETENTION.monthly)) keep.add(name);
  for (const file of newestFirst('pre-upgrade').slice(0, RETENTION.preUpgrade)) keep.add(file.name);
  return keep;
}

/**
 * The backup files in `dir`, newest first; other files (notes, temp files of an interrupted write, which
 * removeStaleTempFiles deletes) are ignored.
 */
export async function listBackupFiles(dir: string): Promise<BackupFileInfo[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: BackupFileInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (!info?.isFile()) continue;
    out.push({ name, kind: parsed.kind, bytes: info.size, createdAt: parsed.createdAt });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Deletes the backups the policy no longer keeps; returns their names. A file that cannot be deleted stays. */
export async function rotateBackups(dir: string, now: Date): Promise<string[]> {
  const files = await listBackupFiles(dir);
  const keep = selectBackupsToKeep(files, now);
  const removed: string[] = [];
  for (const file of files) {
    if (keep.has(file.name)) continue;
    try {
      await rm(join(dir, file.name));
      removed.push(file.name);
    } catch {
      // Locked by an antivirus scan or a copy in progress: the next rotation tries again.
    }
  }
  return removed;
}

/** A temp file untouched for this long belongs to a write that died (the PC was switched off mid-backup). */
export const STALE_TEMP_MS = 3600_000;

/**
 * Deletes the temp files of backup writes that never finished (`daily-….zip.tmp-<hex>`, see fs-atomic.ts): they are
 * as big as a backup, never listed, and would otherwise stay forever. Only a backup's own temp files, and only when
 * last modified over an hour before `now`: a write in progress keeps its file's time current, so it is never
 * touched. Returns the names deleted; a file that cannot be deleted stays for the next backup.
 */
export async function removeStaleTempFiles(dir: string, now: Date): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const target = atomicTempTarget(name);
    if (target === null || !parseBackupFileName(target)) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => null);
    if (!info?.isFile() || now.getTime() - info.mtimeMs < STALE_TEMP_MS) continue;
    try {
      await rm(path);
      removed.push(name);
    } catch {
      // Locked or already gone: the next backup tries again.
    }
  }
  return removed;
}

/**
 * Writes one backup atomically (temp file, fsync, rename), then rotates. The new file is complete before any old one
 * is deleted, so a full disk or a crash never leaves fewer good backups than before. Temp files of interrupted writes
 * go first, so their space is free for this one (a full disk is when they matter most).
 */
export async function writeBackupFile(
  dir: string,
  kind: BackupKind,
  data: Uint8Array,
  now: Date = new Date(),
): Promise<BackupWriteResult> {
  await mkdir(dir, { recursive: true });
  await removeStaleTempFiles(dir, now);
  const existing = new Set(await readdir(dir));
  let attempt = 1;
  while (existing.has(backupFileName(kind, now, attempt))) attempt++;
  const path = join(dir, backupFileName(kind, now, attempt));
  await writeFileAtomic(path, data);
  await rotateBackups(dir, now);
  return { path, bytes: data.byteLength };
}

/** Reads a backup by its name; the name must be one this module writes, so no path can escape the folder. */
export async function readBackupFile(dir: string, name: string): Promise<Uint8Array> {
  if (!parseBackupFileName(name)) throw new Error('备份文件名无效');
  const buffer = await readFile(join(dir, name));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Free bytes for an unprivileged user on the disk holding `dir`, or null when the OS cannot say. */
export async function freeBytesAt(dir: string): Promise<number | null> {
  try {
    await mkdir(dir, { recursive: true });
    const info = await statfs(dir);
    return Number(info.bavail) * Number(info.bsize);
  } catch {
    return null;
  }
}

export async function backupStatus(dir: string): Promise<BackupStatus> {
  const files = await listBackupFiles(dir);
  const lastDaily = files.find((f) => f.kind === 'daily');
  const freeBytes = await freeBytesAt(dir);
  return {
    lastDailyDate: lastDaily ? chinaParts(new Date(lastDaily.createdAt)).date : null,
    freeBytes,
    lowDisk: freeBytes !== null && freeBytes < LOW_DISK_BYTES,
    dir,
  };
}
