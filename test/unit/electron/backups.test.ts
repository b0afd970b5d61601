// Automatic backup files: names, the rotation policy (table-driven), atomic writes with rotation, free-space status.
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  backupFileName,
  backupStatus,
  isoWeekOf,
  listBackupFiles,
  parseBackupFileName,
  type RotationCandidate,
  selectBackupsToKeep,
  writeBackupFile,
} from '../../../electron/main/backups';
import type { BackupKind } from '../../../shared/ipc';

/** A candidate written at `chinaTime` (YYYY-MM-DD HH:mm, China time). */
function file(kind: BackupKind, chinaTime: string): RotationCandidate {
  const at = new Date(`${chinaTime.replace(' ', 'T')}:00+08:00`);
  return { name: backupFileName(kind, at), kind, createdAt: at.toISOString() };
}

/** One daily backup at 09:00 on each of `days` consecutive days ending on `last`. */
function dailies(last: string, days: number): RotationCandidate[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) =>
    file('daily', `${new Date(end - i * 86_400_000).toISOString().slice(0, 10)} 09:00`),
  );
}

const dayOf = (f: RotationCandidate) => new Date(Date.parse(f.createdAt) + 8 * 3600_000).toISOString().slice(0, 10);

describe('backup file names', () => {
  it('are kind-date-time in China time and parse back to the same instant', () => {
    const at = new Date('2025-03-17T18:30:05Z'); // 2025-03-18 02:30:05 in China
    expect(backupFileName('daily', at)).toBe('daily-20250318-023005.zip');
    expect(backupFileName('pre-upgrade', at, 2)).toBe('pre-upgrade-20250318-023005-2.zip');
    expect(parseBackupFileName('daily-20250318-023005.zip')).toEqual({ kind: 'daily', createdAt: at.toISOString() });
    expect(parseBackupFileName('manual-20250318-023005-3.zip')?.kind).toBe('manual');
  });

  it.each([
    '../daily-20250318-023005.zip',
    'daily-20250318-023005.zip/../../x',
    'daily-20250318-023005.zip.tmp-0011aabb',
    'weekly-20250318-023005.zip',
    'daily-20250231-023005.zip', // 31 February
    'daily-20250318-250000.zip',
    'backup.zip',
    '',
  ])('rejects %j', (name) => {
    expect(parseBackupFileName(name)).toBeNull();
  });
});

describe('isoWeekOf', () => {
  it.each([
    ['2025-03-17', '2025-W12'], // Monday
    ['2025-03-23', '2025-W12'], // Sunday of the same week
    ['2024-12-30', '2025-W01'], // belongs to the next year's week 1
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });
});

describe('selectBackupsToKeep', () => {
  const now = new Date('2025-06-30T12:00:00+08:00');

  const cases: { title: string; files: RotationCandidate[]; kept: (files: RotationCandidate[]) => string[] }[] = [
    {
      title: 'fewer than 7 dailies: all kept',
      files: dailies('2025-06-30', 5),
      kept: (f) => f.map((x) => x.name),
    },
    {
      title: 'two on one day: only the later counts as that day’s',
      files: [file('daily', '2025-06-30 08:00'), file('daily', '2025-06-30 11:00'), file('daily', '2025-06-29 09:00')],
      kept: (f) => [f[1]!.name, f[2]!.name],
    },
    {
      title: '5 pre-upgrade kept, the oldest dropped; manual backups are never dropped',
      files: [
        ...['01', '02', '03', '04', '05', '06'].map((d) => file('pre-upgrade', `2025-01-${d} 08:00`)),
        file('manual', '2020-01-01 08:00'),
      ],
      kept: (f) => [...f.slice(1, 6), f[6]!].map((x) => x.name),
    },
    {
      title: 'a file dated in the future is kept and takes no daily slot',
      files: [file('daily', '2030-01-01 09:00'), ...dailies('2025-06-30', 7)],
      kept: (f) => f.map((x) => x.name),
    },
  ];

  it.each(cases)('$title', ({ files, kept }) => {
    expect([...selectBackupsToKeep(files, now)].sort()).toEqual(kept(files).sort());
  });

  it('a year of daily backups keeps 7 days, the newest of 4 weeks and of 12 months', () => {
    const files = dailies('2025-06-30', 400);
    const keep = selectBackupsToKeep(files, now);
    const keptDays = files
      .filter((f) => keep.has(f.name))
      .map(dayOf)
      .sort();
    // 7 days (06-24 … 06-30); weeks: W27 (06-30 Mon) and W26 are in those days, W25 → 06-22, W24 → 06-15;
    // months: June is in those days, May → 05-31, …, 2024-07 → 07-31.
    const expected = new Set([
      '2025-06-24',
      '2025-06-25',
      '2025-06-26',
      '2025-06-27',
      '2025-06-28',
      '2025-06-29',
      '2025-06-30',
      '2025-06-22',
      '2025-06-15',
      '2025-05-31',
      '2025-04-30',
      '2025-03-31',
      '2025-02-28',
      '2025-01-31',
      '2024-12-31',
      '2024-11-30',
      '2024-10-31',
      '2024-09-30',
      '2024-08-31',
      '2024-07-31',
    ]);
    expect(keptDays).toEqual([...expected].sort());
  });

  it('counts days that have a backup, not calendar days: a PC left off for a month still keeps 7', () => {
    const files = [...dailies('2025-06-30', 2), ...dailies('2025-05-20', 10)];
    const keep = selectBackupsToKeep(files, now);
    const keptDays = files.filter((f) => keep.has(f.name)).map(dayOf);
    expect(keptDays.filter((d) => d >= '2025-05-16')).toHaveLength(7);
  });
});

describe('writing, listing and status in a real folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-backups-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('writes atomically (no temp file left) and rotates old dailies away after the new file is complete', async () => {
    for (const f of dailies('2025-06-29', 10)) writeFileSync(join(dir, f.name), 'old');
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    const now = new Date('2025-06-30T09:00:00+08:00');
    const result = await writeBackupFile(dir, 'daily', new Uint8Array([1, 2, 3]), now);
    expect(result).toEqual({ path: join(dir, 'daily-20250630-090000.zip'), bytes: 3 });
    const names = readdirSync(dir);
    expect(names.filter((n) => n.includes('.tmp-'))).toEqual([]);
    expect(names).toContain('notes.txt'); // never touches files it did not write
    const listed = await listBackupFiles(dir);
    expect(listed[0]).toMatchObject({ name: 'daily-20250630-090000.zip', kind: 'daily', bytes: 3 });
    // 7 most recent days, plus the newest of older weeks/months still present.
    expect(listed.map((f) => f.name)).toEqual([...selectBackupsToKeep(listed, now)].sort().reverse());
    expect(listed.length).toBeLessThan(11);
    expect(listed.length).toBeGreaterThanOrEqual(7);
  });

  it('deletes temp files that an interrupted backup left over an hour ago, but not one being written now', async () => {
    const now = new Date('2025-06-30T09:00:00+08:00');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    const stale = 'daily-20250629-090000.zip.tmp-0123456789abcdef'; // PC switched off during yesterday's backup
    const fresh = 'manual-20250630-085500.zip.tmp-fedcba9876543210'; // a manual backup still being written
    const foreign = '党员名册.xlsx.tmp-0123456789abcdef'; // not a backup's temp file: never ours to delete
    for (const [name, age] of [
      [stale, 30],
      [fresh, 0.1],
      [foreign, 30],
    ] as const) {
      writeFileSync(join(dir, name), 'partial');
      utimesSync(join(dir, name), hoursAgo(age), hoursAgo(age));
    }
    await writeBackupFile(dir, 'daily', new Uint8Array([1]), now);
    const names = readdirSync(dir);
    expect(names).not.toContain(stale);
    expect(names).toContain(fresh);
    expect(names).toContain(foreign);
    expect(names).toContain('daily-20250630-090000.zip');
  });

  it('never overwrites a backup made in the same second', async () => {
    const now = new Date('2025-06-30T09:00:00+08:00');
    await writeBackupFile(dir, 'manual', new Uint8Array([1]), now);
    const second = await writeBackupFile(dir, 'manual', new Uint8Array([2]), now);
    expect(second.path.endsWith('manual-20250630-090000-2.zip')).toBe(true);
    expect((await listBackupFiles(dir)).map((f) => f.bytes)).toEqual([1, 1]);
  });

  it('reports the last daily date (China) and free space, flagging less than 500 MB', async () => {
    writeFileSync(join(dir, 'daily-20250629-233000.zip'), 'x');
    writeFileSync(join(dir, 'pre-upgrade-20250630-080000.zip'), 'x');
    const status = await backupStatus(dir);
    expect(status.lastDailyDate).toBe('2025-06-29');
    expect(status.dir).toBe(dir);
    expect(typeof status.freeBytes).toBe('number');
    expect(status.lowDisk).toBe(status.freeBytes! < 500 * 1024 * 1024);
  });

  it('flags low disk when statfs reports little free space', async () => {
    vi.resetModules();
    vi.doMock('node:fs/promises', async (importOriginal) => {
      const real = await importOriginal<typeof FsPromises>();
      return { ...real, statfs: vi.fn(async () => ({ bavail: 1000, bsize: 4096 })) };
    });
    const fresh = await import('../../../electron/main/backups');
    const status = await fresh.backupStatus(dir);
    expect(status).toMatchObject({ freeBytes: 4_096_000, lowDisk: true, lastDailyDate: null });
    vi.doUnmock('node:fs/promises');
  });
});
