// 登记学习 (and, in a drawer, correcting an entry): member, kind (日阅一文/月写一篇/季读一本/半年一讲), title, date,
// notes and attachments — Chinese field errors.
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Col, Drawer, Form, Row, Space, Typography } from 'antd';
import { useId } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { type z } from 'zod';
import { LEARNING_KIND_NAMES } from '../../../../shared/domain/vocab';
import { chinaToday, learningInputSchema, type Learning, type Member } from '../../../../shared/schemas';
import { createLearning, memberDateIssues, updateLearning } from '../../db/repositories/learning';
import { AttachmentField } from '../../ui/attachments/AttachmentField';
import { DateField } from '../../ui/DateField';
import { FormField } from '../../ui/FormField';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { memberOptionsOn } from './campaignMembers';
import { placeIssues } from './formErrors';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { formKeysHint, formKeyDown, saveKeysProps } from '../meetings/formKeys';

type Values = z.input<typeof learningInputSchema>;
type Output = z.output<typeof learningInputSchema>;
const FIELDS = ['memberId', 'kind', 'title', 'date', 'notes'];

const schemaResolver = zodResolver(learningInputSchema);

interface Props {
  branchId: string;
  members: readonly Member[];
  /** The entry to correct: the form then opens in a drawer and saves through updateLearning. */
  entry?: Learning;
  /** Called when a correction is saved or dropped (after 「放弃修改」 when there were edits). */
  onDone?: () => void;
}

const valuesOf = (entry: Learning): Values => ({
  memberId: entry.memberId,
  kind: entry.kind,
  title: entry.title,
  date: entry.date,
  notes: entry.notes,
  attachmentIds: [...entry.attachmentIds],
});

const KIND_OPTIONS = LEARNING_KIND_NAMES.map((k) => ({ value: k, label: k }));
export function LearningForm({ branchId, members, entry, onDone = () => {} }: Readonly<Props>) {
  const { message } = App.useApp();
  const idPrefix = `learn-${useId().replace(/:/g, '')}`;
  // The schema's messages and the repository's rules on the date (not after today; not after the member left), in
  // its words, in the same 保存; a field the schema already refuses keeps its message. A member missing from the list
  // is left to the repository.
  const resolver: Resolver<Values, unknown, Output> = async (values, context, options) => {
    const result = await schemaResolver(values, context, options);
    const member = members.find((m) => m.id === values.memberId);
    const issues = memberDateIssues(member, branchId, values.date, chinaToday()).filter(
      (issue) => member || issue.path === 'date',
    );
    if (issues.length === 0) return result;
    const errors: FieldErrors<Values> = { ...result.errors };
    for (const { path, message } of issues) {
      const field = path as 'date' | 'memberId';
      errors[field] ??= { type: 'custom', message };
    }
    return { values: {}, errors };
  };
  const { control, handleSubmit, setError, reset, formState } = useForm<Values, unknown, Output>({
    resolver,
    defaultValues: entry
      ? valuesOf(entry)
      : { memberId: '', kind: '日阅一文', title: '', date: chinaToday(), notes: '', attachmentIds: [] },
  });
  // A new entry's save resets the form, which ends the guard; a correction's save releases it before the drawer closes.
  const { release, cancel } = useFormLeaveGuard(formState.isDirty, entry ? '编辑学习记录' : '学习记录');
  const onSubmit = handleSubmit(async (values) => {
    try {
      if (entry) {
        await updateLearning(entry, values);
        message.success('已保存');
        release();
        onDone();
        return;
      }
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
  // Four fields to a row on the page; two in the narrower drawer.
  const col = entry ? { xs: 24, sm: 12 } : { xs: 24, md: 6 };
  const save = entry ? '保存' : '登记';
  const keysId = `${idPrefix}-keys`;
  const form = (
    <Form
      layout="vertical"
      component="div"
      // Enter in 标题 goes on to the next field; Ctrl+Enter saves (登记).
      onKeyDown={formKeyDown(() => void onSubmit(), formState.isSubmitting)}
    >
      <Row gutter={16}>
        <Col {...col}>
          <SelectField
            control={control}
            name="memberId"
            label="党员"
            required
            idPrefix={idPrefix}
            options={memberOptions}
            emptyAs=""
            placeholder="请选择"
          />
        </Col>
        <Col {...col}>
          <SelectField
            control={control}
            name="kind"
            label="学习类型"
            required
            idPrefix={idPrefix}
            options={KIND_OPTIONS}
          />
        </Col>
        <Col {...col}>
          <TextField control={control} name="title" label="标题" required idPrefix={idPrefix} />
        </Col>
        <Col {...col}>
          {/* A record of what was done: later days are greyed out in the calendar. */}
          <DateField
            control={control}
            name="date"
            label="学习日期"
            required
            idPrefix={idPrefix}
            emptyAs=""
            max={chinaToday()}
          />
        </Col>
      </Row>
      <TextField control={control} name="notes" label="心得" idPrefix={idPrefix} lines={{ minRows: 2, maxRows: 8 }} />
      <FormField control={control} name="attachmentIds" label="附件" idPrefix={idPrefix}>
        {({ value, onChange }) => (
          <AttachmentField branchId={branchId} value={value ?? []} onChange={onChange} label="学习附件（照片、讲稿）" />
        )}
      </FormField>
      <Space wrap>
        <Button
          type="primary"
          onClick={() => void onSubmit()}
          loading={formState.isSubmitting}
          {...saveKeysProps(keysId)}
        >
          {save}
        </Button>
        {entry && <Button onClick={cancel(onDone)}>取消</Button>}
        <Typography.Text type="secondary" id={keysId}>
          {formKeysHint(save)}
        </Typography.Text>
      </Space>
    </Form>
  );
  return entry ? (
    // The drawer's ×, Esc and mask ask first over this form's own unsaved edits, as its 取消 does.
    <Drawer open title="编辑学习记录" size={640} onClose={cancel(onDone)} destroyOnHidden>
      {form}
    </Drawer>
  ) : (
    <Card title="登记学习" style={{ marginBottom: 16 }}>
      {form}
    </Card>
  );
}
