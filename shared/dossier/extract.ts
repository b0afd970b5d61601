// Reads a dossier PDF back: finds the embedded dossier-manifest.json and checks it against the printed fingerprint.
import { PDFDocument } from '@cantoo/pdf-lib';
import { MANIFEST_FILE_NAME, parseManifest, sha256Hex, type DossierManifest } from './manifest';

export type ExtractResult =
  { ok: true; manifest: DossierManifest; fingerprint: string } | { ok: false; reason: string };

export async function extractManifest(pdfBytes: Uint8Array): Promise<ExtractResult> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdfBytes, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return { ok: false, reason: '文件不是有效的 PDF，或已损坏' };
  }
  let attachments;
  try {
    attachments = doc.getAttachments();
  } catch {
    return { ok: false, reason: 'PDF 的内嵌文件无法读取' };
  }
  const found = attachments.find((a) => a.name === MANIFEST_FILE_NAME);
  if (!found) return { ok: false, reason: `这份 PDF 没有内嵌 ${MANIFEST_FILE_NAME}，不是本软件导出的迎检卷宗` };
  const bytes = found.data instanceof Uint8Array ? found.data : new Uint8Array(found.data as ArrayBuffer);
  try {
    return { ok: true, manifest: parseManifest(bytes), fingerprint: sha256Hex(bytes) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
