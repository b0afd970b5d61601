// 删除支部: what will be deleted (counted), a backup offered first, and the branch's name typed to confirm.
import { Alert, App, Input, Modal, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { Branch } from '../../../../shared/schemas';
import { countBranchRows, deleteBranch, describeBranchRows } from '../../db/repositories/branches';
import { errorText } from '../../db/repositories/errors';
import { BackupNowCard } from '../data-safety/BackupNowCard';
import { useBranches } from './useBranches';

export function DeleteBranchDialog({
  branch,
  open,
  onClose,
}: Readonly<{ branch: Branch; open: boolean; onClose: (deleted: boolean) => void }>) {
  const { message } = App.useApp();
  const branches = useBranches();
  const counts = useLiveQuery(() => (open ? countBranchRows(branch.id) : undefined), [branch.id, open]);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = `delete-branch-${useId().replace(/:/g, '')}`;
  const others = (branches ?? []).filter((b) => b.id !== branch.id);
  const matches = typed.trim() === branch.name;

  const run = async () => {
    setBusy(true);
    try {
      const { currentBranchId } = await deleteBranch(branch.id, typed);
      const next = others.find((b) => b.id === currentBranchId);
      void message.success(
        next ? `已删除支部「${branch.name}」，当前支部已切换为「${next.name}」` : `已删除支部「${branch.name}」`,
      );
      onClose(true);
    } catch (error) {
      void message.error(`删除没有完成：${errorText(error)}（本机数据未做任何改动）`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`删除支部「${branch.name}」`}
      width={620}
      okText="删除支部"
      okButtonProps={{ danger: true, disabled: !matches || counts === undefined, loading: busy }}
      cancelText="取消"
      onOk={() => void run()}
      onCancel={() => onClose(false)}
      afterClose={() => setTyped('')}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert
        type="error"
        showIcon
        title="删除后不能撤销，只能从备份恢复"
        description={
          counts === undefined
            ? '正在统计该支部的数据…'
            : (counts.some((c) => c.table !== 'auditPages')
                ? `将删除支部「${branch.name}」及其全部数据：${describeBranchRows(counts)}。`
                : `将删除支部「${branch.name}」（该支部还没有任何记录）。`) +
              (others.length > 0
                ? `本机其他 ${others.length} 个支部不受影响。`
                : '这是本机唯一的支部，删除后需要重新建立支部。')
        }
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 8 }}>
        建议先备份本机数据，需要时可用「从备份恢复」找回该支部：
      </Typography.Paragraph>
      <BackupNowCard />
      <label htmlFor={inputId}>请输入支部名称「{branch.name}」以确认删除</label>
      <Input
        id={inputId}
        value={typed}
        autoComplete="off"
        onChange={(e) => setTyped(e.target.value)}
        onPressEnter={() => matches && counts !== undefined && !busy && void run()}
        style={{ marginTop: 4 }}
      />
    </Modal>
  );
}
