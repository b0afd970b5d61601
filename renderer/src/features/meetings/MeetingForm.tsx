// The record form: every kind with its own fields, attendance prefilled with who is expected, live quorum and 第N次;
// asks before saving what looks like a second entry of a meeting, and can start the next record of the kind.
import { establishedOf } from '../../../../shared/branch/established';
import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '../../ui/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  Controller,
  get,
  set,
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
import { mayBeForPreviousYear, recordYearOf } from '../../../../shared/domain/recordYear';
import { usePreviousYearHeld } from './usePreviousYearHeld';
import { amendMeeting, createMeeting, updateMeeting, type VenueChoice } from '../../db/repositories/meetings';
import { possibleDuplicates } from '../../db/repositories/meetingNeighbours';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { AttachmentField } from '../../ui/attachments/AttachmentField';
import { DateInput } from '../../ui/DateInput';
import { tidyPersonName } from '../../../../shared/names';
import { missingGlyphWarning } from '../../../../shared/print/missingGlyphs';
import { FormField } from '../../ui/FormField';
import { TextField } from '../../ui/TextField';
import { SelectField } from '../../ui/SelectField';
import {
  attendanceLabels,
  carriedValues,
  committeeRosterNotes,
  defaultChairs,
  emptyMeetingValues,
  expectedAttendance,
  forYearValue,
  isChairedKind,
  isMeetingFieldPath,
  memberChoices,
  meetingRuleIssues,
  meetingToValues,
  normalizeTime,
  type MeetingFormOutput,
  type MeetingFormValues,
} from './meetingFormValues';
import { offRollIssues, offRollRows, offRollText } from '../../../../shared/rules/roster';
import { PICKER_SEARCH } from '../../ui/pickerSearch';
import { DuplicateDialog, type DuplicateAnswer } from './DuplicateDialog';
import { FORM_KEYS_HINT, submitKeyDown } from './formKeys';
import { goToRecords, recordsHref } from './recordsRoute';
import { useLastVenue } from './useLastVenue';
import { useNextSeq } from './useNextSeq';
import { showRepositoryError } from '../../ui/repositoryErrors';
import { useRevealFormErrors } from '../../ui/useRevealErrors';

interface Props {
  branch: Branch;
  members: readonly Member[];
  venues: readonly VenueChoice[];
  /** The stored record being edited (a 草稿) or corrected (已定稿, with `amendReason`); absent for a new record. */
  meeting?: Meeting;
  /** 复制为新记录: a new record starting from this one's kind, place, people, times and 议程 (see carriedValues). */
  template?: Meeting;
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
/** The attendance list's columns: a name (with what tells two 李娜 apart) and the 出席情况 choice. */
const ATTENDEE_NAME_WIDTH = 120;
const ATTENDANCE_STATUS_WIDTH = 96;

/** What validation reads besides the values: the roster, to refuse attendance rows of members not on it that day. */
interface FormContext {
  members: readonly Member[];
  /** The branch's 成立日期 and the record's stored date: a new date before the former is refused in the same 保存. */
  established?: string;
  keptDate?: string;
}

// The date is undefined while empty (see MeetingFormValues); zod rejects that with its own message.
const schemaResolver = zodResolver(meetingInputSchema) as unknown as Resolver<
  MeetingFormValues,
  FormContext,
  MeetingFormOutput
>;
// The schema's messages, the repository's simple rules and the roster's dates at once: a field the schema already
// refuses keeps its message.
const resolver: Resolver<MeetingFormValues, FormContext, MeetingFormOutput> = async (values, context, options) => {
  const result = await schemaResolver(values, context, options);
  const issues = [
    ...meetingRuleIssues(values, chinaToday(), { established: context?.established, keptDate: context?.keptDate }),
    ...offRollIssues(values.attendance, context?.members ?? [], values.date),
  ];
  if (issues.length === 0) return result;
  const errors: FieldErrors<MeetingFormValues> = { ...result.errors };
  for (const { path, message } of issues) if (!get(errors, path)) set(errors, path, { type: 'custom', message });
  return { values: {}, errors };
};

export function MeetingForm({
  branch,
  members,
  venues,
  meeting,
  template,
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
    () => {
      if (meeting) return meetingToValues(meeting);
      if (template) {
        const venueId = venues.some((v) => v.id === template.venueId) ? template.venueId : '';
        return carriedValues({ ...template, venueId }, members, branch, { agenda: true });
      }
      return emptyMeetingValues(initialKind ?? '支委会', initialDate, members, branch, initialScope);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const { control, handleSubmit, setError, formState, setValue, getValues, reset, resetField } = useForm<
    MeetingFormValues,
    FormContext,
    MeetingFormOutput
  >({
    resolver,
    context: { members, established: establishedOf(branch), keptDate: meeting?.date },
    defaultValues,
    // The form is 2,400–3,700 px tall: the first message in page order is shown and focused below, together with
    // the repository's and the banner's; react-hook-form's own focus follows registration order, not the page.
    shouldFocusError: false,
  });
  const attendance = useFieldArray({ control, name: 'attendance' });
  /**
   * Takes a person off the list and gives the keyboard to the row that moved up (else the one above, else 添加人员): the
   * button pressed is gone, and focus must not fall to the page.
   */
  const removeAttendee = (index: number) => {
    attendance.remove(index);
    setTimeout(() => {
      const row = (i: number) => document.getElementById(`${idPrefix}-attendance-${i}-status`);
      (row(index) ?? row(index - 1) ?? document.getElementById(`${idPrefix}-add-attendee`))?.focus();
    }, 0);
  };
  const guests = useFieldArray({ control, name: 'guests' });
  const [kind, date, attendanceNow, partyGroupId, talkParties, forYear, venueId] = useWatch({
    control,
    name: ['kind', 'date', 'attendance', 'partyGroupId', 'talkParties', 'forYear', 'venueId'],
  });
  // A 阵地 chosen says where the meeting was: a 其他地点 typed before goes (the two together are refused).
  useEffect(() => {
    if (venueId && getValues('place')) setValue('place', '', { shouldDirty: true });
  }, [venueId, getValues, setValue]);
  const seq = useNextSeq(branch.id, kind, date, meeting?.id, partyGroupId, forYear);
  // A 党小组会 is numbered within its group (「第一党小组第2次党小组会」), as the saved record says.
  const seqBookLabel = kind === '党小组会' ? (branch.partyGroups.find((g) => g.id === partyGroupId)?.name ?? '') : '';

  // 所属年度 is offered for a 组织生活会 or 民主评议党员 held from January to March. The year chosen by hand (a stored
  // record's own, when editing) is kept whenever it fits the date, however the date moved in between; without one,
  // the default follows the kind, the date and whether last year already has such a record (defaultForYear).
  // Offered no longer, the field is cleared.
  const handYear = useRef<number | undefined>(meeting ? recordYearOf(meeting) : undefined);
  const previousYearHeld = usePreviousYearHeld(branch.id, kind, date, meeting?.id);
  useEffect(() => {
    const held = getValues('forYear');
    const next = forYearValue(kind, date, handYear.current, previousYearHeld);
    if (next !== held) setValue('forYear', next);
  }, [kind, date, previousYearHeld, getValues, setValue]);
  const ownYear = date ? Number(date.slice(0, 4)) : undefined;
  const forYearOptions =
    ownYear !== undefined && mayBeForPreviousYear(kind, date)
      ? [
          { value: ownYear - 1, label: `${ownYear - 1}年度（上一年度）` },
          { value: ownYear, label: `${ownYear}年度` },
        ]
      : undefined;

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

  // A new 支委会's or 支部党员大会's 主持人 and 记录人 are the 书记 and 组织委员 in office on its date: they follow the
  // kind and date while they are what the form put there, and a name typed by hand stays.
  const chairsFilledFor = useRef({ kind: defaultValues.kind, date: defaultValues.date });
  useEffect(() => {
    if (meeting) return;
    const was = defaultChairs(chairsFilledFor.current.kind, chairsFilledFor.current.date, members, branch);
    chairsFilledFor.current = { kind, date };
    const now = defaultChairs(kind, date, members, branch);
    for (const name of ['host', 'recorder'] as const) {
      // As the form's own default, so a form holding nothing but defaults is not an unsaved edit.
      if (now[name] !== was[name] && getValues(name) === was[name]) resetField(name, { defaultValue: now[name] });
    }
  }, [meeting, kind, date, members, branch, getValues, resetField]);

  // Their 地点 is where the branch's latest such record was held, in the same way until another is chosen.
  const lastVenue = useLastVenue(branch.id, kind, !meeting && isChairedKind(kind));
  const venueFilled = useRef('');
  useEffect(() => {
    if (meeting || lastVenue === undefined) return;
    const next = venues.some((v) => v.id === lastVenue) ? lastVenue : '';
    const was = venueFilled.current;
    venueFilled.current = next;
    if (next !== was && getValues('venueId') === was) resetField('venueId', { defaultValue: next });
  }, [meeting, lastVenue, venues, getValues, resetField]);

  const quorum = useMemo(
    () =>
      date
        ? checkQuorum({ kind, date, attendance: attendanceNow as Meeting['attendance'] }, branch, members)
        : undefined,
    [kind, date, attendanceNow, branch, members],
  );

  // Whoever was on the roster on the meeting's date, including a member who left later in the year.
  // Two members of the same name are told apart in every picker and row (「李娜（1985年生，第一党小组）」).
  const memberOptions = useMemo(
    () => memberChoices(members, date, talkParties ?? [], branch.partyGroups),
    [members, date, talkParties, branch.partyGroups],
  );
  const listedIds = new Set((attendanceNow ?? []).map((a) => a.memberId));
  const addableOptions = memberChoices(members, date, [], branch.partyGroups).filter((o) => !listedIds.has(o.value));
  const rowLabels = attendanceLabels(attendanceNow ?? [], members, branch.partyGroups);
  // 委员 of 支部概况 whom the roster cannot place, said here rather than found out from the quorum line.
  const committeeNotes = useMemo(
    () => (kind === '支委会' ? committeeRosterNotes(members, branch, date) : []),
    [kind, members, branch, date],
  );
  // Rows of members who had not joined or had already left on the date: said here, refused on 保存 (offRollIssues).
  const offRoll = offRollRows(attendanceNow ?? [], members, date);
  const groupOptions = branch.partyGroups.map((g) => ({ value: g.id, label: g.name }));
  const venueOptions = venues.map((v) => ({ value: v.id, label: v.name }));

  const { release, cancel } = useFormLeaveGuard(formState.isDirty, '工作记录');

  // The question about a likely second entry, open while it waits for the answer (kept in a ref, so the dialog's
  // buttons answer the question of the moment, whichever render drew them).
  const [duplicates, setDuplicates] = useState<Meeting[]>();
  const answerDuplicates = useRef<(answer: DuplicateAnswer) => void>(undefined);
  const askAboutDuplicates = (found: Meeting[]) =>
    new Promise<DuplicateAnswer>((resolve) => {
      answerDuplicates.current = (answer) => {
        answerDuplicates.current = undefined;
        setDuplicates(undefined);
        resolve(answer);
      };
      setDuplicates(found);
    });
  /** The record saved by 保存并新建同类记录, named above the next one's form. */
  const [lastSaved, setLastSaved] = useState<Meeting>();
  // The date is what the next record and a duplicate's 返回修改 start from: focused once the form has rendered (after
  // a reset the field's ref is registered again only then).
  const [focusDate, setFocusDate] = useState(0);
  useEffect(() => {
    if (focusDate > 0) document.getElementById(`${idPrefix}-date`)?.focus();
  }, [focusDate, idPrefix]);

  /** `then`: 'view' hands the saved record to the page; 'next' opens a fresh form of the same kind in place. */
  const onValid = async (data: MeetingFormOutput, then: 'view' | 'next') => {
    try {
      // A new record, or one moved to another kind or day: the same meeting may already be there.
      if (!meeting || meeting.kind !== data.kind || meeting.date !== data.date) {
        const found = await possibleDuplicates(branch.id, { ...data, excludeId: meeting?.id });
        const answer = found.length > 0 ? await askAboutDuplicates(found) : 'save';
        if (answer === 'view') goToRecords({ view: 'show', id: found[0]!.id });
        // Back to the date, which is what makes it look like the same meeting.
        if (answer === 'back') setFocusDate((n) => n + 1);
        if (answer !== 'save') return;
      }
      const saved = meeting
        ? amendReason !== undefined
          ? await amendMeeting(meeting.id, data, amendReason)
          : await updateMeeting(meeting.id, data)
        : await createMeeting(branch.id, data);
      message.success(amendReason !== undefined ? '已更正，更正理由已记录' : '已保存');
      release();
      if (then === 'view') {
        onSaved(saved);
        return;
      }
      // The same kind, place, people and times; the date is the user's to choose (the next one is rarely the same).
      const next = carriedValues(data, members, branch, { agenda: false });
      autoFilled.current = JSON.stringify(next.attendance);
      handYear.current = undefined;
      chairsFilledFor.current = { kind: next.kind, date: next.date };
      reset(next);
      setLastSaved(saved);
      formRef.current?.scrollIntoView({ block: 'start' });
      setFocusDate((n) => n + 1);
    } catch (error) {
      showRepositoryError(error, setError, isMeetingFieldPath);
    }
  };
  const submit = (then: 'view' | 'next') => {
    // 9:30 and 14：30 are meant as 09:30 and 14:30: tidied on leaving the box, and again here (Ctrl+Enter in the box).
    tidyTimes();
    return handleSubmit((data) => onValid(data, then));
  };

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
      /** Shown but not for typing (其他地点 while a 阵地 is chosen); skipped by Tab. */
      disabled?: boolean;
    } = {},
  ) => {
    const { rows, placeholder, required, maxLength, normalize, disabled } = options;
    return (
      <FormField
        control={control}
        name={name}
        label={label}
        required={required}
        idPrefix={idPrefix}
        // 生僻字 and emoji the printed 记录单 and 卷宗 cannot draw, said while there is time to write them otherwise.
        warning={(held) => missingGlyphWarning(held as string | undefined)}
      >
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
            ...(disabled ? { disabled } : {}),
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
      onSubmit={(event) => submit('view')(event)}
      // Enter in a one-line box does not save a half-filled record; Ctrl+Enter saves (formKeys.ts). Keys pressed in
      // the duplicate question (a React child of the form, drawn outside it) are that dialog's own.
      onKeyDown={submitKeyDown(formState.isSubmitting)}
      aria-label={meeting ? '修改工作记录' : '新建工作记录'}
    >
      <Form layout="vertical" component={false}>
        {lastSaved && (
          <Alert
            type="success"
            showIcon
            title={`已保存：${lastSaved.date} ${lastSaved.kind}「${lastSaved.topic}」。下面是一条新的${lastSaved.kind}记录，请选择会议日期。`}
            action={
              <Button size="small" href={recordsHref({ view: 'show', id: lastSaved.id })}>
                查看已保存的记录
              </Button>
            }
            style={{ marginBottom: 16 }}
          />
        )}
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
            {forYearOptions && (
              <Col xs={24} md={8}>
                <SelectField
                  control={control}
                  name="forYear"
                  label="所属年度"
                  required
                  idPrefix={idPrefix}
                  options={forYearOptions}
                  onChosen={(v) => {
                    handYear.current = v as number;
                  }}
                  hint={`${
                    previousYearHeld === false && ownYear !== undefined ? `${ownYear - 1}年度还没有${kind}记录。` : ''
                  }为上一年度召开的选上一年度，计入该年度的落实情况、序号和卷宗`}
                />
              </Col>
            )}
            <Col xs={24} md={8}>
              <Form.Item label={forYear !== undefined && forYear !== ownYear ? `${forYear}年度序号` : '本年度序号'}>
                <Typography.Text strong aria-label="本年度序号">
                  {seq === undefined ? '—' : `${seqBookLabel}第${seq}次${kind}`}
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
            <Col xs={24} md={12}>
              {/* A 主题党日 at a 红色教育基地 or in a 社区 said where it was only in its 内容. */}
              {text('place', '其他地点', {
                placeholder: venueId ? '已选择阵地' : '不在本支部阵地召开的填写，如：市革命历史纪念馆',
                maxLength: 60,
                disabled: !!venueId,
              })}
            </Col>
            <Col xs={12} md={6}>
              {text('host', '主持人', { normalize: tidyPersonName, maxLength: nameMax('host') })}
            </Col>
            <Col xs={12} md={6}>
              {text('recorder', '记录人', { normalize: tidyPersonName, maxLength: nameMax('recorder') })}
            </Col>
            {kind === '党课' && (
              <>
                <Col xs={12} md={6}>
                  {text('lecturer', '授课人', {
                    required: true,
                    normalize: tidyPersonName,
                    maxLength: nameMax('lecturer'),
                  })}
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
          {committeeNotes.map((note) => (
            <Alert key={note} type="warning" showIcon title={note} style={{ marginBottom: 16 }} />
          ))}
          {offRoll.length > 0 && (
            <Alert
              type="warning"
              showIcon
              role="alert"
              title={`以下人员在该日期不在册：${offRollText(offRoll)}`}
              description="不在册的人员不能记入出席情况。如确以非本支部党员身份参加，请移出后在“列席人员”中登记；如入党、转入或离开日期有误，请先在党员名册中更正。"
              action={
                <Button size="small" onClick={() => attendance.remove(offRoll.map((r) => r.index))}>
                  移出名单
                </Button>
              }
              style={{ marginBottom: 16 }}
            />
          )}
          {attendance.fields.length === 0 && (
            <Typography.Paragraph type="secondary">{emptyListHint(kind, branch, partyGroupId)}</Typography.Paragraph>
          )}
          {attendance.fields.length > 0 && (
            // The columns are named once; each row's fields carry their names for a screen reader (hiddenLabel).
            <Flex
              gap={12}
              aria-hidden
              style={{ padding: '0 0 4px', borderBottom: '1px solid #f0f0f0', marginBottom: 8 }}
            >
              <Typography.Text type="secondary" style={{ width: ATTENDEE_NAME_WIDTH }}>
                姓名
              </Typography.Text>
              <Typography.Text type="secondary" style={{ width: ATTENDANCE_STATUS_WIDTH }}>
                出席情况
              </Typography.Text>
              <Typography.Text type="secondary">原因（请假、缺席时填写）</Typography.Text>
            </Flex>
          )}
          {attendance.fields.map((row, index) => {
            const legendId = `${idPrefix}-attendance-${index}-legend`;
            const status = attendanceNow?.[index]?.status;
            const needsReason = status === '请假' || status === '缺席';
            // One line a person: the reason box only where a reason is asked for (or one was given), so a list of
            // 30 出席 is 30 short lines and two Tab stops a person, not three.
            const showReason = needsReason || Boolean(attendanceNow?.[index]?.reason);
            return (
              <div key={row.id} role="group" aria-labelledby={legendId} style={{ marginBottom: 4 }}>
                <Flex gap={12} align="flex-start">
                  <Typography.Text strong id={legendId} style={{ width: ATTENDEE_NAME_WIDTH, paddingTop: 5 }}>
                    {rowLabels[index] ?? row.name}
                  </Typography.Text>
                  <div style={{ width: ATTENDANCE_STATUS_WIDTH, flex: 'none' }}>
                    <SelectField
                      control={control}
                      name={`attendance.${index}.status`}
                      label="出席情况"
                      hiddenLabel
                      idPrefix={idPrefix}
                      options={statusOptions}
                    />
                  </div>
                  <div style={{ flex: '1 1 160px', minWidth: 0 }}>
                    {showReason && (
                      <TextField
                        control={control}
                        name={`attendance.${index}.reason`}
                        label="原因"
                        hiddenLabel
                        required={needsReason}
                        idPrefix={idPrefix}
                        placeholder={needsReason ? '如：出差、病假' : ''}
                      />
                    )}
                  </div>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => removeAttendee(index)}>
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
                showSearch={PICKER_SEARCH}
                placeholder="选择名册中的党员"
                // A label that tells two 李娜 apart is longer than the box: the list is as wide as its labels.
                popupMatchSelectWidth={false}
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

        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            loading={formState.isSubmitting}
            aria-keyshortcuts="Control+Enter"
            aria-describedby={`${idPrefix}-keys`}
          >
            {amendReason !== undefined ? '保存更正' : '保存'}
          </Button>
          {!meeting && (
            <Button disabled={formState.isSubmitting} onClick={() => void submit('next')()}>
              保存并新建同类记录
            </Button>
          )}
          <Button onClick={cancel(onCancel)}>取消</Button>
          {meeting?.backfilled && <Tag color="orange">补录</Tag>}
          <Typography.Text type="secondary" id={`${idPrefix}-keys`}>
            {FORM_KEYS_HINT}
          </Typography.Text>
        </Space>
      </Form>
      <DuplicateDialog
        duplicates={duplicates ?? []}
        partyGroups={branch.partyGroups}
        onAnswer={(answer) => answerDuplicates.current?.(answer)}
      />
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
