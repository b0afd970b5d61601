// A labelled text field of a react-hook-form form: FormField + an antd Input (or a growing TextArea).
import { Input } from 'antd';
import type { FieldPath, FieldValues } from 'react-hook-form';
import { missingGlyphWarning } from '../../../shared/print/missingGlyphs';
import { FormField, type LabelledFieldProps } from './FormField';

interface Props<T extends FieldValues, N extends FieldPath<T>, C, TT extends FieldValues> extends LabelledFieldProps<
  T,
  N,
  C,
  TT
> {
  placeholder?: string;
  /** Several lines: a TextArea that grows between these many rows. */
  lines?: { minRows: number; maxRows: number };
}

export function TextField<T extends FieldValues, N extends FieldPath<T>, C, TT extends FieldValues>({
  placeholder,
  lines,
  ...field
}: Readonly<Props<T, N, C, TT>>) {
  return (
    // Every text may end up in a printed record or the dossier: a character the PDF fonts lack is said at once.
    <FormField {...field} warning={(held) => missingGlyphWarning(held as string | undefined)}>
      {(f) => {
        // The ref lets the form focus the first invalid field; an absent optional text shows as empty.
        const common = {
          id: f.id,
          ...f.a11y,
          value: (f.value as string | undefined) ?? '',
          onBlur: f.onBlur,
          status: f.invalid ? ('error' as const) : undefined,
          placeholder,
        };
        return lines ? (
          <Input.TextArea ref={f.ref} {...common} onChange={(e) => f.onChange(e.target.value)} autoSize={lines} />
        ) : (
          <Input ref={f.ref} {...common} onChange={(e) => f.onChange(e.target.value)} />
        );
      }}
    </FormField>
  );
}
