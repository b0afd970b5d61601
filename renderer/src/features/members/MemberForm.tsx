// The 党员 form: adds a member to the branch's roster or edits one, validated by the shared zod schema.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Col, Form, Row, Space, Typography } from 'antd';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { GENDERS, MEMBER_STATUSES } from '../../../../shared/domain/vocab';
import { memberInputSchema, type Branch, type Member } from '../../../../shared/schemas';
import { memberStatusWarning, statusByDates } from '../../../../shared/rules/roster';
import { chinaToday } from '../../../../shared/schemas/common';
import { createMember, updateMember } from '../../db/repositories/members';
import { DateField } from '../../ui/DateField';
import { TextField } from '../../ui/TextField';
import { SelectField } from '../../ui/SelectField';
import {
  emptyMemberValues,
  isMemberFieldPath,
  memberToValues,
  type MemberFormOutput,
  type MemberFormValues,
} from './memberFormValues';
import { showRepositoryError } from '../../ui/repositoryErrors';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { useRevealFormErrors } from '../../ui/useRevealErrors';
import { FORM_KEYS_HINT, submitKeyDown, saveKeysProps } from '../meetings/formKeys';

interface Props {
  branch: Branch;
  /** The live record to edit; absent for a new member. */
  member?: Member;
  onSaved: (member: Member) => void;
  onCancel: () => void;
}

// The form keeps empty required values undefined (see MemberFormValues); the schema rejects them with its own message.
const resolver = zodResolver(memberInputSchema) as unknown as Resolver<MemberFormValues, unknown, MemberFormOutput>;

const genderOptions = GENDERS.map((g) => ({ value: g, label: g }));
const statusOptions = MEMBER_STATUSES.map((s) => ({ value: s, label: `${s}党员` }));
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function MemberForm({ branch, member, onSaved, onCancel }: Readonly<Props>) {
  const { message } = App.useApp();
  const idPrefix = `member-${useId().replace(/:/g, '')}`;
  const values = useMemo(() => (member ? memberToValues(member) : undefined), [member]);
  const { control, handleSubmit, setError, formState, setValue } = useForm<MemberFormValues, unknown, MemberFormOutput>({
    resolver,
    defaultValues: emptyMemberValues(),
    values,
    resetOptions: { keepDirtyValues: true },
    // useRevealFormErrors focuses the first problem in page order, not react-hook-form in registration order.
    shouldFocusError: false,
  });
  const groupOptions = branch.partyGroups.map((g) => ({ value: g.id, label: g.name }));

  // 党员类别 and the dates: a new member's 类别 follows the 入党 and 转正 dates until the user picks one (the default
  // was 正式, so one who joined in June was saved as a voter of the 支部党员大会); a 类别 the dates contradict is said,
  // with the change it needs one click away. Saving is not stopped: the dates may be the ones being corrected.
  const [status, joinedDate, fullMemberDate] = useWatch({
    control,
    name: ['status', 'joinedDate', 'fullMemberDate'],
  });
  const statusChosen = useRef(false);
  useEffect(() => {
    if (member || statusChosen.current || !joinedDate || !ISO_DAY.test(joinedDate)) return;
    const byDates = statusByDates(joinedDate, ISO_DAY.test(fullMemberDate ?? '') ? fullMemberDate : '', chinaToday());
    setValue('status', byDates);
  }, [member, joinedDate, fullMemberDate, setValue]);
  const today = chinaToday();
  const statusWarning =
    joinedDate && ISO_DAY.test(joinedDate)
      ? memberStatusWarning({ status, joinedDate, fullMemberDate: fullMemberDate || undefined }, today)
      : '';
  const byDates = joinedDate && ISO_DAY.test(joinedDate) ? statusByDates(joinedDate, fullMemberDate, today) : status;

  const { release, cancel } = useFormLeaveGuard(formState.isDirty, '党员信息');

  const onValid = async (data: MemberFormOutput) => {
    try {
      const saved = member ? await updateMember(member.id, data) : await createMember(branch.id, data);
      message.success('已保存');
      release();
      onSaved(saved);
    } catch (error) {
      showRepositoryError(error, setError, isMemberFieldPath);
    }
  };

  const rootError = formState.errors.root?.repository?.message;

  const text = (name: 'name' | 'post' | 'phone', label: string, required = false, placeholder?: string) => (
    <TextField
      control={control}
      name={name}
      label={label}
      required={required}
      idPrefix={idPrefix}
      placeholder={placeholder}
    />
  );

  const date = (
    name: 'birthDate' | 'joinedDate' | 'joinedBranchDate' | 'fullMemberDate',
    label: string,
    required = false,
    hint?: string,
  ) => (
    <DateField
      control={control}
      name={name}
      label={label}
      required={required}
      idPrefix={idPrefix}
      hint={hint}
      // An optional date cleared is '' (the schema's empty value); a required one stays undefined.
      emptyAs={required ? undefined : ''}
    />
  );

  // After each 保存 (or Ctrl+Enter) that did not save, the first message is scrolled to and focused, with how many.
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFormErrors(formRef, formState);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={handleSubmit(onValid)}
      // Enter in a one-line box goes on to the next field, not to 「请选择性别」 for fields not reached yet.
      onKeyDown={submitKeyDown(formState.isSubmitting)}
      aria-label={member ? '编辑党员' : '新增党员'}
    >
      <Form layout="vertical" component={false}>
        {rootError && (
          // Focusable so that, scrolled to after 保存, it is also what the keyboard and a screen reader are on.
          <div data-error-banner tabIndex={-1} style={{ marginBottom: 16 }}>
            <Alert type="error" showIcon title={rootError} />
          </div>
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {text('name', '姓名', true)}
          </Col>
          <Col xs={24} md={12}>
            <SelectField
              control={control}
              name="gender"
              label="性别"
              required
              idPrefix={idPrefix}
              options={genderOptions}
              placeholder="请选择"
            />
          </Col>
          <Col xs={24} md={12}>
            {date('birthDate', '出生日期', true)}
          </Col>
          <Col xs={24} md={12}>
            {date('joinedDate', '入党日期', true)}
          </Col>
          <Col xs={24} md={12}>
            <SelectField
              control={control}
              name="status"
              label="党员类别"
              required
              idPrefix={idPrefix}
              options={statusOptions}
              onChosen={() => {
                statusChosen.current = true;
              }}
            />
          </Col>
          <Col xs={24} md={12}>
            {date('fullMemberDate', '转正日期')}
          </Col>
          {statusWarning && (
            <Col xs={24}>
              <Alert
                type="warning"
                showIcon
                role="status"
                title={statusWarning}
                style={{ marginBottom: 16 }}
                action={
                  byDates !== status ? (
                    <Button
                      size="small"
                      onClick={() => {
                        statusChosen.current = true;
                        setValue('status', byDates, { shouldDirty: true });
                      }}
                    >
                      改为{byDates}党员
                    </Button>
                  ) : undefined
                }
              />
            </Col>
          )}
          <Col xs={24} md={12}>
            {date(
              'joinedBranchDate',
              '转入本支部日期',
              false,
              '从其他党组织转入的，填写组织关系转入本支部的日期；在本支部入党的不填',
            )}
          </Col>
          <Col xs={24} md={12}>
            <SelectField
              control={control}
              name="partyGroupId"
              label="党小组"
              idPrefix={idPrefix}
              options={groupOptions}
              placeholder={groupOptions.length > 0 ? '不分组可留空' : '支部尚未设置党小组'}
              emptyAs=""
              allowClear
            />
          </Col>
          <Col xs={24} md={12}>
            {text('post', '职务', false, '如：科长')}
          </Col>
          <Col xs={24} md={12}>
            {text('phone', '电话')}
          </Col>
          <Col xs={24}>
            <TextField
              control={control}
              name="motto"
              label="格言"
              idPrefix={idPrefix}
              lines={{ minRows: 2, maxRows: 4 }}
              placeholder="人人有格言"
            />
          </Col>
        </Row>
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
