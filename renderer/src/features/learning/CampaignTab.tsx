// 争创活动: pick or create a campaign, then work through its phases and six steps; the 机关文化 line on top.
import { PlusOutlined } from '../../ui/icons';
import { Button, Empty, Flex, Select, Typography } from 'antd';
import { useId, useState } from 'react';
import type { Branch } from '../../../../shared/schemas';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { Loading } from '../../ui/Loading';
import { CampaignForm } from './CampaignForm';
import { CampaignView } from './CampaignView';
import { CultureCard } from './CultureCard';
import { useCampaigns } from './useCampaigns';

type Mode = { view: 'show' } | { view: 'new' } | { view: 'edit' };

export function CampaignTab({ branch }: Readonly<{ branch: Branch }>) {
  const data = useCampaigns(branch.id);
  const [selected, setSelected] = useState<string>();
  const [mode, setMode] = useState<Mode>({ view: 'show' });
  const selectId = `campaign-select-${useId().replace(/:/g, '')}`;
  if (!data) return <Loading />;
  const campaign = data.campaigns.find((c) => c.id === selected) ?? data.campaigns[0];

  if (mode.view !== 'show') {
    return (
      <CampaignForm
        key={mode.view === 'edit' ? campaign?.id : 'new'}
        branchId={branch.id}
        campaign={mode.view === 'edit' ? campaign : undefined}
        onSaved={(saved) => {
          setSelected(saved.id);
          setMode({ view: 'show' });
        }}
        onCancel={() => setMode({ view: 'show' })}
      />
    );
  }
  return (
    <>
      <CultureCard branch={branch} members={data.members} compact />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        {data.campaigns.length > 1 ? (
          <Flex align="center" gap={8}>
            <Typography.Text>
              <label htmlFor={selectId}>争创活动</label>
            </Typography.Text>
            <Select
              id={selectId}
              value={campaign?.id}
              onChange={setSelected}
              // A screen reader hears the campaign shown with the picker's name (chosenValue.tsx).
              aria-describedby={describedByChosen(selectId, campaign?.id)}
              labelRender={chosenLabelRender(selectId, campaign?.id)}
              style={{ minWidth: 240 }}
              options={data.campaigns.map((c) => ({ value: c.id, label: `${c.name}（${c.phases[0]?.start ?? ''}）` }))}
            />
          </Flex>
        ) : (
          <span />
        )}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ view: 'new' })}>
          新建争创活动
        </Button>
      </Flex>
      {campaign ? (
        <CampaignView
          key={campaign.id}
          branch={branch}
          campaign={campaign}
          data={data}
          onEdit={() => setMode({ view: 'edit' })}
        />
      ) : (
        <Empty description="还没有争创活动。新建一个“争做×先锋”活动，按调查研究、动员部署、全面争创、完善提升四个阶段开展。" />
      )}
    </>
  );
}
