// A manual 考评 item's 佐证: the branch's 工作记录 of the period, its 阵地 and its 责任清单, picked by name and grouped,
// as the 领导责任 form picks a task's 佐证记录.
import { Select } from 'antd';
import { useId, useMemo, type CSSProperties } from 'react';
import type { ItemEvidenceChoice } from '../../db/repositories/assessments';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { PICKER_SEARCH } from '../../ui/pickerSearch';

interface Props {
  /** The accessible name, e.g. 「1.3 佐证」. */
  label: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** undefined while loading. */
  choices: readonly ItemEvidenceChoice[] | undefined;
  invalid?: boolean;
}

const GROUPS = ['工作记录', '活动阵地', '责任清单'] as const;
/** A saved 佐证 no longer offered: deleted since, or outside the period after the 考评年度 changed. */
const GONE = '（记录已删除或不在本考评期间）';

/**
 * A chosen 佐证 is drawn cut short (about 18 characters), so that the row keeps its width; the whole name stays in the
 * page, for the screen reader that reads it (chosenValue.tsx) and as the item's tooltip.
 */
const CUT_SHORT: CSSProperties = {
  display: 'inline-block',
  maxWidth: '18em',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'top',
};

export function EvidencePicker({ label, value, onChange, choices, invalid }: Readonly<Props>) {
  const pickerId = `evidence-${useId().replace(/:/g, '')}`;
  const options = useMemo(() => {
    const groups: { label: string; title: string; options: { value: string; label: string }[] }[] = GROUPS.map(
      (group) => ({
        label: group,
        title: group,
        // The title is also the chosen item's tooltip, where its name is drawn cut short.
        options: (choices ?? [])
          .filter((c) => c.group === group)
          .map((c) => ({ value: c.id, label: c.label, title: c.label })),
      }),
    ).filter((g) => g.options.length > 0);
    const known = new Set((choices ?? []).map((c) => c.id));
    const gone = choices ? value.filter((id) => !known.has(id)) : [];
    if (gone.length > 0) {
      groups.push({
        label: '其他',
        title: '其他',
        options: gone.map((id) => ({ value: id, label: GONE, title: GONE })),
      });
    }
    return groups;
  }, [choices, value]);
  const chosen = chosenLabelRender(pickerId, value);
  return (
    <Select
      id={pickerId}
      aria-label={label}
      aria-invalid={invalid ? true : undefined}
      mode="multiple"
      value={[...value]}
      onChange={(ids: string[]) => onChange(ids)}
      options={options}
      showSearch={PICKER_SEARCH}
      // A screen reader hears the records chosen with the picker's name (chosenValue.tsx), each in full.
      aria-describedby={describedByChosen(pickerId, value)}
      labelRender={(shown) => <span style={CUT_SHORT}>{chosen(shown)}</span>}
      loading={choices === undefined}
      placeholder="选择佐证（选填）"
      notFoundContent="考评期间没有可选的记录"
      status={invalid ? 'error' : undefined}
      style={{ width: '100%' }}
    />
  );
}
