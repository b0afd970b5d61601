// Hashing worker: SHA-256 of the backup's tables and attachments on another core while the page parses or compresses.
import { type Sha256Stream } from '../../../shared/backup/hash';
import { fastestSha256 } from '../../../shared/backup/wasmHash';
import type { HashReply, HashRequest } from './hashProtocol';

const streams = new Map<number, Sha256Stream>();
// WebAssembly where the page's policy allows it (the app's allows 'wasm-unsafe-eval', docs/security.md), else JavaScript.
const source = fastestSha256();

// Messages are handled strictly in order: the first waits for the hash to load, and no update may overtake it.
let chain: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<HashRequest>) => {
  const message = event.data;
  chain = chain.then(async () => {
    let stream = streams.get(message.id);
    if (!stream) streams.set(message.id, (stream = await (await source)()));
    if (message.type === 'update') {
      stream.update(message.bytes);
      return;
    }
    streams.delete(message.id);
    const reply: HashReply = { id: message.id, hex: await stream.digest() };
    self.postMessage(reply);
  });
  // A failure must reach the page (the worker's error event fails every waiting digest) rather than stop the chain
  // silently and leave a digest waiting for ever.
  chain = chain.catch((error: unknown) => {
    setTimeout(() => {
      throw error;
    });
  });
};
