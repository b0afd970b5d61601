// The app's icons, and antd's own, are decorative: a button reads as its Chinese label, not 「edit 编辑」.
import AntdIcon from '@ant-design/icons/es/components/AntdIcon';
import AntdIconLight from '@ant-design/icons/es/components/AntdIconLight';
import { cleanup, render, screen } from '@testing-library/react';
import { Button, Input } from 'antd';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCircleFilled, DeleteOutlined, EditOutlined, PlusOutlined } from '../../../renderer/src/ui/icons';

afterEach(cleanup);

/** An icon definition as @ant-design/icons-svg has them, named in English like antd's arrow. */
const down = {
  name: 'down',
  theme: 'outlined' as const,
  icon: {
    tag: 'svg',
    attrs: { viewBox: '64 64 896 896', focusable: 'false' },
    children: [{ tag: 'path', attrs: { d: 'M0 0h1' } }],
  },
};

describe('decorative icons', () => {
  it('leave a button named by its text alone, hidden from assistive technology', () => {
    render(
      <>
        <Button icon={<EditOutlined />}>编辑</Button>
        <Button icon={<PlusOutlined />}>新增党员</Button>
      </>,
    );
    expect(screen.getByRole('button', { name: '编辑' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '新增党员' })).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    for (const icon of document.querySelectorAll('.anticon')) {
      expect(icon.getAttribute('aria-hidden')).toBe('true');
      expect(icon.hasAttribute('aria-label')).toBe(false);
    }
  });

  it('still pass props and refs through (an icon-only button names itself with aria-label)', () => {
    const ref = createRef<HTMLSpanElement>();
    render(<Button aria-label="删除附件" icon={<DeleteOutlined ref={ref} className="x" />} />);
    expect(screen.getByRole('button', { name: '删除附件' })).toBeTruthy();
    expect(ref.current?.classList.contains('x')).toBe(true);
  });

  it.each([
    ['AntdIconLight', AntdIconLight],
    ['AntdIcon', AntdIcon],
  ])("hide antd's own icons too: %s, which draws a select's arrow, is decorative unless named", (_, Drawer) => {
    // In the browser antd draws its arrows and crosses with these (the ES build); under Vitest antd loads the CommonJS
    // build instead, so the icon is drawn with them directly. test/e2e/no-english.spec.ts sees antd's own.
    render(
      <>
        <Drawer icon={down} />
        <Drawer icon={down} aria-label="展开" />
      </>,
    );
    const [icon] = document.querySelectorAll('.anticon-down');
    expect(icon?.getAttribute('aria-hidden')).toBe('true');
    expect(icon?.hasAttribute('aria-label')).toBe(false);
    expect(icon?.hasAttribute('role')).toBe(false);
    expect(screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'))).toEqual(['展开']);
  });

  it('name an icon given an aria-label, for a control whose only content it is', () => {
    render(
      <Input aria-label="搜索" value="党课" allowClear={{ clearIcon: <CloseCircleFilled aria-label="清除" /> }} />,
    );
    expect(screen.getByRole('button', { name: '清除' })).toBeTruthy();
    expect(screen.getByRole('img', { name: '清除' }).hasAttribute('aria-hidden')).toBe(false);
  });
});
