// Runs one PDF job at a time in the worker and saves the result through the host, with progress and cancel.
import { useCallback, useRef, useState } from 'react';
import type { UnprintableText } from '../../../shared/print/printText';
import { getHost } from '../host/host';
import { PdfCancelledError, renderInWorker } from '../workers/pdfClient';
import type { PdfJob, PdfProgress } from '../workers/pdfProtocol';

export type PdfJobState =
  | { status: 'idle' }
  | { status: 'running'; progress: PdfProgress }
  | {
      status: 'saved';
      fileName: string;
      fingerprint?: string;
      /** What prints as empty boxes: said under the saved file, so it can be written another way and made again. */
      unprintable?: UnprintableText;
    }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string }
  | { status: 'nothing'; message: string };

/**
 * Thrown by a job's loader when there is nothing to print yet (a new branch's year without a record): an expected
 * state, said as a notice with what to do, not as a red 「生成失败」.
 */
export class NothingToPrintError extends Error {
  override name = 'NothingToPrintError';
}

export function usePdfJob() {
  const [state, setState] = useState<PdfJobState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async (load: () => Promise<PdfJob>, fileName: string) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: 'running', progress: { label: '正在读取数据', fraction: 0 } });
    try {
      const job = await load();
      const result = await renderInWorker(job, {
        signal: abort.signal,
        onProgress: (progress) => {
          if (!abort.signal.aborted) setState({ status: 'running', progress });
        },
      });
      if (abort.signal.aborted) throw new PdfCancelledError();
      const bytes = new Uint8Array(result.bytes); // a plain ArrayBuffer copy the host can hand on
      const outcome = await getHost().saveFile(fileName, bytes, [{ name: 'PDF 文件', extensions: ['pdf'] }]);
      // Nothing is written until the worker has finished: a failed or cancelled job leaves no file behind.
      setState(
        outcome === 'saved'
          ? {
              status: 'saved',
              fileName,
              ...(result.fingerprint ? { fingerprint: result.fingerprint } : {}),
              ...(result.unprintable ? { unprintable: result.unprintable } : {}),
            }
          : { status: 'cancelled' },
      );
    } catch (error) {
      if (error instanceof PdfCancelledError || abort.signal.aborted) setState({ status: 'cancelled' });
      else if (error instanceof NothingToPrintError) setState({ status: 'nothing', message: error.message });
      else setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, cancel, reset };
}
