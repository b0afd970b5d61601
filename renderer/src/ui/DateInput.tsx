// antd DatePicker that reads and writes the stored form of a date: a China-local 'YYYY-MM-DD' string.
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ComponentRef, Ref } from 'react';
import { isRealDate } from '../../../shared/schemas/common';
import type { FieldA11y } from './FormField';

export const DATE_FORMAT = 'YYYY-MM-DD';
const DATE_PLACEHOLDER = '格式：2025-12-26';

interface Props {
  id: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  onBlur?: () => void;
  invalid?: boolean;
  a11y?: FieldA11y;
  /** Latest day offered in the calendar (e.g. today for a meeting already held); later days are greyed out. */
  max?: string;
  /** Lets a form focus the field (react-hook-form's field ref). */
  ref?: Ref<ComponentRef<typeof DatePicker>>;
}

export function DateInput({ id, value, onChange, onBlur, invalid, a11y, max, ref }: Readonly<Props>) {
  const parsed = value ? dayjs(value, DATE_FORMAT, true) : null;
  // What the box shows is what the form holds. The picker itself ignores emptied text (the old date stayed, out of
  // sight) and drops a typed day the calendar greys out; so on leaving the box or Enter, empty text clears the value
  // and a typed real date is taken, after `max` too, for the form to say why it is refused. Partial text is left to
  // the picker, which shows the held date again.
  const commitText = (text: string) => {
    const typed = text.trim();
    if (typed === '') {
      if (value) onChange(undefined);
    } else if (typed !== value && isRealDate(typed)) {
      onChange(typed);
    }
  };
  const isOwnInput = (target: EventTarget): target is HTMLInputElement =>
    target instanceof HTMLInputElement && target.id === id;
  return (
    <DatePicker
      id={id}
      ref={ref}
      format={DATE_FORMAT}
      value={parsed?.isValid() ? parsed : null}
      onChange={(date) => onChange(date ? date.format(DATE_FORMAT) : undefined)}
      disabledDate={max ? (day: Dayjs) => day.format(DATE_FORMAT) > max : undefined}
      onBlur={(event) => {
        if (isOwnInput(event.target)) commitText(event.target.value);
        onBlur?.();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        // Enter confirms a typed date; without this the browser would also submit the surrounding form.
        event.preventDefault();
        if (isOwnInput(event.target)) commitText(event.target.value);
      }}
      // The calendar cannot be worked from the keyboard: the box says how to type a date instead (typed + Enter).
      placeholder={DATE_PLACEHOLDER}
      status={invalid ? 'error' : undefined}
      {...a11y}
      style={{ width: '100%' }}
    />
  );
}
