// The few ZIP structures the backup uses (PKWARE APPNOTE 6.3): CRC-32, local/central headers, data descriptor, end record.

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_DESCRIPTOR = 0x08074b50;
export const SIG_END = 0x06054b50;
export const SIG_ZIP64_END = 0x06064b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;

export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;
/** General-purpose flag bit 3: CRC and sizes follow the data in a data descriptor. */
export const FLAG_DESCRIPTOR = 0x0008;
export const FLAG_ENCRYPTED = 0x0001;
/** Version needed to extract: 2.0 (deflate). */
const VERSION_NEEDED = 20;
/** Version made by: Unix host (3), spec 2.0, so `unzip` applies the permission bits below. */
const VERSION_MADE_BY = (3 << 8) | 20;
const UNIX_FILE_0644 = (0o100644 << 16) >>> 0;

export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const END_RECORD_SIZE = 22;
export const DESCRIPTOR_SIZE = 16;
/** Offsets and sizes are 32-bit without ZIP64, which this format version does not use. */
export const MAX_U32 = 0xffffffff;

/**
 * CRC-32 tables for "slicing by 8": table k maps a byte to its CRC contribution k bytes further on, so the loop folds
 * eight bytes per step instead of one (≈ 3× faster in V8; a backup CRCs every byte it writes and reads).
 */
const CRC_TABLES = (() => {
  const tables = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[n]!;
    for (let k = 1; k < 8; k++) {
      c = tables[c & 0xff]! ^ (c >>> 8);
      tables[k * 256 + n] = c >>> 0;
    }
  }
  return tables;
})();

/** Incremental CRC-32 (the ZIP polynomial). */
export class Crc32 {
  private state = 0xffffffff;

  update(data: Uint8Array): this {
    const t = CRC_TABLES;
    let c = this.state;
    let i = 0;
    const end8 = data.length - (data.length % 8);
    for (; i < end8; i += 8) {
      const lo = (c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24))) >>> 0;
      c =
        t[1792 + (lo & 0xff)]! ^
        t[1536 + ((lo >>> 8) & 0xff)]! ^
        t[1280 + ((lo >>> 16) & 0xff)]! ^
        t[1024 + (lo >>> 24)]! ^
        t[768 + data[i + 4]!]! ^
        t[512 + data[i + 5]!]! ^
        t[256 + data[i + 6]!]! ^
        t[data[i + 7]!]!;
    }
    for (; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
    this.state = c;
    return this;
  }

  digest(): number {
    return (this.state ^ 0xffffffff) >>> 0;
  }
}

/** DOS date and time fields of an instant, in China time (UTC+8), the time zone the ledger is kept in. */
export function dosDateTime(iso: string): { date: number; time: number } {
  const parsed = Date.parse(iso);
  const d = new Date((Number.isFinite(parsed) ? parsed : 0) + 8 * 3600_000);
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

export interface EntryHeader {
  name: string;
  nameBytes: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  date: number;
  time: number;
}

export function localHeader(e: EntryHeader): Uint8Array {
  const out = new Uint8Array(LOCAL_HEADER_SIZE + e.nameBytes.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, SIG_LOCAL, true);
  v.setUint16(4, VERSION_NEEDED, true);
  v.setUint16(6, e.flags, true);
  v.setUint16(8, e.method, true);
  v.setUint16(10, e.time, true);
  v.setUint16(12, e.date, true);
  // With a data descriptor the local CRC and sizes are zero, as the spec asks.
  const deferred = (e.flags & FLAG_DESCRIPTOR) !== 0;
  v.setUint32(14, deferred ? 0 : e.crc, true);
  v.setUint32(18, deferred ? 0 : e.compressedSize, true);
  v.setUint32(22, deferred ? 0 : e.size, true);
  v.setUint16(26, e.nameBytes.length, true);
  v.setUint16(28, 0, true);
  out.set(e.nameBytes, LOCAL_HEADER_SIZE);
  return out;
}

export function dataDescriptor(e: EntryHeader): Uint8Array {
  const out = new Uint8Array(DESCRIPTOR_SIZE);
  const v = new DataView(out.buffer);
  v.setUint32(0, SIG_DESCRIPTOR, true);
  v.setUint32(4, e.crc, true);
  v.setUint32(8, e.compressedSize, true);
  v.setUint32(12, e.size, true);
  return out;
}

export function centralHeader(e: EntryHeader, localOffset: number): Uint8Array {
  const out = new Uint8Array(CENTRAL_HEADER_SIZE + e.nameBytes.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, SIG_CENTRAL, true);
  v.setUint16(4, VERSION_MADE_BY, true);
  v.setUint16(6, VERSION_NEEDED, true);
  v.setUint16(8, e.flags, true);
  v.setUint16(10, e.method, true);
  v.setUint16(12, e.time, true);
  v.setUint16(14, e.date, true);
  v.setUint32(16, e.crc, true);
  v.setUint32(20, e.compressedSize, true);
  v.setUint32(24, e.size, true);
  v.setUint16(28, e.nameBytes.length, true);
  // extra length, comment length, disk number, internal attributes: all zero
  v.setUint32(38, UNIX_FILE_0644, true);
  v.setUint32(42, localOffset, true);
  out.set(e.nameBytes, CENTRAL_HEADER_SIZE);
  return out;
}

export function endRecord(entries: number, centralSize: number, centralOffset: number): Uint8Array {
  const out = new Uint8Array(END_RECORD_SIZE);
  const v = new DataView(out.buffer);
  v.setUint32(0, SIG_END, true);
  v.setUint16(8, entries, true);
  v.setUint16(10, entries, true);
  v.setUint32(12, centralSize, true);
  v.setUint32(16, centralOffset, true);
  return out;
}

export const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
export const u32 = (b: Uint8Array, at: number): number =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
