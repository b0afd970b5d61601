// One 考评 as scored: the standard version it was scored against, each item's score (automatic, adjusted with its
// reason, or typed with its 佐证) and a drill-down to exactly the records that earned it; the total and the grade;
// every 修改 since it was first saved, item by item. A 考评 made by mistake can be deleted here.
import { DeleteOutlined, EditOutlined, LeftOutlined } from '../../ui/icons';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactElement } from 'react';
import type { Assessment } from '../../../../shared/schemas';
import { formatChinaTime } from '../../../../shared/schemas/common';
import { formatScore } from '../../../../shared/standards';
import { listAudit } from '../../db/repositories/audit';
import { deleteAssessment, deleteRefusalOf } from '../../db/repositories/assessments';
import { errorText } from '../../db/repositories/errors';
import { EvidenceDrawer } from './EvidenceDrawer';
import { ruleText } from './ruleText';
import { goToStandards } from './standardsRoute';

/** A 考评 as its list and its page name it: 「2025年度自评（2026-01-10，考评人张三）」. */
export function assessmentTitle(a: Pick<Assessment, 'periodStart' | 'kind' | 'date' | 'assessor'>): string {
  return `${a.periodStart.slice(0, 4)}年度${a.kind}（${a.date}，考评人${a.assessor}）`;
}

/** Deletes a 考评 after the caller's confirmation; says so, or why not, in a message. */
export async function removeAssessment(
  assessment: Assessment,
  message: ReturnType<typeof App.useApp>['message'],
): Promise<boolean> {
  try {
    await deleteAssessment(assessment.id);
    message.success(`已删除${assessmentTitle(assessment)}`);
    return true;
  } catch (error) {
    message.error(`未能删除：${errorText(error)}`);
    return false;
  }
}

/**
 * 删除考评 (the list's and the page's): asks first; for a 考评 a 争创活动 links, says only why it cannot be deleted — on
 * click, so the reason is reachable by keyboard too, as 删除阵地 does.
 */
export function DeleteAssessmentButton({
  assessment,
  title,
  onDeleted,
  children,
}: Readonly<{ assessment: Assessment; title: string; onDeleted?: () => void; children: ReactElement }>) {
  const { message } = App.useApp();
  // Live: linking or unlinking in 争创活动 changes the answer. While it loads, the question is asked and the
  // repository still refuses a linked 考评.
  const refusal = useLiveQuery(() => deleteRefusalOf(assessment.id), [assessment.id]);
  if (refusal) {
    return (
      <Popconfirm title="不能删除该考评" description={refusal} okText="知道了" showCancel={false}>
        {children}
      </Popconfirm>
    );
  }
  return (
    <Popconfirm
      title={title}
      description="删除后不能恢复，历年考评得分和迎检卷宗中也不再有这次考评。"
      okText="删除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={async () => {
        if (await removeAssessment(assessment, message)) onDeleted?.();
      }}
    >
      {children}
    </Popconfirm>
  );
}

/** The 修改 of a 考评 since it was first saved, oldest first, each with what changed and why (the audit log's). */
function ChangeHistory({ assessment }: Readonly<{ assessment: Assessment }>) {
  const entries = useLiveQuery(
    async () =>
      (await listAudit('assessment', assessment.id, assessment.branchId)).filter((e) => e.action === 'update'),
    [assessment.id, assessment.branchId],
  );
  if (!entries || entries.length === 0) return null;
  return (
    <Card size="small" title="修改记录" style={{ marginTop: 16 }}>
      <ol aria-label="修改记录" style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.8 }}>
        {entries.map((e) => (
          <li key={e.id}>
            <Typography.Text type="secondary">{formatChinaTime(e.at)}</Typography.Text> {e.summary}
            {e.reason && <div>修改理由：{e.reason}</div>}
          </li>
        ))}
      </ol>
    </Card>
  );
}

export function AssessmentView({ assessment }: Readonly<{ assessment: Assessment }>) {
  const [drill, setDrill] = useState<string>();
  const snapshot = assessment.standardSnapshot;
  const scores = new Map(assessment.scores.map((s) => [s.code, s]));
  const drillItem = snapshot.items.find((i) => i.code === drill);
  const drillScore = drill ? scores.get(drill) : undefined;

  return (
    <section aria-label="考评结果">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {assessment.periodStart.slice(0, 4)}年度{assessment.kind}
        </Typography.Title>
        <Flex gap={8}>
          <Button icon={<LeftOutlined />} onClick={() => goToStandards({ tab: 'assessments', view: 'list' })}>
            返回考评列表
          </Button>
          <Button
            icon={<EditOutlined />}
            onClick={() => goToStandards({ tab: 'assessments', view: 'edit', id: assessment.id })}
          >
            修改评分
          </Button>
          <DeleteAssessmentButton
            assessment={assessment}
            title={`删除${assessment.periodStart.slice(0, 4)}年度${assessment.kind}？`}
            onDeleted={() => goToStandards({ tab: 'assessments', view: 'list' })}
          >
            <Button danger icon={<DeleteOutlined />}>
              删除考评
            </Button>
          </DeleteAssessmentButton>
        </Flex>
      </Flex>
      <Card size="small" style={{ margin: '16px 0' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'standard', label: '评价标准', children: `${snapshot.name}（第${snapshot.version}版）` },
            {
              key: 'period',
              label: '考评期间',
              // Each date stays whole: at 1280 px the column broke 「2025-12- / 31」.
              children: (
                <>
                  <span style={{ whiteSpace: 'nowrap' }}>{assessment.periodStart}</span> 至{' '}
                  <span style={{ whiteSpace: 'nowrap' }}>{assessment.periodEnd}</span>
                </>
              ),
            },
            { key: 'assessor', label: '考评人', children: `${assessment.assessor}（${assessment.date}）` },
            {
              key: 'total',
              label: '总分',
              children: <strong aria-label="总分">{formatScore(assessment.total)} 分</strong>,
            },
            { key: 'full', label: '满分', children: `${formatScore(snapshot.totalScore)} 分` },
            {
              key: 'grade',
              label: '等次',
              children: assessment.grade ? (
                <Tag color="red" aria-label="等次">
                  {assessment.grade}
                </Tag>
              ) : (
                '—'
              ),
            },
          ]}
        />
      </Card>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={snapshot.items}
        columns={[
          { title: '编号', dataIndex: 'code', width: 64 },
          { title: '评价维度', dataIndex: 'dimension', width: 140 },
          {
            title: '评价内容',
            render: (_, item) => (
              <>
                <div>{item.content}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.rule.kind === 'manual' ? item.method : ruleText(item.rule)}
                </Typography.Text>
              </>
            ),
          },
          { title: '满分', width: 64, render: (_, item) => formatScore(item.maxScore) },
          {
            title: '得分',
            width: 240,
            render: (_, item) => {
              const s = scores.get(item.code);
              if (!s) return '—';
              const adjusted = s.auto && s.autoScore !== undefined && s.autoScore !== s.score;
              return (
                <Flex vertical gap={2}>
                  <span>
                    {formatScore(s.score)} 分 {s.auto ? <Tag>{adjusted ? '已调整' : '自动'}</Tag> : <Tag>人工</Tag>}
                  </span>
                  {adjusted && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      自动得分 {formatScore(s.autoScore ?? 0)} 分，调整理由：{s.overrideReason}
                    </Typography.Text>
                  )}
                  {s.comment && <Typography.Text style={{ fontSize: 12 }}>评语：{s.comment}</Typography.Text>}
                  {s.auto ? (
                    <Button
                      size="small"
                      type="link"
                      style={{ padding: 0, alignSelf: 'start' }}
                      onClick={() => setDrill(item.code)}
                    >
                      查看依据 {item.code}
                    </Button>
                  ) : (
                    s.evidenceIds.length > 0 && (
                      <Button
                        size="small"
                        type="link"
                        style={{ padding: 0, alignSelf: 'start' }}
                        onClick={() => setDrill(item.code)}
                      >
                        查看佐证 {item.code}（{s.evidenceIds.length} 条）
                      </Button>
                    )
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
      <ChangeHistory assessment={assessment} />
      <EvidenceDrawer
        open={drillItem !== undefined}
        onClose={() => setDrill(undefined)}
        title={drillItem ? `${drillItem.code} ${drillItem.content}` : ''}
        auto={drillScore?.auto ?? false}
        // Rows saved without autoScore were never adjusted: their score is the automatic one.
        autoScore={drillScore?.autoScore ?? drillScore?.score}
        explanation={drillScore?.explanation ?? ''}
        evidenceIds={drillScore?.evidenceIds ?? []}
      />
    </section>
  );
}
