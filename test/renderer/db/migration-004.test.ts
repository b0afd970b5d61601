// Schema v4 (packed bulk data): a v3 database upgrades in place — audit pages, learning months, search buckets.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Learning, Meeting } from '../../../shared/schemas/entities';
import { AppDB, SCHEMA_VERSION } from '../../../renderer/src/db/AppDB';
import { readTableRows } from '../../../renderer/src/db/backup/export';
import { DB_NAME, db } from '../../../renderer/src/db/db';
import { migration001 } from '../../../renderer/src/db/migrations/001-initial';
import { migration002 } from '../../../renderer/src/db/migrations/002-competitions';
import { migration003 } from '../../../renderer/src/db/migrations/003-search-postings';
import { migration004 } from '../../../renderer/src/db/migrations/004-packed-logs';
import { AUDIT_PAGE_ENTRIES } from '../../../renderer/src/db/packed';
import { listAudit, listRecentAudit, writeAudit } from '../../../renderer/src/db/repositories/audit';
import { listLearning } from '../../../renderer/src/db/repositories/learning';
import { attendeeTerm, buildPostings, decodePostings, fromBuckets } from '../../../renderer/src/db/search/postings';
import { fixtureRows, installCloneableBlob, sortById } from '../backup/helpers';

installCloneableBlob();

const NAME = 'migration-004-test';

const iso = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString();

/** More audit entries than one page holds, in two branches and outside any branch, written out of time order. */
function extraAudit(branchId: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < AUDIT_PAGE_ENTRIES + 10; i++) {
    // Ids descending while times ascend: id order (v3's primary key) is not time order.
    const id = `z-${String(9999 - i).padStart(4, '0')}`;
    out.push({
      id,
      at: iso(i),
      branchId,
      entity: 'meeting',
      entityId: `m-${i % 7}`,
      action: 'update',
      reason: '',
      summary: `第${i}次`,
    });
  }
  out.push({
    id: 'std-1',
    at: iso(3),
    branchId: '',
    entity: 'standard',
    entityId: 's-1',
    action: 'create',
    reason: '',
    summary: '',
  });
  out.push({
    id: 'other-1',
    at: iso(5),
    branchId: 'b-other',
    entity: 'branch',
    entityId: 'b-other',
    action: 'create',
    reason: '',
    summary: '',
  });
  return out;
}

/** Learning entries across three months of one branch, dates not in id order. */
function extraLearning(template: Learning): Learning[] {
  const dates = ['2024-03-02', '2024-01-31', '2024-03-01', '2024-02-15', '2024-01-01'];
  return dates.map((date, i) => ({ ...template, id: `lx-${i}`, date, title: `学习${i}` }));
}

/** A raw Dexie declared at version 3 (migrations 001–003), filled the way a v3 build left it: one row per entry. */
async function createV3Database(name: string): Promise<Record<string, Record<string, unknown>[]>> {
  const v3 = new Dexie(name);
  v3.version(1).stores(migration001.stores);
  v3.version(2).stores(migration002.stores);
  v3.version(3).stores(migration003.stores);
  await v3.open();
  const rows = await fixtureRows('v3-small.zip');
  const branchId = String(rows.branches![0]!.id);
  rows.audit = [...(rows.audit ?? []), ...(extraAudit(branchId) as unknown as Record<string, unknown>[])];
  const template = rows.learning?.[0] as unknown as Learning | undefined;
  if (!template) throw new Error('v3 fixture has no learning entry');
  rows.learning = [...rows.learning!, ...(extraLearning(template) as unknown as Record<string, unknown>[])];
  await v3.transaction('rw', v3.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await v3.table(table).bulkAdd(list);
  });
  v3.close();
  return rows;
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('migration 004 (packed audit log and learning entries)', () => {
  it('is version 4 and replaces the row tables by packed ones', () => {
    expect(migration004.version).toBe(4);
    expect(migration004.stores).toMatchObject({ audit: null, learning: null });
  });

  it('upgrades a v3 database: every entry kept, pages in time order per branch, months in date order', async () => {
    const before = await createV3Database(NAME);
    const upgraded = new AppDB(NAME);
    await upgraded.open();
    expect(upgraded.verno).toBe(SCHEMA_VERSION);
    const stores = [...upgraded.backendDB().objectStoreNames];
    expect(stores).not.toContain('audit');
    expect(stores).not.toContain('learning');
    expect(stores).not.toContain('searchPostings');
    const meetingIndexes = [...upgraded.backendDB().transaction('meetings').objectStore('meetings').indexNames];
    expect(meetingIndexes).not.toContain('attendeeIds');

    // The search lists, now in buckets, with one attendee list per person: exactly what a restore would build.
    const meetings = before.meetings as unknown as Meeting[];
    expect(meetings.some((m) => m.attendeeIds.length > 0)).toBe(true);
    const stored = fromBuckets(await upgraded.searchBuckets.toArray());
    expect(decodePostings(stored)).toEqual(decodePostings(buildPostings(meetings)));
    for (const m of meetings) {
      for (const id of m.attendeeIds) {
        expect(decodePostings(stored)[m.branchId]![attendeeTerm(id)]).toContain(`${m.date} ${m.id}`);
      }
    }

    // Exactly the same entries, as a backup reads them.
    expect(sortById(await readTableRows(upgraded, 'audit'))).toEqual(sortById(before.audit!));
    expect(sortById(await readTableRows(upgraded, 'learning'))).toEqual(sortById(before.learning!));

    const pages = await upgraded.auditPages.toArray();
    const branchId = String(before.branches![0]!.id);
    const mine = pages.filter((p) => p.branchId === branchId);
    const mineCount = before.audit!.filter((e) => e.branchId === branchId).length;
    expect(mine.map((p) => p.page)).toEqual([...mine.keys()]);
    expect(mine.map((p) => p.entries.length)).toEqual(
      mine.map((_, i) => Math.min(AUDIT_PAGE_ENTRIES, mineCount - i * AUDIT_PAGE_ENTRIES)),
    );
    const times = mine.flatMap((p) => p.entries.map((e) => e.at));
    expect(times).toEqual([...times].sort());
    for (const p of pages) {
      expect(p.entries.every((e) => e.branchId === p.branchId)).toBe(true);
      expect(p.firstAt).toBe(p.entries[0]!.at);
      expect(p.lastAt).toBe(p.entries[p.entries.length - 1]!.at);
    }
    expect(pages.filter((p) => p.branchId === '').flatMap((p) => p.entries.map((e) => e.id))).toContain('std-1');

    const months = await upgraded.learningMonths.toArray();
    for (const m of months) {
      expect(m.entries.every((e) => e.date.startsWith(m.month) && e.branchId === m.branchId)).toBe(true);
      const order = m.entries.map((e) => `${e.date} ${e.id}`);
      expect(order).toEqual([...order].sort());
    }
    upgraded.close();
  });

  it('the app reads and appends through the pages and months after the upgrade', async () => {
    db.close();
    await Dexie.delete(DB_NAME);
    const before = await createV3Database(DB_NAME);
    await db.open();
    const branchId = String(before.branches![0]!.id);

    // One record's history, oldest first, from its branch's pages only.
    const history = await listAudit('meeting', 'm-3', branchId);
    const expected = (before.audit as unknown as AuditEntry[])
      .filter((e) => e.entity === 'meeting' && e.entityId === 'm-3')
      .sort((a, b) => (a.at < b.at ? -1 : 1));
    expect(history.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(await listAudit('meeting', 'm-3', 'b-other')).toEqual([]);

    // The newest entries first, across the page boundary.
    const all = (before.audit as unknown as AuditEntry[])
      .filter((e) => e.branchId === branchId)
      .sort((a, b) => (a.at < b.at ? 1 : -1));
    expect((await listRecentAudit(branchId, 15)).map((e) => e.id)).toEqual(all.slice(0, 15).map((e) => e.id));

    // Dates inside months are exact bounds, across months in date order.
    const learning = (before.learning as unknown as Learning[]).filter(
      (e) => e.branchId === branchId && e.date >= '2024-01-15' && e.date <= '2024-03-01',
    );
    const listed = await listLearning(branchId, '2024-01-15', '2024-03-01');
    expect(listed.map((e) => e.id)).toEqual(
      learning.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1)).map((e) => e.id),
    );

    // A new entry goes to the last, not yet full, page; the one after it opens a new page.
    const last = (await db.auditPages.where('[branchId+page]').between([branchId, 0], [branchId, Infinity]).last())!;
    const room = AUDIT_PAGE_ENTRIES - last.entries.length;
    expect(room).toBeGreaterThan(0);
    await db.transaction('rw', db.auditPages, async () => {
      for (let i = 0; i <= room; i++) {
        await writeAudit({ entity: 'branch', entityId: branchId, branchId, action: 'update' });
      }
    });
    const pages = await db.auditPages.where('[branchId+page]').between([branchId, 0], [branchId, Infinity]).toArray();
    expect(pages.map((p) => p.entries.length).slice(-2)).toEqual([AUDIT_PAGE_ENTRIES, 1]);
    expect(pages[pages.length - 1]!.page).toBe(last.page + 1);
  });
});
