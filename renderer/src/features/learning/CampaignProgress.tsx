// Progress at a glance: the four phases (current by today's date) and the six steps of 全面争创, done or not.
import { Card, Steps, Typography } from 'antd';
import { phaseProgress, stepsDone } from '../../../../shared/learning';
import { chinaToday, type Campaign } from '../../../../shared/schemas';

export function CampaignProgress({ campaign }: Readonly<{ campaign: Campaign }>) {
  const { current, state } = phaseProgress(campaign.phases, chinaToday());
  const steps = stepsDone(campaign);
  const doneCount = steps.filter((s) => s.done).length;
  const stateText = { before: '尚未开始', in: '进行中', between: '即将开始', after: '已结束' }[state];
  return (
    <Card title="活动进度" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        当前阶段：{campaign.phases[current]?.phase}（{stateText}）
      </Typography.Paragraph>
      <Steps
        aria-label="四个阶段"
        current={current}
        status={state === 'after' ? 'finish' : state === 'before' ? 'wait' : 'process'}
        items={campaign.phases.map((p) => ({
          title: p.phase,
          content: `${p.start || '未设定'} 至 ${p.end || '未设定'}`,
        }))}
      />
      <Typography.Paragraph strong style={{ marginTop: 16 }}>
        全面争创六个环节：已完成 {doneCount}/6 个环节
      </Typography.Paragraph>
      <ul aria-label="六个环节" style={{ display: 'flex', flexWrap: 'wrap', gap: 16, listStyle: 'none', padding: 0 }}>
        {steps.map(({ step, done }) => (
          <li key={step}>
            <Typography.Text type={done ? 'success' : 'secondary'}>
              {done ? '✓' : '○'} {step}：{done ? '已完成' : '未完成'}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
