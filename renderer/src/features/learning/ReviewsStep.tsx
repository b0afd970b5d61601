// 领导点评: leader, date (from 全面争创 through 完善提升) and comment.
import { defaultStepDate } from '../../../../shared/learning/campaign';
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Col, Form, Input, Row } from 'antd';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { type z } from 'zod';
import { chinaToday, reviewSchema, type Campaign } from '../../../../shared/schemas';
import { addReview, removeReview } from '../../db/repositories/campaigns';
import { DateField } from '../../ui/DateField';
import { FormField } from '../../ui/FormField';
import { TextField } from '../../ui/TextField';
import { EntryList } from './EntryList';
import { placeIssues } from './formErrors';

type Values = z.input<typeof reviewSchema>;
type Output = z.output<typeof reviewSchema>;

export function ReviewsStep({ campaign }: Readonly<{ campaign: Campaign }>) {
  const { message } = App.useApp();
  const idPrefix = `review-${useId().replace(/:/g, '')}`;
  const { control, handleSubmit, setError, reset, formState } = useForm<Values, unknown, Output>({
    resolver: zodResolver(reviewSchema),
    defaultValues: { leader: '', date: defaultStepDate(campaign.phases, '领导点评', chinaToday()), comment: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      await addReview(campaign.id, values);
      message.success('已添加点评');
      reset({ leader: '', comment: '', date: values.date });
    } catch (error) {
      const rest = placeIssues(error, setError, ['leader', 'date', 'comment']);
      if (rest.length) message.error(rest.join('；'));
    }
  });
  return (
    <>
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <TextField control={control} name="leader" label="点评人" required idPrefix={idPrefix} />
          </Col>
          <Col xs={24} md={6}>
            <DateField control={control} name="date" label="点评日期" required idPrefix={idPrefix} emptyAs="" />
          </Col>
          <Col xs={24} md={12}>
            <FormField control={control} name="comment" label="点评内容" required idPrefix={idPrefix}>
              {({ id, value, onChange, onBlur, a11y, invalid }) => (
                <Input.TextArea
                  id={id}
                  rows={1}
                  value={value}
                  onChange={onChange}
                  onBlur={onBlur}
                  status={invalid ? 'error' : undefined}
                  {...a11y}
                />
              )}
            </FormField>
          </Col>
        </Row>
        <Button onClick={() => void onSubmit()} loading={formState.isSubmitting}>
          添加点评
        </Button>
      </Form>
      <EntryList
        label="领导点评"
        entries={campaign.reviews}
        emptyText="还没有领导点评"
        line={(r) => `${r.date} ${r.leader}：${r.comment}`}
        confirmTitle={(r) => `删除${r.leader}（${r.date}）的领导点评？`}
        remove={(index) => removeReview(campaign.id, index)}
        removedText="已删除点评"
      />
    </>
  );
}
