// Writes test/fixtures/backups/v1-small.zip with the backup writer: a frozen schema-v1 backup later migrations upgrade.
import { mkdirSync, writeFileSync } from 'node:fs';
import { makeDataset, writeToBytes } from '../test/unit/backup/factory';

const target = 'test/fixtures/backups/v1-small.zip';
const bytes = await writeToBytes(
  makeDataset({ members: 4, meetings: 3, extraAttachments: [2048] }),
  '2025-03-18T02:00:00.000Z',
);
mkdirSync('test/fixtures/backups', { recursive: true });
writeFileSync(target, bytes);
console.log(`已写出 ${target}（${bytes.length} 字节）`);
