// SHA-256 streams for the backup codec: in JavaScript on the calling thread by default; the app hands in streams that
// hash on another thread (renderer/src/workers/hashClient.ts), so hashing overlaps with parsing and compressing.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface Sha256Stream {
  /** Adds bytes; the stream may keep them until digest(), so the caller must not change them afterwards. */
  update(bytes: Uint8Array): void;
  /** Lower-case hex of the digest of everything added. */
  digest(): string | Promise<string>;
}

export type Sha256Factory = () => Sha256Stream;

/** Hashes on the calling thread (Node CLIs, tests, and wherever no worker can be started). */
export const jsSha256: Sha256Factory = () => {
  const hash = sha256.create();
  return {
    update: (bytes) => void hash.update(bytes),
    digest: () => bytesToHex(hash.digest()),
  };
};
