// While a restore writes (from the confirmed mode until it ends, success or failure), the whole window is blocked:
// 覆盖全部 replaces the database at its end and 替换本机的同一支部 the branches' rows, so an edit saved meanwhile was
// shown 「已保存」 and then silently thrown away. A mask over everything names the job and its progress; the app under
// it is inert (no pointer, no focus, hidden from screen readers) and no key reaches it (the forms' shortcuts listen on
// the document). A check of a file never blocks: it writes nothing.
import { Progress, Typography } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { RESTORE_MODE_LABELS } from '../../db/backup/restore';
import { useDataJobs } from './dataJobs';
import type { RestoreFlowState } from './useRestoreFlow';

type Writing = Extract<RestoreFlowState, { step: 'restoring' }>;

/** Above everything antd shows (popups from 1000, messages 1010, its modals' masks 1000). */
const OVERLAY_Z = 2000;

/** Every key, in the capture phase of the window: before any handler of the app sees it (Ctrl+S, Esc, Tab). */
function swallowKeys(): () => void {
  const swallow = (event: KeyboardEvent) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const kinds = ['keydown', 'keypress', 'keyup'] as const;
  for (const kind of kinds) window.addEventListener(kind, swallow, true);
  return () => {
    for (const kind of kinds) window.removeEventListener(kind, swallow, true);
  };
}

function RestoreOverlay({ state }: Readonly<{ state: Writing }>) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The focus leaves the app (inert now): on the mask, a screen reader reads what is happening.
    box.current?.focus();
    return swallowKeys();
  }, []);
  return (
    <div
      ref={box}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="restore-blocker-title"
      aria-describedby="restore-blocker-note"
      tabIndex={-1}
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: OVERLAY_Z,
        background: 'rgba(0, 0, 0, 0.55)',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        outline: 'none',
      }}
    >
      <div
        style={{
          background: '#fff',
          borderRadius: 8,
          padding: 24,
          width: 'min(520px, 100%)',
          boxShadow: '0 6px 16px rgba(0, 0, 0, 0.2)',
        }}
      >
        <Typography.Title level={2} id="restore-blocker-title" style={{ fontSize: 18, marginTop: 0 }}>
          正在从备份恢复（{state.percent}%）
        </Typography.Title>
        <Progress percent={state.percent} status="active" aria-label="恢复进度" />
        <Typography.Paragraph role="status" style={{ marginTop: 8 }}>
          {RESTORE_MODE_LABELS[state.mode]}「{state.name}」：{state.text}
        </Typography.Paragraph>
        <Typography.Paragraph id="restore-blocker-note" strong style={{ marginBottom: 0 }}>
          完成前请勿关闭软件。恢复期间不能修改数据：这时所做的修改会被备份中的数据覆盖。
        </Typography.Paragraph>
      </div>
    </div>
  );
}

export function RestoreBlocker({ children }: Readonly<{ children: ReactNode }>) {
  const { restore } = useDataJobs();
  const writing = restore.step === 'restoring' ? restore : undefined;
  return (
    <>
      <div inert={writing !== undefined}>{children}</div>
      {writing && <RestoreOverlay state={writing} />}
    </>
  );
}
