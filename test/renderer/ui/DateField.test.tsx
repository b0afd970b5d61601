// DateField in a react-hook-form form validated by the shared zod schemas: a date typed as people write it is saved
// as YYYY-MM-DD; text that is not a date stays in the box and 保存 is refused with a message under the field that
// quotes it — never the date the box held before, never an empty optional date.
import { zodResolver } from '@hookform/resolvers/zod';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import { useForm, type Resolver } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { dateSchema, optionalDateSchema } from '../../../shared/schemas/common';
import { AppProviders } from '../../../renderer/src/app/providers';
import { DateField } from '../../../renderer/src/ui/DateField';

afterEach(cleanup);

const schema = z.object({ held: dateSchema, since: optionalDateSchema });
type Values = { held: string | undefined; since: string };
type Output = z.output<typeof schema>;
const resolver = zodResolver(schema) as unknown as Resolver<Values, unknown, Output>;

function DatesForm({ onSave, held }: Readonly<{ onSave: (values: Output) => void; held?: string }>) {
  const { control, handleSubmit } = useForm<Values, unknown, Output>({
    resolver,
    defaultValues: { held, since: '' },
  });
  return (
    <AppProviders>
      <form noValidate onSubmit={handleSubmit(onSave)}>
        <Form layout="vertical" component={false}>
          <DateField control={control} name="held" label="会议日期" required idPrefix="t" />
          <DateField control={control} name="since" label="成立日期" idPrefix="t" emptyAs="" />
          <button type="submit">保存</button>
        </Form>
      </form>
    </AppProviders>
  );
}

const input = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;

function typeAndLeave(label: string, text: string) {
  const box = input(label);
  fireEvent.focus(box);
  fireEvent.mouseDown(box);
  fireEvent.change(box, { target: { value: text } });
  fireEvent.blur(box);
}

describe('DateField', { timeout: 30_000 }, () => {
  it('saves 2025.3.5 typed over a prefilled 2025-01-31 as 2025-03-05, and 2010年7月1日 as 2010-07-01', async () => {
    const onSave = vi.fn();
    render(<DatesForm onSave={onSave} held="2025-01-31" />);
    typeAndLeave('会议日期', '2025.3.5');
    typeAndLeave('成立日期', '2010年7月1日');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toEqual({ held: '2025-03-05', since: '2010-07-01' });
  });

  it('refuses text that is not a date, quoting it under the field, and keeps it in the box', async () => {
    const onSave = vi.fn();
    render(<DatesForm onSave={onSave} held="2025-01-31" />);
    typeAndLeave('会议日期', '2025.13.5');
    typeAndLeave('成立日期', '去年七一');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('日期“2025.13.5”不存在：月份应为 1 至 12')).toBeTruthy();
    expect(screen.getByText('无法识别的日期“去年七一”，请按 2025-03-05 的格式填写')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
    expect(input('会议日期').value).toBe('2025.13.5');
    expect(input('成立日期').value).toBe('去年七一');
    // The message is read with the box.
    const described = input('成立日期').getAttribute('aria-describedby');
    expect(described && document.getElementById(described)?.textContent).toBe(
      '无法识别的日期“去年七一”，请按 2025-03-05 的格式填写',
    );

    // Corrected, it saves.
    typeAndLeave('会议日期', '2025.12.5');
    typeAndLeave('成立日期', '');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toEqual({ held: '2025-12-05', since: '' });
  });

  it('a year-less 3月5日 in an empty box is refused with a request for the year', async () => {
    const onSave = vi.fn();
    render(<DatesForm onSave={onSave} />);
    typeAndLeave('会议日期', '3月5日');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('日期“3月5日”没有写年份，请按 2025-03-05 的格式填写')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
    expect(input('会议日期').value).toBe('3月5日');
  });
});
