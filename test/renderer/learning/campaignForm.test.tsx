// 新建/修改争创活动 in a DOM: each phase's two dates show what is stored, save what is typed, and a cleared one is asked
// for under its own box.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { createCampaign } from '../../../renderer/src/db/repositories/campaigns';
import { CampaignForm } from '../../../renderer/src/features/learning/CampaignForm';
import { branchWithMembers, PHASES } from './fixtures';

afterEach(cleanup);

const box = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

async function setUp() {
  const { branch } = await branchWithMembers();
  const campaign = await createCampaign(branch.id, { name: '争做×先锋', phases: PHASES });
  const onSaved = vi.fn();
  render(
    <AppProviders>
      <CampaignForm branchId={branch.id} campaign={campaign} onSaved={onSaved} onCancel={() => {}} />
    </AppProviders>,
  );
  return { campaign, onSaved };
}

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('CampaignForm phase dates', { timeout: 20_000 }, () => {
  it("shows every phase's stored dates and saves a changed one", async () => {
    const { campaign, onSaved } = await setUp();
    expect(PHASES.flatMap((p) => [box(`${p.phase}开始日期`).value, box(`${p.phase}结束日期`).value])).toEqual(
      PHASES.flatMap((p) => [p.start, p.end]),
    );
    const end = box('完善提升结束日期');
    fireEvent.mouseDown(end);
    fireEvent.change(end, { target: { value: '2024-12-30' } });
    fireEvent.keyDown(end, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: '保存活动' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect((await db.campaigns.get(campaign.id))!.phases[3]).toEqual({
      phase: '完善提升',
      start: '2024-11-01',
      end: '2024-12-30',
    });
  });

  it('asks for a cleared date under its box and saves nothing', async () => {
    const { campaign, onSaved } = await setUp();
    const end = box('动员部署结束日期');
    fireEvent.mouseDown(end);
    fireEvent.change(end, { target: { value: '' } });
    fireEvent.blur(end);
    fireEvent.click(screen.getByRole('button', { name: '保存活动' }));
    expect(await screen.findByText('请填写“动员部署”阶段的结束日期')).toBeTruthy();
    expect(box('动员部署结束日期').getAttribute('aria-invalid')).toBe('true');
    expect(onSaved).not.toHaveBeenCalled();
    expect((await db.campaigns.get(campaign.id))!.phases[1]!.end).toBe('2024-04-30');
  });
});
