// 覆盖全部 as a stream (replace.ts): what arrives out of order or across batches is stored as if written at once.
import { describe, expect, it } from 'vitest';
import { writeBackup } from '../../../shared/backup';
import type { AuditEntry, Learning } from '../../../shared/schemas/entities';
import { restoreBackup } from '../../../renderer/src/db/backup/restore';
import { __resetDatabaseForTests, db } from '../../../renderer/src/db/db';
import { AUDIT_PAGE_ENTRIES } from '../../../renderer/src/db/packed';
import { listLearning } from '../../../renderer/src/db/repositories/learning';
import { listRecentAudit } from '../../../renderer/src/db/repositories/audit';
import { blobOf, bytesOf, fixtureRows, installCloneableBlob, type TableRows } from './helpers';

installCloneableBlob();

const iso = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString();

/** A backup file of `rows` (attachment rows carry their bytes as a Blob), written as schema `schemaVersion`. */
async function backupOf(rows: TableRows, schemaVersion: number): Promise<Uint8Array> {
  const files = new Map<string, { size: number; bytes: Uint8Array }>();
  for (const a of rows.attachments ?? []) {
    files.set(String(a.sha256), { size: Number(a.size), bytes: await bytesOf(a.blob as Blob) });
  }
  const parts: Uint8Array[] = [];
  await writeBackup(
    {
      tables: rows,
      attachments: [...files].map(([sha256, f]) => ({ sha256, size: f.size, chunks: [f.bytes] })),
    },
    (chunk) => void parts.push(chunk.slice()),
    { schemaVersion, appVersion: '0.1.0', createdAt: '2025-03-18T02:00:00.000Z' },
  );
  return bytesOf(new Blob(parts as BlobPart[]));
}

describe('覆盖全部 streaming into a new database', () => {
  it('pages an audit log that arrives in id order (backups before v4) in time order, none lost', async () => {
    const rows = await fixtureRows('v3-small.zip');
    const branchId = String(rows.branches![0]!.id);
    // More than two pages of entries whose ids run against their times, as a v3 export (id order) wrote them.
    const extra: AuditEntry[] = Array.from({ length: AUDIT_PAGE_ENTRIES * 2 + 7 }, (_, i) => ({
      id: `z-${String(9999 - i).padStart(4, '0')}`,
      at: iso(i),
      branchId,
      entity: 'branch',
      entityId: branchId,
      action: 'update',
      reason: '',
      summary: `第${i}次修改`,
    }));
    const audit = [...(rows.audit ?? []), ...(extra as unknown as Record<string, unknown>[])];
    audit.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
    const bytes = await backupOf({ ...rows, audit }, 3);

    const result = await restoreBackup(blobOf(bytes), 'replace');
    if (!result.ok) throw new Error(result.errors.join('\n'));

    const pages = await db.auditPages.where('[branchId+page]').between([branchId, 0], [branchId, Infinity]).toArray();
    const stored = pages.flatMap((p) => p.entries);
    const expected = audit.filter((e) => e.branchId === branchId).length + 1; // + the entry recording this restore
    expect(stored).toHaveLength(expected);
    const times = stored.map((e) => e.at);
    expect(times).toEqual([...times].sort());
    expect(pages.map((p) => p.page)).toEqual([...pages.keys()]);
    expect(pages.slice(0, -1).every((p) => p.entries.length === AUDIT_PAGE_ENTRIES)).toBe(true);
    expect(stored[stored.length - 1]!.action).toBe('restore');
  });

  it('merges learning entries of one month that arrive in different batches, in date order', async () => {
    const rows = await fixtureRows('v4-small.zip');
    const template = rows.learning![0] as unknown as Learning;
    // 12,000 entries over the same two months, interleaved: more than one merge (every 10,000) meets the same months.
    const extra: Learning[] = Array.from({ length: 12_000 }, (_, i) => ({
      ...template,
      id: `lx-${String(i).padStart(5, '0')}`,
      date: `2024-0${(i % 2) + 1}-${String((i % 28) + 1).padStart(2, '0')}`,
    }));
    const learning = [...(rows.learning ?? []), ...(extra as unknown as Record<string, unknown>[])];
    const bytes = await backupOf({ ...rows, learning }, 4);

    const result = await restoreBackup(blobOf(bytes), 'replace');
    if (!result.ok) throw new Error(result.errors.join('\n'));

    const listed = await listLearning(template.branchId, '2024-01-01', '2024-02-29');
    const wanted = (learning as unknown as Learning[])
      .filter((e) => e.branchId === template.branchId && e.date >= '2024-01-01' && e.date <= '2024-02-29')
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    expect(listed.map((e) => e.id)).toEqual(wanted.map((e) => e.id));
    expect(
      await db.learningMonths
        .where('[branchId+month]')
        .between([template.branchId, '2024-01'], [template.branchId, '2024-02'], true, true)
        .count(),
    ).toBe(2);
  });

  it("renumbers a pre-v6 backup's 党小组会 per 党小组, in every restore mode", async () => {
    const rows = await fixtureRows('v5-small.zip');
    const branch = rows.branches![0]!;
    branch.partyGroups = [...(branch.partyGroups as object[]), { id: 'g-2', name: '第二党小组', leaderName: '王组长' }];
    const template = rows.meetings!.find((m) => m.status === '已定稿')!;
    // Before v6 the four were numbered across the groups: 1–4 by date.
    const groupMeetings = ['g-1', 'g-2', 'g-1', 'g-2'].map((group, i) => ({
      ...template,
      id: `pg-${i + 1}`,
      kind: '党小组会',
      topic: `党小组会 ${i + 1}`,
      date: `2025-0${i + 4}-10`,
      plannedDate: `2025-0${i + 4}-10`,
      partyGroupId: group,
      attachmentIds: [],
      seq: i + 1,
    }));
    rows.meetings = [...rows.meetings!, ...groupMeetings];
    const bytes = await backupOf(rows, 5);
    const seqs = async (ids: (id: string) => string) =>
      Promise.all(groupMeetings.map(async (m) => (await db.meetings.get(ids(m.id as string)))?.seq));

    // Three move (2 → 1, 3 → 2, 4 → 2) and the restore says how many, in its result and its log entry.
    expect(await restoreBackup(blobOf(bytes), 'replace')).toMatchObject({ ok: true, regrouped: 3 });
    expect(await seqs((id) => id)).toEqual([1, 1, 2, 2]);
    const [logged] = await listRecentAudit(String(branch.id), 1);
    expect(logged!.summary).toContain('备份为数据版本 5，党小组会已改为按党小组分别编号');

    // 作为新支部导入 into a ledger without that branch (ids kept), then 替换本机的同一支部: the same numbering.
    await __resetDatabaseForTests();
    const imported = await restoreBackup(blobOf(bytes), 'addAsNewBranches');
    if (!imported.ok) throw new Error(imported.errors.join('；'));
    expect(imported.regrouped).toBe(3);
    expect(await seqs((id) => id)).toEqual([1, 1, 2, 2]);
    expect((await listRecentAudit(String(branch.id), 1))[0]!.summary).toContain('党小组会已改为按党小组分别编号');
    await db.meetings.update('pg-2', { seq: 7 });
    const replaced = await restoreBackup(blobOf(bytes), 'replaceBranches');
    if (!replaced.ok) throw new Error(replaced.errors.join('；'));
    expect(await seqs((id) => id)).toEqual([1, 1, 2, 2]);
  });
});
