// 「立即备份」: exports everything into one .zip and saves it (a download in a browser, a save dialog in Electron); on a
// computer keeping several branches, optionally the current branch only (to hand one 支部 to its own computer). The
// export goes on when the user leaves the page (dataJobs.ts).
import { CloudDownloadOutlined } from '../../ui/icons';
import { App, Button, Card, Progress, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useBranches } from '../branch/useBranches';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { countRecords } from '../../../../shared/backup/tables';
import { backupDownloadName, type ExportProgress, exportBackupBlob } from '../../db/backup/export';
import { getHost } from '../../host/host';
import { getDataJobs, isJobRunning, type JobNotices, updateDataJobs, useDataJobs } from './dataJobs';
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

/**
 * Exports and saves, the progress in the app's state (dataJobs.ts): the user may leave 数据安全 meanwhile, and the
 * outcome is still told (the message is the whole app's). Refused while another 数据安全 job runs.
 */
async function backUpNow(only: { id: string; name: string } | undefined, notices: JobNotices, onDone?: () => void) {
  if (isJobRunning()) return;
  const show = ({ percent, text }: { percent: number; text: string }) => {
    const shown = getDataJobs().backup;
    // Reported per table and per attachment: only a report that changes what is shown renders.
    if (shown?.percent === percent && shown.text === text) return;
    updateDataJobs({ backup: { percent, text, ...(only ? { only: only.name } : {}) } });
  };
  show({ percent: 0, text: '正在准备…' });
  try {
    const { blob, manifest } = await exportBackupBlob({
      onProgress: (p) => show(describe(p)),
      ...(only ? { branchId: only.id } : {}),
    });
    show({ percent: 100, text: '正在保存文件…' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const name = backupDownloadName(new Date(), only?.name);
    const saved = await getHost().saveFile(name, bytes, [{ name: '台账备份', extensions: ['zip'] }]);
    if (saved === 'saved') {
      // As the preview and 恢复完成 count: 条记录 by countRecords, 附件 by the records' attachments (the file holds a
      // photo attached twice once: manifest.attachments counts files).
      const records = countRecords((table) => manifest.tables[table]?.rows ?? 0);
      const attachments = manifest.tables.attachments?.rows ?? 0;
      notices.success(
        `备份已保存${only ? `（仅${only.name}）` : ''}：${formatCount(records)} 条记录（不含操作日志），` +
          `${formatCount(attachments)} 个附件，${formatBytes(blob.size)}`,
      );
      onDone?.();
    }
  } catch (error) {
    notices.error(`备份失败：${error instanceof Error ? error.message : String(error)}`);
  } finally {
    updateDataJobs({ backup: null });
  }
}

export function BackupNowCard({ onDone }: Readonly<{ onDone?: () => void }>) {
  const { message } = App.useApp();
  const jobs = useDataJobs();
  const progress = jobs.backup;
  const branches = useBranches();
  const current = useCurrentBranch();
  const [scope, setScope] = useState<'all' | 'current'>('all');
  const several = (branches?.length ?? 0) > 1;
  // The choice only exists with several branches; with one, 「全部」 is that branch (and keeps the settings).
  const only = several && scope === 'current' && current ? current : undefined;
  // A check of a backup file or a restore is running: one job at a time (dataJobs.ts).
  const otherJob = progress === null && isJobRunning(jobs);

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
            disabled={isJobRunning(jobs)}
            onChange={(e) => setScope(e.target.value as 'all' | 'current')}
            options={[
              { value: 'all', label: `本机全部支部（${branches!.length} 个）` },
              { value: 'current', label: `仅当前支部：${current.name}` },
            ]}
          />
          {scope === 'current' && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {/* One string: a line break inside JSX text is a space, which Chinese text does not have. */}
              {'只含本支部的记录、附件和操作日志（及各支部共用的考评标准），不含本机设置（应用锁）。' +
                '用于把这个支部交给另一台电脑：在那台电脑上「从备份恢复」，选「作为新支部导入」' +
                '（已有该支部时选「替换本机的同一支部」）。这不是本机的完整备份。'}
            </Typography.Paragraph>
          )}
        </div>
      )}
      {progress && (
        <div role="status" aria-live="polite" style={{ marginBottom: 12 }}>
          <Progress percent={progress.percent} />
          <Typography.Text>
            {progress.only ? `仅备份${progress.only}：` : ''}
            {progress.text}
          </Typography.Text>
        </div>
      )}
      <Button
        type="primary"
        icon={<CloudDownloadOutlined />}
        loading={progress !== null}
        disabled={otherJob}
        onClick={() => void backUpNow(only, message, onDone)}
      >
        立即备份
      </Button>
    </Card>
  );
}
