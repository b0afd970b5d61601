// Reads a backup ZIP as a stream: inspectBackup validates everything, readBackup then streams the validated data.
import { Inflate } from 'fflate';
import { type AttachmentMeta } from '../schemas/entities';
import { BackupRefusal, ByteSource } from './byteSource';
import { jsSha256, type Sha256Factory } from './hash';
import { type BytePipe, pipeThrough } from './pipe';
import { TimeSlicer } from './timeSlice';
import { type BackupManifest, emptyTableCounts, MANIFEST_NAME, manifestSchema, MAX_MANIFEST_BYTES } from './manifest';
import {
  type BackupTable,
  type BackupTableName,
  describePath,
  FORMAT_NAME,
  FORMAT_VERSION,
  type RowReference,
  SUPPORTED_SCHEMA_VERSIONS,
  TABLE_BY_NAME,
  TABLE_NAMES,
} from './tables';
import {
  CENTRAL_HEADER_SIZE,
  Crc32,
  END_RECORD_SIZE,
  FLAG_DESCRIPTOR,
  FLAG_ENCRYPTED,
  LOCAL_HEADER_SIZE,
  METHOD_DEFLATED,
  METHOD_STORED,
  SIG_CENTRAL,
  SIG_END,
  SIG_LOCAL,
  SIG_ZIP64_END,
  u16,
  u32,
} from './zip';

/** Opens the backup file afresh for each pass (a file stream, a Blob's stream, an array of chunks). */
export type OpenBackup = () => AsyncIterable<Uint8Array>;

export type InspectResult =
  | {
      ok: true;
      manifest: BackupManifest;
      /** Rows actually read per table. */
      counts: Record<BackupTableName, number>;
      branches: { id: string; name: string }[];
    }
  | { ok: false; errors: string[] };

export interface InspectOptions {
  /** Called now and then (after each entry, and between slices of a long one) with the file bytes read so far. */
  onProgress?: (bytesRead: number) => void;
  /** Where the SHA-256 of tables and attachments is computed (default: this thread, in JavaScript). */
  sha256?: Sha256Factory;
}

export interface ReadHandlers extends InspectOptions {
  /** Validated rows of every table but `attachments`, in file order, in batches. */
  onRows: (table: BackupTableName, rows: Record<string, unknown>[]) => void | Promise<void>;
  /** Each attachment row with the bytes (and thumbnail) of its file; rows sharing a SHA-256 share the bytes. */
  onAttachment: (meta: AttachmentMeta, bytes: Uint8Array, thumbnail?: Uint8Array) => void | Promise<void>;
  /** Most rows in one batch (default 500). */
  batchSize?: number;
  /** Most characters of JSON text in one batch (default 1 000 000); a batch ends at whichever limit it reaches first. */
  batchChars?: number;
}

export type ReadResult = { ok: true; manifest: BackupManifest } | { ok: false; errors: string[] };

const MAX_ROW_ERRORS_PER_TABLE = 5;
const MAX_ERRORS = 100;
/** Longest JSONL line accepted: far above any real row (the longest text field is 20 000 characters). */
const MAX_LINE_CHARS = 4 * 1024 * 1024;
const DEFAULT_BATCH = 500;
/**
 * 1,000 of a large organ's meetings (覆盖全部's batch) are ≈ 4.8 MB of text: the handler of such a batch (a structured
 * clone into IndexedDB and to a worker) held the page's thread for 150–300 ms at once, so a batch ends here too.
 */
const DEFAULT_BATCH_CHARS = 1_000_000;
const ATTACHMENT_RE = /^attachments\/([0-9a-f]{64})$/;
const THUMBNAIL_RE = /^thumbnails\/([0-9a-f]{64})$/;
const TABLE_RE = /^tables\/([A-Za-z0-9]+)\.jsonl$/;

class ErrorList {
  readonly items: string[] = [];
  private dropped = 0;

  add(message: string): void {
    if (this.items.length < MAX_ERRORS) this.items.push(message);
    else this.dropped++;
  }

  list(): string[] {
    return this.dropped ? [...this.items, `……另有 ${this.dropped} 个问题未列出`] : this.items;
  }
}

interface EntryConsumer {
  write(bytes: Uint8Array): void | Promise<void>;
  /** Called only when the entry's CRC and size checked out. */
  end(): void | Promise<void>;
}

const discard: EntryConsumer = { write() {}, end() {} };

interface LocalEntry {
  name: string;
  offset: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

interface TableState {
  rows: number;
  sha256: string;
  complete: boolean;
}

interface DeferredReference {
  from: BackupTableName;
  line: number;
  ref: RowReference;
}

/** One pass over the file. Without handlers it only validates; with them it also delivers the data. */
class BackupScan {
  readonly errors = new ErrorList();
  private readonly entries: LocalEntry[] = [];
  private readonly names = new Set<string>();
  private readonly tables = new Map<BackupTableName, TableState>();
  private readonly keys = new Map<BackupTableName, Map<string, number>>();
  private readonly deferred: DeferredReference[] = [];
  /** From the attachment rows: sha256 → declared size and the rows (kept only when delivering). */
  private readonly attachmentRows = new Map<string, { size: number; line: number; metas: AttachmentMeta[] }>();
  /** From the attachment files: sha256 → size, and whether the bytes hash to their name. */
  private readonly attachmentFiles = new Map<string, { size: number; hashOk: boolean }>();
  private readonly branches: { id: string; name: string }[] = [];
  /** Attachment id → its branch, for references that must stay within a branch. */
  private readonly attachmentBranch = new Map<string, string>();
  private manifestBytes: Uint8Array | undefined;
  private manifestSeen = false;
  private filesStarted = false;
  private lastAttachment = '';
  private pending: { sha: string; bytes: Uint8Array; thumbnail?: Uint8Array } | undefined;
  /** The page's thread stays responsive: hundreds of thousands of rows are parsed and checked between reads. */
  private readonly slicer = new TimeSlicer();

  constructor(
    private readonly source: ByteSource,
    private readonly handlers?: ReadHandlers,
    private readonly onProgress?: (bytesRead: number) => void,
    private readonly sha256: Sha256Factory = jsSha256,
  ) {}

  /**
   * Set once the read has ended, however: an entry's inflater may still hold output then, and nothing of it may
   * reach the handlers or the progress (a late report put 数据安全 back to 「正在校验」 after a truncated file had
   * been refused, for good).
   */
  private stopped = false;

  stop(): void {
    this.stopped = true;
  }

  private report(): void {
    if (!this.stopped) this.onProgress?.(this.source.position);
  }

  async run(): Promise<BackupManifest | undefined> {
    const first = await this.source.fill(4);
    if (!first) {
      throw new BackupRefusal(
        (await this.source.atEnd()) ? '文件为空，不是备份文件' : '文件过短，不是本软件的备份文件',
      );
    }
    const magic = u32(this.source.peek(4), 0);
    if (magic !== SIG_LOCAL && magic !== SIG_END) {
      throw new BackupRefusal('不是 ZIP 格式的文件，不是本软件的备份文件');
    }
    for (;;) {
      const at = this.source.position;
      const sig = u32(await this.source.read(4), 0);
      if (sig === SIG_LOCAL) {
        await this.readLocalEntry(at);
        this.report();
        const turn = this.slicer.due();
        if (turn) await turn;
      } else if (sig === SIG_CENTRAL || sig === SIG_END) {
        await this.deliverPending();
        await this.readCentralDirectory(at, sig);
        break;
      } else {
        throw new BackupRefusal(`文件已损坏：第 ${at} 字节处应为 ZIP 条目`);
      }
    }
    return await this.finish();
  }

  private async readLocalEntry(offset: number): Promise<void> {
    const h = await this.source.read(LOCAL_HEADER_SIZE - 4);
    // Offsets below are relative to the byte after the signature.
    const flags = u16(h, 2);
    const method = u16(h, 4);
    const nameLength = u16(h, 22);
    const extraLength = u16(h, 24);
    const nameBytes = await this.source.read(nameLength);
    await this.source.read(extraLength);
    const name = decodeName(nameBytes);
    if (this.manifestSeen) this.errors.add(`条目顺序不正确：${MANIFEST_NAME} 之后还有 ${name}`);
    if (flags & FLAG_ENCRYPTED) throw new BackupRefusal(`文件中的 ${name} 已加密，不是本软件的备份文件`);
    if (method !== METHOD_STORED && method !== METHOD_DEFLATED) {
      throw new BackupRefusal(`文件中的 ${name} 使用了不支持的压缩方式（${method}）`);
    }
    const withDescriptor = (flags & FLAG_DESCRIPTOR) !== 0;
    // A stored entry of unknown length cannot be delimited safely in a stream; this format never writes one.
    if (withDescriptor && method === METHOD_STORED) {
      throw new BackupRefusal(`文件中的 ${name} 的长度未知，不是本软件写出的备份`);
    }
    let crcExpected = u32(h, 10);
    let compressedSize = u32(h, 14);
    let size = u32(h, 18);
    if (method === METHOD_STORED && compressedSize !== size) {
      throw new BackupRefusal(`文件已损坏：${name} 的长度记录不一致`);
    }

    if (name !== `thumbnails/${this.lastAttachment}`) await this.deliverPending();
    const consumer = this.consumerFor(name);
    const crc = new Crc32();
    let produced = 0;
    const pass = async (chunk: Uint8Array) => {
      if (this.stopped) throw new BackupRefusal('读取已结束');
      crc.update(chunk);
      produced += chunk.length;
      // Stop a runaway entry early rather than after reading gigabytes it does not declare.
      if (!withDescriptor && produced > size) throw new BackupRefusal(`文件已损坏：${name} 的内容比记录的长`);
      await consumer.write(chunk);
    };
    const inflater = method === METHOD_DEFLATED ? createInflater(name, pass) : undefined;
    const onData = inflater ? (chunk: Uint8Array) => inflater.write(chunk) : pass;

    let consumed = 0;
    try {
      if (withDescriptor) {
        const d = await this.source.streamToDescriptor(onData);
        crcExpected = d.crc;
        compressedSize = d.compressedSize;
        size = d.size;
        consumed = compressedSize;
      } else {
        await this.source.stream(compressedSize, onData);
        consumed = compressedSize;
      }
      await inflater?.end();
    } catch (error) {
      // An entry cut short (a truncated file) or refused: its inflater is left with input it has not inflated yet.
      inflater?.abort();
      throw error;
    }
    this.entries.push({ name, offset, method, crc: crcExpected, compressedSize: consumed, size });
    if (crc.digest() !== crcExpected || produced !== size) {
      throw new BackupRefusal(`文件已损坏：${name} 的校验值不符`);
    }
    await consumer.end();
  }

  private consumerFor(name: string): EntryConsumer {
    if (this.names.has(name)) {
      this.errors.add(`条目重复：${name}`);
      return discard;
    }
    this.names.add(name);
    if (name === MANIFEST_NAME) {
      this.manifestSeen = true;
      const parts: Uint8Array[] = [];
      let size = 0;
      return {
        write: (bytes) => {
          size += bytes.length;
          if (size > MAX_MANIFEST_BYTES) throw new BackupRefusal(`${MANIFEST_NAME} 过大，不是本软件的备份文件`);
          parts.push(bytes.slice());
        },
        end: () => {
          this.manifestBytes = concat(parts, size);
        },
      };
    }
    const tableMatch = TABLE_RE.exec(name);
    const table = tableMatch ? TABLE_BY_NAME.get(tableMatch[1]!) : undefined;
    if (table) {
      if (this.filesStarted) this.errors.add(`条目顺序不正确：${name} 应在附件文件之前`);
      return this.tableConsumer(table);
    }
    const attachment = ATTACHMENT_RE.exec(name);
    if (attachment) {
      this.filesStarted = true;
      this.lastAttachment = attachment[1]!;
      return this.attachmentConsumer(attachment[1]!);
    }
    const thumbnail = THUMBNAIL_RE.exec(name);
    if (thumbnail) {
      if (thumbnail[1] !== this.lastAttachment) {
        this.errors.add(`条目顺序不正确：${name} 应紧跟在 attachments/${thumbnail[1]} 之后`);
        return discard;
      }
      this.lastAttachment = '';
      return this.thumbnailConsumer();
    }
    this.errors.add(`意外的条目：${name}`);
    return discard;
  }

  private tableConsumer(table: BackupTable): EntryConsumer {
    const state: TableState = { rows: 0, sha256: '', complete: false };
    this.tables.set(table.name, state);
    const keys = new Map<string, number>();
    this.keys.set(table.name, keys);
    const hash = this.sha256();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const local = new ErrorList();
    let rowErrors = 0;
    let line = 0;
    let partial = '';
    const batch: Record<string, unknown>[] = [];
    let batchChars = 0;
    const batchSize = this.handlers?.batchSize ?? DEFAULT_BATCH;
    const maxBatchChars = this.handlers?.batchChars ?? DEFAULT_BATCH_CHARS;
    const flush = async () => {
      batchChars = 0;
      await this.flushRows(table.name, batch.splice(0));
    };

    const rowError = (message: string) => {
      rowErrors++;
      if (rowErrors <= MAX_ROW_ERRORS_PER_TABLE) local.add(`${tableWhere(table.name)}第 ${line} 行：${message}`);
    };
    const onLine = async (text: string) => {
      line++;
      if (text.trim() === '') return rowError('空行');
      state.rows++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return rowError('不是有效的 JSON');
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return rowError('不是一条记录');
      const parsed = table.schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const where = describePath(issue.path);
        return rowError(where ? `${where}：${issue.message}` : issue.message);
      }
      const row = parsed.data;
      const key = String(row[table.key]);
      const previous = keys.get(key);
      if (previous !== undefined) return rowError(`编号「${key}」与第 ${previous} 行重复`);
      keys.set(key, line);
      for (const ref of table.references(row)) this.checkReference(table.name, line, ref, local);
      if (table.name === 'branches') this.branches.push({ id: key, name: String(row.name) });
      if (table.name === 'attachments') {
        const meta = row as AttachmentMeta;
        this.attachmentBranch.set(meta.id, meta.branchId);
        const known = this.attachmentRows.get(meta.sha256);
        if (known && known.size !== meta.size) {
          return rowError(`与第 ${known.line} 行的 SHA-256 相同但大小不同`);
        }
        const entry = known ?? { size: meta.size, line, metas: [] };
        if (this.handlers) entry.metas.push(meta);
        this.attachmentRows.set(meta.sha256, entry);
      } else if (this.handlers) {
        batch.push(row);
        batchChars += text.length;
        if (batch.length >= batchSize || batchChars >= maxBatchChars) await flush();
      }
    };
    const onText = async (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      if (partial.length > MAX_LINE_CHARS)
        throw new BackupRefusal(`${tableWhere(table.name)}第 ${line + 1} 行过长，文件不是本软件的备份`);
      for (const l of lines) {
        await onLine(l);
        // Not `await due()`: a microtask per row would be measurable over half a million rows.
        const turn = this.slicer.due();
        if (turn) {
          // A table is one entry of up to ≈ 15 MB compressed: the bar moves while it is read, not only after it.
          this.report();
          await turn;
        }
      }
    };
    const decode = (bytes: Uint8Array, stream: boolean) => {
      try {
        return decoder.decode(bytes, { stream });
      } catch {
        throw new BackupRefusal(`${table.name} 不是有效的 UTF-8 文本`);
      }
    };
    return {
      write: async (bytes) => {
        hash.update(bytes);
        await onText(decode(bytes, true));
      },
      end: async () => {
        await onText(decode(new Uint8Array(0), false));
        if (partial !== '') await onLine(partial);
        if (batch.length) await flush();
        if (rowErrors > MAX_ROW_ERRORS_PER_TABLE) {
          local.add(`${tableWhere(table.name)}另有 ${rowErrors - MAX_ROW_ERRORS_PER_TABLE} 行有问题`);
        }
        for (const message of local.list()) this.errors.add(message);
        state.sha256 = await hash.digest();
        state.complete = true;
      },
    };
  }

  private async flushRows(table: BackupTableName, rows: Record<string, unknown>[]): Promise<void> {
    await this.handlers?.onRows(table, rows);
  }

  private checkReference(from: BackupTableName, line: number, ref: RowReference, errors: ErrorList): void {
    const target = this.tables.get(ref.table);
    if (!target?.complete) {
      this.deferred.push({ from, line, ref });
      return;
    }
    this.checkResolved(from, line, ref, errors);
  }

  /** Once the referenced table is read: the row exists, and is of the referring row's branch where that matters. */
  private checkResolved(from: BackupTableName, line: number, ref: RowReference, errors: ErrorList): void {
    if (!this.keys.get(ref.table)?.has(ref.id)) errors.add(danglingMessage(from, line, ref));
    else if (ref.branchId !== undefined && ref.table === 'attachments') {
      const owner = this.attachmentBranch.get(ref.id);
      if (owner !== ref.branchId) errors.add(foreignBranchMessage(from, line, ref));
    }
  }

  private attachmentConsumer(sha: string): EntryConsumer {
    const hash = this.sha256();
    const keep = this.handlers !== undefined && this.attachmentRows.has(sha);
    const parts: Uint8Array[] = [];
    let size = 0;
    return {
      write: (bytes) => {
        hash.update(bytes);
        size += bytes.length;
        if (keep) parts.push(bytes.slice());
      },
      end: async () => {
        const hashOk = (await hash.digest()) === sha;
        this.attachmentFiles.set(sha, { size, hashOk });
        if (keep && hashOk) this.pending = { sha, bytes: concat(parts, size) };
      },
    };
  }

  private thumbnailConsumer(): EntryConsumer {
    const parts: Uint8Array[] = [];
    let size = 0;
    const keep = this.pending !== undefined;
    return {
      write: (bytes) => {
        size += bytes.length;
        if (keep) parts.push(bytes.slice());
      },
      end: () => {
        if (keep && this.pending) this.pending.thumbnail = concat(parts, size);
      },
    };
  }

  private async deliverPending(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending || !this.handlers) return;
    for (const meta of this.attachmentRows.get(pending.sha)?.metas ?? []) {
      await this.handlers.onAttachment(meta, pending.bytes, pending.thumbnail);
    }
  }

  private async readCentralDirectory(start: number, firstSig: number): Promise<void> {
    const byName = new Map(this.entries.map((e) => [e.name, e]));
    let sig = firstSig;
    let count = 0;
    let at = start;
    while (sig === SIG_CENTRAL) {
      const h = await this.source.read(CENTRAL_HEADER_SIZE - 4);
      // Relative to the byte after the signature, as above.
      const name = decodeName(await this.source.read(u16(h, 24)));
      await this.source.read(u16(h, 26) + u16(h, 28));
      const local = byName.get(name);
      byName.delete(name);
      if (
        !local ||
        local.method !== u16(h, 6) ||
        local.crc !== u32(h, 12) ||
        local.compressedSize !== u32(h, 16) ||
        local.size !== u32(h, 20) ||
        local.offset !== u32(h, 38) ||
        u16(h, 30) !== 0
      ) {
        throw new BackupRefusal(`文件已损坏：目录中 ${name} 的记录与内容不符`);
      }
      count++;
      at = this.source.position;
      sig = u32(await this.source.read(4), 0);
    }
    if (sig === SIG_ZIP64_END) throw new BackupRefusal('文件使用了 ZIP64 扩展，不是本格式版本的备份');
    if (sig !== SIG_END) throw new BackupRefusal(`文件已损坏：第 ${at} 字节处应为 ZIP 目录`);
    if (byName.size > 0) throw new BackupRefusal('文件已损坏：ZIP 目录缺少条目');
    const e = await this.source.read(END_RECORD_SIZE - 4);
    const directorySize = at - start;
    if (
      u16(e, 0) !== 0 ||
      u16(e, 2) !== 0 ||
      u16(e, 4) !== count ||
      u16(e, 6) !== count ||
      u32(e, 8) !== directorySize ||
      u32(e, 12) !== start
    ) {
      throw new BackupRefusal('文件已损坏：ZIP 结束记录与目录不符');
    }
    await this.source.read(u16(e, 16));
    if (!(await this.source.atEnd())) throw new BackupRefusal('文件已损坏：ZIP 结束记录之后还有多余的数据');
  }

  private async finish(): Promise<BackupManifest | undefined> {
    if (!this.manifestBytes) {
      // First: a ZIP of other things is 「不是本软件的备份文件」 before it is 「意外的条目：a.txt」 (the CLI prints one line).
      this.errors.items.unshift(`缺少 ${MANIFEST_NAME}：不是本软件的备份文件，或文件不完整`);
      return undefined;
    }
    const manifest = parseManifest(this.manifestBytes);
    if (typeof manifest === 'string') {
      // A foreign or newer file: the other findings would only be noise beside this one.
      this.errors.items.splice(0, this.errors.items.length, manifest);
      return undefined;
    }
    const names = new Set<string>(TABLE_NAMES);
    for (const name of Object.keys(manifest.tables)) {
      if (!names.has(name)) this.errors.add(`${MANIFEST_NAME} 列出了未知的数据表：${name}`);
    }
    for (const name of TABLE_NAMES) {
      const listed = manifest.tables[name];
      const state = this.tables.get(name);
      // A table added after the backup's schema version is simply empty in it (e.g. competitions in a v1 backup).
      const since = TABLE_BY_NAME.get(name)?.since ?? 1;
      if (!listed && !state && manifest.schemaVersion < since) continue;
      if (!listed) this.errors.add(`${MANIFEST_NAME} 缺少数据表${tableWhere(name)}的记录`);
      if (!state) this.errors.add(`缺少数据表文件：tables/${name}.jsonl`);
      if (!listed || !state) continue;
      if (listed.sha256 !== state.sha256)
        this.errors.add(`数据表${tableWhere(name)}的 SHA-256 与 ${MANIFEST_NAME} 不符，文件可能被改动`);
      if (listed.rows !== state.rows) {
        this.errors.add(`数据表${tableWhere(name)}有 ${state.rows} 行，而 ${MANIFEST_NAME} 记录为 ${listed.rows} 行`);
      }
    }
    for (const { from, line, ref } of this.deferred) {
      if (this.tables.get(ref.table)?.complete) this.checkResolved(from, line, ref, this.errors);
      const turn = this.slicer.due();
      if (turn) await turn;
    }
    let bytes = 0;
    for (const [sha, file] of this.attachmentFiles) {
      const row = this.attachmentRows.get(sha);
      if (!file.hashOk) this.errors.add(`附件文件 attachments/${sha} 的内容与其 SHA-256 不符`);
      if (!row) this.errors.add(`多余的附件文件 attachments/${sha}：没有对应的附件记录`);
      else if (row.size !== file.size)
        this.errors.add(`附件文件 attachments/${sha} 的大小与${tableWhere('attachments')}第 ${row.line} 行不符`);
      bytes += file.size;
    }
    for (const [sha, row] of this.attachmentRows) {
      if (!this.attachmentFiles.has(sha))
        this.errors.add(`缺少附件文件 attachments/${sha}，${tableWhere('attachments')}第 ${row.line} 行登记了它`);
    }
    if (manifest.attachments.count !== this.attachmentFiles.size || manifest.attachments.bytes !== bytes) {
      this.errors.add(`附件文件的数量或大小与 ${MANIFEST_NAME} 不符`);
    }
    const listedBranches = JSON.stringify(manifest.branches);
    if (listedBranches !== JSON.stringify(this.branches)) this.errors.add(`${MANIFEST_NAME} 中的支部列表与数据不符`);
    return manifest;
  }

  counts(): Record<BackupTableName, number> {
    const counts = emptyTableCounts();
    for (const [name, state] of this.tables) counts[name] = state.rows;
    return counts;
  }

  branchList(): { id: string; name: string }[] {
    return [...this.branches];
  }
}

/**
 * Inflates one entry, handing the output to `pass` in order. Native (DecompressionStream, zlib in C) where the
 * platform has it — browsers, Electron and Node ≥ 18 — because fflate's JavaScript inflate took ≈ 2 s of a large
 * restore; fflate otherwise. Either way a corrupt stream becomes one refusal naming the entry.
 */
function createInflater(name: string, pass: (chunk: Uint8Array) => Promise<void>): BytePipe {
  const corrupt = () => new BackupRefusal(`文件已损坏：${name} 无法解压`);
  if (typeof DecompressionStream !== 'function') return fflateInflater(pass, corrupt);
  // Our own refusal (a runaway entry) stays the reason; anything the decompressor throws means a corrupt stream.
  return pipeThrough(new DecompressionStream('deflate-raw'), pass, (error) =>
    error instanceof BackupRefusal ? error : corrupt(),
  );
}

/** Inflate in small steps so a crafted entry cannot expand into gigabytes in one call. */
const INFLATE_STEP = 16 * 1024;

function fflateInflater(pass: (chunk: Uint8Array) => Promise<void>, corrupt: () => BackupRefusal): BytePipe {
  const out: Uint8Array[] = [];
  const inflate = new Inflate((chunk) => {
    out.push(chunk);
  });
  const step = async (chunk: Uint8Array, final: boolean) => {
    try {
      inflate.push(chunk, final);
    } catch {
      throw corrupt();
    }
    for (const piece of out.splice(0)) await pass(piece);
  };
  return {
    async write(compressed) {
      for (let i = 0; i < compressed.length; i += INFLATE_STEP)
        await step(compressed.subarray(i, i + INFLATE_STEP), false);
    },
    end: () => step(new Uint8Array(0), true),
    abort: () => out.splice(0),
  };
}

/** A table as a refusal names it: the label users know and the file's name, e.g. 「会议记录（meetings）」. */
function tableWhere(name: string): string {
  const label = TABLE_BY_NAME.get(name)?.label;
  return label ? `${label}（${name}）` : name;
}

function danglingMessage(from: BackupTableName, line: number, ref: RowReference): string {
  const target = TABLE_BY_NAME.get(ref.table)?.label ?? ref.table;
  return `${tableWhere(from)}第 ${line} 行：${ref.field}引用的${target}「${ref.id}」不存在`;
}

function foreignBranchMessage(from: BackupTableName, line: number, ref: RowReference): string {
  const target = TABLE_BY_NAME.get(ref.table)?.label ?? ref.table;
  return `${tableWhere(from)}第 ${line} 行：${ref.field}引用的${target}「${ref.id}」属于另一个支部`;
}

function decodeName(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BackupRefusal('文件已损坏：条目名称不是有效的文本');
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1 && parts[0]!.length === size) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The manifest, or the one message that explains why the file cannot be restored by this build. */
function parseManifest(bytes: Uint8Array): BackupManifest | string {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return `${MANIFEST_NAME} 不是有效的 JSON，文件已损坏`;
  }
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (raw.format !== FORMAT_NAME) return `不是本软件的备份文件（${MANIFEST_NAME} 的格式名不符）`;
  const { formatVersion, schemaVersion } = raw;
  if (typeof formatVersion === 'number' && formatVersion > FORMAT_VERSION) {
    return `备份由较新版本（格式 ${formatVersion}）创建，请升级软件后再恢复`;
  }
  if (formatVersion !== FORMAT_VERSION) return `不支持的备份格式版本：${String(formatVersion)}`;
  const newest = Math.max(...SUPPORTED_SCHEMA_VERSIONS);
  if (typeof schemaVersion === 'number' && schemaVersion > newest) {
    return `备份由较新版本（数据版本 ${schemaVersion}）创建，请升级软件后再恢复`;
  }
  if (typeof schemaVersion !== 'number' || !SUPPORTED_SCHEMA_VERSIONS.includes(schemaVersion)) {
    return `不支持的数据版本：${String(schemaVersion)}`;
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `${MANIFEST_NAME} 内容不完整：${issue.path.map(String).join('.') || '（根）'} ${issue.message}`;
  }
  return parsed.data as BackupManifest;
}

async function runScan(
  open: OpenBackup,
  handlers: ReadHandlers | undefined,
  options: InspectOptions,
): Promise<{ scan?: BackupScan; manifest?: BackupManifest; errors: string[] }> {
  let iterator: AsyncIterator<unknown> | undefined;
  let scan: BackupScan | undefined;
  try {
    iterator = open()[Symbol.asyncIterator]();
    scan = new BackupScan(new ByteSource(iterator), handlers, options.onProgress, options.sha256);
    let manifest: BackupManifest | undefined;
    try {
      manifest = await scan.run();
    } catch (error) {
      if (!(error instanceof BackupRefusal)) throw error;
      // Findings before a fatal problem are usually its consequences; the fatal one comes first.
      return { errors: [error.message, ...scan.errors.list().slice(0, 5)] };
    }
    return { scan, manifest, errors: scan.errors.list() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { errors: [handlers ? `恢复过程中出错：${message}` : `读取备份文件失败：${message}`] };
  } finally {
    scan?.stop();
    // Let a file stream close when reading stopped early; its own error is not the user's concern here.
    await Promise.resolve(iterator?.return?.()).catch(() => undefined);
  }
}

/**
 * Validates a backup completely in one streaming pass: ZIP structure and CRCs, manifest (format, versions), every
 * table's SHA-256 and row count, every row against its schema, keys, references, and the attachment files.
 * Never throws: any input yields ok:false with reasons in Chinese.
 */
export async function inspectBackup(open: OpenBackup, options: InspectOptions = {}): Promise<InspectResult> {
  const { scan, manifest, errors } = await runScan(open, undefined, options);
  if (!scan || !manifest || errors.length > 0) return { ok: false, errors: errors.length ? errors : ['备份文件无效'] };
  return { ok: true, manifest, counts: scan.counts(), branches: scan.branchList() };
}

/**
 * The second pass of a restore, after inspectBackup said ok: streams validated rows and attachment bytes to the
 * handlers. It re-checks as it reads; on ok:false the caller must abandon what it received (its transaction).
 */
export async function readBackup(open: OpenBackup, handlers: ReadHandlers): Promise<ReadResult> {
  const { scan, manifest, errors } = await runScan(open, handlers, handlers);
  if (!scan || !manifest || errors.length > 0) return { ok: false, errors: errors.length ? errors : ['备份文件无效'] };
  return { ok: true, manifest };
}
