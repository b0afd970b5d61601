// A labelled 年度 picker: recent years up to this one (or a year ahead where plans are made in advance), and every year
// the records span — reachable even when the PC's clock is years off.
import { Select, Space, Typography } from 'antd';
import { useId } from 'react';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { PICKER_SEARCH } from '../../ui/pickerSearch';
import { useYearsToOffer } from '../../app/useYearsToOffer';

interface Props {
  value: number;
  onChange: (year: number) => void;
  /** This year (China date). */
  currentYear: number;
  /** How many years after this one to offer (0 on the 工作台: there is nothing to measure yet). */
  ahead?: number;
}

const YEARS_BACK = 6;

export function YearSelect({ value, onChange, currentYear, ahead = 0 }: Readonly<Props>) {
  const id = `year-${useId().replace(/:/g, '')}`;
  const recent: number[] = [];
  for (let y = currentYear + ahead; y >= currentYear - YEARS_BACK; y--) recent.push(y);
  const offered = useYearsToOffer(recent);
  const years = offered.includes(value) ? offered : [...offered, value];
  return (
    <Space>
      <Typography.Text>
        <label htmlFor={id}>年度</label>
      </Typography.Text>
      <Select
        id={id}
        value={value}
        onChange={onChange}
        // A screen reader hears the year with the picker's name (chosenValue.tsx).
        aria-describedby={describedByChosen(id, value)}
        labelRender={chosenLabelRender(id, value)}
        options={[...years].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }))}
        showSearch={PICKER_SEARCH}
        style={{ width: 120 }}
      />
    </Space>
  );
}
