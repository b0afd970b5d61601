// 学习与争创: the 机关文化 card, then tabs 学习记录 | 争创活动 | 技能比武.
import { Alert, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Branch } from '../../../../shared/schemas';
import { Loading } from '../../ui/Loading';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { useMembers } from '../members/useMembers';
import { CampaignTab } from './CampaignTab';
import { CompetitionTab } from './CompetitionTab';
import { CultureCard } from './CultureCard';
import { LearningTab } from './LearningTab';

export function LearningPage() {
  const branch = useCurrentBranch();
  const page = (content: ReactNode) => (
    <section aria-labelledby="page-title">
      <Typography.Title level={2} id="page-title">
        学习与争创
      </Typography.Title>
      {content}
    </section>
  );
  if (branch === undefined) return page(<Loading />);
  if (branch === null) {
    return page(
      <Alert
        type="info"
        showIcon
        title="还没有支部"
        description={
          <>
            请先在<a href="#/branch">支部概况</a>中填写支部的基本情况。
          </>
        }
      />,
    );
  }
  return page(<BranchLearning key={branch.id} branch={branch} />);
}

function BranchLearning({ branch }: Readonly<{ branch: Branch }>) {
  const members = useMembers(branch.id);
  if (members === undefined) return <Loading />;
  return (
    <>
      <CultureCard branch={branch} members={members} />
      <Tabs
        items={[
          { key: 'learning', label: '学习记录', children: <LearningTab branchId={branch.id} /> },
          { key: 'campaign', label: '争创活动', children: <CampaignTab branch={branch} /> },
          { key: 'competition', label: '技能比武', children: <CompetitionTab branchId={branch.id} /> },
        ]}
      />
    </>
  );
}
