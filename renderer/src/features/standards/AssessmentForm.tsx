// 新建/修改考评: standard, kind, year, assessor; each item scored — frequency and 七有 items computed from the records
// (changeable only with a reason), manual items typed, each with an optional 评语 — with the total and grade as it will
// be saved. Every problem shows at once: a score out of range as it is typed, the rest together on 保存.
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useRef, useState, type RefObject } from 'react';
import { ASSESSMENT_KINDS, type AssessmentKind } from '../../../../shared/domain/vocab';
import {
  chinaToday,
  type Assessment,
  type Branch,
  type StandardFields,
  type StandardItem,
} from '../../../../shared/schemas';
import { formatScore, gradeOf, roundScore, totalOf } from '../../../../shared/standards';
import {
  assessmentDraftIssues,
  createAssessment,
  updateAssessment,
  type AssessmentDraft,
} from '../../db/repositories/assessments';
import { ValidationError, type ValidationIssue } from '../../db/repositories/errors';
import { lineageOf } from '../../db/repositories/standards';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { DateInput } from '../../ui/DateInput';
import { Loading } from '../../ui/Loading';
import { useRevealErrors, type RevealState } from '../../ui/useRevealErrors';
import { NumberInput } from '../../ui/NumberInput';
import { EvidenceDrawer } from './EvidenceDrawer';
import { ruleText } from './ruleText';
import { useAutoScores } from './useAutoScores';
import { useStandards } from './useStandards';

interface Props {
  branch: Branch;
  /** Present when re-scoring an existing assessment: its snapshot is the standard. */
  assessment?: Assessment;
  /** The branch's 考评, newest first: the defaults follow the latest, and a second one of a year and kind is warned. */
  others: readonly Assessment[];
  onSaved: (assessment: Assessment) => void;
  onCancel: () => void;
}

interface Entry {
  /** null: not typed — an automatic item then keeps its computed score. */
  score: number | null;
  reason: string;
  comment: string;
}

const STANDARDIZATION_KEY = 'standardization';
/** How many years back the 考评年度 list goes. */
const YEARS_BACK = 7;

const yearOf = (a: Pick<Assessment, 'periodStart'>) => Number(a.periodStart.slice(0, 4));

/**
 * The year a new 考评 most likely scores: that of the latest 考评 — or, when that year already has one of this kind,
 * the first later year without one — and never after this year nor before the list's first year.
 */
function defaultYear(others: readonly Assessment[], kind: AssessmentKind, thisYear: number): number {
  const latest = others[0];
  if (!latest) return thisYear;
  for (let y = Math.max(yearOf(latest), thisYear - YEARS_BACK); y < thisYear; y++) {
    if (!others.some((a) => yearOf(a) === y && a.kind === kind)) return y;
  }
  return thisYear;
}

/**
 * A row's message under its own boxes, where the row already names the item: without the name, and an over-满分 score
 * as 「超过满分 10 分」. The banner below the table keeps the long form, which says which item.
 */
function inRow(message: string | undefined, item: StandardItem, score: number | null): string | undefined {
  if (!message) return undefined;
  if (score !== null && roundScore(score) > item.maxScore && message.includes('超过该项满分')) {
    return `超过满分 ${formatScore(item.maxScore)} 分`;
  }
  const name = `“${item.code} ${item.content}”`;
  return message.replace(`：${name}`, '').replace(`${name}的`, '').replace(name, '').trim();
}

/** The form's reveal after 保存, as a component: it runs once the table is shown, not while the scores load. */
function RevealErrors({ container, ...state }: Readonly<{ container: RefObject<HTMLElement | null> } & RevealState>) {
  useRevealErrors(container, state);
  return null;
}

export function AssessmentForm({ branch, assessment, others, onSaved, onCancel }: Readonly<Props>) {
  const { message } = App.useApp();
  const standards = useStandards();
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const [standardId, setStandardId] = useState<string | undefined>(assessment?.standardId);
  const [kind, setKind] = useState<AssessmentKind>(assessment?.kind ?? '自评');
  const [year, setYear] = useState<number>(() =>
    assessment ? yearOf(assessment) : defaultYear(others, '自评', thisYear),
  );
  const [assessor, setAssessor] = useState(assessment?.assessor ?? '');
  const [date, setDate] = useState<string | undefined>(assessment?.date ?? today);
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      (assessment?.scores ?? []).map((s) => [
        s.code,
        { score: s.auto && s.score === s.autoScore ? null : s.score, reason: s.overrideReason, comment: s.comment },
      ]),
    ),
  );
  // After the first 保存, every problem is shown and follows the edits; the repository's own refusals until the next.
  const [tried, setTried] = useState(false);
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);
  // Counts the 保存 presses that ended without saving: each reveals the first problem (see useRevealErrors).
  const [attempt, setAttempt] = useState(0);
  const sectionRef = useRef<HTMLElement>(null);
  const [drill, setDrill] = useState<string>();
  // What the user can change, as it was when the form opened: any difference is an unsaved edit.
  const edits = JSON.stringify([standardId, kind, year, assessor, date, entries]);
  const [opened] = useState(edits);
  const { release, cancel } = useFormLeaveGuard(edits !== opened, '考评');

  // A new 考评 uses the standard of the latest one (its current version), else the 标准化规范化 built-in.
  const latest = assessment ? undefined : others[0];
  const latestLineage = latest && (latest.standardSnapshot.lineageId || latest.standardId);
  const chosenId =
    standardId ??
    standards?.find((s) => latestLineage !== undefined && lineageOf(s) === latestLineage)?.id ??
    standards?.find((s) => s.builtInKey === STANDARDIZATION_KEY)?.id ??
    standards?.[0]?.id;
  const standard: StandardFields | undefined = assessment
    ? assessment.standardSnapshot
    : standards?.find((s) => s.id === chosenId);
  const periodStart = `${year}-01-01`;
  const periodEnd = `${year}-12-31`;
  const auto = useAutoScores(branch.id, standard, periodStart, periodEnd);

  const rows = useMemo(() => standard?.items ?? [], [standard]);
  if (standards === undefined || (standard && auto === undefined)) return <Loading />;
  if (!standard || !auto) return <Alert type="warning" showIcon title="没有可用的评价标准" />;

  const scoreOf = (item: StandardItem): number | null => {
    const entry = entries[item.code];
    if (entry?.score !== null && entry?.score !== undefined) return entry.score;
    return auto.get(item.code)?.score ?? null;
  };
  // The rows are the standard's items in order, so the issue paths (scores.N) are exactly the table's rows.
  const draft: AssessmentDraft = {
    standardId: assessment?.standardId ?? chosenId ?? '',
    periodStart,
    periodEnd,
    kind,
    assessor,
    date,
    scores: rows.map((item) => ({
      code: item.code,
      score: scoreOf(item),
      overrideReason: entries[item.code]?.reason ?? '',
      comment: entries[item.code]?.comment ?? '',
    })),
  };
  const clientIssues = assessmentDraftIssues(standard, draft, auto);
  const issues = tried
    ? [...clientIssues, ...serverIssues.filter((s) => !clientIssues.some((c) => c.path === s.path))]
    : serverIssues;
  const shownAt = (path: string) => issues.find((i) => i.path === path)?.message;
  // A typed score out of range, or a text too long, is shown as soon as it is typed; a missing score or reason only
  // once 保存 has been tried.
  const liveAt = (path: string) => clientIssues.find((i) => i.path === path)?.message;
  const outOfRange = rows.filter((item, index) => scoreOf(item) !== null && liveAt(`scores.${index}.score`));
  // Out-of-range scores are not counted: the total can never exceed what the standard allows.
  const total = totalOf(rows.map((item) => ({ score: outOfRange.includes(item) ? 0 : (scoreOf(item) ?? 0) })));
  const grade = outOfRange.length > 0 ? '' : gradeOf(total, standard.grades);
  const change = (code: string, patch: Partial<Entry>) =>
    setEntries((all) => ({ ...all, [code]: { ...(all[code] ?? { score: null, reason: '', comment: '' }), ...patch } }));
  const sameYearKind = others.filter((a) => a.id !== assessment?.id && yearOf(a) === year && a.kind === kind);

  const submit = async () => {
    setTried(true);
    setServerIssues([]);
    if (clientIssues.length > 0 || !draft.date) {
      setAttempt((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      const input = { ...draft, date: draft.date, scores: draft.scores.map((s) => ({ ...s, score: s.score ?? 0 })) };
      const saved = assessment
        ? await updateAssessment(assessment.id, input)
        : await createAssessment(branch.id, input);
      message.success('考评已保存');
      release();
      onSaved(saved);
    } catch (error) {
      if (error instanceof ValidationError) {
        setServerIssues(error.issues);
        setAttempt((n) => n + 1);
      } else message.error(`保存失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  };

  const drillItem = rows.find((i) => i.code === drill);
  const drillAuto = drill ? auto.get(drill) : undefined;

  return (
    <section ref={sectionRef} aria-label={assessment ? '修改考评' : '新建考评'}>
      <RevealErrors container={sectionRef} attempt={attempt} pending={saving} count={issues.length} />
      <Typography.Title level={3}>{assessment ? '修改考评' : '新建考评'}</Typography.Title>
      <Form layout="vertical" onFinish={submit} component="div">
        <Flex gap={16} wrap>
          {!assessment && (
            <Form.Item label="采用的评价标准" htmlFor="assessment-standard" style={{ minWidth: 320 }}>
              <Select
                id="assessment-standard"
                showSearch={{ optionFilterProp: 'label' }}
                value={chosenId}
                onChange={(id) => {
                  setStandardId(id);
                  setEntries({});
                  setServerIssues([]);
                }}
                options={standards.map((s) => ({
                  value: s.id,
                  label: s.version > 1 ? `${s.name}（第${s.version}版）` : s.name,
                }))}
              />
            </Form.Item>
          )}
          <Form.Item label="考评类型" htmlFor="assessment-kind" style={{ minWidth: 140 }}>
            <Select
              id="assessment-kind"
              showSearch={{ optionFilterProp: 'label' }}
              value={kind}
              onChange={setKind}
              options={ASSESSMENT_KINDS.map((k) => ({ value: k, label: k }))}
            />
          </Form.Item>
          <Form.Item label="考评年度" htmlFor="assessment-year" style={{ minWidth: 140 }}>
            <Select
              id="assessment-year"
              showSearch={{ optionFilterProp: 'label' }}
              value={year}
              onChange={setYear}
              options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))}
            />
          </Form.Item>
          <Form.Item
            label="考评人"
            htmlFor="assessment-assessor"
            required
            // Wide enough for the default 「市人大机关第一党支部支部委员会」.
            style={{ minWidth: 320 }}
            validateStatus={shownAt('assessor') ? 'error' : undefined}
            help={shownAt('assessor')}
          >
            <Input
              id="assessment-assessor"
              value={assessor}
              onChange={(e) => setAssessor(e.target.value)}
              maxLength={40}
            />
          </Form.Item>
          <Form.Item
            label="考评日期"
            htmlFor="assessment-date"
            required
            validateStatus={shownAt('date') ? 'error' : undefined}
            help={shownAt('date')}
          >
            <DateInput id="assessment-date" value={date} onChange={setDate} />
          </Form.Item>
        </Flex>
        {sameYearKind.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`本支部已有${year}年度${kind}`}
            description={
              <>
                {sameYearKind
                  .map(
                    (a) =>
                      `${a.date}，考评人${a.assessor}，${formatScore(a.total)} 分${a.grade ? `（${a.grade}）` : ''}`,
                  )
                  .join('；')}
                。再保存一份，历年考评得分只显示考评日期较晚的一份。如果是要修改原来的评分，请返回考评列表打开它，点“修改评分”。
              </>
            }
          />
        )}
        <Typography.Paragraph type="secondary">
          考评期间：{periodStart} 至 {periodEnd}
          。自动计分的项目按本支部的工作记录和活动阵地计算；如需调整自动得分，须填写理由。
        </Typography.Paragraph>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '编号', dataIndex: 'code', width: 64 },
            { title: '评价维度', dataIndex: 'dimension', width: 140 },
            {
              title: '评价内容',
              render: (_, item) => (
                <>
                  <div>{item.content}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.rule.kind === 'manual' ? item.method : ruleText(item.rule)}
                  </Typography.Text>
                </>
              ),
            },
            { title: '满分', width: 64, render: (_, item) => formatScore(item.maxScore) },
            {
              title: '自动得分',
              width: 130,
              render: (_, item) => {
                const result = auto.get(item.code);
                if (!result) return <Tag>人工评分</Tag>;
                return (
                  <Space orientation="vertical" size={0}>
                    <span>{formatScore(result.score)} 分</span>
                    <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setDrill(item.code)}>
                      查看依据 {item.code}
                    </Button>
                  </Space>
                );
              },
            },
            {
              title: '得分',
              width: 300,
              render: (_, item, index) => {
                const result = auto.get(item.code);
                const score = scoreOf(item);
                const overridden = result !== undefined && score !== null && roundScore(score) !== result.score;
                const path = (field: string) => `scores.${index}.${field}`;
                const scoreError = inRow(
                  shownAt(path('score')) ?? (score !== null ? liveAt(path('score')) : undefined),
                  item,
                  score,
                );
                const reasonError = inRow(shownAt(path('overrideReason')), item, score);
                const commentError = inRow(liveAt(path('comment')), item, score);
                return (
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    {/* No min/max on the input itself: antd would silently change 99 to the 满分 (or −3 to 0) on
                        blur. The range is announced, and a score out of it is kept as typed and shown as an error. */}
                    <NumberInput
                      aria-label={`${item.code} 得分`}
                      aria-valuemin={0}
                      aria-valuemax={item.maxScore}
                      aria-invalid={scoreError ? true : undefined}
                      placeholder={`0～${formatScore(item.maxScore)}`}
                      value={score}
                      status={scoreError ? 'error' : undefined}
                      onChange={(value) => change(item.code, { score: value === null ? null : Number(value) })}
                    />
                    {scoreError && <Typography.Text type="danger">{scoreError}</Typography.Text>}
                    {overridden && (
                      <Input
                        aria-label={`${item.code} 调整理由`}
                        placeholder="调整自动得分的理由"
                        value={entries[item.code]?.reason ?? ''}
                        aria-invalid={reasonError ? true : undefined}
                        status={reasonError ? 'error' : undefined}
                        onChange={(e) => change(item.code, { reason: e.target.value })}
                      />
                    )}
                    {reasonError && <Typography.Text type="danger">{reasonError}</Typography.Text>}
                    <Input.TextArea
                      aria-label={`${item.code} 评语/扣分说明`}
                      placeholder="评语/扣分说明（选填）"
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      value={entries[item.code]?.comment ?? ''}
                      aria-invalid={commentError ? true : undefined}
                      status={commentError ? 'error' : undefined}
                      onChange={(e) => change(item.code, { comment: e.target.value })}
                    />
                    {commentError && <Typography.Text type="danger">{commentError}</Typography.Text>}
                  </Space>
                );
              },
            },
          ]}
        />
        <Card size="small" style={{ marginTop: 16 }}>
          <Descriptions
            size="small"
            column={3}
            items={[
              {
                key: 'total',
                label: '总分',
                children: (
                  <>
                    <span aria-label="总分">{formatScore(total)} 分</span>
                    {outOfRange.length > 0 && (
                      <Typography.Text type="danger">
                        （{outOfRange.map((i) => i.code).join('、')} 的得分超出范围，未计入）
                      </Typography.Text>
                    )}
                  </>
                ),
              },
              { key: 'full', label: '满分', children: `${formatScore(standard.totalScore)} 分` },
              { key: 'grade', label: '等次', children: <span aria-label="等次">{grade || '—'}</span> },
            ]}
          />
        </Card>
        {issues.length > 0 && (
          // Focused after 保存 when no box is marked (a refusal of the 考评 as a whole).
          <div data-error-summary tabIndex={-1} style={{ marginTop: 16 }}>
            <Alert
              type="error"
              showIcon
              title="未能保存，请修改以下内容"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {issues.map((i) => (
                    <li key={`${i.path}-${i.message}`}>{i.message}</li>
                  ))}
                </ul>
              }
            />
          </div>
        )}
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" onClick={() => void submit()} loading={saving}>
            保存
          </Button>
          <Button onClick={cancel(onCancel)}>取消</Button>
        </Space>
      </Form>
      <EvidenceDrawer
        open={drillItem !== undefined}
        onClose={() => setDrill(undefined)}
        title={drillItem ? `${drillItem.code} ${drillItem.content}` : ''}
        auto
        autoScore={drillAuto?.score}
        explanation={drillAuto?.explanation ?? ''}
        evidenceIds={drillAuto?.evidenceIds ?? []}
      />
    </section>
  );
}
