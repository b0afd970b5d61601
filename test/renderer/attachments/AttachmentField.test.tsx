// AttachmentField in a DOM: labelled file input, per-file Chinese refusals while good files go in, tiles and 移除.
// The test runs in Node: it reads fixture files and borrows Node's Blob, which fake-indexeddb can clone.
import { Blob as NodeBlob } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { AttachmentField } from '../../../renderer/src/ui/attachments/AttachmentField';

beforeEach(() => {
  vi.stubGlobal('Blob', NodeBlob);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const fixture = (name: string, type = '') =>
  new File([new Uint8Array(readFileSync(`test/fixtures/images/${name}`))], name, { type });

function Harness({ branchId, onChange }: Readonly<{ branchId: string; onChange: (ids: string[]) => void }>) {
  const [ids, setIds] = useState<string[]>([]);
  return (
    <AttachmentField
      branchId={branchId}
      label="现场照片"
      value={ids}
      onChange={(next) => {
        onChange(next);
        setIds(next);
      }}
    />
  );
}

describe('AttachmentField', () => {
  it('uploads the good files, names the refused one in Chinese, and removes on 移除', async () => {
    const branch = await createBranch({ name: '甲支部', termStart: '2023-03-01', termEnd: '2026-02-28' });
    const onChange = vi.fn();
    render(
      <AppProviders>
        <Harness branchId={branch.id} onChange={onChange} />
      </AppProviders>,
    );
    const input = screen.getByLabelText('现场照片') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain('image/jpeg');

    fireEvent.change(input, {
      target: { files: [fixture('not-a-photo.jpg', 'image/jpeg'), fixture('venue-room.png', 'image/png')] },
    });

    expect(
      await screen.findByText(
        '“not-a-photo.jpg” 的内容不是真正的 JPG、PNG、WebP 图片或 PDF 文件（可能只是改了扩展名），不能上传',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    const stored = await db.attachments.toArray();
    expect(stored.map((a) => a.name)).toEqual(['venue-room.png']);
    expect(onChange).toHaveBeenLastCalledWith([stored[0]!.id]);
    expect(await screen.findByRole('img', { name: 'venue-room.png（缩略图）' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '移除 venue-room.png' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
    await waitFor(() => expect(screen.queryByRole('img', { name: 'venue-room.png（缩略图）' })).toBeNull());
  });
});
