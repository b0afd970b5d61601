// 数据安全: back up now, restore from a file (validated, previewed), automatic backups (desktop), and the 操作日志.
import { Alert, Typography } from 'antd';
import { useState } from 'react';
import { AppLockCard } from '../app-lock/AppLockCard';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { AuditLogCard } from './AuditLogCard';
import { AutoBackupList } from './AutoBackupList';
import { getBackupApi } from '../../host/backupApi';
import { BackupNowCard } from './BackupNowCard';
import { RestoreCard } from './RestoreCard';
import { useRestoreFlow } from './useRestoreFlow';

export function DataSafetyPage() {
  const [api] = useState(getBackupApi);
  const [refreshKey, setRefreshKey] = useState(0);
  const flow = useRestoreFlow();
  const branch = useCurrentBranch();

  return (
    <section aria-labelledby="page-title">
      <Typography.Title level={2} id="page-title" style={{ marginTop: 0 }}>
        数据安全
      </Typography.Title>
      <BackupNowCard onDone={() => setRefreshKey((k) => k + 1)} />
      <RestoreCard flow={flow} />
      {api ? (
        <AutoBackupList
          api={api}
          refreshKey={refreshKey + (flow.state.step === 'done' ? 1 : 0)}
          disabled={flow.busy}
          onRestore={(name, file) => void flow.inspect(name, file)}
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="自动备份仅在桌面版中提供"
          description="在浏览器中运行时不会自动备份，请定期使用“立即备份”保存备份文件。"
        />
      )}
      <AppLockCard />
      {branch && <AuditLogCard branchId={branch.id} branchName={branch.name} />}
    </section>
  );
}
