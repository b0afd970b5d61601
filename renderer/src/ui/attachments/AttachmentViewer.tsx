// The full-size view of a photo attachment, in a dialog titled with the file name.
import { Button, Modal } from 'antd';
import type { Attachment } from '../../db/repositories/attachments';
import { BlobImage } from './BlobImage';

interface Props {
  attachment: Attachment | null;
  onClose: () => void;
  onDownload: (attachment: Attachment) => void;
}

export function AttachmentViewer({ attachment, onClose, onDownload }: Readonly<Props>) {
  return (
    <Modal
      open={attachment !== null}
      title={attachment?.name}
      onCancel={onClose}
      width="min(90vw, 1200px)"
      // The original may be 20 MB: its object URL is released as soon as the dialog closes.
      destroyOnHidden
      footer={
        attachment && [
          <Button key="download" onClick={() => onDownload(attachment)}>
            下载
          </Button>,
          <Button key="close" type="primary" onClick={onClose}>
            关闭
          </Button>,
        ]
      }
    >
      {attachment && (
        <BlobImage
          blob={attachment.blob}
          alt={`${attachment.name}（原图）`}
          style={{ display: 'block', maxWidth: '100%', maxHeight: '75vh', margin: '0 auto' }}
        />
      )}
    </Modal>
  );
}
