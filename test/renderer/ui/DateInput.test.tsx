// DateInput: what the box shows is what the form holds — emptied text or the ⊗ clears the value, a typed date is
// kept in any of the ways people write one, text that is not a date is held as typed (never the old date behind it);
// the empty box says how to type a date; the ⊗ is no Tab stop.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { DateInput } from '../../../renderer/src/ui/DateInput';

afterEach(cleanup);

/** A controlled DateInput whose current value is printed beside it. */
function Harness({ initial, max }: Readonly<{ initial?: string; max?: string }>) {
  const [value, setValue] = useState<string | undefined>(initial);
  return (
    <AppProviders>
      <label htmlFor="d">日期</label>
      <DateInput id="d" value={value} onChange={setValue} max={max} />
      <output>{value === undefined ? '（空）' : value}</output>
    </AppProviders>
  );
}

function typeInto(input: HTMLElement, text: string) {
  fireEvent.focus(input);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: text } });
}

describe('DateInput', () => {
  it('emptying the text and leaving the box clears the value (no old date kept out of sight)', () => {
    render(<Harness initial="2025-06-20" />);
    const input = screen.getByLabelText('日期');
    expect((input as HTMLInputElement).value).toBe('2025-06-20');
    typeInto(input, '');
    fireEvent.blur(input);
    expect(screen.getByRole('status').textContent).toBe('（空）');
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('emptying the text and pressing Enter clears the value too', () => {
    render(<Harness initial="2025-06-20" />);
    const input = screen.getByLabelText('日期');
    typeInto(input, '');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('status').textContent).toBe('（空）');
  });

  it.each([
    ['without', undefined],
    ['with', '2025-06-30'],
  ])('the clear button (⊗) empties the box and the value (%s `max`)', (_with, max) => {
    render(<Harness initial="2025-06-20" max={max} />);
    const clear = screen.getByRole('button', { name: '清除' });
    fireEvent.mouseDown(clear);
    fireEvent.click(clear);
    expect(screen.getByRole('status').textContent).toBe('（空）');
    expect((screen.getByLabelText('日期') as HTMLInputElement).value).toBe('');
  });

  it('says how to type a date (its calendar cannot be opened from the keyboard)', () => {
    render(<Harness />);
    expect(screen.getByLabelText('日期').getAttribute('placeholder')).toBe('格式：2025-12-26');
  });

  it('a typed date after `max` is kept so the form can say why it is refused, not silently dropped', () => {
    render(<Harness initial="2025-06-20" max="2025-06-30" />);
    const input = screen.getByLabelText('日期');
    typeInto(input, '2025-07-15');
    fireEvent.blur(input);
    expect(screen.getByRole('status').textContent).toBe('2025-07-15');
    expect((input as HTMLInputElement).value).toBe('2025-07-15');
  });

  it('greys out the days after `max` in the calendar', () => {
    render(<Harness initial="2025-06-20" max="2025-06-30" />);
    fireEvent.mouseDown(screen.getByLabelText('日期'));
    fireEvent.click(screen.getByLabelText('日期'));
    const cell = (day: string) => document.querySelector(`td[title="${day}"]`);
    expect(cell('2025-06-30')?.className).not.toContain('ant-picker-cell-disabled');
    expect(cell('2025-07-01')?.className).toContain('ant-picker-cell-disabled');
  });

  it('a typed date up to `max` is taken as usual', () => {
    render(<Harness initial="2025-06-20" max="2025-06-30" />);
    const input = screen.getByLabelText('日期');
    typeInto(input, '2025-06-25');
    fireEvent.blur(input);
    expect(screen.getByRole('status').textContent).toBe('2025-06-25');
  });

  it.each(['2025.3.5', '2025/3/5', '2025-3-5', '20250305', '2025年3月5日', '２０２５．３．５', ' 2025年03月05号 '])(
    'reads %j as 2025-03-05 on leaving the box, and shows it so',
    (typed) => {
      render(<Harness initial="2025-01-31" />);
      const input = screen.getByLabelText('日期') as HTMLInputElement;
      typeInto(input, typed);
      fireEvent.blur(input);
      expect(screen.getByRole('status').textContent).toBe('2025-03-05');
      expect(input.value).toBe('2025-03-05');
    },
  );

  it('reads a typed 2025.3.5 on Enter too', () => {
    render(<Harness />);
    const input = screen.getByLabelText('日期') as HTMLInputElement;
    typeInto(input, '2025.3.5');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('status').textContent).toBe('2025-03-05');
    expect(input.value).toBe('2025-03-05');
  });

  it('Esc (which closes the calendar) keeps the date just typed, not the date held before', () => {
    render(<Harness initial="2026-11-28" />);
    const input = screen.getByLabelText('日期') as HTMLInputElement;
    typeInto(input, '2025-11-20');
    expect(document.querySelector('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')).not.toBeNull();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.getByRole('status').textContent).toBe('2025-11-20');
    expect(input.value).toBe('2025-11-20');
    fireEvent.blur(input);
    expect(screen.getByRole('status').textContent).toBe('2025-11-20');
    expect(input.value).toBe('2025-11-20');
  });

  it.each([
    ['2025.3.5', undefined, '2025-03-05'],
    ['2025年3月5日', '2026-11-28', '2025-03-05'],
    ['明天', '2026-11-28', '明天'],
    ['', '2026-11-28', '（空）'],
  ])('Esc reads %j (held %s) as Tab and Enter do: %s', (typed, initial, expected) => {
    render(<Harness initial={initial} />);
    const input = screen.getByLabelText('日期') as HTMLInputElement;
    typeInto(input, typed);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.getByRole('status').textContent).toBe(expected);
    expect(input.value).toBe(expected === '（空）' ? '' : expected);
  });

  it('reads a year-less 3月5日 in the year of the date held (a 补录 form opened on 2025-01-31)', () => {
    render(<Harness initial="2025-01-31" />);
    const input = screen.getByLabelText('日期') as HTMLInputElement;
    typeInto(input, '3月5日');
    fireEvent.blur(input);
    expect(screen.getByRole('status').textContent).toBe('2025-03-05');
  });

  it.each([
    ['明天', '2025-01-31'],
    ['2025.2.30', '2025-01-31'],
    ['2025-02-30', '2025-01-31'],
    ['25.3.5', '2025-01-31'],
    ['3月5日', undefined],
  ])('keeps %j in the box and as the value (held %s), not the old date behind it', (typed, initial) => {
    render(<Harness initial={initial} />);
    const input = screen.getByLabelText('日期') as HTMLInputElement;
    typeInto(input, typed);
    fireEvent.blur(input);
    expect(screen.getByRole('status').textContent).toBe(typed);
    expect(input.value).toBe(typed);
    // Focus and leave again without a change: still there.
    fireEvent.focus(input);
    fireEvent.blur(input);
    expect(input.value).toBe(typed);
    expect(screen.getByRole('status').textContent).toBe(typed);
  });

  it('text that is not a date can be corrected in the box, and is then read', () => {
    render(<Harness initial="2025-01-31" />);
    const input = screen.getByLabelText('日期') as HTMLInputElement;
    typeInto(input, '2025.13.5');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.value).toBe('2025.13.5');
    typeInto(input, '2025.12.5');
    expect(input.value).toBe('2025.12.5');
    fireEvent.blur(input);
    expect(screen.getByRole('status').textContent).toBe('2025-12-05');
    expect(input.value).toBe('2025-12-05');
  });

  it('the clear button (⊗) is no Tab stop (emptying the text clears the date), but is still named 清除', () => {
    render(<Harness initial="2025-06-20" />);
    const clear = screen.getByRole('button', { name: '清除' });
    expect(clear.tabIndex).toBe(-1);
  });
});
