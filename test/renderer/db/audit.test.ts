// Audit log: only written inside the transaction of the change; read per record and per branch in time order.
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/db';
import { countAudit, listAudit, listRecentAudit, writeAudit } from '../../../renderer/src/db/repositories/audit';
import { createBranch, updateBranch } from '../../../renderer/src/db/repositories/branches';

const input = { name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' };

describe('audit log', () => {
  it('refuses to be written outside a read-write transaction that includes it', async () => {
    await expect(writeAudit({ entity: 'branch', entityId: 'x', action: 'update' })).rejects.toThrow(
      '审计日志必须与所记录的修改在同一事务中写入',
    );
    await expect(
      db.transaction('rw', db.branches, () => writeAudit({ entity: 'branch', entityId: 'x', action: 'update' })),
    ).rejects.toThrow('同一事务');
    expect(await countAudit()).toBe(0);
  });

  it('rejects an invalid entry, aborting the change with it', async () => {
    await expect(
      db.transaction('rw', [db.settings, db.auditPages], async () => {
        await db.settings.put({ key: 'probe', value: 1 });
        await writeAudit({ entity: 'branch', entityId: '', action: 'update' });
      }),
    ).rejects.toThrow();
    expect(await db.settings.get('probe')).toBeUndefined();
  });

  it('lists a record’s history oldest first and a branch’s changes newest first', async () => {
    const branch = await createBranch(input);
    await updateBranch(branch.id, { ...input, name: '乙支部' });
    await updateBranch(branch.id, { ...input, name: '丙支部' });

    const history = await listAudit('branch', branch.id);
    expect(history.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    const times = history.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times).size).toBe(3); // distinct even within one millisecond

    const recent = await listRecentAudit(branch.id, 2);
    expect(recent.map((e) => e.id)).toEqual([history[2]!.id, history[1]!.id]);
    expect(await listRecentAudit('other-branch')).toEqual([]);
  });

  it('keeps the 届期 a 换届 replaces, with its values, in the log and its summary', async () => {
    const branch = await createBranch(input);
    await updateBranch(branch.id, { ...input, termStart: '2026-03-01', termEnd: '2029-02-28' });
    const [, update] = await listAudit('branch', branch.id);
    expect(update!.summary).toBe(
      '修改了本届开始日期、本届结束日期（届期由 2023-03-01 至 2026-02-28 改为 2026-03-01 至 2029-02-28）',
    );
    expect(update!.changes).toEqual([
      { field: 'termStart', label: '本届开始日期', before: '2023-03-01', after: '2026-03-01' },
      { field: 'termEnd', label: '本届结束日期', before: '2026-02-28', after: '2029-02-28' },
    ]);
  });
});
