// One 七有 item on a venue's page: met or not, a note, evidence photos; each change is saved at once.
import { Alert, App, Checkbox, Flex, Input, Tag, Typography } from 'antd';
import { useId } from 'react';
import type { ChecklistEntry, ChecklistItemInput } from '../../../../shared/schemas';
import { setChecklistItem, sevenHaveLabel } from '../../db/repositories/venues';
import { AttachmentField } from '../../ui/attachments/AttachmentField';

interface Props {
  branchId: string;
  venueId: string;
  entry: ChecklistEntry;
  /** A consistency warning for this item (e.g. 固定场所 under 20 ㎡); shown, never blocking. */
  warning?: string;
}

export function ChecklistItem({ branchId, venueId, entry, warning }: Readonly<Props>) {
  const { message } = App.useApp();
  const id = `seven-${entry.key}-${useId().replace(/:/g, '')}`;
  const label = sevenHaveLabel(entry.key);

  // Only what changed: the repository merges it with the stored item (this render's entry may be a write behind).
  const save = async (change: Partial<ChecklistItemInput>) => {
    try {
      const result = await setChecklistItem(venueId, entry.key, change);
      if (result.warning && change.ok) message.warning(result.warning);
    } catch (error) {
      message.error(`保存失败：${error instanceof Error ? error.message : String(error)}`);
    }
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
          <label htmlFor={`${id}-note`} style={{ display: 'block', marginBottom: 4 }}>
            说明
          </label>
          {/* Keyed by the stored note: a change saved elsewhere replaces what is shown. Saved when leaving the box. */}
          <Input.TextArea
            key={entry.note}
            id={`${id}-note`}
            defaultValue={entry.note}
            maxLength={200}
            autoSize={{ minRows: 1, maxRows: 4 }}
            placeholder="如：党旗、入党誓词悬挂于正面墙"
            onBlur={(e) => {
              const note = e.target.value.trim();
              if (note !== entry.note) void save({ note });
            }}
          />
        </div>
        <AttachmentField
          branchId={branchId}
          label="佐证照片"
          value={entry.attachmentIds}
          onChange={(attachmentIds) => void save({ attachmentIds })}
        />
      </Flex>
    </section>
  );
}
