// What a validated backup holds, shown before anything is restored: time, version, branches, rows, attachments.
import { Descriptions, Table } from 'antd';
import type { BackupPreview } from '../../db/backup/restore';
import { formatBytes, formatChinaTime } from './format';

export function BackupPreviewCard({ preview, fileName }: Readonly<{ preview: BackupPreview; fileName: string }>) {
  const rows = preview.tables.filter((t) => t.table !== 'audit' && t.table !== 'settings');
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
            children: preview.branches.length ? preview.branches.map((b) => b.name).join('、') : '（无）',
          },
          {
            key: 'attachments',
            label: '附件',
            children: `${preview.attachments.count} 个，${formatBytes(preview.attachments.bytes)}`,
          },
        ]}
      />
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
