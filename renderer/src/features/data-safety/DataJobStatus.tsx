// In the header, while 立即备份 or the check of a backup file runs and the user is on another page: a small note of
// the job and its progress, a link back to 数据安全 (which shows it in full). Its outcome is a toast (dataJobs.ts).
import { Button, Grid } from 'antd';
import { navigate, useHashRoute } from '../../app/useHashRoute';
import { LoadingOutlined } from '../../ui/icons';
import { useDataJobs } from './dataJobs';

export function DataJobStatus() {
  const { backup, restore } = useDataJobs();
  const route = useHashRoute();
  // In a window under 768 CSS px (683 at 150 % zoom) the header has room for the short name only, beside 当前支部.
  const narrow = Grid.useBreakpoint().md === false;
  const job = backup
    ? { name: narrow ? '备份中' : '正在备份', percent: backup.percent }
    : restore.step === 'checking'
      ? { name: narrow ? '校验中' : '正在校验备份文件', percent: restore.percent }
      : undefined;
  if (!job || route === 'security') return null;
  return (
    // A status said once when it appears; the percentage, which changes all the time, is only shown.
    <div role="status">
      <Button
        type="text"
        size="small"
        icon={<LoadingOutlined />}
        title="到「数据安全」查看"
        onClick={() => navigate('security')}
        style={{ color: 'inherit', whiteSpace: 'nowrap' }}
      >
        {job.name}
        <span aria-hidden="true">（{job.percent}%）</span>
      </Button>
    </div>
  );
}
