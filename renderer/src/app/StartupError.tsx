// Full-page error when the local database cannot be opened, in words an office user can act on.
import { Button, Result, Typography } from 'antd';
import { PreUpgradeBackupError } from '../db/backup/preUpgrade';
import { NewerDatabaseError } from '../db/db';
import { useHostInfo } from '../host/useHostInfo';
import { HostFooter } from './HostFooter';
import { StartupRecoverySteps } from './StartupRecoverySteps';

export interface StartupAdvice {
  title: string;
  subTitle: string;
  /** The error text to copy for the administrator; absent when the advice already says everything. */
  detail?: string;
  /** Whether 重新加载 can help (it cannot while only a newer build can read the data). */
  reload: boolean;
  /** Whether the data may be damaged, so the desktop app shows how to restore its automatic backup. */
  recovery?: boolean;
}

const NOT_UPGRADED = '为保护数据，本次没有升级，原有数据没有任何改动。';

function errorDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // A plain Error's name says nothing; a specific one (VersionError, QuotaExceededError, …) helps the administrator.
  return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
}

function preUpgradeAdvice(error: PreUpgradeBackupError): StartupAdvice {
  const base = { title: '升级前的自动备份没有完成', detail: error.message, reload: true };
  const lead = '新版本需要转换本机数据的格式，转换前要先自动备份一份，';
  if (/磁盘空间不足|ENOSPC/.test(error.reason)) {
    return { ...base, subTitle: `${lead}但磁盘空间不足，备份没有写成。${NOT_UPGRADED}请先清理磁盘空间后重新打开。` };
  }
  if (/没有写入权限|EACCES|EPERM/.test(error.reason)) {
    return {
      ...base,
      subTitle: `${lead}但没有写入数据文件夹的权限，备份没有写成。${NOT_UPGRADED}请联系管理员检查数据文件夹的权限后重新打开。`,
    };
  }
  return {
    ...base,
    subTitle: `${lead}但备份没有写成。${NOT_UPGRADED}请重新打开本软件；如仍不成功，请联系管理员，并提供下面的错误信息。`,
  };
}

/**
 * What the start-up screen says for `error`: the cases with a known remedy name it, the rest ask for the admin.
 * `desktop`: the desktop app, where one window is all there is (a second start only brings it forward) and the
 * automatic backups are on disk; in a browser another tab of the app can hold the database.
 */
export function startupAdvice(error: unknown, desktop = false): StartupAdvice {
  if (error instanceof NewerDatabaseError) {
    const ask = error.writerVersion ? '如有疑问，请联系管理员。' : '如不清楚应安装哪个版本，请联系管理员。';
    return { title: '本机数据来自较新版本的本软件', subTitle: `${error.message}${ask}`, reload: false };
  }
  if (error instanceof PreUpgradeBackupError) return preUpgradeAdvice(error);
  const base = { title: '无法打开数据库', detail: errorDetail(error), reload: true };
  if (!desktop) {
    return {
      ...base,
      subTitle:
        '本机保存的台账数据暂时无法读取。请关闭其他已打开的本程序窗口后重新加载；如仍无法打开，请联系管理员，并提供下面的错误信息。',
    };
  }
  return {
    ...base,
    subTitle:
      '本机保存的台账数据暂时无法读取，数据没有被删除。请先点「重新加载」；仍打不开时，请检查磁盘是否已满，然后重新启动电脑再打开本软件。还不行，可按下面的步骤从自动备份恢复，或联系管理员，并提供下面的错误信息。',
    recovery: true,
  };
}

export function StartupError({ error }: Readonly<{ error: unknown }>) {
  const { kind, info } = useHostInfo();
  const advice = startupAdvice(error, kind === 'electron');
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Result
        status="error"
        title={advice.title}
        subTitle={advice.subTitle}
        style={{ flex: 1, maxWidth: 880, width: '100%', margin: '0 auto' }}
        extra={
          advice.reload && (
            <Button type="primary" onClick={() => window.location.reload()}>
              重新加载
            </Button>
          )
        }
      >
        {advice.detail && (
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>错误信息（供管理员查看，可复制）：</Typography.Paragraph>
            <Typography.Paragraph copyable={{ tooltips: ['复制错误信息', '已复制'] }} code>
              {advice.detail}
            </Typography.Paragraph>
          </>
        )}
        {info?.logLocation && (
          <Typography.Paragraph type="secondary">
            错误已记录在日志文件夹：
            <Typography.Text code copyable={{ text: info.logLocation, tooltips: ['复制路径', '已复制'] }}>
              {info.logLocation}
            </Typography.Text>
          </Typography.Paragraph>
        )}
        {/* Once the host has answered (or failed to), so the paths do not change under the user's eyes. */}
        {advice.recovery && info !== undefined && <StartupRecoverySteps dataFolder={info?.dataLocation} />}
      </Result>
      {/* The version, for the administrator: which version to install, and what to quote in a report. */}
      <footer style={{ textAlign: 'center', padding: '12px 16px' }}>
        <HostFooter />
      </footer>
    </div>
  );
}
