// 卷宗导出: one volume per branch-year (一年一本) or per date range, rendered in the PDF worker, and 校验卷宗 for a PDF
// handed back.
import { closingYear } from '../../../../shared/dates/closingYear';
import { typedDateProblem } from '../../../../shared/dates/parseTypedDate';
import { isRealDate } from '../../../../shared/schemas/common';
import { Button, Card, Empty, Segmented, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  dossierFileName,
  emptyPeriodReason,
  periodHasRecords,
  periodOptions,
  type DossierPeriod,
} from '../../../../shared/dossier/data';
import { cnDate } from '../../../../shared/dossier/layout';
import { chinaToday } from '../../../../shared/schemas/common';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { DateInput } from '../../ui/DateInput';
import { getHost } from '../../host/host';
import { loadDossierJob } from '../../db/printData';
import { SCHEMA_VERSION } from '../../db/AppDB';
import { PdfJobStatus } from '../../ui/PdfJobStatus';
import { NothingToPrintError, usePdfJob } from '../../ui/usePdfJob';
import { NumberInput } from '../../ui/NumberInput';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { verifyDossierPdf, type VerifyOutcome } from './verifyDossier';
import { useVolumeDrafts } from './useVolumeDrafts';
import { DraftsWarning } from './DraftsWarning';
import { VerifyVerdict } from './VerifyVerdict';
import { PICKER_SEARCH } from '../../ui/pickerSearch';

const appVersion: string = import.meta.env.VITE_APP_VERSION ?? '开发版';

export type PeriodMode = 'year' | 'range';

export interface PeriodChoice {
  mode: PeriodMode;
  year: number;
  from: string | undefined;
  to: string | undefined;
}

/**
 * The period the page's choice names, or why it cannot be exported. A range may not end after today: its cover would
 * vouch for days that have not happened (a whole year, the default, may still be the current one).
 */
export function choosePeriod(
  choice: PeriodChoice,
  today: string,
): { period: DossierPeriod } | { error: string; field: 'from' | 'to' } {
  if (choice.mode === 'year') return { period: { from: `${choice.year}-01-01`, to: `${choice.year}-12-31` } };
  if (!choice.from) return { error: '请选择开始日期', field: 'from' };
  // A DateInput hands on text it could not read as typed (「2025.13.1」), for the message to quote it.
  if (!isRealDate(choice.from)) return { error: typedDateProblem(choice.from), field: 'from' };
  if (!choice.to) return { error: '请选择结束日期', field: 'to' };
  if (!isRealDate(choice.to)) return { error: typedDateProblem(choice.to), field: 'to' };
  if (choice.to < choice.from) return { error: '结束日期不能早于开始日期', field: 'to' };
  if (choice.to > today) return { error: `结束日期不能晚于今天（${cnDate(today)}）`, field: 'to' };
  return { period: { from: choice.from, to: choice.to } };
}

/** The dates a range starts with when 按起止日期 is chosen: the chosen year, up to today. */
export function defaultRange(year: number, today: string): { from: string; to: string } {
  const end = `${year}-12-31`;
  return { from: `${year}-01-01`, to: end < today ? end : today };
}

/**
 * Moves the focus to a job's outcome when it has none: 生成卷宗 is disabled while the volume is made (and 取消生成 is
 * gone after it), so the focus falls to the page and the next Tab would start again at the top. As MeetingView's
 * heading after 保存; focus the user put elsewhere meanwhile is left where it is.
 */
function focusIfLost(target: HTMLElement | null) {
  if (target && (document.activeElement === null || document.activeElement === document.body)) {
    target.focus({ preventScroll: true });
  }
}

export function DossierPage() {
  const branch = useCurrentBranch();
  const today = chinaToday();
  // In January and February the volume due is last year's (handed in each January); later, this year's.
  const [year, setYear] = useState(() => closingYear(today));
  const [volume, setVolume] = useState(1);
  const [mode, setMode] = useState<PeriodMode>('year');
  const [from, setFrom] = useState<string | undefined>();
  const [to, setTo] = useState<string | undefined>();
  const pdf = usePdfJob();
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<VerifyOutcome | null>(null);
  // The file the verdict is of: two files checked one after the other gave the same-looking panels.
  const [verifiedName, setVerifiedName] = useState('');
  const outcomeRef = useRef<HTMLDivElement>(null);
  const finished = pdf.state.status !== 'idle' && pdf.state.status !== 'running';
  useEffect(() => {
    if (finished) focusIfLost(outcomeRef.current);
  }, [finished]);
  const chosen = choosePeriod({ mode, year, from, to }, today);
  const drafts = useVolumeDrafts(branch, 'period' in chosen ? chosen.period : undefined);

  if (branch === undefined) return null;
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 15 }, (_, i) => thisYear - i);

  const wrongField = 'field' in chosen ? chosen.field : undefined;

  const chooseMode = (next: PeriodMode) => {
    if (next === 'range' && !from && !to) {
      const range = defaultRange(year, today);
      setFrom(range.from);
      setTo(range.to);
    }
    setMode(next);
  };

  const exportVolume = () => {
    if (!branch || !('period' in chosen)) return;
    const { period } = chosen;
    void pdf.run(
      async () => {
        const job = await loadDossierJob(branch.id, {
          ...periodOptions(period),
          volume,
          generatedAt: new Date().toISOString(),
          appVersion,
          schemaVersion: SCHEMA_VERSION,
        });
        // As the CLI: a period without a single record would give a volume of empty sections, not a 台账.
        // Said as a notice: a new branch's first visit here is not a failure.
        if (job.kind === 'dossier' && !periodHasRecords(job.data, period)) {
          throw new NothingToPrintError(`${emptyPeriodReason(period)}。录入记录后即可生成。`);
        }
        return job;
      },
      dossierFileName(branch.name, period, volume),
    );
  };

  const verify = async () => {
    setVerdict(null);
    const file = await getHost().openFile([{ name: 'PDF 文件', extensions: ['pdf'] }]);
    if (!file) return;
    setVerifiedName(file.name);
    setVerifying(true);
    try {
      setVerdict(await verifyDossierPdf(file.bytes));
    } catch (error) {
      setVerdict({ ok: false, reason: error instanceof Error ? error.message : String(error) });
    } finally {
      setVerifying(false);
    }
  };

  return (
    <section aria-labelledby="page-title">
      <Typography.Title level={2} id="page-title">
        卷宗导出
      </Typography.Title>
      {!branch ? (
        <Empty description="请先在“支部概况”中新建支部" />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Card title="导出迎检卷宗">
            <Typography.Paragraph type="secondary">
              按“活动有阵地、工作有记录、领导有责任、评价有标准”的顺序，把{branch.name}
              一个年度的全部台账生成一本
              PDF（一年一本），带目录、页码、签字栏和数据指纹，可直接交给检查组；也可按起止日期导出其中一段。
            </Typography.Paragraph>
            <Space orientation="vertical" size="middle">
              <Segmented<PeriodMode>
                aria-label="导出范围"
                value={mode}
                onChange={chooseMode}
                options={[
                  { value: 'year', label: '按年度' },
                  { value: 'range', label: '按起止日期' },
                ]}
              />
              <Space wrap align="end">
                {mode === 'year' ? (
                  <label>
                    <div>年度</div>
                    <Select
                      id="dossier-year"
                      aria-label="年度"
                      // A screen reader hears the year with the picker's name (chosenValue.tsx).
                      aria-describedby={describedByChosen('dossier-year', year)}
                      labelRender={chosenLabelRender('dossier-year', year)}
                      value={year}
                      onChange={setYear}
                      showSearch={PICKER_SEARCH}
                      style={{ width: 120 }}
                      options={years.map((y) => ({ value: y, label: `${y}年` }))}
                    />
                  </label>
                ) : (
                  <>
                    {(['from', 'to'] as const).map((field) => (
                      <div key={field} style={{ width: 150 }}>
                        <label htmlFor={`dossier-${field}`}>{field === 'from' ? '开始日期' : '结束日期'}</label>
                        <DateInput
                          id={`dossier-${field}`}
                          value={field === 'from' ? from : to}
                          onChange={field === 'from' ? setFrom : setTo}
                          max={today}
                          invalid={wrongField === field}
                          a11y={{
                            'aria-invalid': wrongField === field ? true : undefined,
                            'aria-describedby': wrongField === field ? 'dossier-period-error' : undefined,
                          }}
                        />
                      </div>
                    ))}
                  </>
                )}
                <label>
                  <div>卷号</div>
                  <NumberInput
                    aria-label="卷号"
                    aria-describedby="dossier-volume-help"
                    min={1}
                    max={99}
                    value={volume}
                    onChange={(v) => setVolume(v ?? 1)}
                  />
                </label>
                <Button
                  type="primary"
                  onClick={exportVolume}
                  disabled={pdf.state.status === 'running' || 'error' in chosen}
                >
                  生成卷宗
                </Button>
              </Space>
              {'error' in chosen && (
                <Typography.Text type="danger" id="dossier-period-error">
                  {chosen.error}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" id="dossier-volume-help">
                卷号印在封面上。同一年度分册装订时，按起止日期分别导出，并依次填写卷号。
              </Typography.Text>
              {drafts && drafts.length > 0 && 'period' in chosen && (
                <DraftsWarning drafts={drafts} period={chosen.period} />
              )}
            </Space>
            <div ref={outcomeRef} tabIndex={finished ? -1 : undefined} style={{ marginTop: 16 }}>
              <PdfJobStatus state={pdf.state} onCancel={pdf.cancel} />
            </div>
          </Card>
          <Card title="校验卷宗">
            <Typography.Paragraph type="secondary">
              选择一份本软件导出的卷宗
              PDF，核对其中内嵌的数据清单与本机当前数据是否一致，列出导出后被修改、新增或删除的记录，并检查文件本身在导出后是否被改动或损坏（内嵌清单与封面指纹是否相符）。页面上印出的文字和图片不在核对之列。
            </Typography.Paragraph>
            <Button onClick={() => void verify()} loading={verifying}>
              选择卷宗 PDF 并校验
            </Button>
            {verdict && (
              <div style={{ marginTop: 16 }}>
                <VerifyVerdict verdict={verdict} fileName={verifiedName} />
              </div>
            )}
          </Card>
        </Space>
      )}
    </section>
  );
}
