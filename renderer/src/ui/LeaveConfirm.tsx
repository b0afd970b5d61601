// The question the leave guard asks before unsaved edits are dropped (see leaveGuard.ts): leaving the page, or a
// move that drops the page's forms (切换支部).
import { App, Button, Modal, Typography } from 'antd';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import {
  cancelLeave,
  confirmLeave,
  hasUnsavedChanges,
  pendingLeave,
  subscribeLeave,
  useUnsavedChanges,
} from './leaveGuard';

/**
 * 继续编辑, focused once the dialog is there, as antd's confirm focuses its `autoFocusButton` (a tick later: the
 * dialog first notes what had the focus, to give it back on closing). Enter after Enter keeps the edits.
 */
function KeepEditingButton() {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => ref.current?.focus());
    return () => clearTimeout(timer);
  }, []);
  return (
    <Button ref={ref} onClick={cancelLeave}>
      继续编辑
    </Button>
  );
}

export function LeaveConfirm() {
  const request = useSyncExternalStore(subscribeLeave, pendingLeave);
  return (
    <Modal
      open={request !== undefined}
      title="离开此页？"
      okText="放弃修改并离开"
      okButtonProps={{ danger: true }}
      footer={(_, { OkBtn }) => (
        <>
          <KeepEditingButton />
          <OkBtn />
        </>
      )}
      onOk={confirmLeave}
      onCancel={cancelLeave}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {request
          ? `「${request.forms.join('」「')}」有尚未保存的修改，${request.action ?? '离开'}后这些修改将丢失。`
          : ''}
      </Typography.Paragraph>
    </Modal>
  );
}

/** 「放弃修改？」 asked before `discard` runs; nothing happens on 继续编辑, which has the focus. */
function useConfirmDiscard() {
  const { modal } = App.useApp();
  return (content: string, discard: () => void) =>
    modal.confirm({
      title: '放弃修改？',
      content,
      okText: '放弃修改',
      cancelText: '继续编辑',
      okButtonProps: { danger: true },
      focusable: { autoFocusButton: 'cancel' },
      onOk: discard,
    });
}

/**
 * A form's guard in one call: registers unsaved edits (`release` after a save, before navigating), and `cancel`
 * wraps the form's 取消 so that unsaved edits are dropped only after 「放弃修改」.
 */
export function useFormLeaveGuard(isDirty: boolean, label: string) {
  const release = useUnsavedChanges(isDirty, label);
  const confirmDiscard = useConfirmDiscard();
  const cancel = (onCancel: () => void) => () => {
    if (!isDirty) onCancel();
    else
      confirmDiscard(`「${label}」有尚未保存的修改，放弃后这些修改将丢失。`, () => {
        release();
        onCancel();
      });
  };
  return { release, cancel };
}

/**
 * For a drawer or dialog holding a guarded form: closing it (×, Esc, the mask) asks first when the form has unsaved
 * edits, and closes only on 「放弃修改」 (the form then unmounts, which ends its guard).
 */
export function useConfirmClose() {
  const confirmDiscard = useConfirmDiscard();
  return (close: () => void) => () => {
    if (!hasUnsavedChanges()) close();
    else confirmDiscard('表单中有尚未保存的修改，关闭后这些修改将丢失。', close);
  };
}
