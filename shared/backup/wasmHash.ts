// SHA-256 in WebAssembly (hash-wasm): ≈ 2.7 × the JavaScript hash on the organ backup's 100 MB meetings table
// (211 vs 566 ms in Node here), the same digests. Used by the hashing worker; Node and tests can use it too.
import { createSHA256, type IHasher } from 'hash-wasm';
import { jsSha256, type Sha256Stream } from './hash';

/** Hands out SHA-256 streams; a stream's hasher goes back to the pool when it has given its digest. */
export type Sha256Source = () => Promise<Sha256Stream>;

/**
 * A pool of WebAssembly hashers (a backup hashes ≈ 15 tables and thousands of attachments one after another, and
 * creating a hasher instantiates a module). Rejects when WebAssembly cannot run here — a content security policy
 * without `'wasm-unsafe-eval'`, or no WebAssembly at all — so the caller can fall back to `jsSha256`.
 */
export async function wasmSha256Pool(): Promise<Sha256Source> {
  const free: IHasher[] = [await createSHA256()];
  return async () => {
    const hasher = (free.pop() ?? (await createSHA256())).init();
    let done = false;
    return {
      update(bytes) {
        hasher.update(bytes);
      },
      digest() {
        if (done) throw new Error('SHA-256 stream already finished');
        done = true;
        const hex = hasher.digest('hex');
        free.push(hasher);
        return hex;
      },
    };
  };
}

/** The WebAssembly pool where it can run, else JavaScript streams (same digests, slower). */
export async function fastestSha256(): Promise<Sha256Source> {
  try {
    return await wasmSha256Pool();
  } catch {
    return async () => jsSha256();
  }
}
