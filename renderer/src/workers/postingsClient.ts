// Builds a restore's search buckets in postings.worker.ts while the rest of the file is still being read.
import { PostingsAccumulator, type SearchBucket } from '../db/search/postings';
import type { PostingsReply, PostingsRequest, SearchableMeeting } from './postingsProtocol';

export interface PostingsBuilder {
  /** Meetings as they are read (validated rows; only the searchable fields are sent). */
  add(meetings: readonly Record<string, unknown>[]): void;
  /** The buckets of every meeting added. */
  finish(): Promise<SearchBucket[]>;
  /** Ends the worker (also after finish). */
  dispose(): void;
}

const searchable = (row: Record<string, unknown>): SearchableMeeting => {
  const m = row as unknown as SearchableMeeting;
  return {
    id: m.id,
    branchId: m.branchId,
    date: m.date,
    topic: m.topic,
    agenda: m.agenda,
    content: m.content,
    speeches: m.speeches,
    resolutions: m.resolutions,
    attendeeIds: m.attendeeIds,
    kind: m.kind,
    venueId: m.venueId,
  };
};

/** In the page: the same result, for where no worker can be started (tests in Node). */
function inPage(): PostingsBuilder {
  const postings = new PostingsAccumulator();
  return {
    add: (rows) => {
      for (const row of rows) postings.add(searchable(row));
    },
    finish: async () => postings.takeBuckets(),
    dispose: () => undefined,
  };
}

/**
 * Why a worker: splitting 21,000 meetings' text into bigrams took ≈ 1.4 s of a large restore's page thread, which is
 * the busy one (parsing, checking, writing). Sent as they are read, the meetings are indexed on the other core
 * meanwhile; the worker keeps only their terms, and the page waits for the result only after the whole file.
 */
export function startPostingsBuilder(): PostingsBuilder {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./postings.worker.ts', import.meta.url), { type: 'module', name: 'postings' });
  } catch {
    return inPage();
  }
  let failure: Error | undefined;
  let waiting: { resolve: (b: SearchBucket[]) => void; reject: (e: Error) => void } | undefined;
  worker.onmessage = (event: MessageEvent<PostingsReply>) => waiting?.resolve(event.data.buckets);
  worker.onerror = (event) => {
    event.preventDefault();
    failure = new Error(`检索索引计算线程出错：${event.message || '未知错误'}`);
    waiting?.reject(failure);
  };
  const send = (message: PostingsRequest) => worker.postMessage(message);
  return {
    add: (rows) => send({ type: 'add', meetings: rows.map(searchable) }),
    finish: () =>
      failure
        ? Promise.reject(failure)
        : new Promise<SearchBucket[]>((resolve, reject) => {
            waiting = { resolve, reject };
            send({ type: 'finish' });
          }),
    dispose: () => worker.terminate(),
  };
}
