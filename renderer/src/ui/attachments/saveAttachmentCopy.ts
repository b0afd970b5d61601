// Saves a copy of an attachment where the user chooses (Electron) or as a download (browser).
import { attachmentBytes, type Attachment } from '../../db/repositories/attachments';
import { getHost } from '../../host/host';

const FILTERS: Record<Attachment['mime'], { name: string; extensions: string[] }> = {
  'image/jpeg': { name: 'JPG 图片', extensions: ['jpg', 'jpeg'] },
  'image/png': { name: 'PNG 图片', extensions: ['png'] },
  'image/webp': { name: 'WebP 图片', extensions: ['webp'] },
  'application/pdf': { name: 'PDF 文件', extensions: ['pdf'] },
};

export async function saveAttachmentCopy(attachment: Attachment): Promise<'saved' | 'canceled'> {
  return getHost().saveFile(attachment.name, await attachmentBytes(attachment), [FILTERS[attachment.mime]]);
}
