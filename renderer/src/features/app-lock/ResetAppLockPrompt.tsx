// Shown when the desktop app was started with --reset-app-lock: the administrator confirms removing the lock.
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { APP_LOCK_HONESTY_NOTE } from '../../../../shared/lock/record';
import { resetAppLockByAdmin } from './appLockStore';

export function ResetAppLockPrompt({ onDone }: Readonly<{ onDone: () => void }>) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await resetAppLockByAdmin();
      void message.success('应用锁已移除');
      onDone();
    } catch (error) {
      void message.error(`移除失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div role="dialog" aria-modal="true" aria-labelledby="app-lock-reset-title" style={{ padding: 48 }}>
      <Card style={{ maxWidth: 520, margin: '0 auto' }}>
        <Typography.Title level={2} id="app-lock-reset-title" style={{ marginTop: 0 }}>
          重置应用锁
        </Typography.Title>
        <Typography.Paragraph>
          本程序以管理员重置参数启动。确认后将移除应用锁的密码，之后无需密码即可进入；台账数据不会被删除或改动。
        </Typography.Paragraph>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${APP_LOCK_HONESTY_NOTE}。`} />
        <Space>
          <Button type="primary" danger loading={busy} onClick={() => void confirm()}>
            移除应用锁
          </Button>
          <Button disabled={busy} onClick={onDone}>
            取消
          </Button>
        </Space>
      </Card>
    </div>
  );
}
