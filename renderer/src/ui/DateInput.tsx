// antd DatePicker that reads and writes the stored form of a date: a China-local 'YYYY-MM-DD' string. Its 今天 and
// today's mark are Beijing time's today too, whatever the PC's time zone (chinaDayjs.ts).
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  createContext,
  forwardRef,
  useContext,
  useMemo,
  useState,
  type ComponentRef,
  type InputHTMLAttributes,
  type Ref,
} from 'react';
import { parseTypedDate } from '../../../shared/dates/parseTypedDate';
import { isRealDate } from '../../../shared/schemas/common';
import './chinaDayjs';
import { DATE_CLEAR } from './controlLabels';
import type { FieldA11y } from './FormField';

export const DATE_FORMAT = 'YYYY-MM-DD';
const DATE_PLACEHOLDER = '格式：2025-12-26';

/**
 * The text the box shows in place of the picker's own while the value is text that is not a date (the picker only
 * knows dates: it would show an empty box), until the user edits it.
 */
const ShownText = createContext<{ text: string | undefined; onEdit: () => void }>({
  text: undefined,
  onEdit: () => undefined,
});

/** The picker's text box (rc-picker's `components.input`): a plain input that can show ShownText. */
const TextBox = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function TextBox(props, ref) {
  const shown = useContext(ShownText);
  return (
    <input
      {...props}
      ref={ref}
      value={shown.text ?? props.value}
      onChange={(event) => {
        shown.onEdit();
        props.onChange?.(event);
      }}
    />
  );
});
const PICKER_PARTS = { input: TextBox };

/**
 * Where the calendar opens. rc-trigger flips it above the box when more of it shows there within the window; at
 * 1366×768 / 125 % (a 614 px high page) neither side fits, and it opened 47 px above the screen, its month and year
 * and the arrows that change them out of reach. Measured against the whole page instead (htmlRegion 'scroll'), it opens
 * below — the page scrolls to the rest of it — and above only where the page ends below the box.
 */
const POPUP_ALIGN = { htmlRegion: 'scroll' as const };

interface Props {
  id: string;
  /** 'YYYY-MM-DD', or text typed that is not a date (held so the form refuses it and says why), or undefined. */
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

/**
 * What the box shows is what the form holds. On leaving the box (Tab or mouse), Enter or Esc (which also closes the
 * calendar), the typed text is read as
 * people write dates (2025.3.5, 2025/3/5, 20250305, 2025年3月5日, full-width digits; a year-less 3月5日 in the year of
 * the date held) and the form gets that date, after `max` too, for the form to say why it is refused. Empty text
 * clears the value. Text that is not a date (明天, 2025-02-30, 3月5日 in an empty box) becomes the value as typed and
 * stays in the box: the schema refuses it with 「无法识别的日期“…”，请按 2025-03-05 的格式填写」 or why the day does not
 * exist, rather than the old date being kept out of sight (the picker itself ignores text it cannot parse).
 */
export function DateInput({ id, value, onChange, onBlur, invalid, a11y, max, ref }: Readonly<Props>) {
  const date = value && isRealDate(value) ? value : undefined;
  const heldText = value && !date ? value : undefined;
  // The same object while the date is the same: a new one makes the picker put the held date back over typed text.
  const picked = useMemo(() => (date ? dayjs(date, DATE_FORMAT, true) : null), [date]);
  // The user is changing text that is not a date: the box shows their typing (the picker's own text) again.
  const [editing, setEditing] = useState(false);
  const commitText = (text: string) => {
    setEditing(false);
    const typed = text.trim();
    if (typed === '') {
      if (value) onChange(undefined);
      return;
    }
    const next = parseTypedDate(typed, { year: date ? Number(date.slice(0, 4)) : undefined }) ?? typed;
    if (next !== value) onChange(next);
  };
  const isOwnInput = (target: EventTarget): target is HTMLInputElement =>
    target instanceof HTMLInputElement && target.id === id;
  return (
    <ShownText.Provider value={{ text: editing ? undefined : heldText, onEdit: () => setEditing(true) }}>
      <DatePicker
        id={id}
        ref={ref}
        format={DATE_FORMAT}
        components={PICKER_PARTS}
        value={picked}
        onChange={(day) => {
          setEditing(false);
          onChange(day ? day.format(DATE_FORMAT) : undefined);
        }}
        disabledDate={max ? (day: Dayjs) => day.format(DATE_FORMAT) > max : undefined}
        onBlur={(event) => {
          if (isOwnInput(event.target)) commitText(event.target.value);
          onBlur?.();
        }}
        onKeyDown={(event) => {
          // Enter that picks a character in the IME (年, 月), or Esc that cancels it, is not the end of the date.
          if (event.nativeEvent.isComposing) return;
          if (event.key === 'Enter') {
            // Enter confirms a typed date; without this the browser would also submit the surrounding form.
            event.preventDefault();
            if (isOwnInput(event.target)) commitText(event.target.value);
          } else if (event.key === 'Escape') {
            // Esc closes the calendar that covers the next fields. The picker has already put its held date back
            // (its 'esc' reset), but the box still holds the typed text: read it as Tab would, or the date typed
            // would be lost without a word and the record saved with the old one (often today).
            if (isOwnInput(event.target)) commitText(event.target.value);
          }
        }}
        // The calendar cannot be worked from the keyboard: the box says how to type a date instead (typed + Enter).
        placeholder={DATE_PLACEHOLDER}
        popupAlign={POPUP_ALIGN}
        // Emptying the text clears the date, so the ⊗ is for the mouse only: no Tab stop where typed keys are lost.
        allowClear={DATE_CLEAR}
        status={invalid ? 'error' : undefined}
        {...a11y}
        style={{ width: '100%' }}
      />
    </ShownText.Provider>
  );
}
