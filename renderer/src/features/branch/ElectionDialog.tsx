// 换届选举 of the whole 支委会 in one dialog (election.ts): the day of the 支部党员大会, the length of the new term, and
// who is elected to each post, picked from the roster (or typed). Nothing is stored until the 支部概况 form is saved.
import { Alert, App, AutoComplete, Button, Flex, Form, Modal, Select, Typography } from 'antd';
import { useId, useMemo, useState } from 'react';
import type { CommitteeRole } from '../../../../shared/domain/vocab';
import { isRealDate } from '../../../../shared/schemas/common';
import type { Member } from '../../../../shared/schemas';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { SELECT_CLEAR } from '../../ui/controlLabels';
import { DateInput } from '../../ui/DateInput';
import { labelMatches } from '../../ui/pickerSearch';
import { tidyPersonName } from '../../../../shared/names';
import type { CommitteeRow } from './branchFormValues';
import {
  addableRoles,
  applyElection,
  electionProblems,
  electionSummary,
  rosterOptions,
  seatsOf,
  termEndFor,
  termYearsOf,
  type Seat,
} from './election';

/** What the dialog was filled with: opened again before 保存, it starts from it. */
export interface ElectionDraft {
  date: string;
  years: 3 | 5;
  seats: Seat[];
  added: number;
}

export interface Election {
  date: string;
  termEnd: string;
  committee: CommitteeRow[];
  draft: ElectionDraft;
}

interface Props {
  /** The committee before the election (when opened again before 保存: before the one entered then). */
  committee: readonly CommitteeRow[];
  termStart: string | undefined;
  termEnd: string | undefined;
  /** The branch's whole roster (undefined while it loads, or for a branch not yet saved). */
  roster: readonly Member[] | undefined;
  /** The election entered earlier in this edit, not yet saved: corrected here, not added to. */
  draft?: ElectionDraft | undefined;
  onConfirm: (election: Election) => void;
  onCancel: () => void;
}

/** Seats of one post are told apart by number: 委员 1, 委员 2. */
function seatLabels(seats: readonly Seat[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const seat of seats) {
    const same = seats.filter((s) => s.role === seat.role);
    labels.set(seat.key, same.length > 1 ? `${seat.role} ${same.indexOf(seat) + 1}` : seat.role);
  }
  return labels;
}

export function ElectionDialog({ committee, termStart, termEnd, roster, draft, onConfirm, onCancel }: Readonly<Props>) {
  const id = `election-${useId().replace(/:/g, '')}`;
  const [date, setDate] = useState<string | undefined>(draft?.date);
  const [years, setYears] = useState<3 | 5>(draft?.years ?? termYearsOf(termStart, termEnd));
  const [seats, setSeats] = useState<Seat[]>(() => draft?.seats ?? seatsOf(committee));
  const [added, setAdded] = useState(draft?.added ?? 0);
  const [submitted, setSubmitted] = useState(false);
  // Anything typed or picked: 取消, Esc or × then ask before throwing it away (a whole committee is a lot to redo).
  const [touched, setTouched] = useState(false);
  const { modal } = App.useApp();
  const cancel = async () => {
    const leave =
      !touched ||
      (await modal.confirm({
        title: '放弃填写的换届选举？',
        content: '已填写的换届日期和当选人将不保留。',
        okText: '放弃',
        cancelText: '继续填写',
        focusable: { autoFocusButton: 'cancel' },
      }));
    if (leave) onCancel();
  };

  const problems = electionProblems(committee, date, seats, roster ?? [], termStart);
  const dateError = submitted ? problems.date : undefined;
  const validDate = date && isRealDate(date) ? date : undefined;
  const newTermEnd = validDate ? termEndFor(validDate, years) : undefined;
  const labels = seatLabels(seats);

  // Members on the roll on the day (everyone still on it while the day is not known), by name; 预备党员 marked.
  const options = useMemo(() => rosterOptions(roster ?? [], validDate), [roster, validDate]);

  const result = validDate && !problems.date ? applyElection(committee, validDate, seats) : undefined;
  const summary = result
    ? (() => {
        const { staying, moving, leaving, joining, vacant } = electionSummary(committee, seats);
        const line = (word: string, list: string[]) =>
          list.length ? `${word} ${list.length} 人：${list.join('、')}` : '';
        // What the notes under the names said, once more where the user reads before 确定.
        const noted = seats.flatMap((seat) =>
          problems.notes[seat.key] ? [`${tidyPersonName(seat.name)}（${seat.role}）${problems.notes[seat.key]}`] : [],
        );
        return [
          line('连任', staying),
          line('改任', moving),
          line('离任', leaving),
          line('新任', joining),
          vacant.length ? `空缺：${vacant.join('、')}` : '',
          noted.length ? `请核对：${noted.join('；')}` : '',
        ].filter(Boolean);
      })()
    : undefined;

  const setName = (key: string, name: string) => {
    setTouched(true);
    setSeats((all) => all.map((s) => (s.key === key ? { ...s, name } : s)));
  };
  const addSeat = (role: CommitteeRole) => {
    setTouched(true);
    setSeats((all) => [...all, { key: `added-${added}`, role, former: '', name: '' }]);
    setAdded((n) => n + 1);
  };
  const removeSeat = (key: string) => {
    setTouched(true);
    setSeats((all) => all.filter((s) => s.key !== key));
  };

  const confirm = () => {
    setSubmitted(true);
    if (!result || !newTermEnd || Object.keys(problems.seats).length > 0) return;
    onConfirm({
      date: validDate!,
      termEnd: newTermEnd,
      committee: result,
      draft: { date: validDate!, years, seats, added },
    });
  };

  // A name that cannot take a post (预备党员, not on the roll) is said at once, as the notes are.
  const fieldError = (key: string) => problems.seats[key];

  return (
    <Modal
      open
      title="换届选举"
      okText="确定"
      cancelText="取消"
      onOk={confirm}
      onCancel={() => void cancel()}
      maskClosable={false}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph>
        按支部党员大会选举结果一次填好新一届支委会：连任的保留原任职记录；离任的填上任职止，新任的从换届日期起任职，往年的卷宗仍按当时的委员印制。空缺的职务留空。本届开始、结束日期一并改为新一届的。确定后请核对，再点「保存」。
      </Typography.Paragraph>
      {draft && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="修改本次已填写、尚未保存的换届选举"
          description="确定后替换上次填写的结果（之后对支委会成员的手工修改也一并替换）。"
        />
      )}
      <Form layout="vertical" component={false}>
        <Flex gap={16} wrap>
          <Form.Item
            label="换届日期（选举大会召开日）"
            htmlFor={`${id}-date`}
            required
            style={{ flex: '1 1 200px' }}
            validateStatus={dateError ? 'error' : undefined}
            help={dateError ? <span id={`${id}-date-error`}>{dateError}</span> : undefined}
          >
            <DateInput
              id={`${id}-date`}
              value={date}
              onChange={(value) => {
                setTouched(true);
                setDate(value);
              }}
              invalid={Boolean(dateError)}
              a11y={{
                'aria-invalid': dateError ? true : undefined,
                'aria-describedby': dateError ? `${id}-date-error` : undefined,
              }}
            />
          </Form.Item>
          <Form.Item
            label="每届任期"
            htmlFor={`${id}-years`}
            style={{ flex: '1 1 160px' }}
            help={newTermEnd ? `新一届：${validDate} 至 ${newTermEnd}` : undefined}
          >
            <Select
              id={`${id}-years`}
              value={years}
              onChange={(value) => {
                setTouched(true);
                setYears(value);
              }}
              aria-describedby={describedByChosen(`${id}-years`, years)}
              labelRender={chosenLabelRender(`${id}-years`, years)}
              options={[
                { value: 3, label: '3 年' },
                { value: 5, label: '5 年' },
              ]}
            />
          </Form.Item>
        </Flex>

        <Typography.Title level={5}>新一届支委会</Typography.Title>
        {problems.general.map((text) => (
          <Alert key={text} type="warning" showIcon title={text} style={{ marginBottom: 12 }} />
        ))}
        {seats.map((seat) => {
          const label = labels.get(seat.key)!;
          const error = fieldError(seat.key);
          const note = problems.notes[seat.key];
          const fieldId = `${id}-${seat.key}`;
          const described = [error ? `${fieldId}-error` : '', note ? `${fieldId}-note` : '', `${fieldId}-former`]
            .filter(Boolean)
            .join(' ');
          return (
            <Form.Item
              key={seat.key}
              layout="horizontal"
              label={`当选${label}`}
              labelCol={{ flex: '116px' }}
              wrapperCol={{ flex: 'auto' }}
              htmlFor={fieldId}
              style={{ marginBottom: 12 }}
              validateStatus={error ? 'error' : note ? 'warning' : undefined}
              help={
                error || note ? (
                  <span id={error ? `${fieldId}-error` : `${fieldId}-note`}>{error ?? note}</span>
                ) : undefined
              }
            >
              <Flex gap={12} align="center">
                <AutoComplete
                  id={fieldId}
                  value={seat.name}
                  onChange={(value: string) => setName(seat.key, value)}
                  options={options}
                  filterOption={(input, option) => labelMatches(input, String(option?.value ?? ''))}
                  // Enter takes the first name the typed characters or pinyin find (「hgl」 → 胡桂兰).
                  defaultActiveFirstOption
                  placeholder="从名册选择或输入姓名"
                  allowClear={SELECT_CLEAR}
                  status={error ? 'error' : undefined}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={described}
                  style={{ flex: '1 1 auto' }}
                />
                <Typography.Text type="secondary" id={`${fieldId}-former`} style={{ flex: '0 0 128px' }}>
                  {seat.former ? `原任：${seat.former}` : '原无人担任'}
                </Typography.Text>
                {seat.former ? (
                  <span style={{ flex: '0 0 60px' }} />
                ) : (
                  <Button style={{ flex: '0 0 60px' }} onClick={() => removeSeat(seat.key)} aria-label={`移除${label}`}>
                    移除
                  </Button>
                )}
              </Flex>
            </Form.Item>
          );
        })}
        <Form.Item label="增加职务" htmlFor={`${id}-add`}>
          <Select<CommitteeRole>
            id={`${id}-add`}
            value={null}
            placeholder="选择要增加的职务"
            onChange={(role) => role && addSeat(role)}
            options={addableRoles(seats).map((role) => ({ value: role, label: role }))}
            style={{ maxWidth: 240 }}
          />
        </Form.Item>
        {summary && summary.length > 0 && (
          <Alert
            type="info"
            showIcon
            title="确定后"
            description={
              <>
                {summary.map((line) => (
                  <div key={line}>{line}</div>
                ))}
                <div>
                  本届任期改为 {validDate} 至 {newTermEnd}。
                </div>
              </>
            }
          />
        )}
      </Form>
    </Modal>
  );
}
