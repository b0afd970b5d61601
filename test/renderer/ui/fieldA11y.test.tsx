// What a screen reader learns from the shared form fields: a required field says so on its control (aria-required; the
// label's 「*」 is only drawn), and a select's chosen label is read with it (the combobox's own value is its empty
// search text) — in a labelled field, in a row field whose label is not drawn (the attendance), and in the records
// list's filters, whose 「全部」 is a chosen value, not a pale placeholder.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { FilterSelect } from '../../../renderer/src/features/meetings/FilterSelect';
import { DateField } from '../../../renderer/src/ui/DateField';
import { SelectField } from '../../../renderer/src/ui/SelectField';
import { TextField } from '../../../renderer/src/ui/TextField';

afterEach(cleanup);

const KINDS = [
  { value: 'committee', label: '支委会' },
  { value: 'general', label: '支部党员大会' },
];
const ATTENDANCE = [
  { value: 'present', label: '出席' },
  { value: 'leave', label: '请假' },
  { value: 'absent', label: '缺席' },
];

interface Values {
  kind: string;
  topic: string;
  date: string | undefined;
  venueId: string;
  attendance: string;
  talkParties: string[];
}

function RecordFields({ kindError }: Readonly<{ kindError?: string }>) {
  const { control, setError } = useForm<Values>({
    defaultValues: {
      kind: 'committee',
      topic: '',
      date: undefined,
      venueId: '',
      attendance: 'leave',
      talkParties: ['m1', 'm2'],
    },
  });
  useEffect(() => {
    if (kindError) setError('kind', { message: kindError });
  }, [kindError, setError]);
  return (
    <AppProviders>
      <Form layout="vertical" component={false}>
        <SelectField control={control} name="kind" label="会议类型" required idPrefix="t" options={KINDS} />
        <TextField control={control} name="topic" label="主题" required idPrefix="t" />
        <DateField control={control} name="date" label="会议日期" required idPrefix="t" />
        <SelectField
          control={control}
          name="venueId"
          label="地点（阵地）"
          idPrefix="t"
          emptyAs=""
          allowClear
          options={[{ value: 'v1', label: '机关党员活动室' }]}
        />
        <SelectField
          control={control}
          name="attendance"
          label="出席情况"
          hiddenLabel
          idPrefix="t"
          options={ATTENDANCE}
        />
        <SelectField
          control={control}
          name="talkParties"
          label="谈话双方"
          idPrefix="t"
          multiple
          maxCount={2}
          options={[
            { value: 'm1', label: '罗雪' },
            { value: 'm2', label: '袁明哲' },
          ]}
        />
      </Form>
    </AppProviders>
  );
}

/** The text of the elements an element is described by, in order. */
function description(el: Element): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`)
    .join(' ');
}

const combobox = (name: string) => screen.getByRole('combobox', { name });

describe('required fields', () => {
  it('say so on the control itself: text box, select and date', () => {
    render(<RecordFields />);
    expect(screen.getByLabelText('主题').getAttribute('aria-required')).toBe('true');
    expect(combobox('会议类型').getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('会议日期').getAttribute('aria-required')).toBe('true');
  });

  it('and only those: an optional select has no aria-required', () => {
    render(<RecordFields />);
    expect(combobox('地点（阵地）').hasAttribute('aria-required')).toBe(false);
    expect(combobox('出席情况').hasAttribute('aria-required')).toBe(false);
  });
});

describe('a select’s chosen value', () => {
  it('describes the combobox: 会议类型 is read with 支委会', () => {
    render(<RecordFields />);
    expect(description(combobox('会议类型'))).toBe('支委会');
  });

  it('follows a new choice', async () => {
    render(<RecordFields />);
    const kind = combobox('会议类型');
    fireEvent.mouseDown(kind);
    fireEvent.click(await screen.findByTitle('支部党员大会'));
    await waitFor(() => expect(description(kind)).toBe('支部党员大会'));
  });

  it('is also read in a row whose label is not drawn (出席情况 named by aria-label)', () => {
    render(<RecordFields />);
    const attendance = combobox('出席情况');
    expect(attendance.getAttribute('aria-label')).toBe('出席情况');
    expect(description(attendance)).toBe('请假');
  });

  it('names every choice of a multiple select, in order', () => {
    render(<RecordFields />);
    expect(description(combobox('谈话双方'))).toBe('罗雪 袁明哲');
  });

  it('says nothing while nothing is chosen', () => {
    render(<RecordFields />);
    expect(combobox('地点（阵地）').hasAttribute('aria-describedby')).toBe(false);
  });

  it('comes before the field’s error message, which is still read', async () => {
    render(<RecordFields kindError="所选类型已停用" />);
    await waitFor(() => expect(description(combobox('会议类型'))).toBe('支委会 所选类型已停用'));
    expect(combobox('会议类型').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('a records filter', () => {
  function Filter({ value, disabled }: Readonly<{ value: string | number | undefined; disabled?: boolean }>) {
    return (
      <AppProviders>
        <FilterSelect
          id="filter-kind"
          label="类型"
          value={value}
          disabled={disabled}
          options={KINDS}
          onChange={() => undefined}
        />
      </AppProviders>
    );
  }

  it('shows 「全部」 as its chosen value, not as a placeholder, and is described by it', () => {
    render(<Filter value={undefined} />);
    const kind = combobox('类型');
    const box = kind.closest('.ant-select')!;
    expect(box.querySelector('.ant-select-placeholder')).toBeNull();
    expect(box.textContent).toContain('全部');
    expect(description(kind)).toBe('全部');
    // Nothing to clear while 全部 is chosen.
    expect(screen.queryByRole('button', { name: '清除' })).toBeNull();
  });

  it('is described by the option chosen, and by 「（其他支部的类型）」 for a value none of its options has', () => {
    const { rerender } = render(<Filter value="committee" />);
    expect(description(combobox('类型'))).toBe('支委会');
    rerender(<Filter value="gone" />);
    expect(description(combobox('类型'))).toBe('（其他支部的类型）');
  });
});
