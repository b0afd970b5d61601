// The 领导责任 form: holder from the roster, role, duties, tasks with evidence records, and 述职 — field-level Chinese errors,
// all of them in one 保存.
import { DeleteOutlined, PlusOutlined } from '../../ui/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useId, useMemo, useRef } from 'react';
import { useFieldArray, useForm, useWatch, type FieldPath, type Resolver } from 'react-hook-form';
import { RESPONSIBILITY_ROLES, TASK_STATUSES } from '../../../../shared/domain/vocab';
import { responsibilityInputSchema, type Member, type Responsibility } from '../../../../shared/schemas';
import {
  createResponsibility,
  firstHolderIssue,
  handoverQuestion,
  planHandover,
  secondListIssue,
  updateResponsibility,
  type EvidenceChoice,
} from '../../db/repositories/responsibilities';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { DateField } from '../../ui/DateField';
import { FormField } from '../../ui/FormField';
import { SelectField } from '../../ui/SelectField';
import {
  emptyReport,
  emptyTask,
  isResponsibilityFieldPath,
  type ResponsibilityFormOutput,
  type ResponsibilityFormValues,
} from './responsibilityFormValues';
import { showRepositoryError } from '../../ui/repositoryErrors';
import { useRevealFormErrors } from '../../ui/useRevealErrors';
import { PICKER_SEARCH } from '../../ui/pickerSearch';
import { FORM_KEYS_HINT, submitKeyDown, saveKeysProps } from '../meetings/formKeys';

interface Props {
  branchId: string;
  members: readonly Member[];
  secretary: Member | undefined;
  evidence: readonly EvidenceChoice[];
  /** Computed by the caller: a new list's defaults or a stored list's values. */
  defaultValues: ResponsibilityFormValues;
  /** The stored list being edited; absent for a new one. */
  responsibility?: Responsibility;
  /** The year's lists, so a second one of the same holder and role is refused before 保存. */
  lists?: readonly Responsibility[];
  onSaved: (saved: Responsibility) => void;
  onCancel: () => void;
}

const NO_LISTS: readonly Responsibility[] = [];
const roleOptions = RESPONSIBILITY_ROLES.map((r) => ({ value: r, label: r }));
const statusOptions = TASK_STATUSES.map((s) => ({ value: s, label: s }));

// Dates stay undefined while empty (see ResponsibilityFormValues); zod rejects that with its own message. The schema's
// task rules run even when other fields fail, so one 保存 shows them all.
const schemaResolver = zodResolver(responsibilityInputSchema) as unknown as Resolver<
  ResponsibilityFormValues,
  unknown,
  ResponsibilityFormOutput
>;

// The form's dates as the repository reads them: a cleared 任职起止 is none.
const tenureOf = (values: ResponsibilityFormValues) => ({
  ...values,
  from: values.from || undefined,
  to: values.to || undefined,
});

/**
 * The schema's messages and, in the same 保存, the repository's rules: one list per holder and role (under 责任人), and
 * one 第一责任人 at a time (under 任职起) unless the dates describe a 换届 that onValid asks about.
 */
function resolverFor(
  lists: readonly Responsibility[],
  ownId: string | undefined,
): Resolver<ResponsibilityFormValues, unknown, ResponsibilityFormOutput> {
  return async (values, context, options) => {
    const result = await schemaResolver(values, context, options);
    const errors = { ...result.errors };
    const second = values.holderName.trim() ? secondListIssue(values, lists, ownId) : undefined;
    if (second && !errors.holderName) errors.holderName = { type: 'custom', message: second.message };
    const dated = tenureOf(values);
    const first = planHandover(dated, lists, ownId) ? undefined : firstHolderIssue(dated, lists, ownId);
    if (first && !errors.from) errors.from = { type: 'custom', message: first.message };
    return Object.keys(errors).length === Object.keys(result.errors).length ? result : { values: {}, errors };
  };
}

export function ResponsibilityForm({
  branchId,
  members,
  secretary,
  evidence,
  defaultValues,
  responsibility,
  lists = NO_LISTS,
  onSaved,
  onCancel,
}: Readonly<Props>) {
  const { message, modal } = App.useApp();
  const idPrefix = `resp-${useId().replace(/:/g, '')}`;
  const { control, handleSubmit, setError, formState, setValue, getValues } = useForm<
    ResponsibilityFormValues,
    unknown,
    ResponsibilityFormOutput
  >({
    resolver: useMemo(() => resolverFor(lists, responsibility?.id), [lists, responsibility?.id]),
    defaultValues,
    // The first message in page order is shown and focused below, with how many there are (useRevealFormErrors):
    // react-hook-form's own focus follows registration order and cannot reach 责任人 (a select given no ref).
    shouldFocusError: false,
  });
  // keyName: tasks carry their own `id`, which useFieldArray would otherwise overwrite.
  const tasks = useFieldArray({ control, name: 'tasks', keyName: 'fieldKey' });
  const reports = useFieldArray({ control, name: 'reports' });
  const [holderMemberId, duties] = useWatch({ control, name: ['holderMemberId', 'duties'] });

  const memberOptions = useMemo(
    () =>
      members
        .filter((m) => !m.leftDate || m.id === holderMemberId)
        .map((m) => ({ value: m.id, label: m.id === secretary?.id ? `${m.name}（书记）` : m.name })),
    [members, holderMemberId, secretary],
  );
  const evidenceOptions = useMemo(() => evidence.map((e) => ({ value: e.id, label: e.label })), [evidence]);

  const onHolder = (id: string | undefined) => {
    const member = members.find((m) => m.id === id);
    setValue('holderMemberId', member?.id ?? '', { shouldDirty: true });
    setValue('holderName', member?.name ?? '', { shouldDirty: true, shouldValidate: formState.isSubmitted });
    // The secretary answers for the whole branch: 第一责任人 is the role a secretary's list starts with.
    if (member && member.id === secretary?.id) setValue('role', '第一责任人', { shouldDirty: true });
  };

  const { release, cancel } = useFormLeaveGuard(formState.isDirty, '责任清单');

  const onValid = async (data: ResponsibilityFormOutput) => {
    // A 年内换届 the dates describe: the other 第一责任人's date changes in the same save, once the user agrees.
    const plan = planHandover(
      { ...data, from: data.from || undefined, to: data.to || undefined },
      lists,
      responsibility?.id,
    );
    const agreed =
      plan &&
      (await modal.confirm({
        title: `${data.year}年度已有第一责任人${plan.list.holderName}`,
        content: handoverQuestion(data, plan),
        okText: '换届并保存',
        cancelText: '返回修改',
      }));
    if (plan && !agreed) return;
    try {
      const options = { handOver: Boolean(plan) };
      const saved = responsibility
        ? await updateResponsibility(responsibility.id, data, options)
        : await createResponsibility(branchId, data, options);
      message.success('已保存');
      release();
      onSaved(saved);
    } catch (error) {
      // The holder picker shows the name's errors; the repository speaks of the member id.
      showRepositoryError(error, setError, isResponsibilityFieldPath, (path) =>
        path === 'holderMemberId' ? 'holderName' : path,
      );
    }
  };

  const rootError = formState.errors.root?.repository?.message;
  const textInput = (name: FieldPath<ResponsibilityFormValues>, label: string, required?: boolean, rows?: number) => (
    <FormField control={control} name={name} label={label} required={required} idPrefix={idPrefix}>
      {(f) =>
        rows ? (
          <Input.TextArea
            id={f.id}
            {...f.a11y}
            value={(f.value as string | undefined) ?? ''}
            onChange={(e) => f.onChange(e.target.value)}
            onBlur={f.onBlur}
            status={f.invalid ? 'error' : undefined}
            autoSize={{ minRows: rows, maxRows: 10 }}
          />
        ) : (
          <Input
            id={f.id}
            {...f.a11y}
            value={(f.value as string | undefined) ?? ''}
            onChange={(e) => f.onChange(e.target.value)}
            onBlur={f.onBlur}
            status={f.invalid ? 'error' : undefined}
          />
        )
      }
    </FormField>
  );
  const dateInput = (name: FieldPath<ResponsibilityFormValues>, label: string, required?: boolean) => (
    <DateField control={control} name={name} label={label} required={required} idPrefix={idPrefix} />
  );

  // After each 保存 (or Ctrl+Enter) that did not save, the first message is scrolled to and focused.
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFormErrors(formRef, formState);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={handleSubmit(onValid)}
      // Enter in a one-line box (a 职责, a 任务) goes on to the next field; Ctrl+Enter saves.
      onKeyDown={submitKeyDown(formState.isSubmitting)}
      aria-label={responsibility ? '修改责任清单' : '新增责任清单'}
    >
      <Form layout="vertical" component={false}>
        {rootError && (
          // Focusable so that, scrolled to after 保存, it is also what the keyboard and a screen reader are on.
          <div data-error-banner tabIndex={-1} style={{ marginBottom: 16 }}>
            <Alert type="error" showIcon title={rootError} />
          </div>
        )}
        <Card title={`${getValues('year')}年度 责任人`} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <FormField control={control} name="holderName" label="责任人" required idPrefix={idPrefix}>
                {(f) => (
                  <Select
                    id={f.id}
                    {...f.a11y}
                    // A screen reader hears the holder chosen with the field's name (chosenValue.tsx).
                    aria-describedby={describedByChosen(f.id, holderMemberId || undefined, f.a11y['aria-describedby'])}
                    labelRender={chosenLabelRender(f.id, holderMemberId || undefined)}
                    value={holderMemberId || undefined}
                    onChange={onHolder}
                    onBlur={f.onBlur}
                    options={memberOptions}
                    showSearch={PICKER_SEARCH}
                    placeholder="从党员名册中选择"
                    status={f.invalid ? 'error' : undefined}
                  />
                )}
              </FormField>
            </Col>
            <Col xs={24} md={12}>
              <SelectField
                control={control}
                name="role"
                label="责任类型"
                required
                idPrefix={idPrefix}
                options={roleOptions}
              />
            </Col>
            <Col xs={12} md={6}>
              <DateField control={control} name="from" label="任职起" idPrefix={idPrefix} emptyAs="" />
            </Col>
            <Col xs={12} md={6}>
              <DateField control={control} name="to" label="任职止" idPrefix={idPrefix} emptyAs="" />
            </Col>
            <Col xs={24} md={12}>
              <Typography.Paragraph type="secondary" style={{ marginTop: 30 }}>
                全年在任不用填写。年内换届时填写：原责任人填任职止，接任者填任职起。
              </Typography.Paragraph>
            </Col>
          </Row>
        </Card>

        <Card
          title="职责"
          style={{ marginBottom: 16 }}
          extra={
            <Button
              icon={<PlusOutlined />}
              onClick={() => setValue('duties', [...(duties ?? []), ''], { shouldDirty: true })}
            >
              添加职责
            </Button>
          }
        >
          {(duties ?? []).length === 0 && <Typography.Text type="secondary">尚未填写职责。</Typography.Text>}
          {(duties ?? []).map((_, index) => (
            <Flex key={index} gap={8} align="start">
              <div style={{ flex: 1 }}>{textInput(`duties.${index}`, `职责 ${index + 1}`, true)}</div>
              <Button
                icon={<DeleteOutlined />}
                aria-label={`删除职责 ${index + 1}`}
                style={{ marginTop: 30 }}
                onClick={() =>
                  setValue(
                    'duties',
                    getValues('duties').filter((__, i) => i !== index),
                    { shouldDirty: true },
                  )
                }
              />
            </Flex>
          ))}
        </Card>

        <Card
          title="任务清单"
          style={{ marginBottom: 16 }}
          extra={
            <Button icon={<PlusOutlined />} onClick={() => tasks.append(emptyTask())}>
              添加任务
            </Button>
          }
        >
          {tasks.fields.length === 0 && <Typography.Text type="secondary">尚未添加任务。</Typography.Text>}
          {tasks.fields.map((field, index) => (
            <fieldset
              key={field.fieldKey}
              aria-label={`任务 ${index + 1}`}
              style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, marginBottom: 12 }}
            >
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  {textInput(`tasks.${index}.title`, '任务', true)}
                </Col>
                <Col xs={12} md={6}>
                  {dateInput(`tasks.${index}.deadline`, '完成时限')}
                  {field.carriedFrom !== undefined && (
                    <Typography.Text type="secondary">{field.carriedFrom}年度转入，完成时限沿用原年度</Typography.Text>
                  )}
                </Col>
                <Col xs={12} md={6}>
                  <SelectField
                    control={control}
                    name={`tasks.${index}.status`}
                    label="状态"
                    idPrefix={idPrefix}
                    options={statusOptions}
                  />
                </Col>
                <Col xs={24} md={12}>
                  {textInput(`tasks.${index}.note`, '完成情况', false, 2)}
                </Col>
                <Col xs={24} md={12}>
                  <FormField
                    control={control}
                    name={`tasks.${index}.evidenceMeetingIds`}
                    label="佐证记录"
                    idPrefix={idPrefix}
                  >
                    {(f) => (
                      <Select
                        id={f.id}
                        {...f.a11y}
                        aria-describedby={describedByChosen(f.id, f.value, f.a11y['aria-describedby'])}
                        labelRender={chosenLabelRender(f.id, f.value)}
                        mode="multiple"
                        value={f.value as string[]}
                        onChange={f.onChange}
                        onBlur={f.onBlur}
                        options={evidenceOptions}
                        showSearch={PICKER_SEARCH}
                        placeholder="选择本年度的工作记录"
                        notFoundContent="本年度还没有工作记录"
                        status={f.invalid ? 'error' : undefined}
                      />
                    )}
                  </FormField>
                </Col>
              </Row>
              <Button danger icon={<DeleteOutlined />} onClick={() => tasks.remove(index)}>
                删除任务 {index + 1}
              </Button>
            </fieldset>
          ))}
        </Card>

        <Card
          title="述职"
          style={{ marginBottom: 16 }}
          extra={
            <Button icon={<PlusOutlined />} onClick={() => reports.append(emptyReport())}>
              添加述职
            </Button>
          }
        >
          {reports.fields.length === 0 && <Typography.Text type="secondary">尚未记录述职。</Typography.Text>}
          {reports.fields.map((field, index) => (
            <fieldset
              key={field.id}
              aria-label={`述职 ${index + 1}`}
              style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, marginBottom: 12 }}
            >
              <Row gutter={16}>
                <Col xs={12} md={6}>
                  {dateInput(`reports.${index}.date`, '述职日期', true)}
                </Col>
                <Col xs={12} md={6}>
                  {textInput(`reports.${index}.rating`, '评议结果')}
                </Col>
                <Col xs={24} md={12}>
                  {textInput(`reports.${index}.summary`, '述职内容', true, 2)}
                </Col>
              </Row>
              <Button danger icon={<DeleteOutlined />} onClick={() => reports.remove(index)}>
                删除述职 {index + 1}
              </Button>
            </fieldset>
          ))}
        </Card>

        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            loading={formState.isSubmitting}
            {...saveKeysProps(`${idPrefix}-keys`)}
          >
            保存
          </Button>
          <Button onClick={cancel(onCancel)}>取消</Button>
          <Typography.Text type="secondary" id={`${idPrefix}-keys`}>
            {FORM_KEYS_HINT}
          </Typography.Text>
        </Space>
      </Form>
    </form>
  );
}
