// Attachment (附件) repository: photos and PDFs checked by their real content, stored once per branch, audited.
import Dexie, { type Collection, type Table } from 'dexie';
import { ATTACHMENT_MAX_BYTES, type AttachmentMime } from '../../../../shared/domain/vocab';
import { attachmentMetaSchema, type Attachment, type AttachmentMeta } from '../../../../shared/schemas/entities';
import { newId, nowIso } from '../clock';
import { db } from '../db';
import { writeAudit } from './audit';
import { parseInput } from './common';
import { NotFoundError, ValidationError } from './errors';

export type { Attachment, AttachmentMeta };

/** What a file picker should offer: the MIME types and the extensions people know them by. */
export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';

/** Longest edge of a stored thumbnail, in pixels: sharp in a 160 px tile on a high-DPI screen, small on disk. */
export const THUMBNAIL_MAX_EDGE = 320;

const MAX_NAME_LENGTH = 200;

const ALLOWED_EXTENSIONS = ['jpg', 'jpeg', 'jfif', 'png', 'webp', 'pdf'];
const ALLOWED_DECLARED = ['image/jpeg', 'image/pjpeg', 'image/png', 'image/webp', 'application/pdf'];
// iPhone photos: refused like any other format, but with a way forward.
const HEIC = /\.(heic|heif)$/i;
const HEIC_TYPES = ['image/heic', 'image/heif'];

/** Sizes in MB with one decimal, rounded up so that a file just over the limit never reads as exactly 20.0 MB. */
export function formatMegabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

/** A human size for lists: KB below one MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  return formatMegabytes(bytes);
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((value, i) => bytes[offset + i] === value);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The real type of a file from its first bytes (magic numbers), whatever its name or declared type says: a renamed
 * text file must not pass as a photo, and a photo saved as .png that is really a JPEG is still a photo.
 */
export function sniffAttachmentType(head: Uint8Array): AttachmentMime | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Keeps the extension when a very long name must be shortened to fit the schema. */
function storableName(name: string): string {
  const trimmed = name.trim() || '未命名文件';
  if (trimmed.length <= MAX_NAME_LENGTH) return trimmed;
  const ext = extensionOf(trimmed);
  const tail = ext && ext.length < 10 ? `.${ext}` : '';
  return trimmed.slice(0, MAX_NAME_LENGTH - tail.length) + tail;
}

function refuse(message: string): never {
  throw new ValidationError([{ path: 'file', message }]);
}

/** Reads a Blob's bytes; FileReader is the fallback for environments whose Blob lacks arrayBuffer(). */
async function bytesOf(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof blob.arrayBuffer === 'function') return new Uint8Array(await blob.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    reader.readAsArrayBuffer(blob);
  });
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A 2D context to draw thumbnails on, or null where there is none (happy-dom has the classes but cannot draw). */
function thumbnailContext(width: number, height: number): OffscreenCanvasRenderingContext2D | null {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return null;
  try {
    return new OffscreenCanvas(width, height).getContext('2d');
  } catch {
    return null;
  }
}

/**
 * A JPEG no larger than THUMBNAIL_MAX_EDGE on its longest side, or undefined where the environment cannot draw
 * (the UI then shows the full image). Throws when the browser cannot decode the image at all: it is damaged.
 */
async function makeThumbnail(blob: Blob, name: string): Promise<Blob | undefined> {
  if (!thumbnailContext(1, 1)) return undefined;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    refuse(`“${name}” 无法作为图片打开，文件可能已损坏`);
  }
  try {
    const scale = Math.min(1, THUMBNAIL_MAX_EDGE / Math.max(bitmap.width, bitmap.height, 1));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const context = thumbnailContext(width, height);
    if (!context) return undefined;
    // JPEG has no transparency: a white ground keeps transparent PNG areas from turning black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return await context.canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
  } catch {
    // A missing thumbnail only costs display speed; the original is still stored.
    return undefined;
  } finally {
    bitmap.close();
  }
}

function metaOf(row: Attachment): AttachmentMeta {
  const { blob: _blob, thumbnail: _thumbnail, ...meta } = row;
  return meta;
}

/**
 * Stores a photo or PDF for a branch and returns its metadata. Refuses, with a Chinese reason, anything that is not
 * really a JPG, PNG, WebP or PDF (checked by content) or is larger than ATTACHMENT_MAX_BYTES. The same bytes added
 * twice to one branch are stored once: the existing attachment is returned and nothing is written.
 */
export async function addAttachment(branchId: string, file: File): Promise<AttachmentMeta> {
  const name = storableName(file.name);
  // An empty file (a cloud-drive placeholder, a copy that failed) would otherwise read as "not really a JPG".
  if (file.size === 0) refuse(`“${name}” 是空文件（0 字节），请检查文件是否完整复制后再上传`);
  const declaredOk = ALLOWED_DECLARED.includes(file.type) || ALLOWED_EXTENSIONS.includes(extensionOf(name));
  const mime = sniffAttachmentType(await bytesOf(file.slice(0, 16)));
  if (!mime) {
    refuse(
      declaredOk
        ? `“${name}” 的内容不是真正的 JPG、PNG、WebP 图片或 PDF 文件（可能只是改了扩展名），不能上传`
        : HEIC.test(name) || HEIC_TYPES.includes(file.type)
          ? `“${name}” 是苹果手机的 HEIC 照片，本软件只支持 JPG、PNG、WebP 图片和 PDF 文件。可在手机“设置 → 相机 → 格式”中选“兼容性最佳”后重新拍摄，或把照片以 JPG 格式发送到电脑后再上传`
          : `只支持 JPG、PNG、WebP 图片和 PDF 文件，“${name}” 不能上传`,
    );
  }
  if (file.size > ATTACHMENT_MAX_BYTES) {
    refuse(`“${name}” 有 ${formatMegabytes(file.size)}，超过 ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB 的上限`);
  }

  // Hashing and drawing are not IndexedDB work: done before the transaction, which would otherwise auto-commit.
  const bytes = await bytesOf(file);
  const sha256 = await sha256Hex(bytes);
  const existing = await db.attachments.where('[branchId+sha256]').equals([branchId, sha256]).first();
  if (existing) return metaOf(existing);
  const blob = new Blob([bytes], { type: mime });
  const thumbnail = mime === 'application/pdf' ? undefined : await makeThumbnail(blob, name);

  const at = nowIso();
  const meta = parseInput(attachmentMetaSchema, {
    id: newId(),
    branchId,
    createdAt: at,
    updatedAt: at,
    name,
    mime,
    size: bytes.byteLength,
    sha256,
  });
  return db.transaction('rw', [db.branches, db.attachments, db.auditPages], async () => {
    if (!(await db.branches.get(branchId))) throw new NotFoundError('支部', branchId);
    // Checked again inside the transaction: two uploads of the same file may have raced past the first check.
    const raced = await db.attachments.where('[branchId+sha256]').equals([branchId, sha256]).first();
    if (raced) return metaOf(raced);
    const row: Attachment = thumbnail ? { ...meta, blob, thumbnail } : { ...meta, blob };
    await db.attachments.add(row);
    await writeAudit({
      entity: 'attachment',
      entityId: meta.id,
      branchId,
      action: 'create',
      summary: `上传附件「${meta.name}」（${formatFileSize(meta.size)}）`,
    });
    return meta;
  });
}

/** The whole attachment, bytes included. */
export async function getAttachment(id: string): Promise<Attachment | undefined> {
  return db.attachments.get(id);
}

/** Attachments in the order of `ids`, bytes included; ids no longer stored are skipped. */
export async function getAttachments(ids: readonly string[]): Promise<Attachment[]> {
  if (ids.length === 0) return [];
  const rows = await db.attachments.bulkGet([...ids]);
  return rows.filter((row): row is Attachment => row !== undefined);
}

/** Metadata only, in the order of `ids` (lists and the dossier need names and sizes, not bytes). */
export async function getAttachmentsMeta(ids: readonly string[]): Promise<AttachmentMeta[]> {
  return (await getAttachments(ids)).map(metaOf);
}

export function isImageAttachment(meta: Pick<AttachmentMeta, 'mime'>): boolean {
  return meta.mime.startsWith('image/');
}

/** An object URL for a stored Blob; the caller must URL.revokeObjectURL it when the image leaves the screen. */
export function attachmentUrl(blob: Blob): string {
  return URL.createObjectURL(blob);
}

/** The bytes of an attachment, for saving a copy through the host. */
export async function attachmentBytes(attachment: Attachment): Promise<Uint8Array<ArrayBuffer>> {
  return bytesOf(attachment.blob);
}

// ── files no record uses any more ──────────────────────────────────────────────

/**
 * The tables a reference check reads, with the attachments themselves: a write that may drop a reference to a file
 * includes these in its transaction and then calls deleteUnreferencedAttachments.
 */
export const ATTACHMENT_REFERENCE_TABLES = () => [db.attachments, db.meetings, db.venues, db.learningMonths];

/** Rows of a branch-first index: `index` names it; the collections returned are the ranges to read. */
type Ranges = <T, K, I>(table: Table<T, K, I>, index: string) => Collection<T, K, I>[];

const lowest = (index: string, branchId: string) => (index.startsWith('[') ? [branchId, Dexie.minKey] : branchId);
const highest = (index: string, branchId: string) => (index.startsWith('[') ? [branchId, Dexie.maxKey] : branchId);

/** The rows of `branches`, one index range each. */
const withinBranches =
  (branches: readonly string[]): Ranges =>
  (table, index) =>
    branches.map((b) => table.where(index).between(lowest(index, b), highest(index, b), true, true));

/** Removes from `unused` every id the rows of `ranges` name; stops reading as soon as nothing is left to find. */
async function dropReferenced<T, K, I>(
  table: Table<T, K, I>,
  index: string,
  idsOf: (row: T) => Iterable<string>,
  ranges: Ranges,
  unused: Set<string>,
): Promise<void> {
  for (const collection of ranges(table, index)) {
    if (unused.size === 0) return;
    await collection
      .until(() => unused.size === 0)
      .each((row) => {
        for (const id of idsOf(row)) unused.delete(id);
      });
  }
}

/** Every table whose records name attachments, each by its branch-first index. */
async function dropAllReferenced(ranges: Ranges, unused: Set<string>): Promise<void> {
  await dropReferenced(db.meetings, '[branchId+date]', (m) => m.attachmentIds, ranges, unused);
  await dropReferenced(db.venues, 'branchId', (v) => v.checklist.flatMap((c) => c.attachmentIds), ranges, unused);
  await dropReferenced(
    db.learningMonths,
    '[branchId+month]',
    (month) => month.entries.flatMap((e) => e.attachmentIds),
    ranges,
    unused,
  );
}

/**
 * Deletes the attachments among `ids` that no record references any more — a meeting, a venue's 七有 evidence or a
 * learning entry — and returns what was deleted (names for the audit entry). Runs inside the caller's transaction,
 * which includes ATTACHMENT_REFERENCE_TABLES(), after the record's own write or delete, so that record is checked as
 * it now stands.
 *
 * Only the branches owning the files are read: the same bytes uploaded twice in a branch are one row, so several
 * of its records may share a file, but a record is only ever given files of its own branch — on saving, and on
 * restore, which refuses a backup whose record names another branch's file (shared/backup/reader.ts). Reading the
 * other branches too would cost a 30-branch database seconds on every save that drops a photo.
 */
export async function deleteUnreferencedAttachments(
  branchId: string,
  ids: Iterable<string>,
): Promise<AttachmentMeta[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const stored = (await db.attachments.bulkGet(wanted)).filter((row): row is Attachment => row !== undefined);
  const unused = new Set(stored.map((row) => row.id));
  if (unused.size === 0) return [];
  const owners = [...new Set([branchId, ...stored.map((row) => row.branchId)])];
  await dropAllReferenced(withinBranches(owners), unused);
  if (unused.size === 0) return [];
  await db.attachments.bulkDelete([...unused]);
  return stored.filter((row) => unused.has(row.id)).map(metaOf);
}

/** For an audit summary: 「；已删除不再使用的附件「a.jpg」、「b.pdf」」, or '' when nothing was deleted. */
export function deletedAttachmentsNote(deleted: readonly AttachmentMeta[]): string {
  if (deleted.length === 0) return '';
  return `；已删除不再使用的附件${deleted.map((a) => `「${a.name}」`).join('、')}`;
}
