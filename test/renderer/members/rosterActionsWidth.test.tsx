// The roster's 操作 column is fixed at the right: its words (编辑, 转出/离开支部, ≈ 240 px) covered the 党小组 column of a
// 1024-px window, so below 1200 px the buttons show their icons, still named for a screen reader; wide, the words stay.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { MembersPanel } from '../../../renderer/src/features/members/MembersPanel';
import { seed, setChinaNow } from '../meetings/fixtures';

const setWidth = (width: number) =>
  (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport(
    { width, height: 768 },
  );

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  setWidth(1024);
});

async function editButton(width: number) {
  setChinaNow('2030-06-15T10:00:00');
  setWidth(width);
  const { branch, zhang } = await seed();
  render(
    <AppProviders>
      <MembersPanel branch={branch} />
    </AppProviders>,
  );
  return screen.findByRole('button', { name: `编辑 ${zhang.name}` }, { timeout: 8000 });
}

describe('the roster’s 操作 column', { timeout: 30_000 }, () => {
  it('at 1024 px shows named icons only', async () => {
    const button = await editButton(1024);
    expect(button.textContent?.trim()).toBe('');
  });

  it('at 1280 px shows the words', async () => {
    const button = await editButton(1280);
    expect(button.textContent).toContain('编辑');
  });
});
