// A labelled choice field of a react-hook-form form: FormField + a searchable antd Select over `options`.
import { Select } from 'antd';
import type { FieldPath, FieldValues } from 'react-hook-form';
import { chosenLabelRender, describedByChosen } from './chosenValue';
import { SELECT_CLEAR } from './controlLabels';
import { FormField, type LabelledFieldProps } from './FormField';
import { PICKER_SEARCH } from './pickerSearch';

interface Props<T extends FieldValues, N extends FieldPath<T>, C, TT extends FieldValues> extends LabelledFieldProps<
  T,
  N,
  C,
  TT
> {
  options: { value: string | number; label: string }[];
  placeholder?: string;
  /** Stored as '' when nothing is chosen (the schemas' optional ids), shown as empty. */
  emptyAs?: '';
  /** Offer the clear button (optional choices). */
  allowClear?: boolean;
  /** Several choices (an array of values), at most `maxCount`. */
  multiple?: boolean;
  maxCount?: number;
  /** Told of each choice the user makes (not of changes the form makes itself). */
  onChosen?: (value: unknown) => void;
}

export function SelectField<T extends FieldValues, N extends FieldPath<T>, C, TT extends FieldValues>({
  options,
  placeholder,
  emptyAs,
  allowClear,
  multiple,
  maxCount,
  onChosen,
  ...field
}: Readonly<Props<T, N, C, TT>>) {
  return (
    <FormField {...field}>
      {(f) => {
        const value = emptyAs === '' ? f.value || undefined : f.value;
        return (
          <Select
            id={f.id}
            {...f.a11y}
            // A screen reader hears the choice with the field's name (chosenValue.tsx).
            aria-describedby={describedByChosen(f.id, value, f.a11y['aria-describedby'])}
            labelRender={chosenLabelRender(f.id, value)}
            {...(multiple ? { mode: 'multiple' as const, maxCount } : {})}
            value={value}
            onChange={(v: unknown) => {
              f.onChange(emptyAs === '' ? (v ?? '') : v);
              onChosen?.(v);
            }}
            onBlur={f.onBlur}
            options={options}
            allowClear={allowClear && SELECT_CLEAR}
            showSearch={PICKER_SEARCH}
            placeholder={placeholder}
            status={f.invalid ? 'error' : undefined}
          />
        );
      }}
    </FormField>
  );
}
