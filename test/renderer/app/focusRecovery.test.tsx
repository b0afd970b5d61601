// When the view the focus was in is replaced (新建记录, 返回列表, 取消 …), the focus goes to the new view's heading
// rather than falling to <body>, where NVDA said nothing; a focus lost without a change of view (a row removed) is
// left alone, and a view that places the focus itself keeps it.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect, useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { HEADING_WAIT_MS, watchFocusLoss } from '../../../renderer/src/app/focusRecovery';

afterEach(cleanup);

type View = 'list' | 'form' | 'loading-form' | 'own-focus';

function Form({ onCancel, slow }: Readonly<{ onCancel: () => void; slow?: boolean }>) {
  const [ready, setReady] = useState(!slow);
  useEffect(() => {
    if (!slow) return;
    const timer = setTimeout(() => setReady(true), 50);
    return () => clearTimeout(timer);
  }, [slow]);
  if (!ready) return <p>加载中</p>;
  return (
    <section>
      <h3>新建工作记录</h3>
      <input aria-label="主题" />
      <button onClick={onCancel}>取消</button>
    </section>
  );
}

function Page() {
  const [view, setView] = useState<View>('list');
  const [rows, setRows] = useState(['甲', '乙']);
  const main = useRef<HTMLElement>(null);
  useEffect(() => (main.current ? watchFocusLoss(main.current) : undefined), []);
  return (
    <>
      <nav>
        <button>菜单</button>
      </nav>
      <main ref={main}>
        <h2 key={view === 'list' ? 'list' : 'other'}>工作记录</h2>
        {view === 'list' && (
          <>
            <button onClick={() => setView('form')}>新建记录</button>
            <button onClick={() => setView('loading-form')}>补录</button>
            <button onClick={() => setView('own-focus')}>查看</button>
            <ul>
              {rows.map((row) => (
                <li key={row}>
                  {row}
                  <button onClick={() => setRows(rows.filter((r) => r !== row))}>移出 {row}</button>
                </li>
              ))}
            </ul>
          </>
        )}
        {view === 'form' && <Form onCancel={() => setView('list')} />}
        {view === 'loading-form' && <Form slow onCancel={() => setView('list')} />}
        {view === 'own-focus' && (
          <section>
            <h3>一条记录</h3>
            <button ref={(b) => b?.focus()}>编辑</button>
          </section>
        )}
      </main>
    </>
  );
}

/** Presses a button the way the keyboard does: it has the focus, then it is activated. */
function press(name: string) {
  const button = screen.getByRole('button', { name });
  act(() => button.focus());
  fireEvent.click(button);
}

const focusedText = () => document.activeElement?.textContent;

describe('focus after a change of view', () => {
  it('goes to the new view’s heading when the button that opened it is gone (新建记录)', async () => {
    render(<Page />);
    press('新建记录');
    await waitFor(() => expect(focusedText()).toBe('新建工作记录'));
    expect(document.activeElement?.tagName).toBe('H3');
    // Focusable by script only: not an extra Tab stop.
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });

  it('goes to the page’s heading when the view left has none of its own (取消 back to the list)', async () => {
    render(<Page />);
    press('新建记录');
    await waitFor(() => expect(focusedText()).toBe('新建工作记录'));
    press('取消');
    await waitFor(() => expect(focusedText()).toBe('工作记录'), { timeout: HEADING_WAIT_MS + 1000 });
    expect(document.activeElement?.tagName).toBe('H2');
  });

  it('waits for a view that shows 加载中 first', async () => {
    render(<Page />);
    press('补录');
    await waitFor(() => expect(focusedText()).toBe('新建工作记录'));
  });

  it('leaves the focus a view placed itself', async () => {
    render(<Page />);
    press('查看');
    await new Promise((resolve) => setTimeout(resolve, HEADING_WAIT_MS + 100));
    expect(focusedText()).toBe('编辑');
  });

  it('does not move a focus lost without a change of view (a row removed)', async () => {
    render(<Page />);
    press('移出 甲');
    await new Promise((resolve) => setTimeout(resolve, HEADING_WAIT_MS + 100));
    expect(screen.queryByText('移出 甲')).toBeNull();
    expect(document.activeElement?.tagName).not.toMatch(/^H[23]$/);
  });

  it('does not take the focus back once the user has moved it', async () => {
    render(<Page />);
    press('新建记录');
    await waitFor(() => expect(focusedText()).toBe('新建工作记录'));
    press('取消');
    act(() => screen.getByRole('button', { name: '菜单' }).focus());
    await new Promise((resolve) => setTimeout(resolve, HEADING_WAIT_MS + 100));
    expect(focusedText()).toBe('菜单');
  });
});
