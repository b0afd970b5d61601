// A picker's search box: characters as names, or pinyin (whole, initials, mixed) — and it is what the form's
// SelectField filters its list with.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { SelectField } from '../../../renderer/src/ui/SelectField';
import { labelMatches, pinyinReady } from '../../../renderer/src/ui/pickerSearch';

beforeAll(() => pinyinReady);
afterEach(cleanup);

const roster = ['王芳', '汪方圆', '曾国强', '吕静', '单雄', '阿依古丽·买买提', '李娜（1990年生）', '李娜（1985年生）'];
const found = (typed: string) => roster.filter((label) => labelMatches(typed, label));

describe('labelMatches', () => {
  it('finds by characters, read as names', () => {
    expect(found('王芳')).toEqual(['王芳']);
    expect(found('王 芳')).toEqual(['王芳']);
    expect(found('1990')).toEqual(['李娜（1990年生）']);
    expect(found('')).toEqual(roster);
    expect(found('阿依古丽•买买提')).toEqual(['阿依古丽·买买提']);
  });

  it('finds by pinyin: whole syllables, initials, or a mix, in any case', () => {
    // 汪方圆 starts with the same syllables: both are offered.
    expect(found('wangfang')).toEqual(['王芳', '汪方圆']);
    expect(found('wf')).toEqual(['王芳', '汪方圆']);
    expect(found('WangFy')).toEqual(['汪方圆']);
    expect(found('wfy')).toEqual(['汪方圆']);
    expect(found('fang')).toEqual(['王芳', '汪方圆']);
    expect(found('wang fang y')).toEqual(['汪方圆']);
    expect(found('ln')).toEqual(['李娜（1990年生）', '李娜（1985年生）']);
    expect(found('mmt')).toEqual(['阿依古丽·买买提']);
  });

  it('reads surnames as surnames, and ü as v or u', () => {
    expect(found('zgq')).toEqual(['曾国强']);
    expect(found('zengguoqiang')).toEqual(['曾国强']);
    expect(found('shanxiong')).toEqual(['单雄']);
    expect(found('lvjing')).toEqual(['吕静']);
    expect(found('lujing')).toEqual(['吕静']);
  });

  it('does not find what the letters do not spell', () => {
    expect(found('wfx')).toEqual([]);
    expect(found('angf')).toEqual([]);
    expect(found('zz')).toEqual([]);
  });
});

function Picker() {
  const { control } = useForm<{ who: string }>({ defaultValues: { who: '' } });
  return (
    <SelectField
      control={control}
      name="who"
      label="主持人"
      idPrefix="t"
      options={roster.map((label, i) => ({ value: `m${i}`, label }))}
    />
  );
}

describe('SelectField search', { timeout: 30_000 }, () => {
  it('lists only the members the typed pinyin finds', async () => {
    render(
      <AppProviders>
        <Picker />
      </AppProviders>,
    );
    const box = screen.getByLabelText('主持人');
    fireEvent.mouseDown(box);
    fireEvent.change(box, { target: { value: 'zgq' } });
    await waitFor(() =>
      expect([...document.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title'))).toEqual([
        '曾国强',
      ]),
    );
  });
});
