// What a validated backup holds, shown before anything is restored: time, version, branches, records, attachments, and
// the disk room a restore needs (with a warning when there is not enough).
import { Alert, Descriptions, Table } from 'antd';
import { type BackupTableName, countRecords, RECORD_TABLES, TABLE_BY_NAME } from '../../../../shared/backup/tables';
import { olderVersionNote } from '../../db/backup/olderVersion';
import type { BackupPreview } from '../../db/backup/restore';
import { shortageOf } from '../../db/backup/room';
import { BranchNames } from './BranchNames';
import { formatBytes, formatChinaTime, formatCount } from './format';

export function BackupPreviewCard({ preview, fileName }: Readonly<{ preview: BackupPreview; fileName: string }>) {
  // The tables whose rows are 条记录 (RECORD_TABLES), and the attachments, counted apart: the table adds up to what
  // 恢复完成 and 立即备份 say.
  const rows = preview.tables.filter((t) => RECORD_TABLES.includes(t.table) || t.table === 'attachments');
  const rowsOf = (table: string) => preview.tables.find((t) => t.table === table)?.rows ?? 0;
  const records = countRecords(rowsOf);
  // The records' attachments, as 恢复完成 and 立即备份 count them; the bytes are the files' (one per content).
  const attachments = rowsOf('attachments');
  const here = new Set(preview.here.same.map((b) => b.id));
  // Both modes write the whole backup (覆盖全部 beside the current data until it ends): the replace wording says why.
  const shortage = shortageOf(preview.room, 'replace');
  const older = olderVersionNote(preview.schemaVersion);
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={1}
        // The label column keeps its words on one line: the table's auto layout gave a long 支部 cell all the room and
        // squeezed 「备份时间」 to one character a line.
        styles={{ label: { whiteSpace: 'nowrap', width: 96 } }}
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
            children: <BranchNames branches={preview.branches} here={here} />,
          },
          { key: 'records', label: '记录', children: `${formatCount(records)} 条（不含操作日志）` },
          {
            key: 'attachments',
            label: '附件',
            children: `${formatCount(attachments)} 个，${formatBytes(preview.attachments.bytes)}`,
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
      {older && <Alert style={{ marginTop: 12 }} type="info" showIcon title="旧版本的备份" description={older} />}
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
          {
            key: 'rows',
            title: '条数',
            dataIndex: 'rows',
            width: 120,
            align: 'right',
            // A kind of record added after the file's version: 0 would read as 「had none」.
            render: (n: number, row: { table: BackupTableName }) =>
              (TABLE_BY_NAME.get(row.table)?.since ?? 1) > preview.schemaVersion ? '旧版本无此项' : formatCount(n),
          },
        ]}
      />
    </>
  );
}
