// Two branches of the same name (an 作为新支部导入 next to one typed by hand) in the header's 当前支部: each says
// what tells it apart, and picking one switches to that one.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { BranchSwitcher } from '../../../renderer/src/app/BranchSwitcher';
import { db } from '../../../renderer/src/db/db';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { getCurrentBranchId, setCurrentBranchId } from '../../../renderer/src/db/repositories/settings';

afterEach(() => cleanup());

describe('BranchSwitcher with same-named branches', { timeout: 40_000 }, () => {
  it('tells them apart by 上级党组织, and switches to the one picked', async () => {
    const term = { termStart: '2024-01-01', termEnd: '2027-12-31' };
    const here = await createBranch({ name: '第一党支部', parentOrg: '市人大机关党委', ...term });
    const imported = await createBranch({ name: '第一党支部', parentOrg: '市政协机关党委', ...term });
    await createBranch({ name: '乙支部', parentOrg: '市人大机关党委', ...term });
    await setCurrentBranchId(here.id);
    render(
      <AppProviders>
        <BranchSwitcher />
      </AppProviders>,
    );
    await waitFor(() =>
      expect(screen.getByLabelText('当前支部').closest('.ant-select')?.textContent).toBe(
        '第一党支部（上级：市人大机关党委）',
      ),
    );
    fireEvent.mouseDown(screen.getByLabelText('当前支部'));
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(3));
    const titles = [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title'));
    expect(titles).toEqual(
      expect.arrayContaining(['第一党支部（上级：市人大机关党委）', '第一党支部（上级：市政协机关党委）', '乙支部']),
    );
    fireEvent.click(document.querySelector('.ant-select-item-option[title="第一党支部（上级：市政协机关党委）"]')!);
    await waitFor(async () => expect(await getCurrentBranchId()).toBe(imported.id));
    expect(await db.branches.count()).toBe(3);
  });
});
