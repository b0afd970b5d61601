// 工作台: the branch-year's readiness by the four pillars, or the first step (新建支部) when nothing is entered yet.
import { ApartmentOutlined, PlusOutlined } from '../ui/icons';
import { Button, Result, Typography } from 'antd';
import { Dashboard } from '../features/dashboard/Dashboard';
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
      {current && <Dashboard branch={current} />}
    </section>
  );
}
