// 「从备份恢复」: the file picker, the validation result (preview or refused with reasons), the mode choice and progress.
import { UploadOutlined } from '../../ui/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Modal, Progress, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  type BackupPreview,
  type BranchesHere,
  NOTHING_CHANGED,
  RESTORE_MODE_LABELS,
  type RestoreResult,
} from '../../db/backup/restore';
import { countBranchRows, describeBranchRows } from '../../db/repositories/branches';
import { BackupPreviewCard } from './BackupPreviewCard';
import { formatChinaTime } from './format';
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

/** At most `max` names, then 「等 N 个」: a confirmation must stay readable with 100 branches. */
function names(list: readonly { name: string }[], max = 40): string {
  const shown = list.slice(0, max).map((b) => `「${b.name}」`);
  return list.length > max ? `${shown.join('、')}等 ${list.length} 个` : shown.join('、');
}

/** Branches of the file changed here after the backup was made: replacing them loses those changes. */
const changedSince = (here: BranchesHere, createdAt: string) =>
  here.same.filter((b) => b.lastChange !== undefined && b.lastChange > createdAt);

function NewerHereWarning({ preview }: Readonly<{ preview: BackupPreview }>) {
  const newer = changedSince(preview.here, preview.createdAt);
  if (newer.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      title="本机的数据比备份新"
      description={newer
        .map(
          (b) =>
            `本机的「${b.localName}」在备份时间（${formatChinaTime(preview.createdAt)}）之后还有修改（最近一次 ${formatChinaTime(b.lastChange!)}），替换后这些修改将丢失。`,
        )
        .join('')}
    />
  );
}

/** How the file's branches meet this computer's: the same branch here (offer to replace it), or only the same name. */
function BranchesHereNotes({ preview }: Readonly<{ preview: BackupPreview }>) {
  const { same, sameName, total } = preview.here;
  const added = preview.branches.filter((b) => !same.some((s) => s.id === b.id));
  return (
    <>
      {same.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title="本机已有备份中的支部"
          description={
            same
              .map((b) => (b.localName === b.name ? `「${b.name}」` : `「${b.name}」（本机名称「${b.localName}」）`))
              .join('、') +
            `本机已有，是同一支部，不能再作为新支部导入。可选择「${RESTORE_MODE_LABELS.replaceBranches}」用备份中的数据替换它` +
            (total > same.length ? `，本机其他 ${total - same.length} 个支部不受影响。` : '。') +
            (added.length > 0 ? `备份中的${names(added)}本机没有，将作为新支部加入。` : '')
          }
        />
      )}
      <NewerHereWarning preview={preview} />
      {sameName.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={`本机已有同名支部${names(sameName)}`}
          description={`本机的同名支部不是由这份备份导入的（编号不同），导入后将有两个同名支部。如果本机那个是同一支部早先导入的副本，可在导入后到「支部概况」核对，再删除多余的一个。`}
        />
      )}
    </>
  );
}

/** 覆盖全部's confirmation: with branches here that the file lacks, it names them and must be ticked. */
function ReplaceAllDialog({
  preview,
  open,
  onCancel,
  onConfirm,
}: Readonly<{ preview: BackupPreview; open: boolean; onCancel: () => void; onConfirm: () => void }>) {
  const [understood, setUnderstood] = useState(false);
  const { onlyHere, same, total } = preview.here;
  const losing = onlyHere.length > 0;
  return (
    <Modal
      open={open}
      title="覆盖全部数据？"
      okText="覆盖全部"
      okButtonProps={{ danger: true, disabled: losing && !understood }}
      cancelText="取消"
      onOk={onConfirm}
      onCancel={onCancel}
      afterClose={() => setUnderstood(false)}
      destroyOnHidden
    >
      <Typography.Paragraph>
        将删除本机现有全部数据，并替换为备份中的数据。此操作不能撤销，建议先“立即备份”当前数据。
      </Typography.Paragraph>
      {losing && (
        <>
          <Alert
            type="error"
            showIcon
            title={`本机 ${total} 个支部的数据将被删除，只留下备份中的 ${preview.branches.length} 个`}
            description={
              <>
                备份中没有、将被删除的支部（{onlyHere.length} 个）：{names(onlyHere)}。
                {same.length > 0 && `如只想更新备份中的支部，请取消，改选「${RESTORE_MODE_LABELS.replaceBranches}」。`}
              </>
            }
          />
          <Checkbox style={{ marginTop: 12 }} checked={understood} onChange={(e) => setUnderstood(e.target.checked)}>
            我已了解：本机这 {onlyHere.length} 个支部的数据将被删除
          </Checkbox>
        </>
      )}
    </Modal>
  );
}

function DoneText({ result }: Readonly<{ result: Extract<RestoreResult, { ok: true }> }>) {
  const list = (l: readonly { name: string }[]) => l.map((b) => b.name).join('、');
  const totals = `共 ${result.rows} 条记录、${result.attachments} 个附件`;
  let text: string;
  if (result.mode === 'replaceBranches') {
    const replaced = result.replaced ?? [];
    const added = result.branches.filter((b) => !replaced.some((r) => r.id === b.id));
    text =
      `已${RESTORE_MODE_LABELS.replaceBranches}：${list(replaced) || '（无）'}` +
      (added.length ? `；新增支部：${list(added)}` : '') +
      `，${totals}。本机其他支部没有改动。`;
  } else {
    text = `已${RESTORE_MODE_LABELS[result.mode]}：${list(result.branches) || '（无支部）'}，${totals}。`;
  }
  return (
    <>
      <span>{text}</span>
      {result.renumbered !== undefined && (
        <span>
          备份中有 {result.renumbered}{' '}
          条记录的编号与本机其他支部的记录相同，已为它们另编编号（用这份备份生成的卷宗校验时，这些记录会显示为变动）。
        </span>
      )}
    </>
  );
}

export function RestoreCard({ flow }: Readonly<{ flow: RestoreFlow }>) {
  const { modal } = App.useApp();
  const { state } = flow;
  const [replaceAllOpen, setReplaceAllOpen] = useState(false);
  // The card is long (the preview) and the page stays where the button was: bring each new step into view, so the
  // progress of a long restore and its result or refusal are seen, also when started from the automatic backups below.
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.step === 'idle') return;
    statusRef.current?.scrollIntoView?.({
      block: state.step === 'preview' ? 'start' : 'nearest',
      behavior: 'smooth',
    });
  }, [state.step]);

  const confirmReplaceBranches = async (preview: BackupPreview) => {
    const { same, total } = preview.here;
    const current = await Promise.all(
      same.map(
        async (b) => `本机「${b.localName}」现有的全部数据（${describeBranchRows(await countBranchRows(b.id))}）`,
      ),
    );
    const newer = changedSince(preview.here, preview.createdAt);
    modal.confirm({
      title:
        same.length === 1 ? `用备份替换本机的「${same[0]!.localName}」？` : `用备份替换本机的 ${same.length} 个支部？`,
      width: 560,
      content: (
        <>
          <Typography.Paragraph>
            {current.join('；')}将被删除，换成备份中的数据（备份时间 {formatChinaTime(preview.createdAt)}）。
            {total > same.length ? `本机其他 ${total - same.length} 个支部不受影响。` : ''}
          </Typography.Paragraph>
          {newer.length > 0 && (
            <Typography.Paragraph type="danger">
              {names(newer.map((b) => ({ name: b.localName })))}在备份之后还有修改，替换后这些修改将丢失。
            </Typography.Paragraph>
          )}
          <Typography.Paragraph>此操作不能撤销，建议先“立即备份”当前数据。</Typography.Paragraph>
        </>
      ),
      okText: RESTORE_MODE_LABELS.replaceBranches,
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => void flow.restore('replaceBranches'),
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

      <div ref={statusRef} style={{ marginTop: 16, scrollMarginTop: 80 }}>
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
            <BranchesHereNotes preview={state.preview} />
            <Typography.Paragraph style={{ marginTop: 12 }}>
              「{RESTORE_MODE_LABELS.replaceBranches}」只替换备份中的支部，本机其他支部不变；「
              {RESTORE_MODE_LABELS.addAsNewBranches}」把备份中的支部加入本机，保留本机已有的数据；「
              {RESTORE_MODE_LABELS.replace}」用备份替换本机全部数据。
            </Typography.Paragraph>
            {state.preview.here.same.length > 0 ? (
              <Space wrap>
                <Button type="primary" onClick={() => void confirmReplaceBranches(state.preview)}>
                  {RESTORE_MODE_LABELS.replaceBranches}
                </Button>
                <Button disabled>{RESTORE_MODE_LABELS.addAsNewBranches}</Button>
                <Button danger onClick={() => setReplaceAllOpen(true)}>
                  {RESTORE_MODE_LABELS.replace}
                </Button>
                <Button onClick={flow.reset}>取消</Button>
              </Space>
            ) : (
              <Space wrap>
                <Button type="primary" onClick={() => void flow.restore('addAsNewBranches')}>
                  {RESTORE_MODE_LABELS.addAsNewBranches}
                </Button>
                <Button danger onClick={() => setReplaceAllOpen(true)}>
                  {RESTORE_MODE_LABELS.replace}
                </Button>
                <Button onClick={flow.reset}>取消</Button>
              </Space>
            )}
            <ReplaceAllDialog
              preview={state.preview}
              open={replaceAllOpen}
              onCancel={() => setReplaceAllOpen(false)}
              onConfirm={() => {
                setReplaceAllOpen(false);
                void flow.restore('replace');
              }}
            />
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
                <DoneText result={state.result} />
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
