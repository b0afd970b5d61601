// 群众评议: head counts per level → 群众满意率 = (满意 + 基本满意) / 总数, measured by 群众满意是尺子.
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Col, Form, Row, Statistic, Typography } from 'antd';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { type z } from 'zod';
import { satisfactionRate, SATISFACTION_MOTTO } from '../../../../shared/learning';
import { satisfactionInputSchema, type Campaign } from '../../../../shared/schemas';
import { setSatisfaction } from '../../db/repositories/campaigns';
import { FormField } from '../../ui/FormField';
import { NumberInput } from '../../ui/NumberInput';
import { placeIssues } from './formErrors';

type Values = z.input<typeof satisfactionInputSchema>;
type Output = z.output<typeof satisfactionInputSchema>;

const FIELDS = [
  { name: 'satisfied', label: '满意人数', level: '满意' },
  { name: 'fair', label: '基本满意人数', level: '基本满意' },
  { name: 'dissatisfied', label: '不满意人数', level: '不满意' },
] as const;

export function SatisfactionStep({ campaign }: Readonly<{ campaign: Campaign }>) {
  const { message } = App.useApp();
  const idPrefix = `satisfaction-${useId().replace(/:/g, '')}`;
  const countOf = (level: string) => campaign.satisfaction.find((s) => s.level === level)?.count ?? 0;
  const { control, handleSubmit, setError, formState } = useForm<Values, unknown, Output>({
    resolver: zodResolver(satisfactionInputSchema),
    defaultValues: { satisfied: countOf('满意'), fair: countOf('基本满意'), dissatisfied: countOf('不满意') },
  });
  const result = satisfactionRate(campaign.satisfaction);
  const onSubmit = handleSubmit(async (values) => {
    try {
      await setSatisfaction(campaign.id, values);
      message.success('已保存评议结果');
    } catch (error) {
      const rest = placeIssues(
        error,
        setError,
        FIELDS.map((f) => f.name),
      );
      if (rest.length) message.error(rest.join('；'));
    }
  });
  return (
    <>
      <Typography.Paragraph type="secondary">“{SATISFACTION_MOTTO}”</Typography.Paragraph>
      <Statistic title="群众满意是尺子" value={result.label} aria-label="群众满意率" style={{ marginBottom: 16 }} />
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          {FIELDS.map((f) => (
            <Col xs={24} md={8} key={f.name}>
              <FormField control={control} name={f.name} label={f.label} required idPrefix={idPrefix}>
                {({ id, value, onChange, onBlur, a11y, invalid }) => (
                  <NumberInput
                    id={id}
                    value={value}
                    onChange={(v) => onChange(v ?? Number.NaN)}
                    onBlur={onBlur}
                    status={invalid ? 'error' : undefined}
                    style={{ width: '100%' }}
                    {...a11y}
                  />
                )}
              </FormField>
            </Col>
          ))}
        </Row>
        <Button onClick={() => void onSubmit()} loading={formState.isSubmitting}>
          保存评议
        </Button>
      </Form>
    </>
  );
}
