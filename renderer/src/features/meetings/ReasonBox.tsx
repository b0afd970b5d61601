// The box a dialog asks for a reason in (更正理由, 作废原因): labelled, focused when the dialog opens, its problem
// said under it and read with it.
import { Input, Typography } from 'antd';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

export function ReasonBox({ id, label, value, onChange, error }: Readonly<Props>) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <Input.TextArea
        id={id}
        // The dialog is there to ask for the reason: opened with the cursor in its box, not on 关闭.
        autoFocus
        value={value}
        onChange={(e) => onChange(e.target.value)}
        status={error ? 'error' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoSize={{ minRows: 2 }}
      />
      {error && (
        <Typography.Text type="danger" id={`${id}-error`}>
          {error}
        </Typography.Text>
      )}
    </>
  );
}
