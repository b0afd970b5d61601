// SHA-256 streams backed by one hashing worker (hash.worker.ts), for the backup codec's `sha256` option.
import { jsSha256, type Sha256Factory } from '../../../shared/backup/hash';
import type { HashReply, HashRequest } from './hashProtocol';

/**
 * Runs `work` with SHA-256 streams that hash in a worker, then ends the worker. Why: a large backup's tables are
 * ≈ 230 MB of text, and hashing them in JavaScript took ≈ 3 s of the page's thread during a restore (and as much in a
 * backup); in a worker it runs on the other core while the page parses, checks or compresses, and the page only
 * waits for a digest at the end of each entry. Where no worker can be started (tests in Node, a locked-down page)
 * the streams hash on the page's thread, with the same result.
 */
export async function withHashWorker<T>(work: (sha256: Sha256Factory) => Promise<T>): Promise<T> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module', name: 'hash' });
  } catch {
    return work(jsSha256);
  }
  const pending = new Map<number, { resolve: (hex: string) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<HashReply>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    waiting?.resolve(event.data.hex);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Error(`校验值计算线程出错：${event.message || '未知错误'}`));
  };
  let nextId = 0;
  const send = (message: HashRequest, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  const factory: Sha256Factory = () => {
    const id = nextId++;
    return {
      update(bytes) {
        // A copy of exactly these bytes, moved (not cloned) to the worker: the caller's buffer may be reused.
        const copy = bytes.slice();
        send({ type: 'update', id, bytes: copy }, [copy.buffer]);
      },
      digest() {
        if (failure) return Promise.reject(failure);
        return new Promise<string>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          send({ type: 'digest', id });
        });
      },
    };
  };
  try {
    return await work(factory);
  } finally {
    worker.terminate();
    fail(new Error('校验值计算线程已结束'));
  }
}
