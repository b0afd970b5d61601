// A labelled date field of a react-hook-form form: FormField + DateInput, the date stored as 'YYYY-MM-DD'.
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { DateInput } from './DateInput';
import { FormField } from './FormField';

interface Props<T extends FieldValues, N extends FieldPath<T>, C, TT extends FieldValues> {
  control: Control<T, C, TT>;
  name: N;
  label: string;
  required?: boolean;
  idPrefix: string;
  /** An optional date is stored as '' when cleared (the schemas' optional dates), a required one as undefined. */
  emptyAs?: '' | undefined;
}

export function DateField<T extends FieldValues, N extends FieldPath<T>, C, TT extends FieldValues>({
  control,
  name,
  label,
  required,
  idPrefix,
  emptyAs,
}: Readonly<Props<T, N, C, TT>>) {
  return (
    <FormField control={control} name={name} label={label} required={required} idPrefix={idPrefix}>
      {(f) => (
        <DateInput
          id={f.id}
          value={f.value || undefined}
          onChange={(v) => f.onChange(v ?? emptyAs)}
          onBlur={f.onBlur}
          invalid={f.invalid}
          a11y={f.a11y}
        />
      )}
    </FormField>
  );
}
