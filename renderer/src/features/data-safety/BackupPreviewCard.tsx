// What a validated backup holds, shown before anything is restored: time, version, branches, rows, attachments, and
// the disk room a restore needs (with a warning when there is not enough).
import { Alert, Descriptions, Table } from 'antd';
import type { BackupPreview } from '../../db/backup/restore';
import { shortageOf } from '../../db/backup/room';
import { formatBytes, formatChinaTime } from './format';

export function BackupPreviewCard({ preview, fileName }: Readonly<{ preview: BackupPreview; fileName: string }>) {
  const rows = preview.tables.filter((t) => t.table !== 'audit' && t.table !== 'settings');
  // Both modes write the whole backup (覆盖全部 beside the current data until it ends): the replace wording says why.
  const shortage = shortageOf(preview.room, 'replace');
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'file', label: '文件', children: `${fileName}（${formatBytes(preview.fileBytes)}）` },
          { key: 'createdAt', label: '备份时间', children: formatChinaTime(preview.createdAt) },
          {
            key: 'appVersion',
            label: '软件版本',
            children: `${preview.appVersion}（数据版本 ${preview.schemaVersion}）`,
          },
          {
            key: 'branches',
            label: '支部',
            // Marked where this computer has the same branch (same id): the mode choice below depends on it.
            children: preview.branches.length
              ? preview.branches
                  .map((b) => (preview.here.same.some((s) => s.id === b.id) ? `${b.name}（本机已有）` : b.name))
                  .join('、')
              : '（无）',
          },
          {
            key: 'attachments',
            label: '附件',
            children: `${preview.attachments.count} 个，${formatBytes(preview.attachments.bytes)}`,
          },
          ...(preview.room
            ? [
                {
                  key: 'room',
                  label: '所需空间',
                  children:
                    `约 ${formatBytes(preview.room.needed)}` +
                    (preview.room.available === undefined
                      ? ''
                      : `（本机当前可再存放约 ${formatBytes(preview.room.available)}）`),
                },
              ]
            : []),
        ]}
      />
      {shortage && (
        <Alert style={{ marginTop: 12 }} type="warning" showIcon title="磁盘空间不足" description={shortage} />
      )}
      <Table
        style={{ marginTop: 12 }}
        size="small"
        pagination={false}
        rowKey="table"
        aria-label="各类记录条数"
        dataSource={rows}
        columns={[
          { key: 'label', title: '记录类别', dataIndex: 'label' },
          { key: 'rows', title: '条数', dataIndex: 'rows', width: 120, align: 'right' },
        ]}
      />
    </>
  );
}
