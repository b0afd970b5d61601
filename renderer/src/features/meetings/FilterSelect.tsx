// One labelled filter of the records list (类型, 年份, 状态 …): a clearable select whose empty value reads 「全部」.
// A value that is none of the options (another branch's 人员 from an old address) reads 「（其他支部的人员）」, never
// as its raw id.
import { Col, Select } from 'antd';
import { SELECT_CLEAR } from '../../ui/controlLabels';
import { PICKER_SEARCH } from '../../ui/pickerSearch';

interface FilterSelectProps {
  id: string;
  label: string;
  value: string | number | undefined;
  options: { value: string | number; label: string }[];
  disabled?: boolean;
  onChange: (value: string | number | undefined) => void;
}

export function FilterSelect({ id, label, value, options, disabled, onChange }: Readonly<FilterSelectProps>) {
  return (
    <Col xs={12} md={4}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </label>
      <Select
        id={id}
        value={value}
        options={options}
        allowClear={SELECT_CLEAR}
        disabled={disabled}
        showSearch={PICKER_SEARCH}
        placeholder="全部"
        labelRender={(shown) => shown.label ?? `（其他支部的${label}）`}
        onChange={(v: string | number | undefined) => onChange(v ?? undefined)}
        style={{ width: '100%' }}
      />
    </Col>
  );
}
