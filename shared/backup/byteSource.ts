// A pull-based byte reader over an async iterable of chunks: exact reads, bounded streams, descriptor-delimited streams.
import { DESCRIPTOR_SIZE, SIG_DESCRIPTOR, u32 } from './zip';

/** A fatal problem with the file: reading stops and the message (Chinese, for the user) is reported. */
export class BackupRefusal extends Error {
  override name = 'BackupRefusal';
}

const EMPTY = new Uint8Array(0);

export class ByteSource {
  private head: Uint8Array = EMPTY;
  private done = false;
  /** Absolute offset in the file of head[0]. */
  private offset = 0;

  constructor(private readonly iterator: AsyncIterator<unknown>) {}

  get position(): number {
    return this.offset;
  }

  private async next(): Promise<boolean> {
    if (this.done) return false;
    const step = await this.iterator.next();
    if (step.done) {
      this.done = true;
      return false;
    }
    const chunk = step.value;
    if (!(chunk instanceof Uint8Array)) throw new BackupRefusal('读取文件失败：收到的数据不是字节');
    if (chunk.length === 0) return true;
    if (this.head.length === 0) {
      this.head = chunk;
    } else {
      const joined = new Uint8Array(this.head.length + chunk.length);
      joined.set(this.head);
      joined.set(chunk, this.head.length);
      this.head = joined;
    }
    return true;
  }

  /** True when at least `min` bytes are buffered; false at end of file. */
  async fill(min: number): Promise<boolean> {
    while (this.head.length < min) if (!(await this.next())) return false;
    return true;
  }

  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }

  /** The next n buffered bytes, not consumed; call fill(n) first. */
  peek(n: number): Uint8Array {
    return this.head.subarray(0, n);
  }

  private take(n: number): Uint8Array {
    const out = this.head.subarray(0, n);
    this.head = this.head.subarray(n);
    this.offset += n;
    return out;
  }

  /** Exactly n bytes (n small: headers), or a refusal saying the file ends early. */
  async read(n: number): Promise<Uint8Array> {
    if (!(await this.fill(n))) throw truncated();
    return this.take(n);
  }

  /** Passes exactly n bytes to `onData` in the chunks they arrive in, without joining them. */
  async stream(n: number, onData: (chunk: Uint8Array) => Promise<void>): Promise<void> {
    let left = n;
    while (left > 0) {
      if (!(await this.fill(1))) throw truncated();
      const chunk = this.take(Math.min(left, this.head.length));
      left -= chunk.length;
      await onData(chunk);
    }
  }

  /**
   * Passes the bytes of an entry written with a data descriptor to `onData` and returns the descriptor. Its end is
   * the first descriptor signature whose compressed-size field equals the number of bytes before it: a chance match
   * needs 64 bits to agree, and the CRC and size checks that follow catch even that.
   */
  async streamToDescriptor(
    onData: (chunk: Uint8Array) => Promise<void>,
  ): Promise<{ crc: number; compressedSize: number; size: number }> {
    let consumed = 0;
    for (;;) {
      if (!(await this.fill(DESCRIPTOR_SIZE))) throw truncated();
      const buf = this.head;
      const last = buf.length - DESCRIPTOR_SIZE;
      for (let i = buf.indexOf(0x50); i !== -1 && i <= last; i = buf.indexOf(0x50, i + 1)) {
        if (u32(buf, i) === SIG_DESCRIPTOR && u32(buf, i + 8) === consumed + i) {
          if (i > 0) await onData(this.take(i));
          const d = this.take(DESCRIPTOR_SIZE);
          return { crc: u32(d, 4), compressedSize: u32(d, 8), size: u32(d, 12) };
        }
      }
      // Keep the last 15 bytes: a descriptor may start there and end in the next chunk.
      const safe = last + 1;
      consumed += safe;
      await onData(this.take(safe));
      if (consumed > 0xffffffff) throw new BackupRefusal('文件已损坏：找不到数据条目的结尾');
    }
  }
}

export function truncated(): BackupRefusal {
  return new BackupRefusal('文件不完整（意外结束），可能复制或下载没有完成');
}
