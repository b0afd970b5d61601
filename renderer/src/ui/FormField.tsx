// One labelled react-hook-form field inside an antd Form.Item: visible label bound to the input, error shown under it.
import { Form } from 'antd';
import { useMemo, type ReactNode } from 'react';
import {
  get,
  useController,
  useWatch,
  type Control,
  type ControllerRenderProps,
  type FieldPath,
  type FieldValues,
} from 'react-hook-form';

/**
 * Spread onto the input so assistive technology knows it is required or invalid and reads the message with it. (The
 * label's 「*」 is only drawn: global.css keeps it out of the field's name, so the input itself says it is required.)
 */
export interface FieldA11y {
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required'?: true;
  /** The label, when it is not drawn (hiddenLabel). */
  'aria-label'?: string;
}

/** What every labelled field takes: the form's control, the field's name, its label, and the id prefix. */
export interface LabelledFieldProps<T extends FieldValues, N extends FieldPath<T>, C, TT extends FieldValues> {
  control: Control<T, C, TT>;
  name: N;
  label: string;
  required?: boolean;
  /** Prefix that keeps input ids unique when two forms are on one page. */
  idPrefix: string;
  /**
   * The label is not drawn (a row of a list whose columns are named once above it, e.g. the attendance); the input
   * still carries it as its accessible name.
   */
  hiddenLabel?: boolean;
  /** A short line under the field saying when or how to fill it, read with the input. */
  hint?: string;
}

interface Props<T extends FieldValues, N extends FieldPath<T>, C, TT extends FieldValues> extends LabelledFieldProps<
  T,
  N,
  C,
  TT
> {
  children: (field: ControllerRenderProps<T, N> & { id: string; invalid: boolean; a11y: FieldA11y }) => ReactNode;
  /** A note under the field that does not stop saving (e.g. characters the PDFs cannot print), read with the input. */
  warning?: (held: T[N]) => string | undefined;
}

export function FormField<T extends FieldValues, N extends FieldPath<T>, C, TT extends FieldValues>({
  control,
  name,
  label,
  required,
  idPrefix,
  hiddenLabel,
  hint,
  children,
  warning,
}: Readonly<Props<T, N, C, TT>>) {
  const { field, fieldState } = useController<T, N, TT>({ control, name });
  // What the form holds. A field set to undefined (a cleared required date or choice) reads back as its default value
  // from useController, so a cleared 会议日期 kept showing the old date while 保存 asked for one.
  const held = useWatch({ control, compute: (values: T) => get(values, name) as T[N] });
  const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
  const message = fieldState.error?.message;
  const errorId = `${id}-error`;
  const note = warning?.(held);
  const noteId = `${id}-note`;
  const hintId = `${id}-hint`;
  const describedBy = [message ? errorId : '', note ? noteId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  // Drawn again only when something it shows changes. The hooks above redraw this component at any change of the
  // form's state (a 保存 tells every field its errors, whether or not it has any): drawing its label, its input and
  // antd's Form.Item around them each time held a large form (the 275 fields of a 55-member 民主评议) at each 保存.
  return useMemo(() => {
    const a11y: FieldA11y = {
      'aria-invalid': message ? true : undefined,
      'aria-describedby': describedBy || undefined,
      ...(required ? { 'aria-required': true as const } : {}),
      ...(hiddenLabel ? { 'aria-label': label } : {}),
    };
    return (
      <Form.Item
        label={hiddenLabel ? undefined : label}
        htmlFor={hiddenLabel ? undefined : id}
        style={hiddenLabel ? { marginBottom: message || note ? 8 : 0 } : undefined}
        required={required}
        validateStatus={message ? 'error' : note ? 'warning' : undefined}
        help={message ? <span id={errorId}>{message}</span> : undefined}
        extra={
          note || hint ? (
            <>
              {note && <span id={noteId}>{note}</span>}
              {note && hint && <br />}
              {hint && <span id={hintId}>{hint}</span>}
            </>
          ) : undefined
        }
      >
        {children({ ...field, value: held, id, invalid: Boolean(message), a11y })}
      </Form.Item>
    );
  }, [
    children,
    field,
    held,
    id,
    label,
    required,
    hiddenLabel,
    hint,
    message,
    note,
    describedBy,
    errorId,
    noteId,
    hintId,
  ]);
}
