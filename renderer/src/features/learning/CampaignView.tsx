// One campaign: its progress, then the six steps of 全面争创 each with its own records.
import { Button, Card, Collapse, Flex, Popconfirm, Typography } from 'antd';
import type { ReactNode } from 'react';
import { stepSpanLabel, stepsDone } from '../../../../shared/learning';
import type { Branch, Campaign } from '../../../../shared/schemas';
import { deleteCampaign } from '../../db/repositories/campaigns';
import { AssessmentStep } from './AssessmentStep';
import { AwardsStep } from './AwardsStep';
import { CampaignProgress } from './CampaignProgress';
import { CommitmentsStep } from './CommitmentsStep';
import { LinkedRecordsStep } from './LinkedRecordsStep';
import { ReviewsStep } from './ReviewsStep';
import { SatisfactionStep } from './SatisfactionStep';
import type { CampaignData } from './useCampaigns';

interface Props {
  branch: Branch;
  campaign: Campaign;
  data: CampaignData;
  onEdit: () => void;
}

export function CampaignView({ branch, campaign, data, onEdit }: Readonly<Props>) {
  const done = new Map(stepsDone(campaign).map((s) => [s.step, s.done]));
  const step = (key: string, title: string, children: ReactNode) => ({
    key,
    label: `${title}${done.get(title as never) ? '（已完成）' : ''}`,
    children,
  });
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {campaign.name}
        </Typography.Title>
        <Flex gap={8}>
          <Button onClick={onEdit}>修改活动</Button>
          <Popconfirm
            title="删除该争创活动及其全部环节记录？"
            okText="删除"
            cancelText="取消"
            onConfirm={() => void deleteCampaign(campaign.id)}
          >
            <Button danger>删除活动</Button>
          </Popconfirm>
        </Flex>
      </Flex>
      {campaign.theme ? <Typography.Paragraph>主题：{campaign.theme}</Typography.Paragraph> : null}
      <CampaignProgress campaign={campaign} />
      <Card title="全面争创六个环节">
        <Typography.Paragraph type="secondary">
          公开承诺的日期须在{stepSpanLabel(campaign.phases, '公开承诺')}内；领导点评、评选表彰的日期须在
          {stepSpanLabel(campaign.phases, '评选表彰')}内。承诺党员、表彰党员按所填日期当天的在册名单列出。
        </Typography.Paragraph>
        <Collapse
          defaultActiveKey={['commitments', 'records', 'reviews', 'satisfaction', 'assessment', 'awards']}
          items={[
            step('commitments', '公开承诺', <CommitmentsStep campaign={campaign} members={data.members} />),
            step('records', '积极争创', <LinkedRecordsStep campaign={campaign} meetings={data.meetings} />),
            step('reviews', '领导点评', <ReviewsStep campaign={campaign} />),
            step('satisfaction', '群众评议', <SatisfactionStep key={campaign.updatedAt} campaign={campaign} />),
            step('assessment', '量化考评', <AssessmentStep campaign={campaign} assessments={data.assessments} />),
            step('awards', '评选表彰', <AwardsStep campaign={campaign} branch={branch} members={data.members} />),
          ]}
        />
      </Card>
    </>
  );
}
