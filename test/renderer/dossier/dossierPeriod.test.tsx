// 卷宗导出 by year or by date range: the period the page exports, why a range is refused, and the file name it saves.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dossierFileName, emptyPeriodReason, periodName, periodOptions } from '../../../shared/dossier/data';
import { AppProviders } from '../../../renderer/src/app/providers';
import { choosePeriod, defaultRange, DossierPage } from '../../../renderer/src/features/dossier/DossierPage';
import { seed, setChinaNow } from '../meetings/fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const TODAY = '2030-06-15';
const range = (from: string | undefined, to: string | undefined) =>
  choosePeriod({ mode: 'range', year: 2030, from, to }, TODAY);

describe('choosePeriod', () => {
  it('按年度 is the whole calendar year, the current one included', () => {
    expect(choosePeriod({ mode: 'year', year: 2030, from: undefined, to: undefined }, TODAY)).toEqual({
      period: { from: '2030-01-01', to: '2030-12-31' },
    });
  });

  it('按起止日期 takes the two dates, across a year end too', () => {
    expect(range('2029-12-01', '2030-02-28')).toEqual({ period: { from: '2029-12-01', to: '2030-02-28' } });
    expect(range('2030-06-15', '2030-06-15')).toEqual({ period: { from: '2030-06-15', to: '2030-06-15' } });
  });

  it('refuses a missing date, an end before the start, and an end after today, naming the field', () => {
    expect(range(undefined, '2030-06-01')).toEqual({ error: '请选择开始日期', field: 'from' });
    expect(range('2030-01-01', undefined)).toEqual({ error: '请选择结束日期', field: 'to' });
    expect(range('2030-03-01', '2030-02-28')).toEqual({ error: '结束日期不能早于开始日期', field: 'to' });
    // Text the date box could not read reaches here as typed, and is named as such rather than compared as a date.
    expect(range('2030.13.1', '2030-02-28')).toMatchObject({
      error: expect.stringContaining('“2030.13.1”'),
      field: 'from',
    });
    expect(range('2030-01-01', '明天')).toMatchObject({ error: expect.stringContaining('“明天”'), field: 'to' });
    expect(range('2030-01-01', '2030-06-16')).toEqual({
      error: '结束日期不能晚于今天（2030年6月15日）',
      field: 'to',
    });
  });

  it('starts a range at the chosen year, ending today at the latest', () => {
    expect(defaultRange(2029, TODAY)).toEqual({ from: '2029-01-01', to: '2029-12-31' });
    expect(defaultRange(2030, TODAY)).toEqual({ from: '2030-01-01', to: '2030-06-15' });
  });
});

describe('the period in words and in the file name', () => {
  it('names a year 「年度」 and a range by its dates, the end year only when it differs', () => {
    expect(periodName({ from: '2025-01-01', to: '2025-12-31' })).toBe('2025年度');
    expect(periodName({ from: '2025-01-01', to: '2025-06-30' })).toBe('2025年1月1日至6月30日');
    expect(periodName({ from: '2024-12-01', to: '2025-02-28' })).toBe('2024年12月1日至2025年2月28日');
  });

  it('passes a whole year to the builder as its year, any other range as its dates', () => {
    expect(periodOptions({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ year: 2025 });
    expect(periodOptions({ from: '2025-07-01', to: '2025-12-31' })).toEqual({ from: '2025-07-01', to: '2025-12-31' });
  });

  it('says the period in the file name; a range always carries its 卷号; characters Windows refuses are replaced', () => {
    const year = { from: '2025-01-01', to: '2025-12-31' };
    const half = { from: '2025-07-01', to: '2025-12-31' };
    expect(dossierFileName('甲支部', year, 1)).toBe('甲支部-2025年度迎检卷宗.pdf');
    expect(dossierFileName('甲支部', year, 2)).toBe('甲支部-2025年度迎检卷宗-第2卷.pdf');
    expect(dossierFileName('甲支部', half, 2)).toBe('甲支部-2025年7月1日至12月31日迎检卷宗-第2卷.pdf');
    expect(dossierFileName('甲支部', { from: '2025-01-01', to: '2025-06-30' }, 1)).toBe(
      '甲支部-2025年1月1日至6月30日迎检卷宗-第1卷.pdf',
    );
    expect(dossierFileName('机关/后勤:第一"党支部"?', year, 1)).toBe('机关_后勤_第一_党支部__-2025年度迎检卷宗.pdf');
  });

  it('refuses an empty range in the words of an empty year', () => {
    expect(emptyPeriodReason({ from: '2019-01-01', to: '2019-12-31' })).toBe(
      '2019 年度没有任何记录（会议、阵地复查、学习、比武、责任、评议、自评），不生成卷宗',
    );
    expect(emptyPeriodReason({ from: '2019-03-01', to: '2019-05-31' })).toBe(
      '2019年3月1日至5月31日没有任何记录（会议、阵地复查、学习、比武、责任、评议、自评），不生成卷宗',
    );
  });
});

describe('卷宗导出 page', () => {
  it('offers 按起止日期 with the dates filled in, says why a wrong range cannot be exported, and explains 卷号', async () => {
    setChinaNow('2030-06-15T10:00:00');
    await seed();
    render(
      <AppProviders>
        <DossierPage />
      </AppProviders>,
    );
    await screen.findByRole('heading', { name: '卷宗导出' });
    expect(screen.getByText(/同一年度分册装订时，按起止日期分别导出/)).toBeTruthy();
    expect(screen.getByLabelText('卷号').getAttribute('aria-describedby')).toBe('dossier-volume-help');
    fireEvent.click(screen.getByText('按起止日期'));
    const from = screen.getByLabelText('开始日期') as HTMLInputElement;
    const to = screen.getByLabelText('结束日期') as HTMLInputElement;
    expect(from.value).toBe('2030-01-01');
    expect(to.value).toBe('2030-06-15');
    const generate = screen.getByRole('button', { name: '生成卷宗' });
    expect(generate.hasAttribute('disabled')).toBe(false);

    fireEvent.focus(to);
    fireEvent.mouseDown(to);
    fireEvent.change(to, { target: { value: '2029-12-31' } });
    fireEvent.blur(to);
    expect(await screen.findByText('结束日期不能早于开始日期')).toBeTruthy();
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('button', { name: '生成卷宗' }).hasAttribute('disabled')).toBe(true);

    // Back to 按年度: the year's volume can be made again, and the range is kept for a later return.
    fireEvent.click(screen.getByText('按年度'));
    expect(screen.queryByText('结束日期不能早于开始日期')).toBeNull();
    expect(screen.getByRole('button', { name: '生成卷宗' }).hasAttribute('disabled')).toBe(false);
    fireEvent.click(screen.getByText('按起止日期'));
    expect((screen.getByLabelText('结束日期') as HTMLInputElement).value).toBe('2029-12-31');
  });
});

describe('卷宗导出, the focus after 生成卷宗', () => {
  it('moves the focus to the outcome when 生成卷宗 ends (here: a year without records is refused)', async () => {
    // Long after the seeded records: the year offered first has none.
    setChinaNow('2045-06-15T10:00:00');
    await seed();
    render(
      <AppProviders>
        <DossierPage />
      </AppProviders>,
    );
    await screen.findByRole('heading', { name: '卷宗导出' });
    // The button is disabled while the volume is made: the focus is on the page, nowhere to continue from.
    fireEvent.click(screen.getByRole('button', { name: '生成卷宗' }));
    // A year without a record is an expected state (a new branch): a notice saying what to do, not a red failure.
    const refused = await screen.findByText('还没有可以生成的内容');
    expect(screen.queryByText('生成失败，没有生成文件')).toBeNull();
    expect(refused.closest('.ant-alert')?.classList.contains('ant-alert-info')).toBe(true);
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.contains(refused)).toBe(true);
    expect(document.activeElement?.textContent).toContain('2045 年度没有任何记录');
    expect(document.activeElement?.textContent).toContain('录入记录后即可生成');
  });

  it('leaves the focus where the user put it meanwhile', async () => {
    setChinaNow('2045-06-15T10:00:00');
    await seed();
    render(
      <AppProviders>
        <DossierPage />
      </AppProviders>,
    );
    await screen.findByRole('heading', { name: '卷宗导出' });
    fireEvent.click(screen.getByRole('button', { name: '生成卷宗' }));
    const volume = screen.getByLabelText('卷号');
    act(() => volume.focus());
    expect(await screen.findByText('还没有可以生成的内容')).toBeTruthy();
    expect(document.activeElement).toBe(volume);
  });
});
