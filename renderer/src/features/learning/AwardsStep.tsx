// 评选表彰: awards to a member (picked from that day's roster) or to the branch or a group (typed), dated from 全面争创
// through 完善提升, where year-end awards fall.
import { defaultStepDate } from '../../../../shared/learning/campaign';
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Col, Form, Input, Row, Select } from 'antd';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { type z } from 'zod';
import { awardSchema, chinaToday, type Branch, type Campaign, type Member } from '../../../../shared/schemas';
import { addAward, removeAward } from '../../db/repositories/campaigns';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { DateField } from '../../ui/DateField';
import { FormField } from '../../ui/FormField';
import { TextField } from '../../ui/TextField';
import { memberOptionsOn } from './campaignMembers';
import { EntryList } from './EntryList';
import { placeIssues } from './formErrors';
import { PICKER_SEARCH } from '../../ui/pickerSearch';

type Values = z.input<typeof awardSchema>;
type Output = z.output<typeof awardSchema>;

interface Props {
  campaign: Campaign;
  branch: Branch;
  members: readonly Member[];
}

export function AwardsStep({ campaign, branch, members }: Readonly<Props>) {
  const { message } = App.useApp();
  const idPrefix = `award-${useId().replace(/:/g, '')}`;
  const { control, handleSubmit, setError, reset, setValue, formState } = useForm<Values, unknown, Output>({
    resolver: zodResolver(awardSchema),
    defaultValues: {
      to: branch.name,
      memberId: '',
      title: '',
      date: defaultStepDate(campaign.phases, '评选表彰', chinaToday()),
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      await addAward(campaign.id, values);
      message.success('已添加表彰');
      reset({ to: branch.name, memberId: '', title: '', date: values.date });
    } catch (error) {
      const rest = placeIssues(error, setError, ['to', 'memberId', 'title', 'date']);
      if (rest.length) message.error(rest.join('；'));
    }
  });
  const [date, chosen] = useWatch({ control, name: ['date', 'memberId'] });
  const options = [{ value: '', label: `（支部或集体）${branch.name}` }, ...memberOptionsOn(members, date, chosen)];
  return (
    <>
      <Form layout="vertical" component="div">
        {/* Two a row below 1200 px: four left 「（支部或集体）」 and the branch's full name cut off at 1024. */}
        <Row gutter={16}>
          <Col xs={24} md={12} xl={6}>
            <FormField control={control} name="memberId" label="表彰党员" idPrefix={idPrefix}>
              {({ id, value, onChange, a11y }) => (
                <Select
                  id={id}
                  showSearch={PICKER_SEARCH}
                  value={value ?? ''}
                  options={options}
                  {...a11y}
                  // Read with the member chosen, or with 「（支部或集体）…」 (chosenValue.tsx).
                  aria-describedby={describedByChosen(id, value ?? '', a11y['aria-describedby'])}
                  labelRender={chosenLabelRender(id, value ?? '')}
                  onChange={(v: string) => {
                    onChange(v);
                    setValue('to', v ? (members.find((m) => m.id === v)?.name ?? '') : branch.name);
                  }}
                />
              )}
            </FormField>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <TextField control={control} name="to" label="表彰对象" required idPrefix={idPrefix} />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <FormField control={control} name="title" label="荣誉名称" required idPrefix={idPrefix}>
              {({ id, value, onChange, onBlur, a11y, invalid }) => (
                <Input
                  id={id}
                  value={value}
                  onChange={onChange}
                  onBlur={onBlur}
                  placeholder="如：优秀共产党员"
                  status={invalid ? 'error' : undefined}
                  {...a11y}
                />
              )}
            </FormField>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <DateField control={control} name="date" label="表彰日期" required idPrefix={idPrefix} emptyAs="" />
          </Col>
        </Row>
        <Button onClick={() => void onSubmit()} loading={formState.isSubmitting}>
          添加表彰
        </Button>
      </Form>
      <EntryList
        label="评选表彰"
        entries={campaign.awards}
        emptyText="还没有表彰"
        line={(a) => `${a.date} ${a.to}：${a.title}`}
        confirmTitle={(a) => `删除表彰“${a.to}：${a.title}”？`}
        remove={(index) => removeAward(campaign.id, index)}
        removedText="已删除表彰"
      />
    </>
  );
}
