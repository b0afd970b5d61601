// 数据安全: back up now, restore from a file (validated, previewed), automatic backups (desktop), and the 操作日志.
import { Alert, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { listRecentAudit } from '../../db/repositories/audit';
import { AppLockCard } from '../app-lock/AppLockCard';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { AuditLogCard } from './AuditLogCard';
import { AutoBackupList } from './AutoBackupList';
import { getBackupApi } from '../../host/backupApi';
import { getHost } from '../../host/host';
import { BackupNowCard } from './BackupNowCard';
import { RestoreCard } from './RestoreCard';
import { refreshPreview, useRestoreFlow } from './useRestoreFlow';

/** Where the desktop app keeps its data (Electron's userData), so an administrator knows what to back up. */
function useDataFolder(): string | undefined {
  const [folder, setFolder] = useState<string>();
  useEffect(() => {
    const host = getHost();
    if (host.kind !== 'electron') return;
    let live = true;
    host.appInfo().then(
      (info) => live && setFolder(info.dataLocation),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return folder;
}

export function DataSafetyPage() {
  const [api] = useState(getBackupApi);
  const [refreshKey, setRefreshKey] = useState(0);
  const flow = useRestoreFlow();
  const branch = useCurrentBranch();
  const dataFolder = useDataFolder();
  // Entries of no branch: deleted branches (their own log went with them) and the shared 评价标准.
  const hasSharedLog = useLiveQuery(async () => (await listRecentAudit('', 1)).length > 0, []);
  // A preview checked before the user left the page: this computer's branches may have changed since.
  useEffect(() => {
    void refreshPreview();
  }, []);

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
          onRestore={(name, read) => void flow.inspect(name, read)}
          dataFolder={dataFolder}
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
      {hasSharedLog && (
        <div style={{ marginTop: 16 }}>
          <AuditLogCard branchId="" branchName="各支部共用及已删除的支部" />
        </div>
      )}
    </section>
  );
}
