// 新建/修改争创活动: name (default 争做×先锋), theme, and the four phases' dates — in order, not overlapping.
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { type z } from 'zod';
import { CAMPAIGN_PHASES } from '../../../../shared/domain/vocab';
import { DEFAULT_CAMPAIGN_NAME } from '../../../../shared/learning';
import { campaignInputSchema, type Campaign } from '../../../../shared/schemas';
import { createCampaign, updateCampaign } from '../../db/repositories/campaigns';
import { DateField } from '../../ui/DateField';
import { FormField } from '../../ui/FormField';
import { placeIssues } from './formErrors';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { formKeysHint, formKeyDown, saveKeysProps } from '../meetings/formKeys';

type Values = z.input<typeof campaignInputSchema>;
type Output = z.output<typeof campaignInputSchema>;
const FIELDS = ['name', 'theme', ...CAMPAIGN_PHASES.flatMap((_, i) => [`phases.${i}.start`, `phases.${i}.end`])];

interface Props {
  branchId: string;
  campaign?: Campaign;
  onSaved: (campaign: Campaign) => void;
  onCancel: () => void;
}

export function CampaignForm({ branchId, campaign, onSaved, onCancel }: Readonly<Props>) {
  const { message } = App.useApp();
  const idPrefix = `campaign-${useId().replace(/:/g, '')}`;
  const { control, handleSubmit, setError, formState } = useForm<Values, unknown, Output>({
    resolver: zodResolver(campaignInputSchema),
    defaultValues: {
      name: campaign?.name ?? DEFAULT_CAMPAIGN_NAME,
      theme: campaign?.theme ?? '',
      phases: CAMPAIGN_PHASES.map((phase) => {
        const stored = campaign?.phases.find((p) => p.phase === phase);
        return { phase, start: stored?.start ?? '', end: stored?.end ?? '' };
      }),
    },
  });
  const { release, cancel } = useFormLeaveGuard(formState.isDirty, '争创活动');
  const onSubmit = handleSubmit(async (values) => {
    try {
      const saved = campaign ? await updateCampaign(campaign.id, values) : await createCampaign(branchId, values);
      message.success('已保存');
      release();
      onSaved(saved);
    } catch (error) {
      const rest = placeIssues(error, setError, FIELDS);
      if (rest.length) message.error(rest.join('；'));
    }
  });
  return (
    <Card title={campaign ? `修改：${campaign.name}` : '新建争创活动'} style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div" onKeyDown={formKeyDown(() => void onSubmit(), formState.isSubmitting)}>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <FormField control={control} name="name" label="活动名称" required idPrefix={idPrefix}>
              {({ id, value, onChange, onBlur, a11y, invalid }) => (
                <Input
                  id={id}
                  value={value}
                  onChange={onChange}
                  onBlur={onBlur}
                  status={invalid ? 'error' : undefined}
                  {...a11y}
                />
              )}
            </FormField>
          </Col>
          <Col xs={24} md={14}>
            <FormField control={control} name="theme" label="活动主题" idPrefix={idPrefix}>
              {({ id, value, onChange, onBlur, a11y }) => (
                <Input
                  id={id}
                  value={value}
                  onChange={onChange}
                  onBlur={onBlur}
                  placeholder="如：履职尽责促发展、推动和谐做贡献"
                  {...a11y}
                />
              )}
            </FormField>
          </Col>
        </Row>
        {CAMPAIGN_PHASES.map((phase, i) => (
          <Row gutter={16} key={phase} role="group" aria-label={`${phase}阶段`}>
            <Col xs={24} md={12}>
              <DateField
                control={control}
                name={`phases.${i}.start`}
                label={`${phase}开始日期`}
                required
                idPrefix={idPrefix}
                emptyAs=""
              />
            </Col>
            <Col xs={24} md={12}>
              <DateField
                control={control}
                name={`phases.${i}.end`}
                label={`${phase}结束日期`}
                required
                idPrefix={idPrefix}
                emptyAs=""
              />
            </Col>
          </Row>
        ))}
        <Space wrap>
          <Button
            type="primary"
            onClick={() => void onSubmit()}
            loading={formState.isSubmitting}
            {...saveKeysProps(`${idPrefix}-keys`)}
          >
            保存活动
          </Button>
          <Button onClick={cancel(onCancel)}>取消</Button>
          <Typography.Text type="secondary" id={`${idPrefix}-keys`}>
            {formKeysHint('保存活动')}
          </Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
