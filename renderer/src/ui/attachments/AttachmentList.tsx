// Read-only attachments of a record (photos open full size, PDFs download), for record views and the venue page.
import { Typography } from 'antd';
import { Loading } from '../Loading';
import { AttachmentTiles } from './AttachmentTiles';
import { useAttachments } from './useAttachments';

interface Props {
  ids: readonly string[];
  /** Shown instead of an empty grid. */
  emptyText?: string;
}

export function AttachmentList({ ids, emptyText = '无附件' }: Readonly<Props>) {
  const attachments = useAttachments(ids);
  if (attachments === undefined) return <Loading tip="正在读取附件…" />;
  if (attachments.length === 0) return <Typography.Text type="secondary">{emptyText}</Typography.Text>;
  return <AttachmentTiles attachments={attachments} />;
}
