// Blocking notice when another window upgraded the database: this window's connection is closed and must reload.
import { Button, Modal, Result } from 'antd';

export function VersionChangedNotice({ open }: Readonly<{ open: boolean }>) {
  return (
    <Modal open={open} closable={false} mask={{ closable: false }} keyboard={false} footer={null} centered>
      <Result
        status="warning"
        title="数据库已在其他窗口升级，请重新加载"
        subTitle="为避免数据不一致，本窗口已停止读写。重新加载后即可继续使用，已保存的数据不会丢失。"
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            重新加载
          </Button>
        }
      />
    </Modal>
  );
}
