// Attachment repository: real type by content, size limit, per-branch de-duplication, audit, nothing stored on refusal.
// The tests run in Node: they read the fixture files and borrow Node's Blob, which fake-indexeddb can clone.
import { Blob as NodeBlob } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/domain/vocab';
import { db } from '../../../renderer/src/db/db';
import {
  addAttachment,
  getAttachment,
  getAttachmentsMeta,
  sniffAttachmentType,
} from '../../../renderer/src/db/repositories/attachments';
import { countAudit, listAudit } from '../../../renderer/src/db/repositories/audit';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { NotFoundError, ValidationError } from '../../../renderer/src/db/repositories/errors';

const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/images/${name}`));
const fileOf = (bytes: Uint8Array, name: string, type = '') =>
  new File([bytes as Uint8Array<ArrayBuffer>], name, { type });

async function branch(name = '甲支部') {
  return createBranch({ name, termStart: '2023-03-01', termEnd: '2026-02-28' });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => i.message).join('；');
}

beforeEach(() => {
  // happy-dom's Blob does not survive fake-indexeddb's structured clone; Node's does, so stored bytes can be read back.
  vi.stubGlobal('Blob', NodeBlob);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sniffAttachmentType', () => {
  it('recognises the four formats by their first bytes and nothing else', () => {
    expect(sniffAttachmentType(fixture('venue-room.png'))).toBe('image/png');
    expect(sniffAttachmentType(fixture('venue-room.jpg'))).toBe('image/jpeg');
    expect(sniffAttachmentType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffAttachmentType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffAttachmentType(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffAttachmentType(fixture('not-a-photo.jpg'))).toBeNull();
    expect(sniffAttachmentType(new Uint8Array())).toBeNull();
  });
});

describe('addAttachment', () => {
  it('stores a photo with its real type, size, SHA-256 and bytes, and audits it', async () => {
    const { id: branchId } = await branch();
    const bytes = fixture('venue-room.png');
    // Declared as JPEG by a careless camera app: the content decides.
    const meta = await addAttachment(branchId, fileOf(bytes, '活动室.png', 'image/jpeg'));
    expect(meta).toMatchObject({ branchId, name: '活动室.png', mime: 'image/png', size: bytes.byteLength });
    const expected = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
    expect(meta.sha256).toBe(expected);
    expect(meta).not.toHaveProperty('blob');

    const stored = await getAttachment(meta.id);
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(bytes);
    // happy-dom cannot draw: no thumbnail, the UI shows the original.
    expect(stored!.thumbnail).toBeUndefined();

    const audit = await listAudit('attachment', meta.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', branchId });
    expect(audit[0]!.summary).toContain('活动室.png');
  });

  it('accepts a PDF and a photo without extension, recognised by content', async () => {
    const { id: branchId } = await branch();
    const pdf = await addAttachment(branchId, fileOf(new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), '通知.pdf'));
    const photo = await addAttachment(branchId, fileOf(fixture('venue-room.jpg'), 'IMG_0001'));
    expect([pdf.mime, photo.mime]).toEqual(['application/pdf', 'image/jpeg']);
    expect((await getAttachmentsMeta([photo.id, 'missing', pdf.id])).map((m) => m.name)).toEqual([
      'IMG_0001',
      '通知.pdf',
    ]);
  });

  it('refuses a text file renamed .jpg, and a .docx, by content, writing nothing', async () => {
    const { id: branchId } = await branch();
    const auditBefore = await countAudit();
    expect(
      await refusal(addAttachment(branchId, fileOf(fixture('not-a-photo.jpg'), '现场照片.jpg', 'image/jpeg'))),
    ).toBe('“现场照片.jpg” 的内容不是真正的 JPG、PNG、WebP 图片或 PDF 文件（可能只是改了扩展名），不能上传');
    const docx = fileOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '会议纪要.docx');
    expect(await refusal(addAttachment(branchId, docx))).toBe(
      '只支持 JPG、PNG、WebP 图片和 PDF 文件，“会议纪要.docx” 不能上传',
    );
    expect(await db.attachments.count()).toBe(0);
    expect(await countAudit()).toBe(auditBefore);
  });

  it('says an empty file is empty, and tells an iPhone user what to do with a HEIC photo', async () => {
    const { id: branchId } = await branch();
    expect(await refusal(addAttachment(branchId, fileOf(new Uint8Array(0), '现场照片.jpg', 'image/jpeg')))).toBe(
      '“现场照片.jpg” 是空文件（0 字节），请检查文件是否完整复制后再上传',
    );
    // The start of an ISO-BMFF 'ftypheic' box: not a format the app takes.
    const heic = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0]);
    expect(await refusal(addAttachment(branchId, fileOf(heic, 'IMG_0001.HEIC', 'image/heic')))).toMatch(
      /^“IMG_0001\.HEIC” 是苹果手机的 HEIC 照片，.*兼容性最佳/,
    );
    expect(await db.attachments.count()).toBe(0);
  });

  it('refuses a file over 20 MB with its size in the message, and accepts one exactly at the limit', async () => {
    const { id: branchId } = await branch();
    const head = fixture('venue-room.jpg').slice(0, 16);
    // One shared zero-filled megabyte repeated: cheap to build, the size check comes before any hashing.
    const megabyte = new Uint8Array(1024 * 1024);
    const parts = (total: number) => [
      head,
      ...Array<Uint8Array>(19).fill(megabyte),
      new Uint8Array(total - 16 - 19 * megabyte.byteLength),
    ];
    const over = new File(parts(ATTACHMENT_MAX_BYTES + 1) as Uint8Array<ArrayBuffer>[], '大合影.jpg', {
      type: 'image/jpeg',
    });
    expect(over.size).toBe(ATTACHMENT_MAX_BYTES + 1);
    expect(await refusal(addAttachment(branchId, over))).toBe('“大合影.jpg” 有 20.1 MB，超过 20 MB 的上限');
    const big = new File([head, new Uint8Array(Math.round(23.4 * 1024 * 1024) - 16)], 'x.jpg');
    expect(await refusal(addAttachment(branchId, big))).toBe('“x.jpg” 有 23.4 MB，超过 20 MB 的上限');
    expect(await db.attachments.count()).toBe(0);

    const atLimit = new File(parts(ATTACHMENT_MAX_BYTES) as Uint8Array<ArrayBuffer>[], '刚好.jpg');
    expect((await addAttachment(branchId, atLimit)).size).toBe(ATTACHMENT_MAX_BYTES);
  });

  it('stores the same bytes once per branch: the second upload returns the first row', async () => {
    const a = await branch('甲支部');
    const b = await branch('乙支部');
    const bytes = fixture('venue-room.jpg');
    const first = await addAttachment(a.id, fileOf(bytes, '第一次.jpg'));
    const again = await addAttachment(a.id, fileOf(bytes, '换了名字.jpg'));
    expect(again.id).toBe(first.id);
    expect(again.name).toBe('第一次.jpg');
    expect(await db.attachments.where('branchId').equals(a.id).count()).toBe(1);
    expect(await listAudit('attachment', first.id)).toHaveLength(1);

    // Another branch keeps its own copy: backups and deletions are per branch.
    const other = await addAttachment(b.id, fileOf(bytes, '第一次.jpg'));
    expect(other.id).not.toBe(first.id);
    expect(await db.attachments.count()).toBe(2);
  });

  it('refuses an unknown branch', async () => {
    await expect(addAttachment('ghost', fileOf(fixture('venue-room.png'), 'a.png'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db.attachments.count()).toBe(0);
  });
});
