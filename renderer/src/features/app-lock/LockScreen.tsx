// 「应用已锁定」: the password prompt over the whole window, with the wrong-attempt countdown.
import { LockOutlined } from '../../ui/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import {
  FREE_ATTEMPTS,
  registerFailure,
  registerSuccess,
  remainingWaitSeconds,
  tooManyAttemptsMessage,
  type AttemptState,
} from '../../../../shared/lock/attempts';
import { APP_LOCK_HONESTY_NOTE } from '../../../../shared/lock/record';
import { RESET_APP_LOCK_SWITCH } from '../../../../shared/lock/reset';

interface Props {
  /** Kept by the gate, so hiding and showing the lock screen does not forget earlier wrong attempts. */
  attempts: AttemptState;
  onAttempts: (next: AttemptState) => void;
  checkPassword: (password: string) => Promise<boolean>;
  onUnlocked: () => void;
}

export function LockScreen({ attempts, onAttempts, checkPassword, onUnlocked }: Readonly<Props>) {
  const [password, setPassword] = useState('');
  const [checking, setChecking] = useState(false);
  const [wrong, setWrong] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const wait = remainingWaitSeconds(attempts, now);

  useEffect(() => {
    if (attempts.blockedUntil <= Date.now()) return undefined;
    // Ticks the countdown once a second until the wait is over.
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [attempts.blockedUntil]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checking || remainingWaitSeconds(attempts, Date.now()) > 0) return;
    setChecking(true);
    try {
      if (await checkPassword(password)) {
        onAttempts(registerSuccess());
        onUnlocked();
        return;
      }
      const next = registerFailure(attempts, Date.now());
      onAttempts(next);
      setNow(Date.now());
      setPassword('');
      const left = FREE_ATTEMPTS - next.failures;
      setWrong(left > 0 ? `密码错误，还可再试 ${left} 次` : null);
    } finally {
      setChecking(false);
    }
  };

  const message = wait > 0 ? tooManyAttemptsMessage(wait) : wrong;

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="app-lock-title"
      style={{
        position: 'fixed',
        inset: 0,
        // Above antd's modals and drawers (z-index 1000+), which live in portals outside the hidden shell.
        zIndex: 2000,
        background: '#f5f5f5',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title level={2} id="app-lock-title" style={{ marginTop: 0 }}>
          <LockOutlined aria-hidden /> 应用已锁定
        </Typography.Title>
        <Typography.Paragraph type="secondary">{APP_LOCK_HONESTY_NOTE}。</Typography.Paragraph>
        <Form layout="vertical" component={false}>
          <form onSubmit={(event) => void submit(event)}>
            <Form.Item label="密码" htmlFor="app-lock-password" required>
              <Input.Password
                id="app-lock-password"
                autoFocus
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                aria-describedby={message ? 'app-lock-message' : undefined}
              />
            </Form.Item>
            {message && (
              <Alert
                id="app-lock-message"
                role="alert"
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title={message}
              />
            )}
            <Button type="primary" htmlType="submit" block loading={checking} disabled={wait > 0}>
              解锁
            </Button>
          </form>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          忘记密码：请管理员以 {RESET_APP_LOCK_SWITCH} 参数启动本程序，确认后即可移除应用锁，数据不受影响。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
