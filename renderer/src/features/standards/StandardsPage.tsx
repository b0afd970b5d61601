// 评价标准: the branch's 考评 (with drill-down to the records and a year-on-year chart), the standards library
// (built-ins, 复制后修改, versions) and 民主评议党员.
import { Alert, Flex, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Loading } from '../../ui/Loading';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { AssessmentsPanel } from './AssessmentsPanel';
import { MemberEvaluationsPanel } from './MemberEvaluationsPanel';
import { StandardLibrary } from './StandardLibrary';
import { goToStandards, useStandardsRoute, type StandardsTab } from './standardsRoute';

export function StandardsPage() {
  const branch = useCurrentBranch();
  const route = useStandardsRoute();

  const page = (content: ReactNode) => (
    <section aria-labelledby="page-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} id="page-title" style={{ margin: 0 }}>
          评价标准
        </Typography.Title>
      </Flex>
      {content}
    </section>
  );

  if (branch === undefined) return page(<Loading />);

  const library = <StandardLibrary route={route.tab === 'library' ? route : { tab: 'library' }} />;
  const needsBranch = (content: ReactNode) =>
    branch === null ? (
      <Alert
        type="info"
        showIcon
        title="还没有支部"
        description={
          <>
            请先在<a href="#/branch">支部概况</a>中填写支部的基本情况，再开展考评和民主评议。
          </>
        }
      />
    ) : (
      content
    );

  return page(
    <Tabs
      activeKey={route.tab}
      onChange={(key) =>
        goToStandards(
          key === 'assessments'
            ? { tab: 'assessments', view: 'list' }
            : { tab: key as Exclude<StandardsTab, 'assessments'> },
        )
      }
      items={[
        {
          key: 'assessments',
          label: '考评',
          children: needsBranch(
            // Keyed by branch, as every page of one branch is: a switch drops a half-typed 考评 or 评议 (asked first
            // when it has edits) instead of saving it into the branch switched to.
            branch && (
              <AssessmentsPanel
                key={branch.id}
                branch={branch}
                route={route.tab === 'assessments' ? route : { tab: 'assessments', view: 'list' }}
              />
            ),
          ),
        },
        { key: 'library', label: '标准库', children: library },
        {
          key: 'evaluations',
          label: '民主评议党员',
          children: needsBranch(branch && <MemberEvaluationsPanel key={branch.id} branch={branch} />),
        },
      ]}
    />,
  );
}
