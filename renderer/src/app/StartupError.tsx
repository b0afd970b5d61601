// Full-page error when the local database cannot be opened, in words an office user can act on.
import { Button, Result, Typography } from 'antd';

export function StartupError({ error }: Readonly<{ error: unknown }>) {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <Result
      status="error"
      title="无法打开数据库"
      subTitle="本机保存的台账数据暂时无法读取。请关闭其他已打开的本程序窗口后重新加载；如仍无法打开，请联系管理员，并提供下面的错误信息。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          重新加载
        </Button>
      }
    >
      <Typography.Paragraph copyable code>
        {detail}
      </Typography.Paragraph>
    </Result>
  );
}
