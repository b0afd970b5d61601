// 立即备份 of the current branch only (moving one 支部 off a computer that keeps several): the file holds that branch's
// rows, files and log and the shared standards, nothing of the other branches or of this computer's settings, and
// another computer takes it as an ordinary backup (作为新支部导入) with every row of the branch as it was here.
import { describe, expect, it } from 'vitest';
import { readBackup } from '../../../shared/backup';
import { BRANCH_DATA_TABLES } from '../../../shared/backup/tables';
import { backupDownloadName, exportBackupBlob } from '../../../renderer/src/db/backup/export';
import { restoreBackup } from '../../../renderer/src/db/backup/restore';
import { __resetDatabaseForTests, db } from '../../../renderer/src/db/db';
import { setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { belongsTo, branchOneRows, copyOfBranch, type RawSnapshot, rawSnapshot, storeBranches } from './branchFixtures';
import { blobOf, bytesOf, chunksOf, installCloneableBlob, sortById, type TableRows } from './helpers';

installCloneableBlob();

type Entry = { action: string };
/** Audit pages as their entries, without those recording restores (new on every restore). */
const comparable = (s: RawSnapshot) => ({
  ...s,
  auditPages: (s.auditPages as { entries: Entry[] }[]).flatMap((p) => p.entries).filter((e) => e.action !== 'restore'),
});

/** Three branches; the second and the first each have a file no other branch uses (`ownFiles`). */
let ownFiles: string[] = [];

async function threeBranches(): Promise<string> {
  const rows = await branchOneRows();
  const two = copyOfBranch(rows, 'two', '机关第二党支部');
  const three = copyOfBranch(rows, 'three', '机关第三党支部');
  await storeBranches(rows, two, three);
  const secondId = String(two.branches![0]!.id);
  const template = { ...(rows.attachments![0] as Record<string, unknown>) };
  delete template.thumbnail;
  const photo = async (branchId: string, id: string, text: string) => {
    const bytes = new TextEncoder().encode(text);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    return { ...template, id, branchId, name: `${text}.txt`, sha256, size: bytes.length, blob: new Blob([bytes]) };
  };
  const own = [await photo(secondId, 'a-two-only', '二支部专用'), await photo('b-1', 'a-one-only', '一支部专用')];
  await db.table('attachments').bulkAdd(own);
  ownFiles = own.map((a) => a.sha256);
  await setCurrentBranchId('b-1');
  return secondId;
}

async function readFile(bytes: Uint8Array): Promise<{ rows: TableRows; files: string[] }> {
  const rows: TableRows = {};
  const files: string[] = [];
  const result = await readBackup(chunksOf(bytes), {
    onRows: (table, batch) => void (rows[table] ??= []).push(...batch),
    // Called per attachment row (rows sharing a file share its bytes).
    onAttachment: (meta) => {
      (rows.attachments ??= []).push({ ...meta });
      if (!files.includes(meta.sha256)) files.push(meta.sha256);
    },
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return { rows, files };
}

describe('备份当前支部', () => {
  it('holds that branch’s rows, files and log, the shared standards, and nothing of other branches or settings', async () => {
    const second = await threeBranches();
    const everything = await readFile(await bytesOf((await exportBackupBlob()).blob));
    const { blob, manifest } = await exportBackupBlob({ branchId: second });
    const file = await readFile(await bytesOf(blob));

    expect(file.rows.branches!.map((b) => b.name)).toEqual(['机关第二党支部']);
    expect(file.rows.settings ?? []).toEqual([]);
    expect(manifest.tables.settings?.rows ?? 0).toBe(0);
    // Every shared standard (its 考评 name them), as in a backup of everything.
    expect(file.rows.standards).toEqual(everything.rows.standards);
    for (const table of BRANCH_DATA_TABLES) {
      const mine = (everything.rows[table] ?? []).filter((r) => r.branchId === second);
      expect(sortById(file.rows[table] ?? []), table).toEqual(sortById(mine));
      // The fixture has rows of every table, so a filter dropping a whole table would show here.
      if (table !== 'audit' || mine.length > 0) expect(mine.length, table).toBeGreaterThan(0);
    }
    // Files: those its attachment rows name, the other branch's own photo not.
    const named = new Set(file.rows.attachments!.map((a) => String(a.sha256)));
    expect(new Set(file.files)).toEqual(named);
    expect(file.files).toContain(ownFiles[0]);
    expect(file.files).not.toContain(ownFiles[1]);
    expect(everything.files).toContain(ownFiles[1]);
  });

  it('another computer imports it as a new branch: every row as it was here', async () => {
    const second = await threeBranches();
    const before = await rawSnapshot((table, row) => belongsTo(table, row, second));
    const bytes = await bytesOf((await exportBackupBlob({ branchId: second })).blob);

    await __resetDatabaseForTests();
    // The other computer keeps a branch of its own already.
    await storeBranches(copyOfBranch(await branchOneRows(), 'other', '另一台电脑的支部'));
    const result = await restoreBackup(blobOf(bytes), 'addAsNewBranches');
    expect(result).toMatchObject({ ok: true, branches: [{ id: second, name: '机关第二党支部' }] });
    expect(comparable(await rawSnapshot((table, row) => belongsTo(table, row, second)))).toEqual(comparable(before));
    expect((await db.branches.toArray()).map((b) => b.name).sort()).toEqual(
      ['另一台电脑的支部', '机关第二党支部'].sort(),
    );
  });

  it('names the file after the branch, safely', () => {
    const at = new Date('2025-03-18T02:00:00.000Z');
    expect(backupDownloadName(at)).toBe('支部台账备份-20250318-1000.zip');
    expect(backupDownloadName(at, '第二党支部')).toBe('支部台账备份-第二党支部-20250318-1000.zip');
    expect(backupDownloadName(at, '机关/后勤 党支部')).toBe('支部台账备份-机关_后勤 党支部-20250318-1000.zip');
  });
});
