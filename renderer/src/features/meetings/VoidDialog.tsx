// 作废 of a 已定稿 record entered by mistake: what it does, said before it is done, and the reason it is asked for.
import { Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../db/repositories/errors';
import { MIN_AMEND_REASON, voidMeeting } from '../../db/repositories/meetings';
import { ReasonBox } from './ReasonBox';

interface Props {
  open: boolean;
  meetingId: string;
  /** 「2026-11-25 主题党日「…」（本年度第2次）」 */
  label: string;
  onClose: () => void;
  onVoided: () => void;
}

export function VoidDialog({ open, meetingId, label, onClose, onVoided }: Readonly<Props>) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setError(undefined);
    onClose();
  };
  const confirm = async () => {
    if (Array.from(reason.trim()).length < MIN_AMEND_REASON) {
      setError(`请填写作废原因（至少 ${MIN_AMEND_REASON} 个字）`);
      return;
    }
    setBusy(true);
    try {
      await voidMeeting(meetingId, reason);
      setReason('');
      setError(undefined);
      onVoided();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="作废已定稿的记录"
      okText="作废"
      okButtonProps={{ danger: true, loading: busy }}
      cancelText="取消"
      onOk={() => void confirm()}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph>{label}</Typography.Paragraph>
      <Typography.Paragraph>
        只用于不该存在的记录（例如重复录入、录错了支部）。作废后，这条记录从记录列表、频次统计和迎检卷宗中移除，其后同类记录的序号依次前移；操作日志保留它的内容摘要和作废原因。作废不能撤销。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">会议确实召开、只是内容有误的，请用「更正」。</Typography.Paragraph>
      <ReasonBox id="void-reason" label="作废原因" value={reason} onChange={setReason} error={error} />
    </Modal>
  );
}
