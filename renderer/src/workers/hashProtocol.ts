// Messages between the page and hash.worker.ts: bytes per stream id in order, then a request for the digest.

export type HashRequest = { type: 'update'; id: number; bytes: Uint8Array } | { type: 'digest'; id: number };

export interface HashReply {
  id: number;
  hex: string;
}
