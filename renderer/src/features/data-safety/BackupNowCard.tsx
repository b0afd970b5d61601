// 「立即备份」: exports everything into one .zip and saves it (a download in a browser, a save dialog in Electron).
import { CloudDownloadOutlined } from '../../ui/icons';
import { App, Button, Card, Progress, Typography } from 'antd';
import { useState } from 'react';
import { backupDownloadName, type ExportProgress, exportBackupBlob } from '../../db/backup/export';
import { getHost } from '../../host/host';
import { formatBytes } from './format';

function describe(progress: ExportProgress): { percent: number; text: string } {
  if (progress.phase === 'tables') {
    const share = progress.rowsTotal ? progress.rowsDone / progress.rowsTotal : 1;
    return { percent: Math.round(share * 50), text: `正在写入：${progress.label}（${progress.rows} 条）` };
  }
  const share = progress.bytesTotal ? progress.bytes / progress.bytesTotal : 1;
  return {
    percent: 50 + Math.round(share * 50),
    text: `正在写入附件：${progress.files} 个，${formatBytes(progress.bytes)}`,
  };
}

export function BackupNowCard({ onDone }: Readonly<{ onDone?: () => void }>) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ percent: number; text: string } | null>(null);

  const run = async () => {
    setProgress({ percent: 0, text: '正在准备…' });
    try {
      const { blob, manifest } = await exportBackupBlob({ onProgress: (p) => setProgress(describe(p)) });
      setProgress({ percent: 100, text: '正在保存文件…' });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const saved = await getHost().saveFile(backupDownloadName(), bytes, [{ name: '台账备份', extensions: ['zip'] }]);
      if (saved === 'saved') {
        const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
        void message.success(
          `备份已保存：${rows} 条记录，${manifest.attachments.count} 个附件，${formatBytes(blob.size)}`,
        );
        onDone?.();
      }
    } catch (error) {
      void message.error(`备份失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card title="立即备份" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        把本机全部支部的数据和附件保存为一个备份文件（.zip）。请定期备份，并把备份文件另存到U盘或其他电脑。
      </Typography.Paragraph>
      {progress && (
        <div role="status" aria-live="polite" style={{ marginBottom: 12 }}>
          <Progress percent={progress.percent} />
          <Typography.Text>{progress.text}</Typography.Text>
        </div>
      )}
      <Button type="primary" icon={<CloudDownloadOutlined />} loading={progress !== null} onClick={() => void run()}>
        立即备份
      </Button>
    </Card>
  );
}
