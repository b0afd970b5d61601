// 换届/调整 of a 委员 (书记, 副书记 or any other post) in the 支部概况 form: the former holder keeps their row with the day they left, the successor
// starts that day, so past years' 卷宗 still print who held the post then.
import { typedDateProblem } from '../../../../shared/dates/parseTypedDate';
import { AutoComplete, Form, Modal, Select, Typography } from 'antd';
import { useId, useMemo, useState } from 'react';
import { COMMITTEE_ROLES, type CommitteeRole } from '../../../../shared/domain/vocab';
import { isRealDate } from '../../../../shared/schemas/common';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { DateInput } from '../../ui/DateInput';
import type { CommitteeRow, Handover } from './branchFormValues';
import { labelMatches, PICKER_SEARCH } from '../../ui/pickerSearch';
import { SELECT_CLEAR } from '../../ui/controlLabels';
import { candidateProblem, rosterOptions } from './election';
import type { Member } from '../../../../shared/schemas';

interface Props {
  /** The row of the holder who hands over. */
  former: CommitteeRow;
  /** A successor's name already typed (the form had the post renamed); '' to ask. */
  successor?: string;
  /** The date of the form's last 换届/调整, to start from: a 换届 changes several posts on one day. */
  date?: string;
  /** The branch's whole roster, to pick the successor from (undefined while it loads). */
  roster?: readonly Member[] | undefined;
  onConfirm: (handover: Handover) => void;
  onCancel: () => void;
}

const LEAVES = 'leaves';

export function HandoverDialog({
  former,
  successor: typedSuccessor = '',
  date: lastDate,
  roster,
  onConfirm,
  onCancel,
}: Readonly<Props>) {
  const id = `handover-${useId().replace(/:/g, '')}`;
  const post = former.role as CommitteeRole;
  const name = former.name?.trim() || `原${post}`;
  const [date, setDate] = useState<string | undefined>(lastDate);
  const [successor, setSuccessor] = useState(typedSuccessor);
  const [formerNewRole, setFormerNewRole] = useState<string>(LEAVES);
  const [submitted, setSubmitted] = useState(false);

  const dateError = !date
    ? '请填写换届日期'
    : !isRealDate(date)
      ? typedDateProblem(date)
      : former.from && date < former.from
        ? `换届日期不能早于${name}的任职起（${former.from}）`
        : undefined;
  const day = date && isRealDate(date) ? date : undefined;
  // 预备党员 marked: they cannot take a post (candidateProblem), as in 换届选举.
  const options = useMemo(() => rosterOptions(roster ?? [], day), [roster, day]);
  const typed = successor.trim();
  const candidate = typed ? candidateProblem(typed, day, roster ?? []) : {};
  const successorError = typed.length > 20 ? '姓名不能超过 20 个字' : candidate.error;
  // A name the roster does not have is pointed out, not refused (a roster not entered in full).
  const successorNote = successorError ? undefined : candidate.note;
  const shown = (error: string | undefined) => (submitted ? error : undefined);

  const confirm = () => {
    setSubmitted(true);
    if (dateError || successorError || !date) return;
    onConfirm({
      date,
      successor: successor.trim(),
      ...(formerNewRole === LEAVES ? {} : { formerNewRole: formerNewRole as CommitteeRole }),
    });
  };

  const roleOptions = [
    { value: LEAVES, label: '不再担任支委' },
    ...COMMITTEE_ROLES.filter((r) => r !== post).map((r) => ({ value: r, label: `改任${r}` })),
  ];
  const item = (key: string, label: string, error: string | undefined, required?: boolean, note?: string) => ({
    label,
    htmlFor: `${id}-${key}`,
    required,
    validateStatus: error ? ('error' as const) : note ? ('warning' as const) : undefined,
    help: error || note ? <span id={`${id}-${key}-error`}>{error ?? note}</span> : undefined,
  });
  const a11y = (key: string, error: string | undefined, note?: string) => ({
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': error || note ? `${id}-${key}-error` : undefined,
  });

  return (
    <Modal
      open
      title={`换届/调整：${name}（${post}）`}
      okText="确定"
      cancelText="取消"
      onOk={confirm}
      onCancel={onCancel}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph>
        保留{name}的{post}
        任职记录并填写离任日期，再由接任者从同一天起任职；接任者如原任其他职务，原职务同日离任。往年的卷宗仍按当时的
        {post}印制。
      </Typography.Paragraph>
      <Form layout="vertical" component={false}>
        <Form.Item {...item('date', `换届日期（${name}任职止、接任者任职起）`, shown(dateError), true)}>
          <DateInput
            id={`${id}-date`}
            value={date}
            onChange={setDate}
            invalid={Boolean(shown(dateError))}
            a11y={a11y('date', shown(dateError))}
          />
        </Form.Item>
        <Form.Item {...item('successor', `接任${post}（姓名，暂未确定可不填）`, successorError, false, successorNote)}>
          <AutoComplete
            id={`${id}-successor`}
            value={successor}
            onChange={(value: string) => setSuccessor(value)}
            options={options}
            filterOption={(input, option) => labelMatches(input, String(option?.value ?? ''))}
            // Enter takes the first roster name the typed characters or pinyin find.
            defaultActiveFirstOption
            placeholder="从党员名册选择或输入姓名"
            allowClear={SELECT_CLEAR}
            status={successorError ? 'error' : successorNote ? 'warning' : undefined}
            {...a11y('successor', successorError, successorNote)}
          />
        </Form.Item>
        <Form.Item {...item('former', `${name}此后`, undefined)}>
          <Select
            id={`${id}-former`}
            value={formerNewRole}
            onChange={setFormerNewRole}
            // A screen reader hears the choice with the field's name (chosenValue.tsx).
            aria-describedby={describedByChosen(`${id}-former`, formerNewRole)}
            labelRender={chosenLabelRender(`${id}-former`, formerNewRole)}
            options={roleOptions}
            showSearch={PICKER_SEARCH}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
