// One 七有 item on a venue's page: met or not, a note, evidence photos; each change is saved at once (the note as it
// is typed, after a short pause), and removing a photo asks first.
import { Alert, App, Checkbox, Flex, Input, Tag, Typography } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { SEVEN_HAVES } from '../../../../shared/domain/vocab';
import type { ChecklistEntry, ChecklistItemInput } from '../../../../shared/schemas';
import { setChecklistItem, sevenHaveLabel } from '../../db/repositories/venues';
import { AttachmentField } from '../../ui/attachments/AttachmentField';
import { useUnsavedChanges } from '../../ui/leaveGuard';

interface Props {
  branchId: string;
  venueId: string;
  entry: ChecklistEntry;
  /** A consistency warning for this item (e.g. 固定场所 under 20 ㎡); shown, never blocking. */
  warning?: string;
}

/** How long typing pauses before the note is saved. */
export const NOTE_SAVE_DELAY_MS = 800;

type NoteStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

const NOTE_STATUS_TEXT: Readonly<Record<NoteStatus, string>> = {
  idle: '',
  pending: '正在输入…',
  saving: '正在保存…',
  saved: '已保存',
  failed: '未能保存，请重试',
};

export function ChecklistItem({ branchId, venueId, entry, warning }: Readonly<Props>) {
  const { message, modal } = App.useApp();
  const id = `seven-${entry.key}-${useId().replace(/:/g, '')}`;
  const label = sevenHaveLabel(entry.key);
  const example = SEVEN_HAVES.find((item) => item.key === entry.key)?.example;
  const [draft, setDraft] = useState(entry.note);
  const [status, setStatus] = useState<NoteStatus>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(entry.note);

  // A note saved elsewhere (another window, a restore) replaces what is shown, unless the user is typing here; our own
  // save comes back as the trimmed draft, which must not move the cursor or drop a trailing space being typed.
  const [stored, setStored] = useState(entry.note);
  if (stored !== entry.note) {
    setStored(entry.note);
    if (status !== 'pending' && status !== 'saving' && entry.note !== draft.trim()) setDraft(entry.note);
  }

  // Only while the pause lasts: leaving the box saves at once, so only a reload or closing mid-typing asks.
  useUnsavedChanges(status === 'pending', `七有“${label}”的说明`);

  // Only what changed: the repository merges it with the stored item (this render's entry may be a write behind).
  const save = async (change: Partial<ChecklistItemInput>) => {
    try {
      const result = await setChecklistItem(venueId, entry.key, change);
      if (result.warning && change.ok) message.warning(result.warning);
      return true;
    } catch (error) {
      message.error(`保存失败：${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };

  const saveNote = async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const note = latest.current.trim();
    setStatus('saving');
    const ok = await save({ note });
    // Typing went on meanwhile: the newer text has its own save coming.
    if (timer.current === undefined) setStatus(ok ? 'saved' : 'failed');
  };

  // Leaving the page (another menu item, another venue) mid-pause still saves what was typed.
  useEffect(
    () => () => {
      if (timer.current === undefined) return;
      clearTimeout(timer.current);
      void setChecklistItem(venueId, entry.key, { note: latest.current.trim() }).catch(() => undefined);
    },
    [venueId, entry.key],
  );

  const changePhotos = (attachmentIds: string[]) => {
    const removing = attachmentIds.length < entry.attachmentIds.length;
    if (!removing) {
      void save({ attachmentIds });
      return;
    }
    modal.confirm({
      title: '移除这张佐证照片？',
      content: `移除后，这张照片不再作为“${label}”的佐证；如需恢复，须重新上传原照片。`,
      okText: '移除',
      cancelText: '保留',
      okButtonProps: { danger: true },
      focusable: { autoFocusButton: 'cancel' },
      onOk: async () => {
        if (await save({ attachmentIds })) message.success('已移除佐证照片');
      },
    });
  };

  return (
    <section
      role="group"
      aria-labelledby={`${id}-title`}
      style={{ borderBottom: '1px solid #f0f0f0', padding: '12px 0' }}
    >
      <Flex align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <Typography.Text strong id={`${id}-title`} style={{ flex: '1 1 280px' }}>
          {label}
        </Typography.Text>
        {entry.ok ? <Tag color="success">已具备</Tag> : <Tag>未具备</Tag>}
        <Checkbox checked={entry.ok} onChange={(e) => void save({ ok: e.target.checked })}>
          已具备
        </Checkbox>
      </Flex>
      {warning && <Alert type="warning" showIcon title={warning} style={{ marginBottom: 8 }} />}
      <Flex vertical gap={8}>
        <div>
          <Flex justify="space-between" align="baseline" style={{ marginBottom: 4 }}>
            <label htmlFor={`${id}-note`}>说明</label>
            <Typography.Text
              type={status === 'failed' ? 'danger' : 'secondary'}
              style={{ fontSize: 12 }}
              role="status"
              aria-live="polite"
              id={`${id}-note-status`}
            >
              {NOTE_STATUS_TEXT[status]}
            </Typography.Text>
          </Flex>
          <Input.TextArea
            id={`${id}-note`}
            value={draft}
            maxLength={200}
            autoSize={{ minRows: 1, maxRows: 4 }}
            placeholder={example ? `如：${example}（输入后自动保存）` : '输入后自动保存'}
            aria-describedby={`${id}-note-status`}
            onChange={(e) => {
              setDraft(e.target.value);
              latest.current = e.target.value;
              setStatus('pending');
              clearTimeout(timer.current);
              timer.current = setTimeout(() => void saveNote(), NOTE_SAVE_DELAY_MS);
            }}
            onBlur={() => {
              if (timer.current !== undefined) void saveNote();
            }}
          />
        </div>
        <AttachmentField branchId={branchId} label="佐证照片" value={entry.attachmentIds} onChange={changePhotos} />
      </Flex>
    </section>
  );
}
