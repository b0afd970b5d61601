// 民主评议党员: for a year, each member's self, peer and collective results, grade and 五带头五标兵 recognitions,
// saved together so the rule 「优秀不超过三分之一」 is checked on the year's result. Unsaved edits are kept until the
// user chooses to drop them: leaving the page and switching 评议年度 both ask first.
import { rollStartNote, rollStartOf } from '../../../../shared/rules/roster';
import { closingYear } from '../../../../shared/dates/closingYear';
import { formKeysHint, saveKeysProps, submitKeyDown } from '../meetings/formKeys';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Empty, Flex, Grid, Select, Typography, theme } from 'antd';
import { startTransition, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { chinaToday, type Branch } from '../../../../shared/schemas';
import { maxExcellent, saveMemberEvaluations } from '../../db/repositories/memberEvaluations';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { Loading } from '../../ui/Loading';
import { MemberEvaluationList } from './MemberEvaluationList';
import {
  EVALUATION_FIELD_LABELS,
  namedIssue,
  showEvaluationsError,
  yearEvaluationsSchema,
  yearEvaluationsValues,
  type EvaluationField,
  type YearEvaluationsOutput,
  type YearEvaluationsValues,
} from './memberEvaluationFormValues';
import { useStandardsRoute } from './standardsRoute';
import { useYearEvaluations, type YearEvaluations } from './useYearEvaluations';

export function MemberEvaluationsPanel({ branch }: Readonly<{ branch: Branch }>) {
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const route = useStandardsRoute();
  // The year a link names (the 工作台 of 2025 opens 2025's), else the year whose 民主评议 is most likely being done:
  // last year in January–February. A year picked here holds until a link names another.
  const routeYear = route.tab === 'evaluations' ? route.year : undefined;
  const [picked, setPicked] = useState<{ routeYear: number | undefined; year: number }>();
  const year = picked && picked.routeYear === routeYear ? picked.year : (routeYear ?? closingYear(today));
  const [dirty, setDirty] = useState(false);
  const { release, cancel } = useFormLeaveGuard(dirty, `${year}年度民主评议`);
  const data = useYearEvaluations(branch.id, year);
  // The tabs keep this panel mounted while another tab shows; the form is not, so that leaving the tab — which the
  // leave guard lets happen only after 「放弃修改并离开」 — really drops the edits, as the other tabs' forms do.
  const shown = route.tab === 'evaluations';
  const switchYear = (next: number) =>
    cancel(() => {
      setDirty(false);
      setPicked({ routeYear, year: next });
    })();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  if (!years.includes(year)) years.push(year);
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8}>
        <label htmlFor="evaluation-year">评议年度</label>
        <Select
          id="evaluation-year"
          style={{ width: 120 }}
          value={year}
          onChange={switchYear}
          options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }))}
          // A screen reader hears the year with the picker's name (chosenValue.tsx).
          aria-describedby={describedByChosen('evaluation-year', year)}
          labelRender={chosenLabelRender('evaluation-year', year)}
        />
      </Flex>
      {!shown ? null : data === undefined ? (
        <Loading />
      ) : data.members.length === 0 ? (
        <Empty description="该年度党员名册为空，请先在支部概况中登记党员" />
      ) : (
        // A fresh form per year; within a year the form follows what is stored.
        <YearForm key={year} branchId={branch.id} year={year} data={data} onDirtyChange={setDirty} onSaved={release} />
      )}
    </Flex>
  );
}

interface YearFormProps {
  branchId: string;
  year: number;
  data: YearEvaluations;
  onDirtyChange: (dirty: boolean) => void;
  onSaved: () => void;
}

function YearForm({ branchId, year, data, onDirtyChange, onSaved }: Readonly<YearFormProps>) {
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const stored = useMemo(() => yearEvaluationsValues(data), [data]);
  const { control, handleSubmit, setError, formState, reset, getValues } = useForm<
    YearEvaluationsValues,
    unknown,
    YearEvaluationsOutput
  >({ resolver: zodResolver(yearEvaluationsSchema), defaultValues: stored });
  // What is stored is read live. A change made elsewhere (a restore) replaces what the form shows, as a new form
  // would; after a save it is what the form shows already, and nothing is redrawn. Not by drawing a new form (the
  // list is drawn a few members at a time, from the top: the page would jump), nor by useForm's `values` (it sets
  // the fields one by one, and each one tells every field of the form). A reset redraws every field: as a transition,
  // so that a large branch's page keeps answering meanwhile.
  const shown = useRef<string>(undefined);
  useEffect(() => {
    const next = JSON.stringify(stored);
    if (shown.current !== undefined && next !== shown.current) startTransition(() => reset(stored));
    shown.current = next;
  }, [stored, reset]);
  const names = useMemo(() => data.members.map((m) => m.name), [data.members]);
  // Members on the roll for part of the year only say so: one who left before the 评议 need not be graded.
  const notes = useMemo(
    () =>
      data.members.map((m) => {
        if (m.leftDate && m.leftDate <= `${year}-12-31`) return `${m.leftDate} 离开支部，可不参评`;
        return rollStartOf(m) >= `${year}-01-01` ? rollStartNote(m) : undefined;
      }),
    [data.members, year],
  );
  const grades = useWatch({ control, name: data.members.map((_, i) => `rows.${i}.grade` as const) });
  const graded = grades.filter(Boolean).length;
  const excellent = grades.filter((g) => g === '优秀').length;

  useEffect(() => onDirtyChange(formState.isDirty), [formState.isDirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const save = async (values: YearEvaluationsOutput) => {
    try {
      await saveMemberEvaluations(branchId, year, values.rows);
      onSaved();
      // What is shown is now what is stored (and the rows read again match it): the form's starting point, its
      // fields as they are.
      const saved = getValues();
      shown.current = JSON.stringify(saved);
      reset(saved, { keepValues: true });
      message.success(`${year}年度民主评议结果已保存`);
    } catch (error) {
      showEvaluationsError(error, setError, names);
    }
  };

  // Every problem in one list, each with the member's name: the fields themselves are marked under each member.
  const problems = names.flatMap((name, i) =>
    (Object.keys(EVALUATION_FIELD_LABELS) as EvaluationField[]).flatMap((field) => {
      const msg = formState.errors.rows?.[i]?.[field]?.message;
      return msg ? [namedIssue(name, field, msg)] : [];
    }),
  );
  const rootError = formState.errors.root?.repository?.message;
  if (rootError) problems.push(rootError);

  // The keys are said beside 保存 where there is room. Below 1200 px they took a line of their own in the bar that stays
  // at the bottom (three lines, 140 px of a 683×768 window): above the list instead, still what 保存 is described by.
  const roomy = Grid.useBreakpoint().xl !== false;
  const keysId = `evaluation-${year}-keys`;
  const keysHint = (
    <Typography.Text type="secondary" id={keysId}>
      {formKeysHint('保存本年度评议结果')}
    </Typography.Text>
  );

  // A field reached with Tab (or focused after a refusal) may sit under the sticky 保存 bar or the app's header, which
  // the browser counts as visible: bring the field, its label and its message clear of both. One taller than the room
  // stays where the browser put it, at the caret.
  const bar = useRef<HTMLDivElement>(null);
  const keepClearOfBars = (event: FocusEvent<HTMLFormElement>) => {
    const item = event.target.closest<HTMLElement>('.ant-form-item');
    if (!item || !bar.current || bar.current.contains(item)) return;
    requestAnimationFrame(() => {
      const rect = item.getBoundingClientRect();
      const top = (document.querySelector('.ant-layout-header')?.getBoundingClientRect().bottom ?? 0) + 8;
      const bottom = (bar.current?.getBoundingClientRect().top ?? window.innerHeight) - 8;
      if (rect.height > bottom - top) return;
      if (rect.top < top) window.scrollBy({ top: rect.top - top });
      else if (rect.bottom > bottom) window.scrollBy({ top: rect.bottom - bottom });
    });
  };

  return (
    <form
      noValidate
      onSubmit={(e) => void handleSubmit(save)(e)}
      // Enter in a one-line box goes on to the next field; Ctrl+Enter saves the year's results (formKeys.ts).
      onKeyDown={submitKeyDown(formState.isSubmitting)}
      onFocus={keepClearOfBars}
      aria-label={`${year}年度民主评议党员`}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        逐人填写自评、互评和组织评定，评定等次，可选“五带头、五标兵”；填好后点页面底部的「保存本年度评议结果」。
      </Typography.Paragraph>
      {!roomy && <div>{keysHint}</div>}
      <MemberEvaluationList control={control} members={data.members} notes={notes} idPrefix={`evaluation-${year}`} />
      {/* Stays in view while the list of members scrolls: the count, any refusal and 保存 are always at hand. */}
      <div
        ref={bar}
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 2,
          background: token.colorBgLayout,
          paddingBlock: 12,
          borderTop: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12, maxHeight: '30vh', overflow: 'auto' }}
            title="未能保存，请修改以下内容"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        <Flex align="center" gap="4px 16px" wrap>
          <Button type="primary" htmlType="submit" loading={formState.isSubmitting} {...saveKeysProps(keysId)}>
            保存本年度评议结果
          </Button>
          {/* Beside the button, on two lines if it must, rather than a line of its own under it. */}
          <span style={{ flex: '1 1 16em' }}>
            <Typography.Text>
              本年度参评 {graded} 人，优秀 {excellent} 人（按“优秀不超过三分之一”，最多 {maxExcellent(graded)} 人）
            </Typography.Text>
            {formState.isDirty && (
              <Typography.Text type="warning" style={{ marginInlineStart: 16, whiteSpace: 'nowrap' }}>
                有尚未保存的修改
              </Typography.Text>
            )}
          </span>
          {roomy && keysHint}
        </Flex>
      </div>
    </form>
  );
}
