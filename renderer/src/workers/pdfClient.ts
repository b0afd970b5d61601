// Runs PDF jobs in one long-lived worker (fonts stay loaded between jobs), with progress and cancellation.
import sansBold from '../../../resources/fonts/NotoSansSC-Bold.ttf?url';
import sansRegular from '../../../resources/fonts/NotoSansSC-Regular.ttf?url';
import serifBold from '../../../resources/fonts/NotoSerifSC-Bold.ttf?url';
import serifRegular from '../../../resources/fonts/NotoSerifSC-Regular.ttf?url';
import type { UnprintableText } from '../../../shared/print/printText';
import type { FromWorker, PdfJob, PdfProgress, ToWorker } from './pdfProtocol';

/** Font file names as shared/dossier/layout.ts FONT_FILES expects them → URLs of the bundled copies. */
const FONT_URLS: Record<string, string> = {
  'NotoSansSC-Regular.ttf': sansRegular,
  'NotoSansSC-Bold.ttf': sansBold,
  'NotoSerifSC-Regular.ttf': serifRegular,
  'NotoSerifSC-Bold.ttf': serifBold,
};

/**
 * The fallback blocks of 花園明朝 B for 生僻字 (resources/fonts/fallback, made by scripts/prepare-fonts.mjs), by file
 * name → URL of the bundled copy. Each is fetched only by a job whose text needs it.
 */
const FALLBACK_URLS: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../resources/fonts/fallback/*.ttf', {
      query: '?url',
      import: 'default',
      eager: true,
    }),
  ).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);

export interface PdfResult {
  bytes: Uint8Array;
  fingerprint?: string;
  unprintable?: UnprintableText;
}

export class PdfCancelledError extends Error {
  constructor() {
    super('已取消');
    this.name = 'PdfCancelledError';
  }
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<
  number,
  { resolve(r: PdfResult): void; reject(e: Error): void; onProgress?: (p: PdfProgress) => void }
>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module', name: 'pdf' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    const job = pending.get(message.id);
    if (!job) return;
    if (message.type === 'progress') {
      job.onProgress?.(message.progress);
      return;
    }
    pending.delete(message.id);
    if (message.type === 'done')
      job.resolve({
        bytes: message.bytes,
        ...(message.fingerprint ? { fingerprint: message.fingerprint } : {}),
        ...(message.unprintable ? { unprintable: message.unprintable } : {}),
      });
    else job.reject(message.cancelled ? new PdfCancelledError() : new Error(message.message));
  };
  worker.onerror = (event) => {
    // A crashed worker (e.g. out of memory) fails every job in flight with the reason, and is replaced next time.
    const reason = new Error(`生成 PDF 的后台任务出错：${event.message || '未知错误'}`);
    for (const job of pending.values()) job.reject(reason);
    pending.clear();
    worker?.terminate();
    worker = undefined;
  };
  return worker;
}

export function renderInWorker(
  job: PdfJob,
  options: { onProgress?: (p: PdfProgress) => void; signal?: AbortSignal } = {},
): Promise<PdfResult> {
  const id = nextId++;
  const w = getWorker();
  return new Promise<PdfResult>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new PdfCancelledError());
      return;
    }
    pending.set(id, { resolve, reject, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    options.signal?.addEventListener(
      'abort',
      () => {
        // pdfmake's layout cannot be interrupted from inside, so a cancel ends the worker at once: the user gets
        // control back immediately, and the next job starts a fresh worker (fonts load again, about a second).
        const job = pending.get(id);
        if (!job) return;
        pending.delete(id);
        if (worker === w) {
          w.terminate();
          worker = undefined;
          for (const other of pending.values()) other.reject(new PdfCancelledError());
          pending.clear();
        }
        job.reject(new PdfCancelledError());
      },
      { once: true },
    );
    w.postMessage({ type: 'render', id, job, fontUrls: FONT_URLS, fallbackUrls: FALLBACK_URLS } satisfies ToWorker);
  });
}
