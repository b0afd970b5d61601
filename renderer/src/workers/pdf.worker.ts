// The PDF worker: builds and renders 会议记录单 and 迎检卷宗 off the UI thread, fonts loaded once as bytes.
import { buildDossier } from '../../../shared/dossier/build';
import { buildMeetingRecordDoc } from '../../../shared/dossier/meetingRecord';
import { renderPdf, type RenderProgress } from '../../../shared/dossier/render';
import { prepareForPrint } from '../../../shared/print/printText';
import type { FromWorker, PdfJob, PrintPhoto, ToWorker } from './pdfProtocol';

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

let fonts: Promise<Record<string, Uint8Array>> | undefined;

function loadFonts(urls: Record<string, string>): Promise<Record<string, Uint8Array>> {
  fonts ??= Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`无法读取字体文件 ${name}（${response.status}）`);
      return [name, new Uint8Array(await response.arrayBuffer())] as const;
    }),
  ).then(Object.fromEntries, (error: unknown) => {
    fonts = undefined; // let a later job try again
    throw error;
  });
  return fonts;
}

/** Fallback blocks for 生僻字 fetched so far (each ≈ 0.5 MB, kept for later jobs). */
const fallbackFonts = new Map<string, Promise<Uint8Array>>();

function loadFallback(name: string, url: string): Promise<Uint8Array> {
  let found = fallbackFonts.get(name);
  if (!found) {
    found = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`无法读取字体文件 ${name}（${response.status}）`);
      return new Uint8Array(await response.arrayBuffer());
    });
    found.catch(() => fallbackFonts.delete(name)); // let a later job try again
    fallbackFonts.set(name, found);
  }
  return found;
}

/** Long edge of a printed photo: ~150 dpi across the A4 text width is plenty and keeps the PDF small. */
const PRINT_EDGE = 1000;

async function downscale(photo: PrintPhoto): Promise<Uint8Array | undefined> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') {
    return new Uint8Array(await photo.blob.arrayBuffer());
  }
  try {
    const bitmap = await createImageBitmap(photo.blob);
    const scale = Math.min(1, PRINT_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    ctx.fillStyle = '#fff'; // JPEG has no alpha: transparent PNG areas print white, not black
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
    return new Uint8Array(await jpeg.arrayBuffer());
  } catch {
    // A photo the browser cannot decode is left out of the print rather than failing the whole volume.
    return undefined;
  }
}

async function loadImages(photos: readonly PrintPhoto[], report: (done: number) => void) {
  const images = new Map<string, Uint8Array>();
  let done = 0;
  for (const photo of photos) {
    const bytes = await downscale(photo);
    if (bytes) images.set(photo.sha256, bytes);
    report(++done);
  }
  return images;
}

function layoutLabel(p: RenderProgress): string {
  if (p.phase === 'render') return '正在生成页面';
  if (p.phase === 'merge') return '正在合并页面';
  if (p.phase === 'stamp') return '正在编排页码';
  return p.total > 1 ? `正在排版：第 ${Math.min(p.done + 1, p.total)}/${p.total} 部分` : '正在排版';
}

async function run(id: number, job: PdfJob, fontUrls: Record<string, string>, fallbackUrls: Record<string, string>) {
  const post = (label: string, fraction: number) =>
    scope.postMessage({ type: 'progress', id, progress: { label, fraction } });
  post('正在加载字体', 0.02);
  const fontBytes = await loadFonts(fontUrls);
  post('正在处理照片', 0.08);
  const images = await loadImages(job.photos, (done) =>
    post(`正在处理照片（${done}/${job.photos.length}）`, 0.08 + 0.12 * (done / Math.max(1, job.photos.length))),
  );
  post('正在组织内容', 0.2);
  let doc;
  let fingerprint: string | undefined;
  if (job.kind === 'dossier') {
    const built = buildDossier({ ...job.data, images }, job.options);
    doc = built.docDefinition;
    fingerprint = built.fingerprint;
  } else {
    doc = buildMeetingRecordDoc(job.meeting, { ...job.context, images });
  }
  // 生僻字 the Noto fonts lack are drawn from the fallback blocks the text needs, fetched now if not yet.
  const needs = new Set<string>();
  const unprintable = prepareForPrint(doc, { fallback: new Set(Object.keys(fallbackUrls)), needs });
  const fallback = await Promise.all(
    [...needs].map(async (name) => [name, await loadFallback(name, fallbackUrls[name]!)] as const),
  );
  const bytes = await renderPdf(
    doc,
    { ...fontBytes, ...Object.fromEntries(fallback) },
    {
      onProgress: (p) => {
        const base =
          p.phase === 'render'
            ? 0.3 + 0.62 * (p.done / Math.max(1, p.total))
            : p.phase === 'layout'
              ? 0.22 + 0.68 * (p.done / Math.max(1, p.total))
              : p.phase === 'merge'
                ? 0.92
                : 0.96;
        post(layoutLabel(p), base);
      },
    },
  );
  scope.postMessage(
    { type: 'done', id, bytes, ...(fingerprint ? { fingerprint } : {}), ...(unprintable ? { unprintable } : {}) },
    [bytes.buffer],
  );
}

// Cancelling is done by the UI terminating this worker (pdfClient.ts): pdfmake's layout cannot be interrupted.
scope.onmessage = (event) => {
  const { id, job, fontUrls, fallbackUrls } = event.data;
  run(id, job, fontUrls, fallbackUrls).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ type: 'error', id, message, cancelled: false });
  });
};
