// A labelled date field of a react-hook-form form: FormField + DateInput, the date stored as 'YYYY-MM-DD'.
import type { FieldPath, FieldValues } from 'react-hook-form';
import { DateInput } from './DateInput';
import { FormField, type LabelledFieldProps } from './FormField';

interface Props<T extends FieldValues, N extends FieldPath<T>, C, TT extends FieldValues> extends LabelledFieldProps<
  T,
  N,
  C,
  TT
> {
  /** An optional date is stored as '' when cleared (the schemas' optional dates), a required one as undefined. */
  emptyAs?: '' | undefined;
  /** Latest day offered in the calendar ('YYYY-MM-DD'); see DateInput. */
  max?: string;
}

export function DateField<T extends FieldValues, N extends FieldPath<T>, C, TT extends FieldValues>({
  emptyAs,
  max,
  ...field
}: Readonly<Props<T, N, C, TT>>) {
  return (
    <FormField {...field}>
      {(f) => (
        <DateInput
          id={f.id}
          value={f.value || undefined}
          onChange={(v) => f.onChange(v ?? emptyAs)}
          onBlur={f.onBlur}
          invalid={f.invalid}
          a11y={f.a11y}
          max={max}
        />
      )}
    </FormField>
  );
}
