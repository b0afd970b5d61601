// 新增技能比武 and 编辑技能比武: name, date, kind, and each participant's score, rank and award.
import { DeleteOutlined, PlusOutlined } from '../../ui/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Col, Form, Row, Select, Space, Typography } from 'antd';
import { useId } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { type z } from 'zod';
import { COMPETITION_KINDS } from '../../../../shared/learning';
import { chinaToday, competitionInputSchema, type Competition, type Member } from '../../../../shared/schemas';
import { createCompetition, updateCompetition } from '../../db/repositories/competitions';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { DateField } from '../../ui/DateField';
import { FormField, type FieldA11y } from '../../ui/FormField';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { memberOptionsOn } from './campaignMembers';
import { placeIssues } from './formErrors';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { NumberInput } from '../../ui/NumberInput';
import { PICKER_SEARCH } from '../../ui/pickerSearch';
import { formKeysHint, formKeyDown, saveKeysProps } from '../meetings/formKeys';

type Values = z.input<typeof competitionInputSchema>;
type Output = z.output<typeof competitionInputSchema>;

interface Props {
  branchId: string;
  members: readonly Member[];
  /** The event to correct; a new one is entered without it. */
  competition?: Competition;
  onDone: () => void;
}

const valuesOf = (c: Competition): Values => ({
  name: c.name,
  date: c.date,
  kind: c.kind,
  participants: c.participants.map((p) => ({ ...p })),
  notes: c.notes,
});

const KIND_OPTIONS = COMPETITION_KINDS.map((k) => ({ value: k, label: k }));

interface OptionalNumberField {
  id: string;
  value?: number | null;
  onChange: (value: number | null) => void;
  a11y: FieldA11y;
  invalid: boolean;
}

/** A participant's 成绩 or 名次: either may be left empty, held as null. */
const optionalNumber = (f: Readonly<OptionalNumberField>) => (
  <NumberInput
    id={f.id}
    value={f.value ?? null}
    onChange={(v) => f.onChange(v ?? null)}
    status={f.invalid ? 'error' : undefined}
    style={{ width: '100%' }}
    {...f.a11y}
  />
);

export function CompetitionForm({ branchId, members, competition, onDone }: Readonly<Props>) {
  const { message } = App.useApp();
  const idPrefix = `contest-${useId().replace(/:/g, '')}`;
  const { control, handleSubmit, setError, setValue, formState } = useForm<Values, unknown, Output>({
    resolver: zodResolver(competitionInputSchema),
    defaultValues: competition
      ? valuesOf(competition)
      : { name: '', date: chinaToday(), kind: '技能比武', participants: [], notes: '' },
  });
  const participants = useFieldArray({ control, name: 'participants' });
  const { release, cancel } = useFormLeaveGuard(formState.isDirty, '技能比武');
  const onSubmit = handleSubmit(async (values) => {
    try {
      if (competition) await updateCompetition(competition.id, values);
      else await createCompetition(branchId, values);
      message.success('已保存');
      release();
      onDone();
    } catch (error) {
      const fields = [
        'name',
        'date',
        'kind',
        'notes',
        ...participants.fields.map((_, i) => `participants.${i}.memberId`),
      ];
      const rest = placeIssues(error, setError, fields);
      if (rest.length) message.error(rest.join('；'));
    }
  });
  // Members on the roster on the entered date: a back-filled entry can name someone who has left since. Each row also
  // keeps its own choice listed (marked) when a later date rules it out, so it shows a name rather than an id.
  const date = useWatch({ control, name: 'date' }) || undefined;
  return (
    <Card title={competition ? '编辑技能比武' : '新增技能比武'} style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div" onKeyDown={formKeyDown(() => void onSubmit(), formState.isSubmitting)}>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <TextField control={control} name="name" label="比武名称" required idPrefix={idPrefix} />
          </Col>
          <Col xs={24} md={7}>
            <DateField control={control} name="date" label="比武日期" required idPrefix={idPrefix} emptyAs="" />
          </Col>
          <Col xs={24} md={7}>
            <SelectField
              control={control}
              name="kind"
              label="比武类型"
              required
              idPrefix={idPrefix}
              options={KIND_OPTIONS}
            />
          </Col>
        </Row>
        {participants.fields.map((field, index) => (
          <Row gutter={16} key={field.id} role="group" aria-label={`参赛人员 ${index + 1}`}>
            <Col xs={24} md={6}>
              <FormField
                control={control}
                name={`participants.${index}.memberId`}
                label="参赛党员"
                required
                idPrefix={idPrefix}
              >
                {({ id, value, onChange, a11y, invalid }) => (
                  <Select
                    id={id}
                    showSearch={PICKER_SEARCH}
                    value={value || undefined}
                    options={memberOptionsOn(members, date, value)}
                    status={invalid ? 'error' : undefined}
                    placeholder="请选择"
                    {...a11y}
                    // A screen reader hears the member chosen with the field's name (chosenValue.tsx).
                    aria-describedby={describedByChosen(id, value || undefined, a11y['aria-describedby'])}
                    labelRender={chosenLabelRender(id, value || undefined)}
                    onChange={(v: string) => {
                      onChange(v);
                      setValue(`participants.${index}.name`, members.find((m) => m.id === v)?.name ?? '');
                    }}
                  />
                )}
              </FormField>
            </Col>
            <Col xs={12} md={5}>
              <FormField control={control} name={`participants.${index}.score`} label="成绩" idPrefix={idPrefix}>
                {optionalNumber}
              </FormField>
            </Col>
            <Col xs={12} md={4}>
              <FormField control={control} name={`participants.${index}.rank`} label="名次" idPrefix={idPrefix}>
                {optionalNumber}
              </FormField>
            </Col>
            <Col xs={20} md={7}>
              <TextField
                control={control}
                name={`participants.${index}.award`}
                label="所获奖项"
                idPrefix={idPrefix}
                placeholder="如：一等奖、岗位能手"
              />
            </Col>
            <Col xs={4} md={2} style={{ paddingTop: 30 }}>
              <Button
                icon={<DeleteOutlined />}
                aria-label={`移除参赛人员 ${index + 1}`}
                onClick={() => participants.remove(index)}
              />
            </Col>
          </Row>
        ))}
        <Button
          icon={<PlusOutlined />}
          style={{ marginBottom: 16 }}
          onClick={() => participants.append({ memberId: '', name: '', score: null, rank: null, award: '' })}
        >
          添加参赛人员
        </Button>
        <TextField control={control} name="notes" label="说明" idPrefix={idPrefix} />
        <Space wrap>
          <Button
            type="primary"
            onClick={() => void onSubmit()}
            loading={formState.isSubmitting}
            {...saveKeysProps(`${idPrefix}-keys`)}
          >
            保存比武
          </Button>
          <Button onClick={cancel(onDone)}>取消</Button>
          <Typography.Text type="secondary" id={`${idPrefix}-keys`}>
            {formKeysHint('保存比武')}
          </Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
