// One 考评 as scored: the standard version it was scored against, each item's score (automatic, adjusted with its
// reason, or typed) and a drill-down to exactly the records that earned it; the total and the grade.
import { EditOutlined, LeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Assessment } from '../../../../shared/schemas';
import { formatScore } from '../../../../shared/standards';
import { EvidenceDrawer } from './EvidenceDrawer';
import { ruleText } from './ruleText';
import { goToStandards } from './standardsRoute';

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
        </Flex>
      </Flex>
      <Card size="small" style={{ margin: '16px 0' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'standard', label: '评价标准', children: `${snapshot.name}（第${snapshot.version}版）` },
            { key: 'period', label: '考评期间', children: `${assessment.periodStart} 至 ${assessment.periodEnd}` },
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
                  {s.auto && (
                    <Button
                      size="small"
                      type="link"
                      style={{ padding: 0, alignSelf: 'start' }}
                      onClick={() => setDrill(item.code)}
                    >
                      查看依据 {item.code}
                    </Button>
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
      <EvidenceDrawer
        open={drillItem !== undefined}
        onClose={() => setDrill(undefined)}
        title={drillItem ? `${drillItem.code} ${drillItem.content}` : ''}
        explanation={drillScore?.explanation ?? ''}
        evidenceIds={drillScore?.evidenceIds ?? []}
      />
    </section>
  );
}
