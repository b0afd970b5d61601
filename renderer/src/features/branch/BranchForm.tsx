// The 支部概况 form: creates a branch or edits a live one, validated by the shared zod schema and the repository's rules.
import { DeleteOutlined, PlusOutlined } from '../../ui/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Col, Flex, Form, Row, Space, Typography } from 'antd';
import { useId, useMemo, useRef, useState } from 'react';
import { get, set, useFieldArray, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { COMMITTEE_ROLES } from '../../../../shared/domain/vocab';
import { branchInputSchema, type Branch } from '../../../../shared/schemas';
import { branchesNamed, branchRuleIssues, createBranch, updateBranch } from '../../db/repositories/branches';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { DateField } from '../../ui/DateField';
import { TextField } from '../../ui/TextField';
import { SelectField } from '../../ui/SelectField';
import {
  applyHandover,
  branchToValues,
  emptyBranchValues,
  isFieldPath,
  nextCommitteeRole,
  reinstatedFor,
  renamedRowOf,
  replacedHolders,
  type BranchFormOutput,
  type BranchFormValues,
  type CommitteeRow,
  type Handover,
} from './branchFormValues';
import { HandoverDialog } from './HandoverDialog';
import { ElectionDialog, type Election, type ElectionDraft } from './ElectionDialog';
import { useMembers } from '../members/useMembers';
import { showRepositoryError } from '../../ui/repositoryErrors';
import { useRevealFormErrors } from '../../ui/useRevealErrors';
import { FORM_KEYS_HINT, submitKeyDown, saveKeysProps } from '../meetings/formKeys';

interface Props {
  /** The live record to edit; absent for a new branch. */
  branch?: Branch;
  onSaved: (branch: Branch) => void;
  onCancel?: () => void;
}

const roleOptions = COMMITTEE_ROLES.map((role) => ({ value: role, label: role }));

// The schema's input type says the term dates are strings; the form keeps them undefined while empty (see
// BranchFormValues), which the schema rejects with its own message, so the resolver's input type is widened here.
const schemaResolver = zodResolver(branchInputSchema) as unknown as Resolver<
  BranchFormValues,
  unknown,
  BranchFormOutput
>;
// The schema's messages and the repository's rules (one 书记, distinct 党小组 names) in the same 保存; a field the
// schema already refuses keeps its message.
const resolver: Resolver<BranchFormValues, unknown, BranchFormOutput> = async (values, context, options) => {
  const result = await schemaResolver(values, context, options);
  const issues = branchRuleIssues(values);
  if (issues.length === 0) return result;
  const errors: FieldErrors<BranchFormValues> = { ...result.errors };
  for (const { path, message } of issues) {
    if (!get(errors, path)) set(errors, path, { type: 'custom', message });
  }
  return { values: {}, errors };
};

export function BranchForm({ branch, onSaved, onCancel }: Readonly<Props>) {
  const { message, modal } = App.useApp();
  const idPrefix = `branch-${useId().replace(/:/g, '')}`;
  const values = useMemo(() => (branch ? branchToValues(branch) : undefined), [branch]);
  const { control, handleSubmit, setError, formState, getValues, setValue, trigger } = useForm<
    BranchFormValues,
    unknown,
    BranchFormOutput
  >({
    resolver,
    defaultValues: emptyBranchValues(),
    values,
    // A live record may be rewritten while the form is open; fields the user already changed stay as typed.
    resetOptions: { keepDirtyValues: true },
    // The first message in page order is shown and focused below: react-hook-form's own focus skips the 职务 Select
    // (no focusable ref) and lands on a later field, leaving a second 书记's message off screen.
    shouldFocusError: false,
  });
  const committee = useFieldArray({ control, name: 'committee' });
  const partyGroups = useFieldArray({ control, name: 'partyGroups', keyName: 'fieldKey' });
  const rows = useWatch({ control, name: 'committee' }) ?? [];
  const termStart = useWatch({ control, name: 'termStart' });

  // The dialogs are unmounted when they close, so antd cannot put the focus back: the button that opened one gets it
  // (or, when that row's button is gone after a 换届, the 换届选举 or 添加委员 button), as 删除支部 does.
  const opener = useRef<HTMLElement | null>(null);
  const electionButton = useRef<HTMLButtonElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const rememberOpener = () => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };
  const focusOpener = () =>
    requestAnimationFrame(() => {
      const target = opener.current?.isConnected ? opener.current : (electionButton.current ?? addButton.current);
      target?.focus();
    });

  // 换届/调整 of the post in row `index`, with a successor's name already typed when the post had been renamed.
  const [handover, setHandoverState] = useState<{ index: number; successor: string } | null>(null);
  const setHandover = (next: { index: number; successor: string } | null) => {
    if (next) rememberOpener();
    else focusOpener();
    setHandoverState(next);
  };
  // A 换届 changes several posts on one day: the next 换届/调整 starts from the date of the last one.
  const [lastHandoverDate, setLastHandoverDate] = useState<string | undefined>(undefined);
  const onHandover = (h: Handover) => {
    if (!handover) return;
    setLastHandoverDate(h.date);
    committee.replace(applyHandover(getValues('committee') ?? [], handover.index, h));
    setHandover(null);
    if (formState.isSubmitted) void trigger('committee');
  };
  // 换届选举 of the whole committee in one dialog (election.ts), with the new 本届 dates.
  const [electing, setElectingState] = useState(false);
  const setElecting = (open: boolean) => {
    if (open) rememberOpener();
    else focusOpener();
    setElectingState(open);
  };
  // The committee and 本届 before the election entered in this edit, and what was entered: opened again before 保存,
  // the dialog corrects that election (a pick, the date) instead of holding a second one on top of it.
  const [elected, setElected] = useState<{
    before: { committee: CommitteeRow[]; termStart: string | undefined; termEnd: string | undefined };
    draft: ElectionDraft;
  } | null>(null);
  const roster = useMembers(branch?.id ?? '');
  const onElection = (e: Election) => {
    setElected({
      before: elected?.before ?? {
        committee: getValues('committee') ?? [],
        termStart: getValues('termStart'),
        termEnd: getValues('termEnd'),
      },
      draft: e.draft,
    });
    setElecting(false);
    setLastHandoverDate(e.date);
    committee.replace(e.committee);
    setValue('termStart', e.date, { shouldDirty: true });
    setValue('termEnd', e.termEnd, { shouldDirty: true });
    if (formState.isSubmitted) void trigger();
    message.info('已按换届结果填好支委会成员和本届任期，请核对后点「保存」');
  };
  // A 书记 or 副书记 renamed or deleted in place: put the stored holder back and hand over instead.
  const replaced = branch ? replacedHolders(branch.committee, rows) : [];
  const keepAndHandOver = (former: (typeof replaced)[number]) => {
    const current = getValues('committee') ?? [];
    const index = branch ? renamedRowOf(former, branch.committee, current) : -1;
    if (index >= 0) {
      setHandover({ index, successor: current[index]!.name?.trim() ?? '' });
      committee.update(index, { ...former });
    } else {
      setHandover({ index: current.length, successor: '' });
      committee.append({ ...former });
    }
  };

  const { release, cancel } = useFormLeaveGuard(formState.isDirty, '支部概况');

  /**
   * 「新建支部」 sits beside 「编辑」: clicked by mistake and saved with the same name, it made a second, empty branch the
   * current one, and the roster and records seemed gone. A second branch of the same name is asked about (a 机关 may
   * really have two, told apart by when they were set up).
   */
  const confirmSameName = async (name: string): Promise<boolean> => {
    if ((await branchesNamed(name)).length === 0) return true;
    return modal.confirm({
      title: '本机已有同名支部',
      content: `本机已有支部“${name.trim()}”。要修改它的信息，请返回后在“支部概况”中点“编辑”；确实要再建一个同名支部吗？`,
      okText: '仍然新建',
      cancelText: '返回修改',
      focusable: { autoFocusButton: 'cancel' },
    });
  };

  const onValid = async (data: BranchFormOutput) => {
    if (!branch && !(await confirmSameName(data.name))) return;
    try {
      const saved = branch ? await updateBranch(branch.id, data) : await createBranch(data);
      message.success('已保存');
      release();
      onSaved(saved);
    } catch (error) {
      showRepositoryError(error, setError, isFieldPath);
    }
  };

  // After each 保存 that did not save, the first message is scrolled to and focused, with how many there are.
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFormErrors(formRef, formState);

  const rootError = formState.errors.root?.repository?.message;

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={handleSubmit(onValid)}
      // Enter in a one-line box goes on to the next field (a half-filled 委员 is not saved); Ctrl+Enter saves.
      onKeyDown={submitKeyDown(formState.isSubmitting)}
      aria-label={branch ? '编辑支部' : '新建支部'}
    >
      <Form layout="vertical" component={false}>
        {rootError && (
          // Focusable so that, scrolled to after 保存, it is also what the keyboard and a screen reader are on.
          <div data-error-banner tabIndex={-1} style={{ marginBottom: 16 }}>
            <Alert type="error" showIcon title={rootError} />
          </div>
        )}
        <Card title="基本信息" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <TextField
                control={control}
                name="name"
                label="支部名称"
                required
                idPrefix={idPrefix}
                placeholder="如：第一党支部"
              />
            </Col>
            <Col xs={24} md={12}>
              <TextField
                control={control}
                name="parentOrg"
                label="上级党组织"
                idPrefix={idPrefix}
                placeholder="如：机关党委"
              />
            </Col>
            <Col xs={24} md={8}>
              <DateField control={control} name="establishedDate" label="成立日期" idPrefix={idPrefix} emptyAs="" />
            </Col>
            <Col xs={24} md={8}>
              <DateField control={control} name="termStart" label="本届开始日期" required idPrefix={idPrefix} />
            </Col>
            <Col xs={24} md={8}>
              <DateField control={control} name="termEnd" label="本届结束日期" required idPrefix={idPrefix} />
            </Col>
          </Row>
        </Card>

        <Card title="支委会成员" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            {'任职起止可不填。委员更换时（书记、副书记、各委员），请点该委员的「换届/调整」：保留原任并填写离任日期，' +
              '不要直接改名或删除，这样往年的卷宗仍印当时的委员。支部党员大会选出新一届支委会时，点下方「换届选举（整届）」一次填好。'}
          </Typography.Paragraph>
          {replaced.map((former) => {
            const reinstated = branch ? reinstatedFor(former, branch.committee, rows) : undefined;
            // A mistaken 换届 taken back (the earlier holder's 任职止 cleared): said as what it is, not pushed to
            // another 换届.
            return reinstated ? (
              <Alert
                key={`${former.role}-${former.name}`}
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={`撤销${former.name}的${former.role}任职`}
                description={
                  `保存后，${former.name}的${former.role}任职记录将删除，由${reinstated.name}继续担任${former.role}。` +
                  `如${former.name}确曾担任${former.role}，请点「取消」后改用「换届/调整」。` +
                  // A whole 换届选举 taken back: the 本届 it set is still there.
                  (former.from && termStart === former.from
                    ? `本届开始日期仍为换届那天（${former.from}），如一并撤销请在上方改回原届期。`
                    : '')
                }
              />
            ) : (
              <Alert
                key={`${former.role}-${former.name}`}
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={`原${former.role}${former.name}已不在名单中`}
                description={`如果是换届或调整，请保留${former.name}并填写离任日期；直接改名或删除，往年的卷宗会把新的${former.role}印成当时的${former.role}。`}
                action={
                  <Button size="small" onClick={() => keepAndHandOver(former)}>
                    改为换届：保留{former.name}
                  </Button>
                }
              />
            );
          })}
          {committee.fields.length === 0 && (
            <Typography.Paragraph type="secondary">尚未填写支委会成员。</Typography.Paragraph>
          )}
          {committee.fields.map((row, index) => {
            const legendId = `${idPrefix}-committee-${index}-legend`;
            const held = rows[index];
            const canHandOver = Boolean(held?.role && !held.to);
            return (
              <div key={row.id} role="group" aria-labelledby={legendId}>
                <Flex gap={16} align="flex-start" wrap>
                  <Typography.Text strong id={legendId} style={{ minWidth: 56, paddingTop: 36 }}>
                    委员 {index + 1}
                  </Typography.Text>
                  <div style={{ flex: '1 1 160px' }}>
                    <TextField
                      control={control}
                      name={`committee.${index}.name`}
                      label="姓名"
                      required
                      idPrefix={idPrefix}
                    />
                  </div>
                  <div style={{ flex: '1 1 140px' }}>
                    <SelectField
                      control={control}
                      name={`committee.${index}.role`}
                      label="职务"
                      required
                      idPrefix={idPrefix}
                      options={roleOptions}
                    />
                  </div>
                  <div style={{ flex: '1 1 150px' }}>
                    <DateField
                      control={control}
                      name={`committee.${index}.from`}
                      label="任职起"
                      idPrefix={idPrefix}
                      emptyAs=""
                    />
                  </div>
                  <div style={{ flex: '1 1 150px' }}>
                    <DateField
                      control={control}
                      name={`committee.${index}.to`}
                      label="任职止"
                      idPrefix={idPrefix}
                      emptyAs=""
                    />
                  </div>
                  <Space style={{ marginTop: 30 }}>
                    {canHandOver && <Button onClick={() => setHandover({ index, successor: '' })}>换届/调整</Button>}
                    <Button icon={<DeleteOutlined />} onClick={() => committee.remove(index)}>
                      删除委员
                    </Button>
                  </Space>
                </Flex>
              </div>
            );
          })}
          <Space wrap>
            <Button
              ref={addButton}
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => committee.append({ name: '', role: nextCommitteeRole(getValues('committee') ?? []) })}
            >
              添加委员
            </Button>
            {branch && (
              <Button ref={electionButton} onClick={() => setElecting(true)}>
                换届选举（整届）
              </Button>
            )}
          </Space>
          {electing && (
            <ElectionDialog
              committee={elected?.before.committee ?? getValues('committee') ?? []}
              termStart={elected ? elected.before.termStart : getValues('termStart')}
              termEnd={elected ? elected.before.termEnd : getValues('termEnd')}
              roster={roster}
              draft={elected?.draft}
              onConfirm={onElection}
              onCancel={() => setElecting(false)}
            />
          )}
          {handover && rows[handover.index] && (
            <HandoverDialog
              former={rows[handover.index]!}
              successor={handover.successor}
              {...(lastHandoverDate ? { date: lastHandoverDate } : {})}
              roster={roster}
              onConfirm={onHandover}
              onCancel={() => setHandover(null)}
            />
          )}
        </Card>

        <Card title="党小组" style={{ marginBottom: 16 }}>
          {partyGroups.fields.length === 0 && (
            <Typography.Paragraph type="secondary">尚未设置党小组。</Typography.Paragraph>
          )}
          {partyGroups.fields.map((row, index) => {
            const legendId = `${idPrefix}-group-${index}-legend`;
            return (
              <div key={row.fieldKey} role="group" aria-labelledby={legendId}>
                <Flex gap={16} align="flex-start" wrap>
                  <Typography.Text strong id={legendId} style={{ minWidth: 56, paddingTop: 36 }}>
                    党小组 {index + 1}
                  </Typography.Text>
                  <div style={{ flex: '1 1 200px' }}>
                    <TextField
                      control={control}
                      name={`partyGroups.${index}.name`}
                      label="名称"
                      required
                      idPrefix={idPrefix}
                      placeholder="如：第一党小组"
                    />
                  </div>
                  <div style={{ flex: '1 1 160px' }}>
                    <TextField
                      control={control}
                      name={`partyGroups.${index}.leaderName`}
                      label="组长"
                      idPrefix={idPrefix}
                    />
                  </div>
                  <Button icon={<DeleteOutlined />} onClick={() => partyGroups.remove(index)} style={{ marginTop: 30 }}>
                    删除党小组
                  </Button>
                </Flex>
              </div>
            );
          })}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => partyGroups.append({ id: crypto.randomUUID(), name: '', leaderName: '' })}
          >
            添加党小组
          </Button>
        </Card>

        <Card title="支部文化" style={{ marginBottom: 16 }}>
          <TextField
            control={control}
            name="unitSpirit"
            label="单位精神"
            idPrefix={idPrefix}
            lines={{ minRows: 2, maxRows: 6 }}
          />
          <TextField
            control={control}
            name="deptPhilosophy"
            label="科室理念"
            idPrefix={idPrefix}
            lines={{ minRows: 2, maxRows: 6 }}
          />
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
          {onCancel && <Button onClick={cancel(onCancel)}>取消</Button>}
          <Typography.Text type="secondary" id={`${idPrefix}-keys`}>
            {FORM_KEYS_HINT}
          </Typography.Text>
        </Space>
      </Form>
    </form>
  );
}
