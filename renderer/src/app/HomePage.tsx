// 工作台: a welcome, and the first step (新建支部) when nothing has been entered yet.
import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Typography } from 'antd';
import { useCurrentBranch } from '../features/branch/useCurrentBranch';
import { Loading } from '../ui/Loading';
import { navigate } from './useHashRoute';

export function HomePage() {
  const current = useCurrentBranch();
  return (
    <section aria-labelledby="page-title">
      <Typography.Title level={2} id="page-title">
        工作台
      </Typography.Title>
      <Typography.Paragraph>
        欢迎使用支部标准化台账。这里按“活动有阵地、工作有记录、领导有责任、评价有标准”记录支部工作，一次录入、多处使用，数据只保存在本机。
      </Typography.Paragraph>
      {current === undefined && <Loading />}
      {current === null && (
        <Result
          icon={<ApartmentOutlined />}
          title="还没有支部"
          subTitle="先填写支部的基本情况：名称、上级党组织、届期、支委会成员和党小组。"
          extra={
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => navigate('branch')}>
              新建支部
            </Button>
          }
        />
      )}
      {current && (
        <Card
          title={`当前支部：${current.name}`}
          extra={<Button onClick={() => navigate('branch')}>查看支部概况</Button>}
          style={{ maxWidth: 720 }}
        >
          <Descriptions
            column={1}
            items={[
              { key: 'parentOrg', label: '上级党组织', children: current.parentOrg || '未填写' },
              { key: 'term', label: '本届届期', children: `${current.termStart} 至 ${current.termEnd}` },
              { key: 'committee', label: '支委会成员', children: `${current.committee.length} 人` },
              { key: 'groups', label: '党小组', children: `${current.partyGroups.length} 个` },
            ]}
          />
        </Card>
      )}
    </section>
  );
}
