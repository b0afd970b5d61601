// Shows a PDF job's progress (with the step being rendered and a cancel button), and its outcome in Chinese.
import { Alert, Button, Progress, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { unprintableNotice } from '../../../shared/print/printText';
import type { PdfJobState } from './usePdfJob';

/**
 * 取消生成, focused as it appears when the focus has nowhere to be: the button that started the job is disabled while
 * it runs (Chromium drops the focus to the page a moment later), and the next Tab would start again at the top.
 * Focus the user has put elsewhere is left there.
 */
function CancelButton({ onCancel }: Readonly<{ onCancel: () => void }>) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const focused = document.activeElement;
    if (focused === null || focused === document.body || focused.matches(':disabled')) ref.current?.focus();
  }, []);
  return (
    <Button ref={ref} onClick={onCancel}>
      取消生成
    </Button>
  );
}

interface Props {
  state: PdfJobState;
  onCancel: () => void;
}

export function PdfJobStatus({ state, onCancel }: Readonly<Props>) {
  switch (state.status) {
    case 'idle':
      return null;
    case 'running':
      return (
        <Space direction="vertical" style={{ width: '100%' }} aria-live="polite">
          <Typography.Text>{state.progress.label}</Typography.Text>
          <Progress percent={Math.round(state.progress.fraction * 100)} status="active" aria-label="生成进度" />
          <CancelButton onCancel={onCancel} />
        </Space>
      );
    case 'saved':
      return (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="success"
            showIcon
            message={`已保存：${state.fileName}`}
            description={state.fingerprint ? `数据指纹（SHA-256）：${state.fingerprint}` : undefined}
          />
          {state.unprintable && (
            <Alert
              type="warning"
              showIcon
              message="有字符无法打印"
              description={unprintableNotice(state.unprintable)}
            />
          )}
        </Space>
      );
    case 'cancelled':
      return <Alert type="info" showIcon message="已取消，没有生成文件" />;
    case 'failed':
      return <Alert type="error" showIcon message="生成失败，没有生成文件" description={state.message} />;
    case 'nothing':
      return <Alert type="info" showIcon message="还没有可以生成的内容" description={state.message} />;
  }
}
