// The confirmations of 「替换本机的同一支部」 and 「覆盖全部」: 取消 has the focus, what is here is set against what
// the backup brings, and a backup with fewer records (or 覆盖全部 deleting branches) must be ticked before the red button.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import type { BackupPreview } from '../../../renderer/src/db/backup/restore';
import { RestoreCard } from '../../../renderer/src/features/data-safety/RestoreCard';
import {
  type BranchCompare,
  ReplaceBranchesDialog,
} from '../../../renderer/src/features/data-safety/ReplaceBranchesDialog';
import type { RestoreFlow } from '../../../renderer/src/features/data-safety/useRestoreFlow';

afterEach(() => {
  cleanup();
});

/**
 * Without motion: the dialog's opening animation never ends in happy-dom, and 取消 is focused only when it has
 * (afterOpenChange).
 */
function inApp(children: ReactNode) {
  return (
    <AppProviders>
      <ConfigProvider theme={{ token: { motion: false } }}>{children}</ConfigProvider>
    </AppProviders>
  );
}

const CREATED_AT = '2030-03-01T02:00:00.000Z';

/** A backup of `same` branches that are all here, among `total` branches here; `onlyHere` lacking from the file. */
function previewOf(
  same: { id: string; name: string }[],
  { total = same.length, onlyHere = [] as { id: string; name: string }[] } = {},
): BackupPreview {
  return {
    createdAt: CREATED_AT,
    appVersion: '1.2.0',
    schemaVersion: 6,
    branches: same,
    tables: [{ table: 'meetings', label: '会议记录', rows: 71 }],
    attachments: { count: 0, bytes: 0 },
    fileBytes: 2048,
    here: {
      same: same.map((b) => ({ ...b, localName: b.name })),
      sameName: [],
      onlyHere,
      total,
    },
    fileRows: {},
  };
}

const meetings = (here: number, file: number) => ({
  table: 'meetings' as const,
  label: '会议记录',
  unit: '条',
  here,
  file,
});
const members = (here: number, file: number) => ({ table: 'members' as const, label: '党员', unit: '名', here, file });

function renderDialog(preview: BackupPreview, branches: BranchCompare[]) {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    inApp(<ReplaceBranchesDialog preview={preview} branches={branches} onCancel={onCancel} onConfirm={onConfirm} />),
  );
  return { onConfirm, onCancel };
}

const dialog = () => screen.getByRole('dialog');
const button = (name: string) => within(dialog()).getByRole('button', { name }) as HTMLButtonElement;

describe('替换本机的同一支部, its confirmation', () => {
  it('opens with the focus on 取消, and with no fewer records the red button needs no tick', async () => {
    const { onConfirm } = renderDialog(previewOf([{ id: 'b1', name: '甲支部' }], { total: 3 }), [
      { id: 'b1', localName: '甲支部', kinds: [members(20, 20), meetings(70, 71)] },
    ]);
    await screen.findByText('用备份替换本机的「甲支部」？');
    await waitFor(() => expect(document.activeElement).toBe(button('取消')));
    expect(dialog().textContent).toContain('本机其他 2 个支部不受影响。');
    expect(dialog().textContent).toContain('「甲支部」：党员 20 → 20 名、会议记录 70 → 71 条');
    expect(screen.queryByText('我已了解：替换后本机多出的记录将丢失')).toBeNull();
    expect(button('替换本机的同一支部').disabled).toBe(false);
    fireEvent.click(button('替换本机的同一支部'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('with fewer records in the backup, says 本机 → 备份 and keeps the red button disabled until ticked', async () => {
    const { onConfirm } = renderDialog(previewOf([{ id: 'b1', name: '甲支部' }]), [
      { id: 'b1', localName: '甲支部', kinds: [members(20, 20), meetings(708, 71)] },
    ]);
    await screen.findByText('用备份替换本机的「甲支部」？');
    const text = dialog().textContent ?? '';
    expect(text).toContain('本机 → 备份：');
    expect(text).toContain('「甲支部」：党员 20 → 20 名、会议记录 708 → 71 条');
    expect(text).toContain('备份中的记录比本机少');
    // The warning names only the kinds that shrink.
    expect(text).toContain('「甲支部」会议记录 708 → 71 条。替换后本机多出的这些记录将丢失。');

    const confirm = button('替换本机的同一支部');
    expect(confirm.disabled).toBe(true);
    fireEvent.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();

    fireEvent.click(within(dialog()).getByLabelText('我已了解：替换后本机多出的记录将丢失'));
    expect(button('替换本机的同一支部').disabled).toBe(false);
    fireEvent.click(button('替换本机的同一支部'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('shows up to 3 branches one by one', async () => {
    const three = ['甲支部', '乙支部', '丙支部'].map((name, i) => ({ id: `b${i}`, name }));
    renderDialog(
      previewOf(three),
      three.map((b) => ({ id: b.id, localName: b.name, kinds: [meetings(10, 12)] })),
    );
    await screen.findByText('用备份替换本机的 3 个支部？');
    const text = dialog().textContent ?? '';
    for (const b of three) expect(text).toContain(`「${b.name}」：会议记录 10 → 12 条`);
    expect(text).not.toContain('个支部合计');
    expect(within(dialog()).queryByText(/各支部明细/)).toBeNull();
  });

  it('with more than 3 branches, folds the per-branch lists under one line of totals', async () => {
    const four = ['甲支部', '乙支部', '丙支部', '丁支部'].map((name, i) => ({ id: `b${i}`, name }));
    renderDialog(
      previewOf(four),
      four.map((b, i) => ({
        id: b.id,
        localName: b.name,
        kinds: i === 0 ? [members(5, 5), meetings(708, 71)] : [members(5, 6), meetings(10, 10)],
      })),
    );
    await screen.findByText('用备份替换本机的 4 个支部？');
    let text = dialog().textContent ?? '';
    expect(text).toContain('4 个支部合计：党员 20 → 23 名、会议记录 738 → 101 条');
    // Folded: no branch's own line until 各支部明细 is opened.
    expect(text).not.toContain('「乙支部」：');
    expect(text).toContain('「甲支部」会议记录 708 → 71 条。替换后本机多出的这些记录将丢失。');
    expect(button('替换本机的同一支部').disabled).toBe(true);

    fireEvent.click(within(dialog()).getByText('各支部明细（4 个）'));
    await waitFor(() => expect(dialog().textContent).toContain('「乙支部」：党员 5 → 6 名、会议记录 10 → 10 条'));
    text = dialog().textContent ?? '';
    expect(text).toContain('「甲支部」：党员 5 → 5 名、会议记录 708 → 71 条');
  });
});

describe('覆盖全部, its confirmation', () => {
  function renderCard(preview: BackupPreview) {
    const flow: RestoreFlow = {
      state: { step: 'preview', name: '备份.zip', file: new Blob([]), preview },
      busy: false,
      inspect: vi.fn(async () => {}),
      restore: vi.fn(async () => {}),
      reset: vi.fn(),
    };
    render(inApp(<RestoreCard flow={flow} />));
    return flow;
  }

  it('names the branches here that the backup lacks, and needs its tick before deleting them', async () => {
    const flow = renderCard(
      previewOf([{ id: 'b1', name: '甲支部' }], {
        total: 3,
        onlyHere: [
          { id: 'b8', name: '丙支部' },
          { id: 'b9', name: '丁支部' },
        ],
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: '覆盖全部' }));
    await screen.findByText('覆盖全部数据？');
    await waitFor(() => expect(document.activeElement).toBe(button('取消')));
    const text = dialog().textContent ?? '';
    expect(text).toContain('本机 3 个支部的数据将被删除，只留下备份中的 1 个');
    expect(text).toContain('备份中没有、将被删除的支部（2 个）：「丙支部」、「丁支部」。');
    expect(text).toContain('如只想更新备份中的支部，请取消，改选「替换本机的同一支部」。');

    expect(button('覆盖全部').disabled).toBe(true);
    fireEvent.click(button('覆盖全部'));
    expect(flow.restore).not.toHaveBeenCalled();
    fireEvent.click(within(dialog()).getByLabelText('我已了解：本机这 2 个支部的数据将被删除'));
    expect(button('覆盖全部').disabled).toBe(false);
    fireEvent.click(button('覆盖全部'));
    expect(flow.restore).toHaveBeenCalledWith('replace');
  });

  it('with every branch here in the backup, asks for no tick', async () => {
    const flow = renderCard(previewOf([{ id: 'b1', name: '甲支部' }]));
    fireEvent.click(await screen.findByRole('button', { name: '覆盖全部' }));
    await screen.findByText('覆盖全部数据？');
    expect(within(dialog()).queryByText(/我已了解/)).toBeNull();
    expect(dialog().textContent).not.toContain('将被删除的支部');
    fireEvent.click(button('覆盖全部'));
    expect(flow.restore).toHaveBeenCalledWith('replace');
  });
});
