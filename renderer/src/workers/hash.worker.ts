// Hashing worker: SHA-256 of the backup's tables and attachments on another core while the page parses or compresses.
import { jsSha256, type Sha256Stream } from '../../../shared/backup/hash';
import type { HashReply, HashRequest } from './hashProtocol';

const streams = new Map<number, Sha256Stream>();

self.onmessage = async (event: MessageEvent<HashRequest>) => {
  const message = event.data;
  let stream = streams.get(message.id);
  if (!stream) streams.set(message.id, (stream = jsSha256()));
  if (message.type === 'update') {
    stream.update(message.bytes);
    return;
  }
  streams.delete(message.id);
  const reply: HashReply = { id: message.id, hex: await stream.digest() };
  self.postMessage(reply);
};
