// 新建/修改考评: standard, kind, year, assessor; each item scored — frequency and 七有 items computed from the records
// (changeable only with a reason), manual items typed, each with a 评语 (a 扣分说明, required below the 满分) and 佐证
// picked from the branch's records — with the total and grade exactly as they will be saved. A saved 考评 keeps its
// scores when edited: only 「按当前记录重新计算」 takes today's records, showing each item's 原 → 现 first; a 上级评定
// is changed only with a 修改理由. Every problem shows at once: a score out of range as it is typed, the rest on 保存.
// A new 考评's year follows its 考评类型 until one is picked (assessmentYear.ts); a 考评日期 before the end of the year
// scored is warned of, since the months to come count as months without records.
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useRef, useState, type RefObject } from 'react';
import { ASSESSMENT_KINDS, type AssessmentKind } from '../../../../shared/domain/vocab';
import {
  chinaToday,
  type Assessment,
  type Branch,
  type ItemScore,
  type StandardFields,
  type StandardItem,
} from '../../../../shared/schemas';
import { formatScore, gradeOf, roundScore, scoreStepOf, totalOf } from '../../../../shared/standards';
import {
  assessmentChanges,
  assessmentDraftIssues,
  CHANGE_REASON_REQUIRED,
  changeNeedsReason,
  createAssessment,
  itemLabel,
  savedAutoResults,
  updateAssessment,
  type AssessmentDraft,
} from '../../db/repositories/assessments';
import { ValidationError, type ValidationIssue } from '../../db/repositories/errors';
import { lineageOf } from '../../db/repositories/standards';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { DateInput } from '../../ui/DateInput';
import { Loading } from '../../ui/Loading';
import { useRevealErrors, type RevealState } from '../../ui/useRevealErrors';
import { NumberInput } from '../../ui/NumberInput';
import { EvidenceDrawer } from './EvidenceDrawer';
import { EvidencePicker } from './EvidencePicker';
import { ruleText } from './ruleText';
import { useAutoScores } from './useAutoScores';
import { useItemEvidenceChoices } from './useItemEvidenceChoices';
import { useStandards } from './useStandards';
import { assessmentYearOf, defaultAssessmentYear, openPeriodNotice, YEARS_BACK } from './assessmentYear';
import { PICKER_SEARCH } from '../../ui/pickerSearch';
import { FORM_KEYS_HINT, formKeyDown, saveKeysProps } from '../meetings/formKeys';

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
  /** null: not typed — an automatic item then takes its computed (or, on 修改, its saved) score. */
  score: number | null;
  reason: string;
  comment: string;
  /** A manual item's 佐证 (an automatic item's evidence is its records). */
  evidenceIds: string[];
}

const BLANK: Entry = { score: null, reason: '', comment: '', evidenceIds: [] };

const STANDARDIZATION_KEY = 'standardization';

const yearOf = assessmentYearOf;

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

/**
 * What a score box shows when not being typed in: at most two decimals, without trailing zeros (「7.5」, not 「7.50」);
 * the box's `precision` rounds the value itself the same way when it is left.
 */
function scoreText(value: number | string | undefined, info: { userTyping: boolean; input: string }): string {
  if (info.userTyping) return info.input;
  if (value === undefined || value === '') return '';
  const n = Number(value);
  return Number.isFinite(n) ? formatScore(n) : String(value);
}

/**
 * Entries in which each automatic item the saved 考评 accepted as computed follows the records again (score null),
 * unless the assessor has typed another score since: what 「按当前记录重新计算」 and a change of year start from.
 */
function followRecords(all: Record<string, Entry>, saved: readonly ItemScore[]): Record<string, Entry> {
  const next = { ...all };
  for (const s of saved) {
    const entry = next[s.code];
    if (s.auto && s.score === (s.autoScore ?? s.score) && entry && entry.score === s.score) {
      next[s.code] = { ...entry, score: null, reason: '' };
    }
  }
  return next;
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
  // The 考评 as it was when the form opened: what 「原」 means, and what its automatic items keep unless recomputed.
  const [original] = useState(assessment);
  const [standardId, setStandardId] = useState<string | undefined>(assessment?.standardId);
  const [kind, setKind] = useState<AssessmentKind>(assessment?.kind ?? '自评');
  const [year, setYear] = useState<number>(() =>
    assessment ? yearOf(assessment) : defaultAssessmentYear(others, '自评', today),
  );
  // A new 考评's year follows its 考评类型 until the user picks one.
  const [yearPicked, setYearPicked] = useState(assessment !== undefined);
  const [assessor, setAssessor] = useState(assessment?.assessor ?? '');
  const [date, setDate] = useState<string | undefined>(assessment?.date ?? today);
  // On 修改 every item starts at its saved score: an automatic one no longer follows the records by itself.
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      (assessment?.scores ?? []).map((s) => [
        s.code,
        {
          score: s.score,
          reason: s.overrideReason,
          comment: s.comment,
          evidenceIds: s.auto ? [] : [...s.evidenceIds],
        },
      ]),
    ),
  );
  // 「按当前记录重新计算」 pressed (修改 only).
  const [recompute, setRecompute] = useState(false);
  const [changeReason, setChangeReason] = useState('');
  // After the first 保存, every problem is shown and follows the edits; the repository's own refusals until the next.
  const [tried, setTried] = useState(false);
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);
  // Counts the 保存 presses that ended without saving: each reveals the first problem (see useRevealErrors).
  const [attempt, setAttempt] = useState(0);
  const sectionRef = useRef<HTMLElement>(null);
  const [drill, setDrill] = useState<string>();
  // What the user can change, as it was when the form opened: any difference is an unsaved edit.
  const edits = JSON.stringify([standardId, kind, year, assessor, date, entries, recompute, changeReason]);
  const [opened] = useState(edits);
  const { release, cancel } = useFormLeaveGuard(edits !== opened, '考评');

  // A new 考评 uses the standard of the latest one (its current version), else the 标准化规范化 built-in.
  const latest = original ? undefined : others[0];
  const latestLineage = latest && (latest.standardSnapshot.lineageId || latest.standardId);
  const chosenId =
    standardId ??
    standards?.find((s) => latestLineage !== undefined && lineageOf(s) === latestLineage)?.id ??
    standards?.find((s) => s.builtInKey === STANDARDIZATION_KEY)?.id ??
    standards?.[0]?.id;
  const standard: StandardFields | undefined = original
    ? original.standardSnapshot
    : standards?.find((s) => s.id === chosenId);
  const periodStart = `${year}-01-01`;
  const periodEnd = `${year}-12-31`;
  // Today's records, live: a new 考评's automatic scores; on 修改, what 「按当前记录重新计算」 would give.
  const auto = useAutoScores(branch.id, standard, periodStart, periodEnd);
  const choices = useItemEvidenceChoices(branch.id, periodStart, periodEnd);
  const saved = useMemo(() => (original ? savedAutoResults(original) : undefined), [original]);
  const savedRows = useMemo(() => new Map((original?.scores ?? []).map((s) => [s.code, s])), [original]);

  const rows = useMemo(() => standard?.items ?? [], [standard]);
  const step = useMemo(() => (standard ? scoreStepOf(standard) : 1), [standard]);
  if (standards === undefined || (standard && auto === undefined)) return <Loading />;
  if (!standard || !auto) return <Alert type="warning" showIcon title="没有可用的评价标准" />;

  // The saved scores belong to the saved period: another year is always scored from its own records.
  const yearChanged = original !== undefined && year !== yearOf(original);
  const recomputing = !original || recompute || yearChanged;
  // What each automatic item is judged against: today's records, or on 修改 what it was saved with.
  const basis: ReadonlyMap<string, { score: number; evidenceIds: string[]; explanation?: string }> =
    recomputing || !saved ? auto : new Map([...auto, ...saved]);

  const scoreOf = (item: StandardItem): number | null => {
    const entry = entries[item.code];
    if (entry?.score !== null && entry?.score !== undefined) return entry.score;
    return basis.get(item.code)?.score ?? null;
  };
  // The rows are the standard's items in order, so the issue paths (scores.N) are exactly the table's rows.
  const draft: AssessmentDraft = {
    standardId: original?.standardId ?? chosenId ?? '',
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
      ...(basis.has(item.code) ? {} : { evidenceIds: entries[item.code]?.evidenceIds ?? [] }),
    })),
  };
  // Out-of-range scores are not counted: the total can never exceed what the standard allows.
  const rangeIssues = assessmentDraftIssues(standard, draft, basis, today);
  const outOfRange = rows.filter(
    (item, index) => scoreOf(item) !== null && rangeIssues.some((i) => i.path === `scores.${index}.score`),
  );
  // Rounded item by item and then summed, by the repository's own function: what is shown is what is saved.
  const total = totalOf(rows.map((item) => ({ score: outOfRange.includes(item) ? 0 : (scoreOf(item) ?? 0) })));
  const grade = outOfRange.length > 0 ? '' : gradeOf(total, standard.grades);

  // The 考评 as 保存 would store it, to say on 修改 what changes (the audit entry says the same).
  const preview: Assessment | undefined = original && {
    ...original,
    kind,
    periodStart,
    periodEnd,
    assessor: assessor.trim(),
    date: date ?? original.date,
    total,
    grade,
    scores: rows.map((item) => {
      const result = basis.get(item.code);
      const score = roundScore(scoreOf(item) ?? 0);
      const overridden = result !== undefined && score !== result.score;
      return {
        code: item.code,
        score,
        auto: result !== undefined,
        ...(result ? { autoScore: result.score } : {}),
        overrideReason: overridden ? (entries[item.code]?.reason ?? '').trim() : '',
        comment: (entries[item.code]?.comment ?? '').trim(),
        evidenceIds: result ? result.evidenceIds : [...new Set(entries[item.code]?.evidenceIds ?? [])],
      };
    }),
  };
  const pending = original && preview ? assessmentChanges(original, preview).parts : [];
  const needsReason = original !== undefined && changeNeedsReason(original.kind, kind) && pending.length > 0;
  const reasonIssues: ValidationIssue[] =
    needsReason && !changeReason.trim() ? [{ path: 'changeReason', message: CHANGE_REASON_REQUIRED }] : [];
  const clientIssues = [...rangeIssues, ...reasonIssues];
  const issues = tried
    ? [...clientIssues, ...serverIssues.filter((s) => !clientIssues.some((c) => c.path === s.path))]
    : serverIssues;
  const shownAt = (path: string) => issues.find((i) => i.path === path)?.message;
  // A typed score out of range, or a text too long, is shown as soon as it is typed; a missing score, reason or
  // 扣分说明 only once 保存 has been tried.
  const liveAt = (path: string) => clientIssues.find((i) => i.path === path)?.message;
  const change = (code: string, patch: Partial<Entry>) =>
    setEntries((all) => ({ ...all, [code]: { ...(all[code] ?? BLANK), ...patch } }));
  // On 修改, the same year and kind is this 考评 itself: another one is said only when the year or kind changes.
  const sameYearKind = others.filter(
    (a) =>
      a.id !== original?.id &&
      yearOf(a) === year &&
      a.kind === kind &&
      (!original || year !== yearOf(original) || kind !== original.kind),
  );
  const dateIssue = shownAt('date') ?? liveAt('date');
  const lateDate = !dateIssue && date && date > `${year + 1}-12-31` ? '考评日期比考评期间结束晚一年以上，请核对' : '';
  // Scored before its year is over: the months still to come count as months without records.
  const openPeriod = dateIssue ? undefined : openPeriodNotice(date, year);

  // Automatic items whose saved score differs from today's records (修改, before recomputing).
  const drifted = original
    ? rows.filter((item) => {
        const now = auto.get(item.code);
        const was = saved?.get(item.code);
        return now !== undefined && was !== undefined && now.score !== was.score;
      })
    : [];
  // Recomputed on 修改: each item whose score (or automatic score) is no longer the saved one, 原 → 现.
  const recomputedRows =
    original && recomputing
      ? rows.flatMap((item) => {
          const was = savedRows.get(item.code);
          const result = basis.get(item.code);
          if (!was || !result) return [];
          const now = roundScore(scoreOf(item) ?? 0);
          const wasAuto = was.autoScore ?? was.score;
          if (now === was.score && result.score === wasAuto) return [];
          return [{ item, was: was.score, now, wasAuto, nowAuto: result.score }];
        })
      : [];
  const diffOf = (code: string) => recomputedRows.find((r) => r.item.code === code);

  const startRecompute = () => {
    if (!original) return;
    setRecompute(true);
    setEntries((all) => followRecords(all, original.scores));
  };
  const keepSaved = () => {
    if (!original) return;
    setRecompute(false);
    setEntries((all) => {
      const next = { ...all };
      for (const s of original.scores) {
        if (s.auto) next[s.code] = { ...(all[s.code] ?? BLANK), score: s.score, reason: s.overrideReason };
      }
      return next;
    });
  };
  const chooseYear = (y: number) => {
    setYear(y);
    setYearPicked(true);
    if (original && y !== yearOf(original)) setEntries((all) => followRecords(all, original.scores));
  };

  const chooseKind = (k: AssessmentKind) => {
    setKind(k);
    if (!yearPicked) setYear(defaultAssessmentYear(others, k, today));
  };

  const submit = async () => {
    setTried(true);
    setServerIssues([]);
    if (clientIssues.length > 0 || !draft.date) {
      setAttempt((n) => n + 1);
      return;
    }
    if (original && pending.length === 0) {
      message.info('没有修改');
      release();
      onSaved(original);
      return;
    }
    setSaving(true);
    try {
      const input = {
        ...draft,
        date: draft.date,
        scores: draft.scores.map((s) => ({ ...s, score: s.score ?? 0 })),
        ...(original ? { recompute: recomputing, changeReason } : {}),
      };
      const saved = original ? await updateAssessment(original.id, input) : await createAssessment(branch.id, input);
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
  const drillAuto = drill ? basis.get(drill) : undefined;
  const higher = original?.kind === '上级评定';

  return (
    <section ref={sectionRef} aria-label={original ? '修改考评' : '新建考评'}>
      <RevealErrors container={sectionRef} attempt={attempt} pending={saving} count={issues.length} />
      <Typography.Title level={3}>{original ? '修改考评' : '新建考评'}</Typography.Title>
      {original && higher && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="正在修改上级评定"
          description={`这是${original.assessor}作出的${yearOf(original)}年度上级评定（${original.date}，${formatScore(original.total)} 分${original.grade ? `，${original.grade}` : ''}）。修改会改变上级党组织评定的得分和等次，须填写修改理由；修改的内容和理由记入操作日志。`}
        />
      )}
      <Form
        layout="vertical"
        onFinish={submit}
        component="div"
        // Enter in 考评人 or a score box goes on to the next field, not to a half-scored 保存; Ctrl+Enter saves.
        onKeyDown={formKeyDown(() => void submit(), saving)}
      >
        <Flex gap={16} wrap>
          {!original && (
            <Form.Item label="采用的评价标准" htmlFor="assessment-standard" style={{ minWidth: 320 }}>
              <Select
                id="assessment-standard"
                showSearch={PICKER_SEARCH}
                // A screen reader hears each choice with its field's name (chosenValue.tsx).
                aria-describedby={describedByChosen('assessment-standard', chosenId)}
                labelRender={chosenLabelRender('assessment-standard', chosenId)}
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
              showSearch={PICKER_SEARCH}
              aria-describedby={describedByChosen('assessment-kind', kind)}
              labelRender={chosenLabelRender('assessment-kind', kind)}
              value={kind}
              onChange={chooseKind}
              options={ASSESSMENT_KINDS.map((k) => ({ value: k, label: k }))}
            />
          </Form.Item>
          <Form.Item label="考评年度" htmlFor="assessment-year" style={{ minWidth: 140 }}>
            <Select
              id="assessment-year"
              showSearch={PICKER_SEARCH}
              aria-describedby={describedByChosen('assessment-year', year)}
              labelRender={chosenLabelRender('assessment-year', year)}
              value={year}
              onChange={chooseYear}
              options={Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: `${y}年`,
              }))}
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
            validateStatus={dateIssue ? 'error' : lateDate ? 'warning' : undefined}
            help={dateIssue ?? (lateDate || undefined)}
          >
            <DateInput
              id="assessment-date"
              value={date}
              onChange={setDate}
              max={today}
              invalid={dateIssue !== undefined}
            />
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
                {original
                  ? `。改为${year}年度${kind}后，历年考评得分只显示考评日期较晚的一份。`
                  : '。再保存一份，历年考评得分只显示考评日期较晚的一份。如果是要修改原来的评分，请返回考评列表打开它，点“修改评分”。'}
              </>
            }
          />
        )}
        {openPeriod && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={openPeriod.title}
            description={openPeriod.description}
          />
        )}
        <Typography.Paragraph type="secondary">
          考评期间：{periodStart} 至 {periodEnd}
          。自动计分的项目按本支部的工作记录和活动阵地计算；如需调整自动得分，须填写理由。人工评分的项目得分低于满分的，须填写扣分说明。
        </Typography.Paragraph>
        {original &&
          (recomputing ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={
                yearChanged
                  ? `考评年度已改为${year}年，自动计分项目按该年度的当前记录重新计算，保存后生效`
                  : '已按当前记录重新计算，保存后生效'
              }
              description={
                <>
                  {recomputedRows.length === 0 ? (
                    '各自动计分项目的得分与保存时相同。'
                  ) : (
                    <ul aria-label="重新计算的变化" style={{ margin: 0, paddingInlineStart: 20 }}>
                      {recomputedRows.map((r) => (
                        <li key={r.item.code}>
                          {itemLabel(r.item)}：
                          {r.now !== r.was
                            ? `原 ${formatScore(r.was)} 分 → 现 ${formatScore(r.now)} 分`
                            : `得分 ${formatScore(r.now)} 分不变（自动得分原 ${formatScore(r.wasAuto)} 分 → 现 ${formatScore(r.nowAuto)} 分）`}
                        </li>
                      ))}
                      <li>
                        总分：原 {formatScore(original.total)} 分 → 现 {formatScore(total)} 分
                      </li>
                    </ul>
                  )}
                  {!yearChanged && (
                    <Button size="small" style={{ marginTop: 8 }} onClick={keepSaved}>
                      撤销重新计算，保持保存时的得分
                    </Button>
                  )}
                </>
              }
            />
          ) : (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="各项得分保持保存时的结果，之后补录、修改或删除的工作记录不会改变它们。"
              description={
                <Flex gap={8} align="center" wrap>
                  <span>
                    {drifted.length > 0
                      ? `按当前记录计算，有 ${drifted.length} 项的自动得分与保存时不同（${drifted.map((i) => i.code).join('、')}）。`
                      : '需要按补录后的记录重新评分时，点“按当前记录重新计算”，保存前会逐项显示原得分和现得分。'}
                  </span>
                  <Button size="small" onClick={startRecompute}>
                    按当前记录重新计算
                  </Button>
                </Flex>
              }
            />
          ))}
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
                const result = basis.get(item.code);
                if (!result) return <Tag>人工评分</Tag>;
                const now = auto.get(item.code);
                return (
                  <Space orientation="vertical" size={0}>
                    <span>{formatScore(result.score)} 分</span>
                    {!recomputing && now && now.score !== result.score && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        按当前记录为 {formatScore(now.score)} 分
                      </Typography.Text>
                    )}
                    <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setDrill(item.code)}>
                      查看依据 {item.code}
                    </Button>
                  </Space>
                );
              },
            },
            {
              title: '得分',
              width: 320,
              render: (_, item, index) => {
                const result = basis.get(item.code);
                const score = scoreOf(item);
                const overridden = result !== undefined && score !== null && roundScore(score) !== result.score;
                const manualDeduction = !result && score !== null && roundScore(score) < item.maxScore;
                const path = (field: string) => `scores.${index}.${field}`;
                const scoreError = inRow(
                  shownAt(path('score')) ?? (score !== null ? liveAt(path('score')) : undefined),
                  item,
                  score,
                );
                const reasonError = inRow(shownAt(path('overrideReason')), item, score);
                const tooLong = liveAt(path('comment'));
                const commentError = inRow(
                  shownAt(path('comment')) ?? (tooLong?.includes('不能超过') ? tooLong : undefined),
                  item,
                  score,
                );
                const evidenceError = inRow(shownAt(path('evidenceIds')), item, score);
                const diff = diffOf(item.code);
                return (
                  // A fixed width: a long 佐证 name would otherwise widen the column and squeeze 评价内容.
                  <Space orientation="vertical" size={4} style={{ width: 296 }}>
                    {/* No min/max on the input itself: antd would silently change 99 to the 满分 (or −3 to 0) on
                        blur. The range is announced, and a score out of it is kept as typed and shown as an error.
                        precision rounds to two decimals on leaving the box, as the repository stores it. */}
                    <NumberInput
                      aria-label={`${item.code} 得分`}
                      aria-valuemin={0}
                      aria-valuemax={item.maxScore}
                      aria-invalid={scoreError ? true : undefined}
                      placeholder={`0～${formatScore(item.maxScore)}`}
                      precision={2}
                      step={step}
                      formatter={scoreText}
                      value={score}
                      status={scoreError ? 'error' : undefined}
                      onChange={(value) => change(item.code, { score: value === null ? null : Number(value) })}
                    />
                    {scoreError && <Typography.Text type="danger">{scoreError}</Typography.Text>}
                    {diff && diff.now !== diff.was && (
                      <Typography.Text type="warning">
                        原 {formatScore(diff.was)} 分 → 现 {formatScore(diff.now)} 分
                      </Typography.Text>
                    )}
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
                      placeholder={manualDeduction ? '扣分说明（必填）：扣分的原因' : '评语/扣分说明（选填）'}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      value={entries[item.code]?.comment ?? ''}
                      aria-invalid={commentError ? true : undefined}
                      status={commentError ? 'error' : undefined}
                      onChange={(e) => change(item.code, { comment: e.target.value })}
                    />
                    {commentError && <Typography.Text type="danger">{commentError}</Typography.Text>}
                    {!result && (
                      <EvidencePicker
                        label={`${item.code} 佐证`}
                        value={entries[item.code]?.evidenceIds ?? []}
                        onChange={(ids) => change(item.code, { evidenceIds: ids })}
                        choices={choices}
                        invalid={evidenceError !== undefined}
                      />
                    )}
                    {evidenceError && <Typography.Text type="danger">{evidenceError}</Typography.Text>}
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
        {original && pending.length > 0 && (
          <Card size="small" title="本次修改" style={{ marginTop: 16 }}>
            <ul aria-label="本次修改" style={{ margin: 0, paddingInlineStart: 20 }}>
              {original.total !== total && (
                <li>
                  总分：{formatScore(original.total)} → {formatScore(total)} 分
                  {original.grade !== grade ? `，${original.grade || '无等次'} → ${grade || '无等次'}` : ''}
                </li>
              )}
              {pending.map((part) => (
                <li key={part}>{part}</li>
              ))}
            </ul>
          </Card>
        )}
        {original && (
          <Form.Item
            label="修改理由"
            htmlFor="assessment-change-reason"
            required={needsReason}
            style={{ marginTop: 16, maxWidth: 720 }}
            validateStatus={shownAt('changeReason') ? 'error' : undefined}
            help={
              shownAt('changeReason') ??
              (changeNeedsReason(original.kind, kind) ? '修改上级评定须写明理由，记入操作日志' : '选填，记入操作日志')
            }
          >
            <Input.TextArea
              id="assessment-change-reason"
              value={changeReason}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={500}
              aria-invalid={shownAt('changeReason') ? true : undefined}
              onChange={(e) => setChangeReason(e.target.value)}
            />
          </Form.Item>
        )}
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
          <Button type="primary" onClick={() => void submit()} loading={saving} {...saveKeysProps('assessment-keys')}>
            保存
          </Button>
          <Button onClick={cancel(onCancel)}>取消</Button>
          <Typography.Text type="secondary" id="assessment-keys">
            {FORM_KEYS_HINT}
          </Typography.Text>
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
