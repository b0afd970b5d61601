// The room a restore needs, read from the backup's ZIP directory alone (the end of the file), before anything is
// written: a full disk is how IndexedDB stores get corrupted, and a 覆盖全部 restore keeps two copies until it ends.
import { CENTRAL_HEADER_SIZE, END_RECORD_SIZE, MAX_U32, SIG_CENTRAL, SIG_END } from './zip';

/** Reads bytes [start, end) of the file. */
export type RangeReader = (start: number, end: number) => Promise<Uint8Array>;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/**
 * The sum of the entries' unpacked sizes as the ZIP directory states them, or undefined when the end of the file is
 * not a plain ZIP directory (the full check while reading then says what is wrong; this is only an estimate).
 */
export async function unpackedSize(read: RangeReader, fileSize: number): Promise<number | undefined> {
  if (fileSize < END_RECORD_SIZE) return undefined;
  // The end record is the last 22 bytes plus a comment of up to 65,535 bytes: search back from the end.
  const tailStart = Math.max(0, fileSize - END_RECORD_SIZE - 0xffff);
  const tail = await read(tailStart, fileSize);
  let end = -1;
  for (let i = tail.length - END_RECORD_SIZE; i >= 0; i--) {
    if (u32(tail, i) === SIG_END && i + END_RECORD_SIZE + u16(tail, i + 20) === tail.length) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = u16(tail, end + 10);
  const directorySize = u32(tail, end + 12);
  const directoryStart = u32(tail, end + 16);
  if (directoryStart + directorySize > tailStart + end) return undefined;
  const directory = await read(directoryStart, directoryStart + directorySize);
  let total = 0;
  let at = 0;
  for (let n = 0; n < entries; n++) {
    if (at + CENTRAL_HEADER_SIZE > directory.length || u32(directory, at) !== SIG_CENTRAL) return undefined;
    const size = u32(directory, at + 24);
    if (size === MAX_U32) return undefined; // ZIP64: not a backup of this format
    total += size;
    at += CENTRAL_HEADER_SIZE + u16(directory, at + 28) + u16(directory, at + 30) + u16(directory, at + 32);
  }
  return at === directory.length ? total : undefined;
}

/** Bytes as people read them: 1.5 GB, 12.3 MB, 40 KB, 12 字节. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}
