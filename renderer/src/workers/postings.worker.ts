// Search-postings worker: builds a restore's search buckets from the meetings as they are read, off the page's thread.
import { PostingsAccumulator, type SearchBucket } from '../db/search/postings';
import type { PostingsReply, PostingsRequest } from './postingsProtocol';

// Only the terms are kept, not the meetings' text.
let postings = new PostingsAccumulator();

self.onmessage = (event: MessageEvent<PostingsRequest>) => {
  const message = event.data;
  if (message.type === 'add') {
    for (const m of message.meetings) postings.add(m);
    return;
  }
  const buckets: SearchBucket[] = postings.takeBuckets();
  postings = new PostingsAccumulator();
  // The typed arrays move to the page instead of being copied.
  const transfer = buckets.flatMap((b) => [b.offsets?.buffer, b.slots?.buffer].filter((x) => x !== undefined));
  const reply: PostingsReply = { buckets };
  self.postMessage(reply, { transfer });
};
