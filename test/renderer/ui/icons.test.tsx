// The app's icons are decorative: a button reads as its Chinese label, not 「edit 编辑」.
import { cleanup, render, screen } from '@testing-library/react';
import { Button } from 'antd';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '../../../renderer/src/ui/icons';

afterEach(cleanup);

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
});
