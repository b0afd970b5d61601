// Streams a backup ZIP out of async row and attachment sources, hashing as it goes and writing manifest.json last.
import { Deflate } from 'fflate';
import { jsSha256, type Sha256Factory } from './hash';
import { type BytePipe, pipeThrough } from './pipe';
import {
  attachmentEntryName,
  type BackupManifest,
  MANIFEST_NAME,
  tableEntryName,
  thumbnailEntryName,
} from './manifest';
import { BACKUP_TABLES, type BackupTableName, FORMAT_NAME, FORMAT_VERSION } from './tables';
import {
  centralHeader,
  Crc32,
  dataDescriptor,
  dosDateTime,
  endRecord,
  type EntryHeader,
  FLAG_DESCRIPTOR,
  localHeader,
  MAX_U32,
  METHOD_DEFLATED,
  METHOD_STORED,
} from './zip';

type Source<T> = AsyncIterable<T> | Iterable<T>;

export interface BackupAttachmentSource {
  /** SHA-256 of the bytes, lowercase hex: the attachment rows that share it share this one file. */
  sha256: string;
  size: number;
  chunks: Source<Uint8Array>;
  thumbnail?: Uint8Array | Source<Uint8Array>;
}

export interface BackupSource {
  /** Rows per table; a table left out is written empty. Attachment rows are metadata only (`blob` is dropped). */
  tables: Partial<Record<BackupTableName, Source<object>>>;
  attachments: Source<BackupAttachmentSource>;
}

/** Receives the ZIP bytes in order; a returned promise is awaited before more bytes come (backpressure). */
export type BackupSink = (chunk: Uint8Array) => void | Promise<void>;

export interface WriteBackupOptions {
  schemaVersion: number;
  appVersion: string;
  /** ISO instant; defaults to now. Also used for the ZIP entries' timestamps, so a fixed value gives a fixed file. */
  createdAt?: string;
  onProgress?: (table: BackupTableName, rowsSoFar: number) => void;
  onAttachmentProgress?: (filesSoFar: number, bytesSoFar: number) => void;
  /** Where the SHA-256 of tables and attachments is computed (default: this thread, in JavaScript). */
  sha256?: Sha256Factory;
}

/** The writer refuses to produce a backup restore would refuse; the message is for the user. */
export class BackupWriteError extends Error {
  override name = 'BackupWriteError';
}

const TEXT_BATCH_CHARS = 64 * 1024;
const PROGRESS_EVERY_ROWS = 500;
/** A thumbnail is a small preview; anything larger is a bug upstream, not something to buffer. */
const MAX_THUMBNAIL_BYTES = 8 * 1024 * 1024;
const SHA256_HEX = /^[0-9a-f]{64}$/;

const encoder = new TextEncoder();

class ZipStream {
  private offset = 0;
  private readonly entries: { header: EntryHeader; offset: number }[] = [];
  private readonly stamp: { date: number; time: number };

  constructor(
    private readonly sink: BackupSink,
    createdAt: string,
  ) {
    this.stamp = dosDateTime(createdAt);
  }

  async emit(chunk: Uint8Array): Promise<void> {
    if (chunk.length === 0) return;
    this.offset += chunk.length;
    if (this.offset > MAX_U32) throw new BackupWriteError('备份超过 4 GB，当前备份格式不支持，请分支部分别备份');
    await this.sink(chunk);
  }

  private header(name: string, method: number, flags: number): EntryHeader {
    return { name, nameBytes: encoder.encode(name), method, flags, crc: 0, compressedSize: 0, size: 0, ...this.stamp };
  }

  /** A stored entry whose CRC and size are known before its bytes, so a streaming reader knows where it ends. */
  async stored(name: string, chunks: readonly Uint8Array[], crc: number, size: number): Promise<void> {
    const header = { ...this.header(name, METHOD_STORED, 0), crc, compressedSize: size, size };
    this.entries.push({ header, offset: this.offset });
    await this.emit(localHeader(header));
    for (const chunk of chunks) await this.emit(chunk);
  }

  /**
   * A deflated entry of unknown length, followed by a data descriptor. The reader finds its end by a descriptor
   * signature whose compressed size equals the bytes read so far, then checks CRC and size (see docs/backup-format.md).
   */
  async deflated(name: string, fill: (write: (bytes: Uint8Array) => Promise<void>) => Promise<void>): Promise<void> {
    const header = this.header(name, METHOD_DEFLATED, FLAG_DESCRIPTOR);
    this.entries.push({ header, offset: this.offset });
    await this.emit(localHeader(header));
    const crc = new Crc32();
    const compressor = createCompressor(async (chunk) => {
      header.compressedSize += chunk.length;
      await this.emit(chunk);
    });
    await fill(async (bytes) => {
      crc.update(bytes);
      header.size += bytes.length;
      if (header.size > MAX_U32) throw new BackupWriteError(`${name} 超过 4 GB，当前备份格式不支持`);
      await compressor.write(bytes);
    });
    await compressor.end();
    header.crc = crc.digest();
    await this.emit(dataDescriptor(header));
  }

  async finish(): Promise<void> {
    const centralOffset = this.offset;
    for (const { header, offset } of this.entries) await this.emit(centralHeader(header, offset));
    if (this.entries.length > 0xffff) throw new BackupWriteError('附件文件过多，当前备份格式不支持');
    await this.emit(endRecord(this.entries.length, this.offset - centralOffset, centralOffset));
  }
}

/**
 * Deflates (raw, zlib's default level 6) into `emit`, in order. Native (CompressionStream, zlib in C) where the
 * platform has it — browsers, Electron and Node ≥ 18 — since fflate's JavaScript deflate was the largest share of a
 * large backup's time; fflate otherwise (same format, possibly different bytes).
 */
function createCompressor(emit: (chunk: Uint8Array) => Promise<void>): BytePipe {
  if (typeof CompressionStream !== 'function') return fflateCompressor(emit);
  return pipeThrough(new CompressionStream('deflate-raw'), emit);
}

function fflateCompressor(emit: (chunk: Uint8Array) => Promise<void>): BytePipe {
  let pending: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => {
    pending.push(chunk);
  });
  const drain = async () => {
    const out = pending;
    pending = [];
    for (const chunk of out) await emit(chunk);
  };
  return {
    async write(bytes) {
      deflate.push(bytes);
      await drain();
    },
    async end() {
      deflate.push(new Uint8Array(0), true);
      await drain();
    },
    abort() {
      pending = [];
    },
  };
}

async function collect(
  chunks: Uint8Array | Source<Uint8Array>,
  limit: number,
  tooLarge: () => string,
): Promise<{ parts: Uint8Array[]; size: number }> {
  if (chunks instanceof Uint8Array) {
    if (chunks.length > limit) throw new BackupWriteError(tooLarge());
    return { parts: [chunks], size: chunks.length };
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    // Stop before buffering more than was declared: a wrong size must not turn into unbounded memory.
    if (size > limit) throw new BackupWriteError(tooLarge());
    // Copy: the source may reuse its buffer for the next chunk.
    parts.push(chunk.slice());
  }
  return { parts, size };
}

function serialiseRow(table: BackupTableName, row: object): string {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw new BackupWriteError(`${table} 中有一行不是记录对象，无法备份`);
  }
  let value: object = row;
  if (table === 'attachments') {
    // The Dexie row carries the bytes as Blobs; they go to attachments/<sha256>, not into the JSON.
    const { blob: _blob, thumbnail: _thumbnail, ...meta } = row as Record<string, unknown>;
    value = meta;
  }
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new BackupWriteError(`${table} 中有一行无法转换为 JSON：${String(error)}`);
  }
}

/**
 * Writes a backup: every table as `tables/<name>.jsonl` (deflated), then each attachment's bytes as
 * `attachments/<sha256>` (stored, one attachment in memory at a time), then manifest.json. Returns the manifest.
 * Throws BackupWriteError when the source is inconsistent (bytes that do not match their SHA-256, missing bytes).
 */
export async function writeBackup(
  source: BackupSource,
  sink: BackupSink,
  options: WriteBackupOptions,
): Promise<BackupManifest> {
  const createdAt = options.createdAt ?? new Date().toISOString();
  const zip = new ZipStream(sink, createdAt);
  const tables = {} as BackupManifest['tables'];
  const branches: BackupManifest['branches'] = [];
  /** sha256 → size and a name for messages, from the attachment rows: the files that must follow. */
  const expected = new Map<string, { size: number; name: string }>();

  const sha256 = options.sha256 ?? jsSha256;
  for (const table of BACKUP_TABLES) {
    const hash = sha256();
    let rows = 0;
    await zip.deflated(tableEntryName(table.name), async (write) => {
      let text: string[] = [];
      let chars = 0;
      const flush = async () => {
        if (chars === 0) return;
        const bytes = encoder.encode(text.join(''));
        text = [];
        chars = 0;
        hash.update(bytes);
        await write(bytes);
      };
      for await (const row of source.tables[table.name] ?? []) {
        const line = serialiseRow(table.name, row) + '\n';
        text.push(line);
        chars += line.length;
        rows++;
        noteRow(table.name, row as Record<string, unknown>, branches, expected);
        if (chars >= TEXT_BATCH_CHARS) await flush();
        if (rows % PROGRESS_EVERY_ROWS === 0) options.onProgress?.(table.name, rows);
      }
      await flush();
    });
    options.onProgress?.(table.name, rows);
    tables[table.name] = { rows, sha256: await hash.digest() };
  }

  const written = new Set<string>();
  let attachmentBytes = 0;
  for await (const item of source.attachments) {
    if (written.has(item.sha256)) continue;
    const declared = expected.get(item.sha256);
    if (!SHA256_HEX.test(item.sha256) || !declared) {
      throw new BackupWriteError(`附件文件 ${item.sha256} 没有对应的附件记录，无法备份`);
    }
    if (item.size !== declared.size) {
      throw new BackupWriteError(`附件「${declared.name}」的大小与记录不符，无法备份`);
    }
    const { parts, size } = await collect(
      item.chunks,
      declared.size,
      () => `附件「${declared.name}」的内容比记录的大小更长，无法备份`,
    );
    const hash = sha256();
    const crc = new Crc32();
    for (const part of parts) {
      hash.update(part);
      crc.update(part);
    }
    if (size !== declared.size || (await hash.digest()) !== item.sha256) {
      throw new BackupWriteError(`附件「${declared.name}」的内容已损坏（与记录的 SHA-256 不符），无法备份`);
    }
    await zip.stored(attachmentEntryName(item.sha256), parts, crc.digest(), size);
    if (item.thumbnail) {
      const thumb = await collect(item.thumbnail, MAX_THUMBNAIL_BYTES, () => `附件「${declared.name}」的缩略图过大`);
      const thumbCrc = new Crc32();
      for (const part of thumb.parts) thumbCrc.update(part);
      await zip.stored(thumbnailEntryName(item.sha256), thumb.parts, thumbCrc.digest(), thumb.size);
    }
    written.add(item.sha256);
    attachmentBytes += size;
    options.onAttachmentProgress?.(written.size, attachmentBytes);
  }
  for (const [sha, { name }] of expected) {
    if (!written.has(sha)) throw new BackupWriteError(`附件「${name}」的文件内容缺失（${sha}），无法备份`);
  }

  const manifest: BackupManifest = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    schemaVersion: options.schemaVersion,
    appVersion: options.appVersion,
    createdAt,
    tables,
    attachments: { count: written.size, bytes: attachmentBytes },
    branches,
  };
  const manifestBytes = encoder.encode(JSON.stringify(manifest, null, 2) + '\n');
  await zip.stored(MANIFEST_NAME, [manifestBytes], new Crc32().update(manifestBytes).digest(), manifestBytes.length);
  await zip.finish();
  return manifest;
}

function noteRow(
  table: BackupTableName,
  row: Record<string, unknown>,
  branches: BackupManifest['branches'],
  expected: Map<string, { size: number; name: string }>,
): void {
  if (table === 'branches') {
    branches.push({ id: String(row.id ?? ''), name: String(row.name ?? '') });
  } else if (table === 'attachments' && typeof row.sha256 === 'string') {
    const size = typeof row.size === 'number' ? row.size : -1;
    const known = expected.get(row.sha256);
    if (known && known.size !== size) {
      throw new BackupWriteError(`附件「${String(row.name)}」与另一条附件记录的 SHA-256 相同但大小不同，无法备份`);
    }
    expected.set(row.sha256, { size, name: String(row.name ?? row.sha256) });
  }
}
