// The WebAssembly SHA-256 pool gives node:crypto's digests for any split of the input, with streams interleaved and
// hashers reused, and refuses a stream used after its digest.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fastestSha256, wasmSha256Pool } from '../../../shared/backup/wasmHash';

const bytes = Uint8Array.from({ length: 200_003 }, (_, i) => (Math.imul(i, 2654435761) >>> 11) & 0xff);
const reference = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('wasmSha256Pool', () => {
  it('matches node:crypto for lengths around the 64-byte block and any split into updates', async () => {
    const next = await wasmSha256Pool();
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 4096, 200_003]) {
      for (const cut of [1, 7, 64, 1000, 65_536]) {
        if (cut === 1 && length > 4096) continue;
        const slice = bytes.subarray(0, length);
        const s = await next();
        for (let i = 0; i < length; i += cut) s.update(slice.subarray(i, i + cut));
        expect(await s.digest(), `${length}/${cut}`).toBe(reference(slice));
      }
    }
    // FIPS 180-2 example: "abc".
    const abc = await next();
    abc.update(new TextEncoder().encode('abc'));
    expect(await abc.digest()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('keeps interleaved streams apart and reuses finished hashers without carrying state over', async () => {
    const next = await wasmSha256Pool();
    const a = await next();
    const b = await next();
    a.update(bytes.subarray(0, 1000));
    b.update(bytes.subarray(5000, 9000));
    a.update(bytes.subarray(1000, 3000));
    expect(await b.digest()).toBe(reference(bytes.subarray(5000, 9000)));
    // c takes b's hasher back from the pool: it must start from an empty state.
    const c = await next();
    c.update(bytes.subarray(0, 10));
    expect(await a.digest()).toBe(reference(bytes.subarray(0, 3000)));
    expect(await c.digest()).toBe(reference(bytes.subarray(0, 10)));
    expect(() => c.digest()).toThrow();
  });

  it('fastestSha256 gives the same digests whichever hash it picked', async () => {
    const s = await (await fastestSha256())();
    s.update(bytes);
    expect(await s.digest()).toBe(reference(bytes));
  });
});
