// Schema v1: a brand-new database gets every table with the declared indexes, and the indexes answer range queries.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_SCHEMA_VERSIONS, TABLE_NAMES } from '../../../shared/backup/tables';
import { DERIVED_TABLES, SCHEMA_VERSION } from '../../../renderer/src/db/AppDB';
import { db } from '../../../renderer/src/db/db';
import { MIGRATIONS } from '../../../renderer/src/db/migrations';
import { migration001 } from '../../../renderer/src/db/migrations/001-initial';
import { PACKED_STORAGE } from '../../../renderer/src/db/packed';

// The indexes the features rely on, as IndexedDB itself reports them (name → key path, multiEntry).
const EXPECTED: Record<
  string,
  { primaryKey: string | string[]; indexes: Record<string, string | string[]>; multi?: string[] }
> = {
  branches: { primaryKey: 'id', indexes: { name: 'name' } },
  members: { primaryKey: 'id', indexes: { branchId: 'branchId', '[branchId+name]': ['branchId', 'name'] } },
  venues: { primaryKey: 'id', indexes: { branchId: 'branchId' } },
  venueChecks: {
    primaryKey: 'id',
    indexes: {
      venueId: 'venueId',
      '[branchId+date]': ['branchId', 'date'],
      '[branchId+nextDueDate]': ['branchId', 'nextDueDate'],
    },
  },
  meetings: {
    primaryKey: 'id',
    indexes: {
      '[branchId+date]': ['branchId', 'date'],
    },
    // *terms was dropped by migration 003 (search moved to postings), *attendeeIds by 004 (attendee lists in them),
    // the kind, venue and status indexes by 005 (kind and venue lists in the postings).
  },
  responsibilities: { primaryKey: 'id', indexes: { '[branchId+year]': ['branchId', 'year'] } },
  standards: { primaryKey: 'id', indexes: { builtInKey: 'builtInKey' } },
  assessments: { primaryKey: 'id', indexes: { '[branchId+date]': ['branchId', 'date'], standardId: 'standardId' } },
  memberEvaluations: { primaryKey: 'id', indexes: { '[branchId+year]': ['branchId', 'year'], memberId: 'memberId' } },
  // Migration 004 replaced the learning and audit row tables by packed ones (renderer/src/db/packed.ts).
  learningMonths: { primaryKey: ['branchId', 'month'], indexes: {} },
  campaigns: { primaryKey: 'id', indexes: { branchId: 'branchId' } },
  // Added by migration 002 (技能比武); the brand-new database is created at the latest version.
  competitions: { primaryKey: 'id', indexes: { '[branchId+date]': ['branchId', 'date'] } },
  attachments: {
    primaryKey: 'id',
    indexes: { branchId: 'branchId', sha256: 'sha256', '[branchId+sha256]': ['branchId', 'sha256'] },
  },
  auditPages: { primaryKey: ['branchId', 'page'], indexes: {} },
  settings: { primaryKey: 'key', indexes: {} },
  // Derived search postings: per (branch, term) rows since migration 003, in per-branch buckets since 004.
  searchBuckets: { primaryKey: ['branchId', 'bucket'], indexes: {} },
};

describe('migration 001 (initial schema)', () => {
  it('is the first migration and SCHEMA_VERSION is the last migration’s version', () => {
    expect(MIGRATIONS[0]).toBe(migration001);
    expect(migration001.version).toBe(1);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(MIGRATIONS.map((m) => m.version)).toEqual([...MIGRATIONS.map((m) => m.version)].sort((a, b) => a - b));
  });

  it('creates every table with its key and indexes in a brand-new database', async () => {
    await db.open();
    const idb = db.backendDB();
    expect(idb.version / 10).toBe(SCHEMA_VERSION); // Dexie stores version × 10
    expect([...idb.objectStoreNames].sort()).toEqual(Object.keys(EXPECTED).sort());

    const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
    for (const [name, expected] of Object.entries(EXPECTED)) {
      const store = tx.objectStore(name);
      expect(store.keyPath, name).toEqual(expected.primaryKey);
      expect(store.autoIncrement, name).toBe(false);
      const actual = Object.fromEntries(
        [...store.indexNames].map((indexName) => [indexName, store.index(indexName).keyPath]),
      );
      expect(actual, name).toEqual(expected.indexes);
      const multi = [...store.indexNames].filter((indexName) => store.index(indexName).multiEntry);
      expect(multi.sort(), name).toEqual(expected.multi ?? []);
    }
    // Dexie's view agrees with the real database (a typed table exists for every store).
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('is the schema the backup format carries: every table, and this version restorable', () => {
    // Derived tables (search postings) are rebuilt on restore, never carried.
    // Packed tables carry the backup table they store (one line per entry in the file).
    const backupNameOf = new Map(Object.entries(PACKED_STORAGE).map(([table, stored]) => [stored, table]));
    const carried = db.tables
      .map((t) => backupNameOf.get(t.name) ?? t.name)
      .filter((name) => !DERIVED_TABLES.includes(name));
    expect([...TABLE_NAMES].sort()).toEqual(carried.sort());
    expect(SUPPORTED_SCHEMA_VERSIONS).toContain(SCHEMA_VERSION);
  });

  it('answers compound index queries without scanning', async () => {
    const base = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    const meeting = (id: string, branchId: string, date: string, kind: string, attendeeIds: string[]) =>
      ({ ...base, id, branchId, date, kind, status: '草稿', venueId: '', attendeeIds, terms: [] }) as never;
    await db.meetings.bulkAdd([
      meeting('m1', 'b1', '2024-12-20', '支委会', ['p1']),
      meeting('m2', 'b1', '2025-01-15', '支委会', ['p1', 'p2']),
      meeting('m3', 'b1', '2025-03-02', '党课', ['p2']),
      meeting('m4', 'b2', '2025-02-01', '支委会', ['p1']),
    ]);

    const year2025 = await db.meetings
      .where('[branchId+date]')
      .between(['b1', '2025-01-01'], ['b1', '2025-12-31'], true, true)
      .primaryKeys();
    expect(year2025).toEqual(['m2', 'm3']);

    // A person's meetings are no longer an index (v4), nor a kind's (v5): lists in the search buckets (postings.test.ts).
    await expect(db.meetings.where('attendeeIds').equals('p2').primaryKeys()).rejects.toThrow();
    await expect(
      db.meetings
        .where('[branchId+kind+date]')
        .between(['b1', '支委会', Dexie.minKey], ['b1', '支委会', Dexie.maxKey])
        .primaryKeys(),
    ).rejects.toThrow();
  });
});
