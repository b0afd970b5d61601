// The ZIP CRC-32 (sliced by 8 bytes) agrees with zlib's for every length, alignment and split of the input.
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Crc32 } from '../../../shared/backup/zip';

const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (Math.imul(i, 2654435761) >>> 13) & 0xff);

describe('Crc32', () => {
  it('matches zlib for lengths around the 8-byte step and at every alignment', () => {
    for (const offset of [0, 1, 3, 7]) {
      for (const length of [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 4097, 65_536]) {
        const slice = bytes.subarray(offset, offset + length);
        expect(new Crc32().update(slice).digest(), `${offset}+${length}`).toBe(crc32(slice));
      }
    }
  });

  it('gives the same value however the input is split into updates', () => {
    const whole = crc32(bytes);
    for (const cut of [1, 5, 8, 13, 4096, 69_999]) {
      const c = new Crc32();
      for (let i = 0; i < bytes.length; i += cut) c.update(bytes.subarray(i, i + cut));
      expect(c.digest(), String(cut)).toBe(whole);
    }
    // The check value of the CRC-32 used by ZIP (ISO-HDLC) for the ASCII digits 1–9.
    expect(new Crc32().update(new TextEncoder().encode('123456789')).digest()).toBe(0xcbf43926);
  });
});
