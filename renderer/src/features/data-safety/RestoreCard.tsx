// 「从备份恢复」: the file picker, the validation result (preview or refused with reasons), the mode choice and progress.
import { UploadOutlined } from '../../ui/icons';
import { Alert, App, Button, Card, Flex, Progress, Space, Typography, Upload } from 'antd';
import { NOTHING_CHANGED, RESTORE_MODE_LABELS } from '../../db/backup/restore';
import { BackupPreviewCard } from './BackupPreviewCard';
import type { RestoreFlow } from './useRestoreFlow';

function ReasonList({ errors }: Readonly<{ errors: string[] }>) {
  return (
    <ul style={{ margin: '8px 0', paddingInlineStart: 20 }}>
      {errors.map((e, i) => (
        <li key={i}>{e}</li>
      ))}
    </ul>
  );
}

export function RestoreCard({ flow }: Readonly<{ flow: RestoreFlow }>) {
  const { modal } = App.useApp();
  const { state } = flow;

  const confirmReplace = () => {
    modal.confirm({
      title: '覆盖全部数据？',
      content: '将删除本机现有全部数据，并替换为备份中的数据。此操作不能撤销，建议先“立即备份”当前数据。',
      okText: '覆盖全部',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => void flow.restore('replace'),
    });
  };

  return (
    <Card title="从备份恢复" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        选择一个备份文件（.zip）。恢复前会逐项校验文件；校验不通过的文件不会写入任何数据。
      </Typography.Paragraph>
      <Upload
        accept=".zip,application/zip"
        showUploadList={false}
        disabled={flow.busy}
        beforeUpload={(file) => {
          void flow.inspect(file.name, file);
          // Nothing is uploaded anywhere: the file is read locally.
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} disabled={flow.busy}>
          选择备份文件
        </Button>
      </Upload>

      <div style={{ marginTop: 16 }}>
        {state.step === 'checking' && (
          <div role="status" aria-live="polite">
            <Progress percent={state.percent} />
            <Typography.Text>正在校验「{state.name}」…</Typography.Text>
          </div>
        )}
        {state.step === 'refused' && (
          <Alert
            type="error"
            showIcon
            title={`「${state.name}」不能用于恢复`}
            description={
              <>
                <ReasonList errors={state.errors} />
                <Typography.Text strong>{NOTHING_CHANGED}。</Typography.Text>
              </>
            }
          />
        )}
        {state.step === 'preview' && (
          <Card type="inner" title="备份内容（已通过校验）">
            <BackupPreviewCard preview={state.preview} fileName={state.name} />
            <Typography.Paragraph style={{ marginTop: 12 }}>
              「作为新支部导入」把备份中的支部加入本机，保留本机已有的数据；「覆盖全部」用备份替换本机全部数据。
            </Typography.Paragraph>
            <Space wrap>
              <Button type="primary" onClick={() => void flow.restore('addAsNewBranches')}>
                {RESTORE_MODE_LABELS.addAsNewBranches}
              </Button>
              <Button danger onClick={confirmReplace}>
                {RESTORE_MODE_LABELS.replace}
              </Button>
              <Button onClick={flow.reset}>取消</Button>
            </Space>
          </Card>
        )}
        {state.step === 'restoring' && (
          <div role="status" aria-live="polite">
            <Progress percent={state.percent} />
            <Typography.Text>
              {RESTORE_MODE_LABELS[state.mode]}：{state.text}
            </Typography.Text>
          </div>
        )}
        {state.step === 'done' && (
          <Alert
            type="success"
            showIcon
            title="恢复完成"
            description={
              <Flex vertical gap={4}>
                <span>
                  已{RESTORE_MODE_LABELS[state.result.mode]}：
                  {state.result.branches.map((b) => b.name).join('、') || '（无支部）'}，共 {state.result.rows} 条记录、
                  {state.result.attachments} 个附件。
                </span>
                <Button size="small" style={{ alignSelf: 'flex-start' }} onClick={flow.reset}>
                  完成
                </Button>
              </Flex>
            }
          />
        )}
        {state.step === 'failed' && (
          <Alert
            type="error"
            showIcon
            title="恢复没有完成"
            description={
              <>
                <ReasonList errors={state.errors} />
                <Typography.Text strong>{NOTHING_CHANGED}。</Typography.Text>
              </>
            }
          />
        )}
      </div>
    </Card>
  );
}
