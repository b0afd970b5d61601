// The controls antd names in English, or not at all, read in Chinese: a select's and an input's clear button, the
// 上一页/下一页 buttons of a table's pages, and a number box's step arrows (kept from the accessibility tree).
import { cleanup, render, screen } from '@testing-library/react';
import { Alert, Input, Pagination, Select, Tabs } from 'antd';
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { INPUT_CLEAR, namedPageButtons, SELECT_CLEAR } from '../../../renderer/src/ui/controlLabels';
import { NumberInput } from '../../../renderer/src/ui/NumberInput';
import { SelectField } from '../../../renderer/src/ui/SelectField';

afterEach(cleanup);

describe('Chinese names for antd controls', () => {
  it('a select’s clear button is 清除, not rc-select’s 「Clear」', () => {
    render(
      <Select
        aria-label="类型"
        value="支委会"
        options={[{ value: '支委会', label: '支委会' }]}
        allowClear={SELECT_CLEAR}
      />,
    );
    expect(screen.getByRole('button', { name: '清除' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear' })).toBeNull();
  });

  it('so is the clear button of the shared SelectField', () => {
    function Form() {
      const { control } = useForm<{ venueId: string }>({ defaultValues: { venueId: 'v1' } });
      return (
        <SelectField
          control={control}
          name="venueId"
          label="地点（阵地）"
          idPrefix="meeting"
          options={[{ value: 'v1', label: '机关党员活动室' }]}
          emptyAs=""
          allowClear
        />
      );
    }
    render(<Form />);
    expect(screen.getByRole('button', { name: '清除' })).toBeTruthy();
  });

  it('an input’s clear button is 清除, not its icon’s 「close-circle」', () => {
    render(<Input aria-label="搜索" value="党课" onChange={() => {}} allowClear={INPUT_CLEAR} />);
    expect(screen.getByRole('button', { name: '清除' })).toBeTruthy();
  });

  it('the pages’ arrow buttons are 上一页 and 下一页', () => {
    render(<Pagination total={120} pageSize={50} defaultCurrent={2} itemRender={namedPageButtons} />);
    expect(screen.getByRole('button', { name: '上一页' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '下一页' })).toBeTruthy();
  });

  it('a number box reads as a spinbutton alone, without 「Increase Value」「Decrease Value」', () => {
    render(<NumberInput aria-label="卷号" value={1} min={1} max={99} />);
    expect(screen.getByRole('spinbutton', { name: '卷号' })).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(document.querySelector('[aria-label="Increase Value"], [aria-label="Decrease Value"]')).toBeNull();
  });

  it('in the app’s providers, a closable alert’s cross is 关闭 and the tabs’ overflow button 更多标签页', () => {
    render(
      <AppProviders>
        <Alert type="error" title="有 1 个文件未能上传" closable />
        <Tabs items={[{ key: 'a', label: '考评', children: '…' }]} />
      </AppProviders>,
    );
    expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy();
    // Shown only when the tabs overflow; its only content is the icon, which names it.
    expect(document.querySelector('.ant-tabs-nav-more [role="img"]')?.getAttribute('aria-label')).toBe('更多标签页');
  });
});
