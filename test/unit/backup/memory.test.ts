// Memory stays bounded: writing ~50 MB of attachments never holds the whole backup (or all photos) in memory.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { type BackupAttachmentSource, writeBackup } from '../../../shared/backup/writer';
import { makeDataset } from './factory';

const FILES = 200;
const FILE_SIZE = 256 * 1024;
const CHUNK = 64 * 1024;
const MB = 1024 * 1024;

/** The bytes of file i, produced chunk by chunk on demand (a fresh buffer each time, as a Blob stream gives). */
function* photoChunks(i: number): Generator<Uint8Array> {
  let s = (i + 1) * 2654435761;
  for (let at = 0; at < FILE_SIZE; at += CHUNK) {
    const chunk = new Uint8Array(CHUNK);
    for (let k = 0; k < CHUNK; k++) {
      s = (s * 1103515245 + 12345) >>> 0;
      chunk[k] = s >>> 24;
    }
    yield chunk;
  }
}

// Collect garbage before each sample so the test measures what the writer keeps alive, not what V8 has yet to free.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const memory = () => {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

test('writing 50 MB of attachments to a discarding sink uses a small fraction of that in memory', async () => {
  const data = makeDataset({ thumbnails: false });
  const shas: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const h = sha256.create();
    for (const c of photoChunks(i)) h.update(c);
    shas.push(bytesToHex(h.digest()));
  }
  data.tables.attachments = shas.map((sha, i) => ({
    ...data.tables.attachments[0]!,
    id: `photo-${i}`,
    name: `照片${i}.jpg`,
    mime: 'image/jpeg',
    size: FILE_SIZE,
    sha256: sha,
  }));
  data.tables.meetings.forEach((m) => (m.attachmentIds = []));
  data.tables.venues.forEach((v) => (v.checklist = []));

  async function* attachments(): AsyncIterable<BackupAttachmentSource> {
    for (let i = 0; i < FILES; i++) yield { sha256: shas[i]!, size: FILE_SIZE, chunks: photoChunks(i) };
  }

  const baseline = memory();
  let peak = 0;
  let written = 0;
  const manifest = await writeBackup(
    { tables: data.tables, attachments: attachments() },
    async (chunk) => {
      written += chunk.length;
      if (written % (2 * MB) < chunk.length) {
        peak = Math.max(peak, memory() - baseline);
        // A slow disk: the writer must wait rather than queue the file up in memory.
        await new Promise((r) => setTimeout(r, 1));
      }
    },
    { schemaVersion: 1, appVersion: 'test' },
  );

  expect(manifest.attachments).toEqual({ count: FILES, bytes: FILES * FILE_SIZE });
  expect(written).toBeGreaterThan(FILES * FILE_SIZE);
  // Buffering the backup (or every photo) would add at least 50 MB; one photo at a time plus garbage is far less.
  expect(peak).toBeLessThan(10 * MB);
}, 30_000);
