// 数据安全 → 应用锁: set, change or remove the optional password and the idle time, with the honest limits stated.
import { LockOutlined } from '../../ui/icons';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState, type FormEvent } from 'react';
import {
  APP_LOCK_CORRUPTED_WARNING,
  APP_LOCK_HONESTY_NOTE,
  IDLE_MINUTES_DEFAULT,
  IDLE_MINUTES_MAX,
  IDLE_MINUTES_MIN,
} from '../../../../shared/lock/record';
import { RESET_APP_LOCK_SWITCH } from '../../../../shared/lock/reset';
import { Loading } from '../../ui/Loading';
import { useAppLockControls } from './appLockContext';
import { AppLockError, changeAppLock, enableAppLock, removeAppLock } from './appLockStore';
import { useAppLockStatus } from './useAppLockStatus';

interface Fields {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
  idleMinutes: string;
}

const emptyFields = (idleMinutes: number): Fields => ({
  currentPassword: '',
  newPassword: '',
  confirmation: '',
  idleMinutes: String(idleMinutes),
});

function PasswordField({
  id,
  label,
  value,
  onChange,
  autoComplete,
}: Readonly<{ id: string; label: string; value: string; onChange: (v: string) => void; autoComplete: string }>) {
  return (
    <Form.Item label={label} htmlFor={id}>
      <Input.Password
        id={id}
        value={value}
        autoComplete={autoComplete}
        onChange={(event) => onChange(event.target.value)}
      />
    </Form.Item>
  );
}

export function AppLockCard() {
  const { message } = App.useApp();
  const status = useAppLockStatus();
  const controls = useAppLockControls();
  const [fields, setFields] = useState<Fields>(() => emptyFields(IDLE_MINUTES_DEFAULT));
  const [editedFor, setEditedFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // When the stored lock changes (set, changed, removed elsewhere), the form starts over from the stored idle time.
  const storedKey = status === undefined ? null : status.kind === 'set' ? status.record.updatedAt : status.kind;
  if (storedKey !== null && storedKey !== editedFor) {
    setEditedFor(storedKey);
    setFields(emptyFields(status?.kind === 'set' ? status.record.idleMinutes : IDLE_MINUTES_DEFAULT));
    setError(null);
  }

  if (status === undefined) return <Loading />;
  const isSet = status.kind === 'set';
  const set = (name: keyof Fields) => (value: string) => setFields((current) => ({ ...current, [name]: value }));

  const run = async (action: () => Promise<void>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      void message.success(done);
    } catch (caught) {
      if (caught instanceof AppLockError) setError(caught.message);
      else setError(`操作失败：${caught instanceof Error ? caught.message : String(caught)}`);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isSet) {
      void run(() => changeAppLock(fields), '应用锁已更新');
    } else {
      void run(
        () =>
          enableAppLock({
            password: fields.newPassword,
            confirmation: fields.confirmation,
            idleMinutes: fields.idleMinutes,
          }),
        '应用锁已启用',
      );
    }
  };

  return (
    <Card title="应用锁" style={{ marginBottom: 16 }} id="app-lock">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${APP_LOCK_HONESTY_NOTE}。`}
        description={`设置密码后，每次启动本程序以及空闲一段时间后都需要输入密码，适合多人共用的电脑。数据库本身不加密，懂技术的人仍可直接读取。忘记密码时，请管理员以 ${RESET_APP_LOCK_SWITCH} 参数启动本程序移除应用锁。`}
      />
      {status.kind === 'corrupted' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={APP_LOCK_CORRUPTED_WARNING} />
      )}
      <Typography.Paragraph>
        {isSet ? `状态：已启用，空闲 ${status.record.idleMinutes} 分钟后自动锁定。` : '状态：未启用。'}
      </Typography.Paragraph>
      <Form layout="vertical" component={false}>
        <form onSubmit={submit} style={{ maxWidth: 420 }}>
          {isSet && (
            <PasswordField
              id="app-lock-current"
              label="当前密码"
              value={fields.currentPassword}
              onChange={set('currentPassword')}
              autoComplete="current-password"
            />
          )}
          <PasswordField
            id="app-lock-new"
            label={isSet ? '新密码（不改密码请留空）' : '新密码'}
            value={fields.newPassword}
            onChange={set('newPassword')}
            autoComplete="new-password"
          />
          <PasswordField
            id="app-lock-confirm"
            label="确认新密码"
            value={fields.confirmation}
            onChange={set('confirmation')}
            autoComplete="new-password"
          />
          <Form.Item
            label={`空闲多久后自动锁定（分钟，${IDLE_MINUTES_MIN}–${IDLE_MINUTES_MAX}）`}
            htmlFor="app-lock-idle"
          >
            <Input
              id="app-lock-idle"
              inputMode="numeric"
              value={fields.idleMinutes}
              onChange={(event) => set('idleMinutes')(event.target.value)}
              style={{ width: 120 }}
            />
          </Form.Item>
          {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={error} />}
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {isSet ? '保存修改' : '设置应用锁'}
            </Button>
            {isSet && (
              <Button
                danger
                disabled={busy}
                onClick={() => void run(() => removeAppLock(fields.currentPassword), '应用锁已移除')}
              >
                移除应用锁
              </Button>
            )}
            {isSet && controls && (
              <Button icon={<LockOutlined />} disabled={busy} onClick={controls.lockNow}>
                立即锁定
              </Button>
            )}
          </Space>
        </form>
      </Form>
    </Card>
  );
}
