// A text field warns, without blocking, about characters the printed record and dossier cannot draw.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Form } from 'antd';
import { useForm } from 'react-hook-form';
import { afterEach, expect, it } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { TextField } from '../../../renderer/src/ui/TextField';

afterEach(cleanup);

function Harness() {
  const { control } = useForm<{ name: string }>({ defaultValues: { name: '' } });
  return (
    <AppProviders>
      <Form layout="vertical" component="div">
        <TextField control={control} name="name" label="姓名" idPrefix="t" />
      </Form>
    </AppProviders>
  );
}

it('says which characters will print as boxes, and is read with the input', () => {
  render(<Harness />);
  const input = screen.getByLabelText('姓名');
  fireEvent.change(input, { target: { value: '王䶮' } });
  expect(screen.queryByText(/在打印字体中没有/)).toBeNull();
  // Extension B prints from the fallback font (shared/print/fallback.ts); Extension G does not print.
  fireEvent.change(input, { target: { value: '王𠈌' } });
  expect(screen.queryByText(/在打印字体中没有/)).toBeNull();
  fireEvent.change(input, { target: { value: '王𰻞' } });
  const note = screen.getByText(/^“𰻞”在打印字体中没有/);
  expect(input.getAttribute('aria-describedby')).toBe(note.id);
  expect(input.getAttribute('aria-invalid')).toBeNull();
});
