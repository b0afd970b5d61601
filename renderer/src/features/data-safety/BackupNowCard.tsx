// 「立即备份」: exports everything into one .zip and saves it (a download in a browser, a save dialog in Electron); on a
// computer keeping several branches, optionally the current branch only (to hand one 支部 to its own computer).
import { CloudDownloadOutlined } from '../../ui/icons';
import { App, Button, Card, Progress, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useBranches } from '../branch/useBranches';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { countRecords } from '../../../../shared/backup/tables';
import { backupDownloadName, type ExportProgress, exportBackupBlob } from '../../db/backup/export';
import { getHost } from '../../host/host';
import { formatBytes, formatCount } from './format';

function describe(progress: ExportProgress): { percent: number; text: string } {
  if (progress.phase === 'tables') {
    const share = progress.rowsTotal ? progress.rowsDone / progress.rowsTotal : 1;
    return { percent: Math.round(share * 50), text: `正在写入：${progress.label}（${formatCount(progress.rows)} 条）` };
  }
  const share = progress.bytesTotal ? progress.bytes / progress.bytesTotal : 1;
  return {
    percent: 50 + Math.round(share * 50),
    text: `正在写入附件：${formatCount(progress.files)} 个，${formatBytes(progress.bytes)}`,
  };
}

export function BackupNowCard({ onDone }: Readonly<{ onDone?: () => void }>) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ percent: number; text: string } | null>(null);
  const branches = useBranches();
  const current = useCurrentBranch();
  const [scope, setScope] = useState<'all' | 'current'>('all');
  const several = (branches?.length ?? 0) > 1;
  // The choice only exists with several branches; with one, 「全部」 is that branch (and keeps the settings).
  const only = several && scope === 'current' && current ? current : undefined;

  const run = async () => {
    setProgress({ percent: 0, text: '正在准备…' });
    try {
      const { blob, manifest } = await exportBackupBlob({
        onProgress: (p) => setProgress(describe(p)),
        ...(only ? { branchId: only.id } : {}),
      });
      setProgress({ percent: 100, text: '正在保存文件…' });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const name = backupDownloadName(new Date(), only?.name);
      const saved = await getHost().saveFile(name, bytes, [{ name: '台账备份', extensions: ['zip'] }]);
      if (saved === 'saved') {
        // As the preview and 恢复完成 count: 条记录 by countRecords, 附件 by the records' attachments (the file holds a
        // photo attached twice once: manifest.attachments counts files).
        const records = countRecords((table) => manifest.tables[table]?.rows ?? 0);
        const attachments = manifest.tables.attachments?.rows ?? 0;
        void message.success(
          `备份已保存${only ? `（仅${only.name}）` : ''}：${formatCount(records)} 条记录（不含操作日志），` +
            `${formatCount(attachments)} 个附件，${formatBytes(blob.size)}`,
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
        把台账数据和附件保存为一个备份文件（.zip）。请定期备份，并把备份文件另存到U盘或其他电脑。
      </Typography.Paragraph>
      {several && current && (
        <div style={{ marginBottom: 12 }}>
          <Radio.Group
            aria-label="备份范围"
            value={scope}
            disabled={progress !== null}
            onChange={(e) => setScope(e.target.value as 'all' | 'current')}
            options={[
              { value: 'all', label: `本机全部支部（${branches!.length} 个）` },
              { value: 'current', label: `仅当前支部：${current.name}` },
            ]}
          />
          {scope === 'current' && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              只含本支部的记录、附件和操作日志（及各支部共用的考评标准），不含本机设置（应用锁）。用于把这个支部交给另一台电脑：
              在那台电脑上「从备份恢复」，选「作为新支部导入」（已有该支部时选「替换本机的同一支部」）。
              这不是本机的完整备份。
            </Typography.Paragraph>
          )}
        </div>
      )}
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
