// The grid of attachment tiles shared by the editable field and the read-only list: thumbnail or PDF card, actions.
import { DeleteOutlined, DownloadOutlined, EyeOutlined, FilePdfOutlined } from '../icons';
import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { formatFileSize, isImageAttachment, type Attachment } from '../../db/repositories/attachments';
import { AttachmentViewer } from './AttachmentViewer';
import { BlobImage } from './BlobImage';
import { saveAttachmentCopy } from './saveAttachmentCopy';

const TILE = 160;

interface Props {
  attachments: Attachment[];
  /** Present in the editable field: removes the attachment from the record (the stored file stays for others). */
  onRemove?: (id: string) => void;
  disabled?: boolean;
}

export function AttachmentTiles({ attachments, onRemove, disabled }: Readonly<Props>) {
  const { message } = App.useApp();
  const [viewing, setViewing] = useState<Attachment | null>(null);

  const download = async (attachment: Attachment) => {
    try {
      await saveAttachmentCopy(attachment);
    } catch (error) {
      message.error(`“${attachment.name}” 保存失败：${error instanceof Error ? error.message : String(error)}`);
    }
  };

  if (attachments.length === 0) return null;
  return (
    <>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        {attachments.map((attachment) => {
          const image = isImageAttachment(attachment);
          return (
            <li
              key={attachment.id}
              style={{ width: TILE, border: '1px solid #f0f0f0', borderRadius: 4, padding: 8, background: '#fff' }}
            >
              <figure style={{ margin: 0 }}>
                <Flex
                  align="center"
                  justify="center"
                  style={{ height: TILE * 0.75, background: '#fafafa', overflow: 'hidden', cursor: 'pointer' }}
                >
                  {image ? (
                    // Without a stored thumbnail (older rows, environments that cannot draw) the original is shown.
                    <BlobImage
                      blob={attachment.thumbnail ?? attachment.blob}
                      alt={`${attachment.name}（缩略图）`}
                      style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }}
                      onClick={() => setViewing(attachment)}
                    />
                  ) : (
                    <FilePdfOutlined aria-hidden style={{ fontSize: 48, color: '#b71c1c' }} />
                  )}
                </Flex>
                <figcaption style={{ marginTop: 6 }}>
                  <Typography.Text ellipsis={{ tooltip: attachment.name }} style={{ display: 'block' }}>
                    {attachment.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {image ? '图片' : 'PDF'} · {formatFileSize(attachment.size)}
                  </Typography.Text>
                </figcaption>
              </figure>
              <Flex wrap gap={4} style={{ marginTop: 6 }}>
                {image ? (
                  <Button
                    size="small"
                    icon={<EyeOutlined />}
                    aria-label={`查看大图 ${attachment.name}`}
                    onClick={() => setViewing(attachment)}
                  >
                    查看大图
                  </Button>
                ) : (
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    aria-label={`下载 ${attachment.name}`}
                    onClick={() => void download(attachment)}
                  >
                    下载
                  </Button>
                )}
                {onRemove && (
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={disabled}
                    aria-label={`移除 ${attachment.name}`}
                    onClick={() => onRemove(attachment.id)}
                  >
                    移除
                  </Button>
                )}
              </Flex>
            </li>
          );
        })}
      </ul>
      <AttachmentViewer attachment={viewing} onClose={() => setViewing(null)} onDownload={(a) => void download(a)} />
    </>
  );
}
