// Upgrade test from each schema version's frozen backup: restore it into the current schema, then check invariants.
import { describe, expect, it } from 'vitest';
import { inspectBackup } from '../../../shared/backup';
import { SUPPORTED_SCHEMA_VERSIONS, TABLE_NAMES } from '../../../shared/backup/tables';
import { SCHEMA_VERSION } from '../../../renderer/src/db/AppDB';
import { restoreBackup } from '../../../renderer/src/db/backup/restore';
import { db } from '../../../renderer/src/db/db';
import { checkInvariants } from '../../../renderer/src/db/invariants';
import { searchMeetings } from '../../../renderer/src/db/repositories/meetings';
import { getCurrentBranchId } from '../../../renderer/src/db/repositories/settings';
import { blobOf, bytesOf, chunksOf, readFixture, installCloneableBlob } from '../backup/helpers';
import { readTableRows } from '../../../renderer/src/db/backup/export';

installCloneableBlob();

/**
 * One frozen backup per schema version (scripts/make-backup-fixture.ts); each must restore into the current schema.
 * Add a line when a migration ships, never remove one.
 */
const FIXTURES: { file: string; schemaVersion: number }[] = [
  { file: 'v1-small.zip', schemaVersion: 1 },
  { file: 'v2-small.zip', schemaVersion: 2 },
  { file: 'v3-small.zip', schemaVersion: 3 },
  { file: 'v4-small.zip', schemaVersion: 4 },
  { file: 'v5-small.zip', schemaVersion: 5 },
  { file: 'v6-small.zip', schemaVersion: 6 },
  { file: 'v7-small.zip', schemaVersion: 7 },
  { file: 'v8-small.zip', schemaVersion: 8 },
];

describe.each(FIXTURES)('upgrade from $file (schema v$schemaVersion)', ({ file, schemaVersion }) => {
  it('is a version this build still restores', () => {
    expect(SUPPORTED_SCHEMA_VERSIONS).toContain(schemaVersion);
    expect(schemaVersion).toBeLessThanOrEqual(SCHEMA_VERSION);
  });

  it('restores into the current schema with every row, every attachment and no broken invariant', async () => {
    const bytes = await readFixture(file);
    const inspected = await inspectBackup(chunksOf(bytes));
    if (!inspected.ok) throw new Error(inspected.errors.join('\n'));
    expect(inspected.manifest.schemaVersion).toBe(schemaVersion);

    const result = await restoreBackup(blobOf(bytes), 'replace');
    if (!result.ok) throw new Error(result.errors.join('\n'));

    // Every row arrived (plus the one audit entry per branch that records the restore).
    for (const table of TABLE_NAMES) {
      const expected = inspected.counts[table] + (table === 'audit' ? inspected.branches.length : 0);
      expect((await readTableRows(db, table)).length, table).toBe(expected);
    }
    // The database opened at the current version, and the after-open checks find nothing to repair or report.
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await checkInvariants(db)).toEqual([]);
    expect(await getCurrentBranchId()).toBe(inspected.branches[0]?.id);

    // Attachment bytes hash to their recorded SHA-256 (the Blob is the real content, not a placeholder).
    for (const attachment of await db.attachments.toArray()) {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await bytesOf(attachment.blob)));
      const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
      expect(hex, attachment.name).toBe(attachment.sha256);
      expect(attachment.blob.size).toBe(attachment.size);
    }
    // Cross-table references hold in the upgraded data.
    const members = new Set(await db.members.toCollection().primaryKeys());
    for (const meeting of await db.meetings.toArray()) {
      for (const a of meeting.attendance) expect(members.has(a.memberId), meeting.topic).toBe(true);
      // Search works on the restored data (the posting lists are rebuilt whatever the backup's schema).
      const found = await searchMeetings(meeting.branchId, meeting.topic.slice(0, 4));
      expect(
        found.items.map((m) => m.id),
        meeting.topic,
      ).toContain(meeting.id);
    }
  });
});
