// One labelled filter of the records list (类型, 年份, 状态 …): a clearable select whose empty value reads 「全部」.
// A value that is none of the options (another branch's 人员 from an old address) reads 「（其他支部的人员）」, never
// as its raw id.
import { Col, Select } from 'antd';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { SELECT_CLEAR } from '../../ui/controlLabels';
import { PICKER_SEARCH } from '../../ui/pickerSearch';

/**
 * The value of the 「全部」 option. 全部 is a real choice, shown as the select's value in the text colour: as a
 * placeholder it was pale grey (1.8:1) and looked like the disabled 月份 box beside it — read as 「this filter is off」.
 */
const ALL = 'filter:all';

interface FilterSelectProps {
  id: string;
  label: string;
  value: string | number | undefined;
  options: { value: string | number; label: string }[];
  disabled?: boolean;
  onChange: (value: string | number | undefined) => void;
}

export function FilterSelect({ id, label, value, options, disabled, onChange }: Readonly<FilterSelectProps>) {
  const shownOptions = [{ value: ALL, label: '全部' }, ...options];
  const shown = value ?? ALL;
  return (
    <Col xs={12} md={4}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </label>
      <Select
        id={id}
        value={shown}
        options={shownOptions}
        // 清除 goes back to 全部; there is nothing to clear while 全部 is chosen.
        allowClear={value !== undefined && SELECT_CLEAR}
        disabled={disabled}
        showSearch={PICKER_SEARCH}
        labelRender={chosenLabelRender(id, shown, `（其他支部的${label}）`)}
        onChange={(v: string | number | undefined) => onChange(v === ALL ? undefined : (v ?? undefined))}
        // A screen reader hears the choice with the filter's name (chosenValue.tsx).
        aria-describedby={describedByChosen(id, shown)}
        style={{ width: '100%' }}
      />
    </Col>
  );
}
