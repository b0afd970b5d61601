// 登记学习: member, kind (日阅一文/月写一篇/季读一本/半年一讲), title, date, notes and attachments — Chinese field errors.
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { type z } from 'zod';
import { LEARNING_KIND_NAMES } from '../../../../shared/domain/vocab';
import { chinaToday, learningInputSchema, type Member } from '../../../../shared/schemas';
import { createLearning } from '../../db/repositories/learning';
import { AttachmentField } from '../../ui/attachments/AttachmentField';
import { DateField } from '../../ui/DateField';
import { FormField } from '../../ui/FormField';
import { memberOptionsOn } from './campaignMembers';
import { placeIssues } from './formErrors';
import { useUnsavedChanges } from '../../ui/leaveGuard';

type Values = z.input<typeof learningInputSchema>;
type Output = z.output<typeof learningInputSchema>;
const FIELDS = ['memberId', 'kind', 'title', 'date', 'notes'];

export function LearningForm({ branchId, members }: Readonly<{ branchId: string; members: readonly Member[] }>) {
  const { message } = App.useApp();
  const idPrefix = `learn-${useId().replace(/:/g, '')}`;
  const { control, handleSubmit, setError, reset, formState } = useForm<Values, unknown, Output>({
    resolver: zodResolver(learningInputSchema),
    defaultValues: { memberId: '', kind: '日阅一文', title: '', date: chinaToday(), notes: '', attachmentIds: [] },
  });
  // Saved entries reset the form, which ends the guard.
  useUnsavedChanges(formState.isDirty, '学习记录');
  const onSubmit = handleSubmit(async (values) => {
    try {
      await createLearning(branchId, values);
      message.success('已登记');
      reset({ ...values, title: '', notes: '', attachmentIds: [] });
    } catch (error) {
      const rest = placeIssues(error, setError, FIELDS);
      if (rest.length) message.error(rest.join('；'));
    }
  });
  // Members on the roster on the entered date: a back-filled entry can name someone who has left since.
  const [date, chosen] = useWatch({ control, name: ['date', 'memberId'] });
  const memberOptions = memberOptionsOn(members, date || undefined, chosen);
  return (
    <Card title="登记学习" style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <FormField control={control} name="memberId" label="党员" required idPrefix={idPrefix}>
              {({ id, value, onChange, a11y, invalid }) => (
                <Select
                  id={id}
                  showSearch
                  optionFilterProp="label"
                  value={value || undefined}
                  onChange={onChange}
                  options={memberOptions}
                  status={invalid ? 'error' : undefined}
                  placeholder="请选择"
                  {...a11y}
                />
              )}
            </FormField>
          </Col>
          <Col xs={24} md={6}>
            <FormField control={control} name="kind" label="学习类型" required idPrefix={idPrefix}>
              {({ id, value, onChange, a11y }) => (
                <Select
                  id={id}
                  showSearch
                  value={value}
                  onChange={onChange}
                  options={LEARNING_KIND_NAMES.map((k) => ({ value: k, label: k }))}
                  {...a11y}
                />
              )}
            </FormField>
          </Col>
          <Col xs={24} md={6}>
            <FormField control={control} name="title" label="标题" required idPrefix={idPrefix}>
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
          <Col xs={24} md={6}>
            <DateField control={control} name="date" label="学习日期" required idPrefix={idPrefix} emptyAs="" />
          </Col>
        </Row>
        <FormField control={control} name="notes" label="心得" idPrefix={idPrefix}>
          {({ id, value, onChange, onBlur, a11y }) => (
            <Input.TextArea id={id} rows={2} value={value} onChange={onChange} onBlur={onBlur} {...a11y} />
          )}
        </FormField>
        <FormField control={control} name="attachmentIds" label="附件" idPrefix={idPrefix}>
          {({ value, onChange }) => (
            <AttachmentField
              branchId={branchId}
              value={value ?? []}
              onChange={onChange}
              label="学习附件（照片、讲稿）"
            />
          )}
        </FormField>
        <Button type="primary" onClick={() => void onSubmit()} loading={formState.isSubmitting}>
          登记
        </Button>
      </Form>
    </Card>
  );
}
