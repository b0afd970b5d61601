// Writes the frozen backup fixtures, one per schema version (test/fixtures/backups/vN-small.zip): later migrations
// and formats must keep restoring every one of them. Run: npx tsx scripts/make-backup-fixture.ts
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { makeDataset, writeToBytes } from '../test/unit/backup/factory';

mkdirSync('test/fixtures/backups', { recursive: true });
for (const schemaVersion of [1, 2, 3, 4, 5, 6, 7, 8]) {
  const target = `test/fixtures/backups/v${schemaVersion}-small.zip`;
  // A fixture is frozen once written: regenerating an old one would hide a change that breaks restoring it.
  if (existsSync(target) && !process.argv.includes('--force')) continue;
  const bytes = await writeToBytes(
    // From v7 a record may belong to the year before its date (所属年度) and a member may have transferred in; from v8
    // a meeting may have been held away from the branch's 阵地 (其他地点): the fixture holds one of each.
    makeDataset({
      members: 4,
      meetings: 3,
      extraAttachments: [2048],
      schema7Fields: schemaVersion >= 7,
      schema8Fields: schemaVersion >= 8,
    }),
    '2025-03-18T02:00:00.000Z',
    schemaVersion,
  );
  writeFileSync(target, bytes);
  console.log(`已写出 ${target}（${bytes.length} 字节）`);
}
