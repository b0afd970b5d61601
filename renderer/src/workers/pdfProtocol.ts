// Messages between the UI and the PDF worker: what to render, progress, the bytes or a Chinese error.
import type { DossierData, DossierOptions } from '../../../shared/dossier/data';
import type { RecordContext } from '../../../shared/dossier/meetingRecord';
import type { Meeting } from '../../../shared/schemas/entities';
import type { UnprintableText } from '../../../shared/print/printText';

/** A photo to print: the stored original; the worker downscales it off the UI thread. */
export interface PrintPhoto {
  sha256: string;
  blob: Blob;
}

export type PdfJob =
  | { kind: 'meetingRecord'; meeting: Meeting; context: Omit<RecordContext, 'images'>; photos: PrintPhoto[] }
  | { kind: 'dossier'; data: Omit<DossierData, 'images'>; options: DossierOptions; photos: PrintPhoto[] };

export type ToWorker = {
  type: 'render';
  id: number;
  job: PdfJob;
  fontUrls: Record<string, string>;
  /** The fallback blocks for 生僻字 (shared/print/fallback.ts) by file name: loaded only when a document needs one. */
  fallbackUrls: Record<string, string>;
};

export interface PdfProgress {
  /** Chinese label of the step, e.g. 「正在排版：第 3/8 部分」. */
  label: string;
  /** 0..1 */
  fraction: number;
}

export type FromWorker =
  | { type: 'progress'; id: number; progress: PdfProgress }
  | {
      type: 'done';
      id: number;
      bytes: Uint8Array;
      fingerprint?: string;
      pages?: number;
      /** What the print fonts could not draw (shared/print/printText.ts). */
      unprintable?: UnprintableText;
    }
  | { type: 'error'; id: number; message: string; cancelled: boolean };
