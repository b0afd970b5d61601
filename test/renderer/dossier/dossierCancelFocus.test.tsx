// 卷宗导出 while the volume is made: 生成卷宗 is disabled, so the focus goes to 取消生成 (else it fell to the page and
// 取消生成 was out of reach of the keyboard until Tab came round from the top).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { DossierPage } from '../../../renderer/src/features/dossier/DossierPage';
import { seed, setChinaNow } from '../meetings/fixtures';

// The volume's data is still being read: the job stays running for as long as the test looks.
vi.mock('../../../renderer/src/db/printData', () => ({ loadDossierJob: () => new Promise(() => undefined) }));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('卷宗导出, the focus while the volume is made', () => {
  it('moves from the disabled 生成卷宗 to 取消生成', async () => {
    setChinaNow('2030-06-15T10:00:00');
    await seed();
    render(
      <AppProviders>
        <DossierPage />
      </AppProviders>,
    );
    await screen.findByRole('heading', { name: '卷宗导出' });
    const generate = screen.getByRole('button', { name: '生成卷宗' });
    act(() => generate.focus());
    fireEvent.click(generate);
    const cancel = await screen.findByRole('button', { name: '取消生成' });
    expect(generate.hasAttribute('disabled')).toBe(true);
    await vi.waitFor(() => expect(document.activeElement).toBe(cancel));
  });

  it('leaves the focus where the user put it', async () => {
    setChinaNow('2030-06-15T10:00:00');
    await seed();
    render(
      <AppProviders>
        <DossierPage />
      </AppProviders>,
    );
    await screen.findByRole('heading', { name: '卷宗导出' });
    const volume = screen.getByLabelText('卷号');
    act(() => volume.focus());
    fireEvent.click(screen.getByRole('button', { name: '生成卷宗' }));
    await screen.findByRole('button', { name: '取消生成' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(volume);
  });
});
