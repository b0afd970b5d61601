// The record form: every kind with its own fields, attendance prefilled with who is expected, live quorum and 第N次.
import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '../../ui/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useId, useMemo, useRef } from 'react';
import {
  Controller,
  useFieldArray,
  useForm,
  useWatch,
  type FieldErrors,
  type FieldPath,
  type Resolver,
} from 'react-hook-form';
import { ATTENDANCE_STATUSES, MEETING_KINDS, type MeetingKind } from '../../../../shared/domain/vocab';
import { checkQuorum } from '../../../../shared/rules/quorum';
import {
  guestSchema,
  meetingFields,
  meetingInputSchema,
  type Branch,
  type Meeting,
  type Member,
} from '../../../../shared/schemas';
import { chinaToday } from '../../../../shared/schemas/common';
import { amendMeeting, createMeeting, updateMeeting, type VenueChoice } from '../../db/repositories/meetings';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { AttachmentField } from '../../ui/attachments/AttachmentField';
import { DateInput } from '../../ui/DateInput';
import { FormField } from '../../ui/FormField';
import { TextField } from '../../ui/TextField';
import { SelectField } from '../../ui/SelectField';
import {
  emptyMeetingValues,
  expectedAttendance,
  isMeetingFieldPath,
  memberChoices,
  meetingRuleIssues,
  meetingToValues,
  normalizeTime,
  type MeetingFormOutput,
  type MeetingFormValues,
} from './meetingFormValues';
import { useNextSeq } from './useNextSeq';
import { showRepositoryError } from '../../ui/repositoryErrors';
import { useRevealFormErrors } from '../../ui/useRevealErrors';

interface Props {
  branch: Branch;
  members: readonly Member[];
  venues: readonly VenueChoice[];
  /** The stored record being edited (a 草稿) or corrected (已定稿, with `amendReason`); absent for a new record. */
  meeting?: Meeting;
  amendReason?: string;
  initialKind?: MeetingKind;
  initialDate?: string;
  /** The 党小组 or member a 补记 link names. */
  initialScope?: { partyGroupId?: string; talkParty?: string };
  onSaved: (meeting: Meeting) => void;
  onCancel: () => void;
}

// The schema's own limits, counted as the secretary types so a long text is caught before 保存.
const TOPIC_MAX = meetingFields.shape.topic.maxLength ?? undefined;
const nameMax = (field: 'host' | 'recorder' | 'lecturer') => meetingFields.shape[field].unwrap().maxLength ?? undefined;
const GUEST_NAME_MAX = guestSchema.shape.name.maxLength ?? undefined;
const GUEST_ORG_MAX = guestSchema.shape.org.unwrap().maxLength ?? undefined;

const kindOptions = MEETING_KINDS.map((k) => ({ value: k, label: k }));
const statusOptions = ATTENDANCE_STATUSES.map((s) => ({ value: s, label: s }));

// The date is undefined while empty (see MeetingFormValues); zod rejects that with its own message.
const schemaResolver = zodResolver(meetingInputSchema) as unknown as Resolver<
  MeetingFormValues,
  unknown,
  MeetingFormOutput
>;
// The schema's messages and the repository's simple rules at once: a field the schema already refuses keeps its
// message.
const resolver: Resolver<MeetingFormValues, unknown, MeetingFormOutput> = async (values, context, options) => {
  const result = await schemaResolver(values, context, options);
  const issues = meetingRuleIssues(values, chinaToday());
  if (issues.length === 0) return result;
  const errors: FieldErrors<MeetingFormValues> = { ...result.errors };
  for (const { path, message } of issues) errors[path] ??= { type: 'custom', message };
  return { values: {}, errors };
};

export function MeetingForm({
  branch,
  members,
  venues,
  meeting,
  amendReason,
  initialKind,
  initialDate,
  initialScope,
  onSaved,
  onCancel,
}: Readonly<Props>) {
  const { message } = App.useApp();
  const idPrefix = `meeting-${useId().replace(/:/g, '')}`;
  // Computed once: the form owns the values from here on (a live record is not re-read into a form being typed in).
  const defaultValues = useMemo(
    () =>
      meeting
        ? meetingToValues(meeting)
        : emptyMeetingValues(initialKind ?? '支委会', initialDate, members, branch, initialScope),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const { control, handleSubmit, setError, formState, setValue, getValues } = useForm<
    MeetingFormValues,
    unknown,
    MeetingFormOutput
  >({
    resolver,
    defaultValues,
    // The form is 2,400–3,700 px tall: the first message in page order is shown and focused below, together with
    // the repository's and the banner's; react-hook-form's own focus follows registration order, not the page.
    shouldFocusError: false,
  });
  const attendance = useFieldArray({ control, name: 'attendance' });
  const guests = useFieldArray({ control, name: 'guests' });
  const [kind, date, attendanceNow, partyGroupId, talkParties] = useWatch({
    control,
    name: ['kind', 'date', 'attendance', 'partyGroupId', 'talkParties'],
  });
  const seq = useNextSeq(branch.id, kind, date, meeting?.id, partyGroupId);

  // A new record's list follows the kind, date, group and parties until the secretary changes it by hand; a stored
  // record's list is never replaced on its own.
  const autoFilled = useRef<string | undefined>(meeting ? undefined : JSON.stringify(defaultValues.attendance));
  const expected = () => expectedAttendance(members, branch, { kind, date, partyGroupId, talkParties });
  useEffect(() => {
    if (autoFilled.current === undefined || JSON.stringify(attendanceNow ?? []) !== autoFilled.current) return;
    const next = expected();
    const json = JSON.stringify(next);
    if (json === autoFilled.current) return;
    autoFilled.current = json;
    setValue('attendance', next);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refill on what decides the list, not on every edit
  }, [kind, date, partyGroupId, JSON.stringify(talkParties ?? []), members, branch]);

  const quorum = useMemo(
    () =>
      date
        ? checkQuorum({ kind, date, attendance: attendanceNow as Meeting['attendance'] }, branch, members)
        : undefined,
    [kind, date, attendanceNow, branch, members],
  );

  // Whoever was on the roster on the meeting's date, including a member who left later in the year.
  const memberOptions = useMemo(() => memberChoices(members, date, talkParties ?? []), [members, date, talkParties]);
  const listedIds = new Set((attendanceNow ?? []).map((a) => a.memberId));
  const addableOptions = memberChoices(members, date).filter((o) => !listedIds.has(o.value));
  const groupOptions = branch.partyGroups.map((g) => ({ value: g.id, label: g.name }));
  const venueOptions = venues.map((v) => ({ value: v.id, label: v.name }));

  const { release, cancel } = useFormLeaveGuard(formState.isDirty, '工作记录');

  const onValid = async (data: MeetingFormOutput) => {
    try {
      const saved = meeting
        ? amendReason !== undefined
          ? await amendMeeting(meeting.id, data, amendReason)
          : await updateMeeting(meeting.id, data)
        : await createMeeting(branch.id, data);
      message.success(amendReason !== undefined ? '已更正，更正理由已记录' : '已保存');
      release();
      onSaved(saved);
    } catch (error) {
      showRepositoryError(error, setError, isMeetingFieldPath);
    }
  };

  // 9:30 and 14：30 are meant as 09:30 and 14:30: tidied on leaving the box, and again on 保存 (Enter in the box).
  const tidyTimes = () => {
    for (const name of ['startTime', 'endTime'] as const) {
      const typed = getValues(name);
      const tidy = normalizeTime(typed);
      if (tidy !== typed) setValue(name, tidy, { shouldDirty: true });
    }
  };

  // After each 保存 that did not save (the schema's messages, or the repository's set in onValid), the first message
  // in page order is scrolled to and focused, and a short message says how many there are.
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFormErrors(formRef, formState);

  const rootError = formState.errors.root?.repository?.message;
  const text = (
    name: FieldPath<MeetingFormValues>,
    label: string,
    options: {
      rows?: number;
      placeholder?: string;
      required?: boolean;
      /** The schema's limit, counted as the secretary types. */
      maxLength?: number;
      /** Tidies the text when leaving the box. */
      normalize?: (text: string) => string;
    } = {},
  ) => {
    const { rows, placeholder, required, maxLength, normalize } = options;
    return (
      <FormField control={control} name={name} label={label} required={required} idPrefix={idPrefix}>
        {(f) => {
          // The ref lets react-hook-form focus the field (setFocus); an absent optional text shows as empty.
          const common = {
            id: f.id,
            ...f.a11y,
            value: (f.value as string | undefined) ?? '',
            onBlur: () => {
              const typed = (f.value as string | undefined) ?? '';
              if (normalize && normalize(typed) !== typed) f.onChange(normalize(typed));
              f.onBlur();
            },
            status: f.invalid ? ('error' as const) : undefined,
            placeholder,
            ...(maxLength ? { maxLength, showCount: true } : {}),
          };
          return rows ? (
            <Input.TextArea
              ref={f.ref}
              {...common}
              onChange={(e) => f.onChange(e.target.value)}
              autoSize={{ minRows: rows, maxRows: 16 }}
            />
          ) : (
            <Input ref={f.ref} {...common} onChange={(e) => f.onChange(e.target.value)} />
          );
        }}
      </FormField>
    );
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        tidyTimes();
        return handleSubmit(onValid)(event);
      }}
      aria-label={meeting ? '修改工作记录' : '新建工作记录'}
    >
      <Form layout="vertical" component={false}>
        {rootError && (
          // Focusable so that, scrolled to after 保存, it is also what the keyboard and a screen reader are on.
          <div data-error-banner tabIndex={-1} style={{ marginBottom: 16 }}>
            <Alert type="error" showIcon title={rootError} />
          </div>
        )}
        {amendReason !== undefined && (
          <Alert
            type="info"
            showIcon
            title={`正在更正已定稿的记录，更正理由：${amendReason}`}
            style={{ marginBottom: 16 }}
          />
        )}
        <Card title="基本信息" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <SelectField
                control={control}
                name="kind"
                label="会议类型"
                required
                idPrefix={idPrefix}
                options={kindOptions}
              />
            </Col>
            <Col xs={24} md={8}>
              <FormField control={control} name="date" label="会议日期" required idPrefix={idPrefix}>
                {(f) => (
                  <DateInput
                    ref={f.ref}
                    id={f.id}
                    value={f.value || undefined}
                    onChange={f.onChange}
                    onBlur={f.onBlur}
                    invalid={f.invalid}
                    a11y={f.a11y}
                    // A record is of a meeting already held: later days are greyed out in the calendar.
                    max={chinaToday()}
                  />
                )}
              </FormField>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="本年度序号">
                <Typography.Text strong aria-label="本年度序号">
                  {seq === undefined ? '—' : `第${seq}次${kind}`}
                </Typography.Text>
                {meeting && meeting.seq !== seq && seq !== undefined && (
                  <Typography.Text type="secondary">（保存后按日期重新编号）</Typography.Text>
                )}
              </Form.Item>
            </Col>
            <Col xs={24}>
              {text('topic', '主题', {
                required: true,
                maxLength: TOPIC_MAX,
                placeholder: '如：研究部署第一季度党建工作',
              })}
            </Col>
            <Col xs={12} md={6}>
              {text('startTime', '开始时间', { placeholder: '如：09:30', normalize: normalizeTime })}
            </Col>
            <Col xs={12} md={6}>
              {text('endTime', '结束时间', { placeholder: '如：11:00', normalize: normalizeTime })}
            </Col>
            <Col xs={24} md={12}>
              <SelectField
                control={control}
                name="venueId"
                label="地点（阵地）"
                idPrefix={idPrefix}
                options={venueOptions}
                placeholder={venueOptions.length === 0 ? '尚未登记活动阵地' : '选择阵地'}
                emptyAs=""
                allowClear
              />
            </Col>
            <Col xs={12} md={6}>
              {text('host', '主持人', { maxLength: nameMax('host') })}
            </Col>
            <Col xs={12} md={6}>
              {text('recorder', '记录人', { maxLength: nameMax('recorder') })}
            </Col>
            {kind === '党课' && (
              <>
                <Col xs={12} md={6}>
                  {text('lecturer', '授课人', { required: true, maxLength: nameMax('lecturer') })}
                </Col>
                <Col xs={24}>{text('outline', '授课提纲', { rows: 4 })}</Col>
              </>
            )}
            {kind === '党小组会' && (
              <Col xs={24} md={12}>
                <SelectField
                  control={control}
                  name="partyGroupId"
                  label="党小组"
                  required
                  idPrefix={idPrefix}
                  options={groupOptions}
                  placeholder={groupOptions.length === 0 ? '请先在支部概况中设置党小组' : '选择党小组'}
                  emptyAs=""
                />
              </Col>
            )}
            {kind === '谈心谈话' && (
              <Col xs={24} md={12}>
                <SelectField
                  control={control}
                  name="talkParties"
                  label="谈话双方"
                  required
                  idPrefix={idPrefix}
                  maxCount={2}
                  options={memberOptions}
                  placeholder="选择两位党员"
                  multiple
                />
              </Col>
            )}
          </Row>
        </Card>

        <Card
          title="出席情况"
          style={{ marginBottom: 16 }}
          extra={
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                const next = expected();
                autoFilled.current = JSON.stringify(next);
                setValue('attendance', next, { shouldDirty: true });
              }}
            >
              重新填入应到人员
            </Button>
          }
        >
          {quorum?.applies && !quorum.ok && (
            <Alert type="warning" showIcon title={quorum.message} style={{ marginBottom: 16 }} role="alert" />
          )}
          {quorum?.applies && quorum.ok && <Typography.Paragraph type="success">{quorum.message}</Typography.Paragraph>}
          {attendance.fields.length === 0 && (
            <Typography.Paragraph type="secondary">{emptyListHint(kind, branch, partyGroupId)}</Typography.Paragraph>
          )}
          {attendance.fields.map((row, index) => {
            const legendId = `${idPrefix}-attendance-${index}-legend`;
            const status = attendanceNow?.[index]?.status;
            return (
              <div key={row.id} role="group" aria-labelledby={legendId}>
                <Flex gap={16} align="flex-start" wrap>
                  <Typography.Text strong id={legendId} style={{ minWidth: 72, paddingTop: 36 }}>
                    {row.name}
                  </Typography.Text>
                  <div style={{ flex: '0 1 140px' }}>
                    <SelectField
                      control={control}
                      name={`attendance.${index}.status`}
                      label="出席情况"
                      idPrefix={idPrefix}
                      options={statusOptions}
                    />
                  </div>
                  <div style={{ flex: '1 1 200px' }}>
                    <TextField
                      control={control}
                      name={`attendance.${index}.reason`}
                      label="原因"
                      required={status === '请假' || status === '缺席'}
                      idPrefix={idPrefix}
                      placeholder={status === '请假' || status === '缺席' ? '如：出差、病假' : ''}
                    />
                  </div>
                  <Button icon={<DeleteOutlined />} onClick={() => attendance.remove(index)} style={{ marginTop: 30 }}>
                    移出名单
                  </Button>
                </Flex>
              </div>
            );
          })}
          {addableOptions.length > 0 && (
            <Form.Item label="添加人员" htmlFor={`${idPrefix}-add-attendee`}>
              <Select
                id={`${idPrefix}-add-attendee`}
                value={null}
                options={addableOptions}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择名册中的党员"
                style={{ maxWidth: 240 }}
                onChange={(id: string) => {
                  const m = members.find((x) => x.id === id);
                  if (m) attendance.append({ memberId: m.id, name: m.name, status: '出席', reason: '' });
                }}
              />
            </Form.Item>
          )}
        </Card>

        <Card title="列席人员（非本支部党员）" style={{ marginBottom: 16 }}>
          {guests.fields.map((row, index) => {
            const legendId = `${idPrefix}-guest-${index}-legend`;
            return (
              <div key={row.id} role="group" aria-labelledby={legendId}>
                <Flex gap={16} align="flex-start" wrap>
                  <Typography.Text strong id={legendId} style={{ minWidth: 72, paddingTop: 36 }}>
                    列席 {index + 1}
                  </Typography.Text>
                  <div style={{ flex: '1 1 160px' }}>
                    {text(`guests.${index}.name`, '姓名', { required: true, maxLength: GUEST_NAME_MAX })}
                  </div>
                  <div style={{ flex: '1 1 200px' }}>
                    {text(`guests.${index}.org`, '单位或职务', { maxLength: GUEST_ORG_MAX })}
                  </div>
                  <Button icon={<DeleteOutlined />} onClick={() => guests.remove(index)} style={{ marginTop: 30 }}>
                    删除
                  </Button>
                </Flex>
              </div>
            );
          })}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => guests.append({ name: '', org: '' })}>
            添加列席人员
          </Button>
        </Card>

        <Card title="会议内容" style={{ marginBottom: 16 }}>
          {text('agenda', '议程', { rows: 2 })}
          {text('content', '会议内容', { rows: 6, placeholder: '会议纪要：传达学习、研究讨论的主要内容' })}
          {text('speeches', '发言摘要', { rows: 4 })}
          {text('resolutions', '决议及表决结果', {
            rows: 3,
            placeholder: '如：同意接收××为预备党员（应到9人，实到8人，8票赞成）',
          })}
        </Card>

        <Card title="附件" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            Word 格式的通知、讲稿请先另存为 PDF 再上传（Word 文件不能直接上传）。
          </Typography.Paragraph>
          <Controller
            control={control}
            name="attachmentIds"
            render={({ field }) => (
              <AttachmentField
                branchId={branch.id}
                value={field.value}
                onChange={field.onChange}
                label="附件（通知、签到表、现场照片、讲稿）"
              />
            )}
          />
        </Card>

        <Space>
          <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
            {amendReason !== undefined ? '保存更正' : '保存'}
          </Button>
          <Button onClick={cancel(onCancel)}>取消</Button>
          {meeting?.backfilled && <Tag color="orange">补录</Tag>}
        </Space>
      </Form>
    </form>
  );
}

/** Why the attendance list is empty, and what fills it. */
function emptyListHint(kind: MeetingKind, branch: Branch, partyGroupId: string | undefined): string {
  if (kind === '支委会' && branch.committee.length === 0) {
    return '支部概况中尚未登记支委会成员，登记后会自动列入；也可在下方添加人员。';
  }
  if (kind === '党小组会' && !partyGroupId) return '选择党小组后，本组党员会自动列入名单。';
  if (kind === '谈心谈话') return '选择谈话双方后，两人会自动列入名单。';
  return '名单为空。请先在党员名册中登记党员，或在下方添加。';
}
