// Reads a dossier PDF back: finds the embedded dossier-manifest.json and checks it against the printed fingerprint.
import { PDFDocument } from '@cantoo/pdf-lib';
import { MANIFEST_FILE_NAME, parseManifest, sha256Hex, type DossierManifest } from './manifest';

export type ExtractResult =
  { ok: true; manifest: DossierManifest; fingerprint: string } | { ok: false; reason: string };

const DAMAGED = '文件不完整或已损坏（例如复制时被截断），无法确认卷宗内容，请取得完整的文件或重新导出';

/**
 * Whether the file ends as a complete PDF does: `startxref` with the offset of a cross-reference section (a table or
 * a stream object) inside the file, then `%%EOF`. pdf-lib reads a file cut short without complaint and would find
 * the manifest in it, so without this a truncated copy — one no viewer can open — verified as 一致.
 */
export function looksComplete(pdfBytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(pdfBytes.subarray(Math.max(0, pdfBytes.length - 1024)));
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) return false;
  const offset = Number(match[1]);
  if (!(offset > 0 && offset < pdfBytes.length)) return false;
  const head = new TextDecoder('latin1').decode(pdfBytes.subarray(offset, offset + 32));
  return /^\s*(xref|\d+\s+\d+\s+obj)/.test(head);
}

export async function extractManifest(pdfBytes: Uint8Array): Promise<ExtractResult> {
  if (new TextDecoder('latin1').decode(pdfBytes.subarray(0, 5)) !== '%PDF-') {
    return { ok: false, reason: '文件不是 PDF' };
  }
  if (!looksComplete(pdfBytes)) return { ok: false, reason: DAMAGED };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdfBytes, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return { ok: false, reason: DAMAGED };
  }
  let attachments;
  try {
    attachments = doc.getAttachments();
  } catch {
    return { ok: false, reason: DAMAGED };
  }
  if (doc.getPageCount() === 0) return { ok: false, reason: DAMAGED };
  const found = attachments.find((a) => a.name === MANIFEST_FILE_NAME);
  if (!found) return { ok: false, reason: `这份 PDF 没有内嵌 ${MANIFEST_FILE_NAME}，不是本软件导出的迎检卷宗` };
  const bytes = found.data instanceof Uint8Array ? found.data : new Uint8Array(found.data as ArrayBuffer);
  try {
    return { ok: true, manifest: parseManifest(bytes), fingerprint: sha256Hex(bytes) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
