// Electron: the automatic backups in the data folder (date, kind, size), each restorable, and the free-disk warning.
import { Alert, App, Button, Card, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BackupFileInfo, BackupStatus } from '../../../../shared/ipc';
import type { BackupApi } from '../../host/backupApi';
import { BACKUP_KIND_LABELS, formatBytes, formatChinaTime } from './format';

interface Props {
  api: BackupApi;
  /** Bumped after a backup is written, to reload the list. */
  refreshKey: number;
  /** A 数据安全 job is running (dataJobs.ts): no restore may start. */
  disabled: boolean;
  /** Checks the file `read` gives, as a chosen file is checked: the restore that follows blocks the window alike. */
  onRestore: (name: string, read: () => Promise<Blob>) => void;
  /** The desktop app's data folder (userData): what an administrator copies or backs up. */
  dataFolder?: string;
}

export function AutoBackupList({ api, refreshKey, disabled, onRestore, dataFolder }: Readonly<Props>) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<BackupFileInfo[] | undefined>(undefined);
  const [status, setStatus] = useState<BackupStatus | undefined>(undefined);

  useEffect(() => {
    let live = true;
    Promise.all([api.listBackups(), api.backupStatus()]).then(
      ([list, s]) => {
        if (!live) return;
        setFiles(list);
        setStatus(s);
      },
      (error: unknown) => {
        if (live) void message.error(`无法读取自动备份列表：${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return () => {
      live = false;
    };
  }, [api, refreshKey, message]);

  // The read is part of the check (a large file takes a while): the buttons are disabled from the first click, and a
  // file that cannot be read is refused with the reason, as a file that fails the check is.
  const restore = (name: string) =>
    onRestore(name, async () => {
      const bytes = await api.readBackup(name);
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
    });

  return (
    <Card title="自动备份" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        每天自动备份一次（打开软件时，以及软件一直开着时每小时检查一次）；软件升级需要转换数据格式时，会先自动备份。保留最近
        7 天、4 周（每周一份）、12 个月（每月一份）的每日备份和最近 5 份升级前备份。
        {!dataFolder && status && <> 备份文件夹：{status.dir}</>}
      </Typography.Paragraph>
      {dataFolder && (
        <Typography.Paragraph>
          数据文件夹：
          <Typography.Text code copyable={{ text: dataFolder, tooltips: ['复制路径', '已复制'] }}>
            {dataFolder}
          </Typography.Text>
          （自动备份在其中的 backups 文件夹）
        </Typography.Paragraph>
      )}
      {status?.lowDisk && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="磁盘空间不足"
          description={`备份所在磁盘只剩 ${formatBytes(status.freeBytes ?? 0)}。空间用尽时备份和记录都可能无法保存，请清理磁盘或把旧备份另存到其他位置。`}
        />
      )}
      <Table<BackupFileInfo>
        size="small"
        rowKey="name"
        loading={files === undefined}
        dataSource={files ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有自动备份' }}
        columns={[
          { key: 'createdAt', title: '备份时间', render: (_, f) => formatChinaTime(f.createdAt) },
          { key: 'kind', title: '类型', render: (_, f) => BACKUP_KIND_LABELS[f.kind] },
          { key: 'bytes', title: '大小', align: 'right', render: (_, f) => formatBytes(f.bytes) },
          {
            key: 'action',
            title: '操作',
            render: (_, f) => (
              <Button size="small" disabled={disabled} onClick={() => restore(f.name)}>
                恢复
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
