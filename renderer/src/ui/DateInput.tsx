// antd DatePicker that reads and writes the stored form of a date: a China-local 'YYYY-MM-DD' string.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { FieldA11y } from './FormField';

export const DATE_FORMAT = 'YYYY-MM-DD';

interface Props {
  id: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  onBlur?: () => void;
  invalid?: boolean;
  a11y?: FieldA11y;
}

export function DateInput({ id, value, onChange, onBlur, invalid, a11y }: Readonly<Props>) {
  const parsed = value ? dayjs(value, DATE_FORMAT, true) : null;
  return (
    <DatePicker
      id={id}
      format={DATE_FORMAT}
      value={parsed?.isValid() ? parsed : null}
      onChange={(date) => onChange(date ? date.format(DATE_FORMAT) : undefined)}
      onBlur={onBlur}
      // Enter confirms a typed date; without this the browser would also submit the surrounding form.
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault();
      }}
      status={invalid ? 'error' : undefined}
      {...a11y}
      style={{ width: '100%' }}
    />
  );
}
