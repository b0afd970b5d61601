// 「从备份恢复」: the file picker, the validation result (preview or refused with reasons), the mode choice and progress.
import { UploadOutlined } from '../../ui/icons';
import { Alert, Button, Card, Checkbox, Flex, Modal, Progress, Space, Typography, Upload } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type BackupPreview, NOTHING_CHANGED, RESTORE_MODE_LABELS, type RestoreResult } from '../../db/backup/restore';
import { countBranchRows } from '../../db/repositories/branches';
import { BackupPreviewCard } from './BackupPreviewCard';
import { BranchNames } from './BranchNames';
import { formatChinaTime, formatCount } from './format';
import {
  BackupFirst,
  type BranchCompare,
  changedSince,
  compareKinds,
  DangerFooter,
  names,
  ReplaceBranchesDialog,
} from './ReplaceBranchesDialog';
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

/** Two times that fall in the same minute are shown to the second: 「03:21 之后还有修改（最近一次 03:21）」 read wrong. */
function twoTimes(a: string, b: string): [string, string] {
  const [ta, tb] = [formatChinaTime(a), formatChinaTime(b)];
  if (ta !== tb) return [ta, tb];
  const seconds = (iso: string) => `${formatChinaTime(iso)}:${new Date(Date.parse(iso)).toISOString().slice(17, 19)}`;
  return [seconds(a), seconds(b)];
}

/** The file's branches not here: what 作为新支部导入 adds (it skips those here). */
const missingHere = (preview: BackupPreview) =>
  preview.branches.filter((b) => !preview.here.same.some((s) => s.id === b.id));

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
        .map((b) => {
          const [made, changed] = twoTimes(preview.createdAt, b.lastChange!);
          return `本机的「${b.localName}」在备份时间（${made}）之后还有修改（最近一次 ${changed}），替换后这些修改将丢失。`;
        })
        .join('')}
    />
  );
}

/** How the file's branches meet this computer's: the same branch here (offer to replace it), or only the same name. */
function BranchesHereNotes({ preview }: Readonly<{ preview: BackupPreview }>) {
  const { same, sameName, total } = preview.here;
  const added = missingHere(preview);
  const sameNames =
    same.length > 40
      ? `${names(same)}`
      : same
          .map((b) => (b.localName === b.name ? `「${b.name}」` : `「${b.name}」（本机名称「${b.localName}」）`))
          .join('、');
  const them = same.length === 1 ? '它' : '它们';
  return (
    <>
      {same.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title="本机已有备份中的支部"
          description={
            `${sameNames}本机已有，是同一支部` +
            (added.length > 0
              ? `。「${RESTORE_MODE_LABELS.addAsNewBranches}」只加入本机没有的${names(added)}，跳过本机已有的支部，不改动${them}；` +
                `「${RESTORE_MODE_LABELS.replaceBranches}」用备份中的数据替换${them}，并加入本机没有的支部`
              : `，不能再作为新支部导入。可选择「${RESTORE_MODE_LABELS.replaceBranches}」用备份中的数据替换${them}`) +
            (total > same.length ? `，本机其他 ${total - same.length} 个支部不受影响。` : '。')
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
          description={`本机的同名支部不是由这份备份导入的（不是同一份数据），导入后将有两个同名支部。如果本机那个是同一支部早先导入的副本，可在导入后到「支部概况」核对，再删除多余的一个。`}
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
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { onlyHere, same, total } = preview.here;
  const losing = onlyHere.length > 0;
  return (
    <Modal
      open={open}
      title="覆盖全部数据？"
      onCancel={onCancel}
      afterOpenChange={(opened) => {
        if (opened) cancelRef.current?.focus();
      }}
      afterClose={() => setUnderstood(false)}
      destroyOnHidden
      footer={
        <DangerFooter
          cancelRef={cancelRef}
          okText={RESTORE_MODE_LABELS.replace}
          disabled={losing && !understood}
          onOk={onConfirm}
          onCancel={onCancel}
        />
      }
    >
      <Typography.Paragraph>
        {total > 0 ? '将删除本机现有全部数据，并替换为备份中的数据。' : '将用备份中的数据建立本机数据。'}
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
                {missingHere(preview).length > 0 &&
                  `如只想加入本机没有的支部，请取消，改选「${RESTORE_MODE_LABELS.addAsNewBranches}」。`}
              </>
            }
          />
          <Checkbox style={{ marginTop: 12 }} checked={understood} onChange={(e) => setUnderstood(e.target.checked)}>
            我已了解：本机这 {onlyHere.length} 个支部的数据将被删除
          </Checkbox>
        </>
      )}
      {total > 0 && (
        <div style={{ marginTop: 12 }}>
          <BackupFirst />
        </div>
      )}
    </Modal>
  );
}

/** What the buttons shown do (only those: in an empty database there is nothing to replace or keep). */
function ModesText({ preview }: Readonly<{ preview: BackupPreview }>) {
  const { same, total } = preview.here;
  const added = missingHere(preview);
  const parts: string[] = [];
  if (same.length > 0) {
    parts.push(
      `「${RESTORE_MODE_LABELS.replaceBranches}」只替换备份中的支部` +
        (total > same.length ? '，本机其他支部不变' : '') +
        (added.length > 0 ? '，并加入本机没有的' : ''),
    );
  }
  if (added.length > 0 || same.length === 0) {
    parts.push(
      same.length > 0
        ? `「${RESTORE_MODE_LABELS.addAsNewBranches}」只加入本机没有的支部，本机已有的支部不变`
        : `「${RESTORE_MODE_LABELS.addAsNewBranches}」把备份中的支部加入本机` +
            (total > 0 ? '，保留本机已有的数据' : ''),
    );
  }
  parts.push(
    total > 0
      ? `「${RESTORE_MODE_LABELS.replace}」用备份替换本机全部数据`
      : `「${RESTORE_MODE_LABELS.replace}」用备份中的数据建立本机数据`,
  );
  return <Typography.Paragraph style={{ marginTop: 12 }}>{parts.join('；')}。</Typography.Paragraph>;
}

/**
 * The mode buttons. With branches of the file here, 替换本机的同一支部 is offered; 作为新支部导入 only when some of the
 * file's branches are not here (it adds just those), and then it is the main button: it changes nothing here.
 */
function ModeButtons({
  preview,
  counting,
  disabled,
  onReplaceBranches,
  onAdd,
  onReplaceAll,
  onCancel,
}: Readonly<{
  preview: BackupPreview;
  counting: boolean;
  /** 立即备份 is running: a restore now would replace the data being saved. */
  disabled: boolean;
  onReplaceBranches: () => void;
  onAdd: () => void;
  onReplaceAll: () => void;
  onCancel: () => void;
}>) {
  const same = preview.here.same.length > 0;
  const canAdd = !same || missingHere(preview).length > 0;
  return (
    <Space wrap>
      {canAdd && (
        <Button type="primary" disabled={disabled} onClick={onAdd}>
          {RESTORE_MODE_LABELS.addAsNewBranches}
        </Button>
      )}
      {same && (
        <Button
          type={canAdd ? 'default' : 'primary'}
          loading={counting}
          disabled={disabled}
          onClick={onReplaceBranches}
        >
          {RESTORE_MODE_LABELS.replaceBranches}
        </Button>
      )}
      {!canAdd && <Button disabled>{RESTORE_MODE_LABELS.addAsNewBranches}</Button>}
      <Button danger disabled={disabled} onClick={onReplaceAll}>
        {RESTORE_MODE_LABELS.replace}
      </Button>
      <Button onClick={onCancel}>取消</Button>
    </Space>
  );
}

function DoneText({ result }: Readonly<{ result: Extract<RestoreResult, { ok: true }> }>) {
  // Counted as 立即备份 and the preview count (countRecords): the numbers can be checked against each other.
  const totals = `共 ${formatCount(result.records)} 条记录（不含操作日志）、${formatCount(result.attachments)} 个附件`;
  const skipped = result.skipped ?? [];
  // Said only when there are such branches: after replacing the only one, there is no other.
  const others = (result.unchanged ?? 0) - skipped.length;
  let text: ReactNode;
  if (result.mode === 'replaceBranches') {
    const replaced = result.replaced ?? [];
    const added = result.branches.filter((b) => !replaced.some((r) => r.id === b.id));
    text = (
      <>
        已{RESTORE_MODE_LABELS.replaceBranches}：<BranchNames branches={replaced} />
        {added.length > 0 && (
          <>
            ；新增支部：
            <BranchNames branches={added} />
          </>
        )}
        ，{totals}。{others > 0 && '本机其他支部没有改动。'}
      </>
    );
  } else {
    text = (
      <>
        已{RESTORE_MODE_LABELS[result.mode]}：<BranchNames branches={result.branches} empty="（无支部）" />，{totals}。
        {skipped.length > 0 && (
          <>
            已跳过本机已有的支部：
            <BranchNames branches={skipped} />
            （没有改动）。
          </>
        )}
      </>
    );
  }
  return (
    <>
      <span>{text}</span>
      {result.regrouped !== undefined && (
        <span>
          备份来自旧版本：其中 {formatCount(result.regrouped)}{' '}
          条党小组会已改为按党小组分别编号（第N次），与旧版本打印的序号不同（操作日志中已记明）。
        </span>
      )}
      {result.renumbered !== undefined && (
        <span>
          备份中有 {formatCount(result.renumbered)}{' '}
          条记录与本机其他支部的记录冲突，已作为新记录导入（用这份备份生成的卷宗校验时，这些记录会显示为变动）。
        </span>
      )}
    </>
  );
}

export function RestoreCard({ flow }: Readonly<{ flow: RestoreFlow }>) {
  const { state } = flow;
  const [replaceAllOpen, setReplaceAllOpen] = useState(false);
  // 替换本机的同一支部: the branches counted for its confirmation (null: closed), and whether they are being counted
  // (≈ 2 s for 30 branches: the button spins, and a second click opens no second dialog).
  const [replacing, setReplacing] = useState<BranchCompare[] | null>(null);
  const [counting, setCounting] = useState(false);
  const countingRef = useRef(false);
  // The card is long (the preview) and the page stays where the button was: bring each new step into view, so the
  // progress of a long restore and its result or refusal are seen, also when started from the automatic backups below.
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.step === 'idle') return;
    statusRef.current?.scrollIntoView?.({
      block: state.step === 'preview' ? 'start' : 'nearest',
      behavior: 'smooth',
    });
    // A restore blocked the window with the focus on its mask (RestoreBlocker), gone now: the outcome takes it.
    const lost = document.activeElement === null || document.activeElement === document.body;
    if ((state.step === 'done' || state.step === 'failed') && lost) statusRef.current?.focus({ preventScroll: true });
  }, [state.step]);

  const confirmReplaceBranches = async (preview: BackupPreview) => {
    if (countingRef.current) return;
    countingRef.current = true;
    setCounting(true);
    try {
      const counted: BranchCompare[] = [];
      for (const b of preview.here.same) {
        counted.push({
          id: b.id,
          localName: b.localName,
          kinds: compareKinds(await countBranchRows(b.id), preview.fileRows[b.id] ?? {}),
        });
      }
      setReplacing(counted);
    } finally {
      countingRef.current = false;
      setCounting(false);
    }
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

      <div ref={statusRef} tabIndex={-1} style={{ marginTop: 16, scrollMarginTop: 80, outline: 'none' }}>
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
            <ModesText preview={state.preview} />
            <ModeButtons
              preview={state.preview}
              counting={counting}
              disabled={flow.busy}
              onReplaceBranches={() => void confirmReplaceBranches(state.preview)}
              onAdd={() => void flow.restore('addAsNewBranches')}
              onReplaceAll={() => setReplaceAllOpen(true)}
              onCancel={flow.reset}
            />
            <ReplaceBranchesDialog
              preview={state.preview}
              branches={replacing}
              onCancel={() => setReplacing(null)}
              onConfirm={() => {
                setReplacing(null);
                void flow.restore('replaceBranches');
              }}
            />
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
