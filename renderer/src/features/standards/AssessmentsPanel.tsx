// The 考评 tab: the branch's assessments with the year-on-year chart, and the form or the scored view of one; a 考评
// made by mistake can be deleted from the list or its page.
import { PlusOutlined } from '../../ui/icons';
import { Button, Card, Empty, Flex, Space, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Branch } from '../../../../shared/schemas';
import { formatScore } from '../../../../shared/standards';
import { getAssessment, yearlyTotals } from '../../db/repositories/assessments';
import { Loading } from '../../ui/Loading';
import { OtherBranchNotice } from '../branch/OtherBranchNotice';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentView, assessmentTitle, DeleteAssessmentButton } from './AssessmentView';
import { goToStandards, standardsHref, type StandardsRoute } from './standardsRoute';
import { useAssessments } from './useAssessments';
import { YearChart } from './YearChart';

type Props = Readonly<{ branch: Branch; route: Extract<StandardsRoute, { tab: 'assessments' }> }>;

const NOWRAP = { whiteSpace: 'nowrap' } as const;
// Short columns keep their text on one line, title too: at 1024 px they broke as 「2025-12-/26」, 「类/型」, 「44.5/分」,
// 「查/看」, and 评价标准 takes what is left.
const ONE_LINE = { onCell: () => ({ style: NOWRAP }), onHeaderCell: () => ({ style: NOWRAP }) };

export function AssessmentsPanel({ branch, route }: Props) {
  const assessments = useAssessments(branch.id);
  if (assessments === undefined) return <Loading />;

  if (route.view === 'new') {
    return (
      <AssessmentForm
        branch={branch}
        others={assessments}
        onSaved={(a) => goToStandards({ tab: 'assessments', view: 'show', id: a.id })}
        onCancel={() => goToStandards({ tab: 'assessments', view: 'list' })}
      />
    );
  }
  if (route.view === 'show' || route.view === 'edit') {
    const assessment = assessments.find((a) => a.id === route.id);
    if (!assessment) return <NotInBranch id={route.id} branchId={branch.id} />;
    if (route.view === 'edit') {
      return (
        <AssessmentForm
          key={assessment.id}
          branch={branch}
          assessment={assessment}
          others={assessments}
          onSaved={(a) => goToStandards({ tab: 'assessments', view: 'show', id: a.id })}
          onCancel={() => goToStandards({ tab: 'assessments', view: 'show', id: assessment.id })}
        />
      );
    }
    return <AssessmentView assessment={assessment} />;
  }

  const totals = yearlyTotals(assessments);
  return (
    <Flex vertical gap={16}>
      <Flex justify="end">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => goToStandards({ tab: 'assessments', view: 'new' })}
        >
          新建考评
        </Button>
      </Flex>
      {assessments.length === 0 ? (
        <Empty description="还没有考评。新建考评后，频次类项目按工作记录自动计分，每项得分都能查看依据的记录。" />
      ) : (
        <>
          <Card title="历年考评得分" size="small">
            <YearChart totals={totals} />
          </Card>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={assessments}
            // Narrower than this (a half-screen window), the table scrolls in its place rather than squeeze 评价标准
            // to a few characters or push the page sideways.
            scroll={{ x: 720 }}
            columns={[
              { title: '考评日期', dataIndex: 'date', ...ONE_LINE },
              {
                title: '期间',
                // Breaks at 「至」 if it must, never inside a date (「2025-/12-31」).
                render: (_, a) => (
                  <>
                    <span style={NOWRAP}>{a.periodStart}</span> 至 <span style={NOWRAP}>{a.periodEnd}</span>
                  </>
                ),
              },
              { title: '类型', dataIndex: 'kind', ...ONE_LINE },
              {
                title: '评价标准',
                render: (_, a) => `${a.standardSnapshot.name}（第${a.standardSnapshot.version}版）`,
              },
              { title: '总分', render: (_, a) => `${formatScore(a.total)} 分`, ...ONE_LINE },
              { title: '等次', render: (_, a) => (a.grade ? <Tag color="red">{a.grade}</Tag> : '—'), ...ONE_LINE },
              {
                title: '操作',
                ...ONE_LINE,
                render: (_, a) => (
                  <Space size="middle">
                    <a
                      href={standardsHref({ tab: 'assessments', view: 'show', id: a.id })}
                      aria-label={`查看${a.date}${a.kind}`}
                    >
                      查看
                    </a>
                    <DeleteAssessmentButton assessment={a} title={`删除${assessmentTitle(a)}？`}>
                      <Button
                        type="link"
                        danger
                        size="small"
                        style={{ padding: 0 }}
                        aria-label={`删除${a.date}${a.kind}`}
                      >
                        删除
                      </Button>
                    </DeleteAssessmentButton>
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
}

/** A 考评 that is not the branch's: another branch's (the address outlived a branch switch) says whose, else gone. */
function NotInBranch({ id, branchId }: Readonly<{ id: string; branchId: string }>) {
  // null: not stored at all.
  const stored = useLiveQuery(async () => (await getAssessment(id)) ?? null, [id]);
  if (stored === undefined) return <Loading />;
  if (stored === null) return <Empty description="找不到该考评，可能已被删除" />;
  // The branch's own, just saved: the list has not caught up yet.
  if (stored.branchId === branchId) return <Loading />;
  return (
    <OtherBranchNotice
      branchId={stored.branchId}
      what="该考评"
      backLabel="返回本支部考评列表"
      onBack={() => goToStandards({ tab: 'assessments', view: 'list' })}
    />
  );
}
