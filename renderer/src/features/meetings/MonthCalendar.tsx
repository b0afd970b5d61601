// 工作记录 as a month calendar: each day lists its records, one line each; a day with more than fit says 「另有 N 条」.
// The 年 view gives each month its count by kind; a month clicked there opens in the month view. It starts at the
// list's 年份/月份 filter when one is set.
import { Button, Calendar, Flex, Popover, Radio, Select, Typography, type CalendarProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentRef,
  type CSSProperties,
  type MouseEvent,
} from 'react';
import { chinaToday } from '../../../../shared/schemas/common';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import type { Meeting } from '../../../../shared/schemas';
import { recordsHref, recordsViewFromHash } from './recordsRoute';
import { monthSummary, type MonthCount } from './meetingCounts';
import { useMonthMeetings } from './useMonthMeetings';
import { useYearCounts } from './useYearCounts';

/**
 * Lines a day cell holds: antd's date content is 86 px high, a line here 20 px. A busier day shows one line fewer
 * and 「另有 N 条」 in its place, rather than text cut off mid-line with no sign that more is there.
 */
const CELL_LINES = 4;

const listStyle: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };
const lineStyle: CSSProperties = {
  fontSize: 12,
  lineHeight: '20px',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
};

// A click inside a cell would also select that day (and move to its month, for a day of the next month).
const keepInCell = (e: MouseEvent) => e.stopPropagation();

type PanelMode = NonNullable<CalendarProps<Dayjs>['mode']>;

/**
 * Where the calendar opens: the list's 年份 and 月份 filter (read from the address the list keeps it in) — that month,
 * or that year's 年 view — else this month.
 */
function startOf(hash: string, today: string): { month: Dayjs; mode: PanelMode } {
  const target = recordsViewFromHash(hash);
  const filter = target.view === 'list' ? target.filter : undefined;
  if (filter?.year === undefined) return { month: dayjs(today), mode: 'month' };
  if (filter.month !== undefined) return { month: dayjs(new Date(filter.year, filter.month - 1, 1)), mode: 'month' };
  // This year's 年 view with this month picked; another year's with its January.
  const sameYear = today.startsWith(`${filter.year}-`);
  return { month: sameYear ? dayjs(today) : dayjs(new Date(filter.year, 0, 1)), mode: 'year' };
}

/** The 年份 choices: as antd's own header offers them, ten years either side of the one shown. */
const yearOptions = (year: number) =>
  Array.from({ length: 20 }, (_, i) => year - 10 + i).map((y) => ({ value: y, label: `${y}年` }));
const MONTH_OPTIONS = Array.from({ length: 12 }, (_, i) => ({ value: i, label: `${i + 1}月` }));

interface HeaderProps {
  month: Dayjs;
  mode: PanelMode;
  onMonth: (month: Dayjs) => void;
  onMode: (mode: PanelMode) => void;
}

/**
 * antd's header, with names: its 年/月 selects and its 月/年 switch had none (「组合框」 twice, an unnamed radio group).
 * The classes are antd's, so that it looks the same.
 */
function CalendarHeader({ month, mode, onMonth, onMode }: Readonly<HeaderProps>) {
  const id = useId();
  return (
    <Flex className="ant-picker-calendar-header" justify="flex-end" align="center" gap={8} wrap>
      <label htmlFor={`${id}-year`}>年份</label>
      <Select
        id={`${id}-year`}
        className="ant-picker-calendar-year-select"
        value={month.year()}
        options={yearOptions(month.year())}
        // A screen reader hears the year and month shown with their names (chosenValue.tsx).
        aria-describedby={describedByChosen(`${id}-year`, month.year())}
        labelRender={chosenLabelRender(`${id}-year`, month.year())}
        onChange={(year: number) => onMonth(month.year(year))}
      />
      {mode === 'month' && (
        <>
          <label htmlFor={`${id}-month`}>月份</label>
          <Select
            id={`${id}-month`}
            className="ant-picker-calendar-month-select"
            // Beside its label: antd's class spaces it from the year select, which the label now does.
            style={{ marginInlineStart: 0 }}
            value={month.month()}
            options={MONTH_OPTIONS}
            aria-describedby={describedByChosen(`${id}-month`, month.month())}
            labelRender={chosenLabelRender(`${id}-month`, month.month())}
            onChange={(m: number) => onMonth(month.month(m))}
          />
        </>
      )}
      <Radio.Group
        className="ant-picker-calendar-mode-switch"
        aria-label="视图"
        value={mode}
        onChange={(e) => onMode(e.target.value as PanelMode)}
      >
        <Radio.Button value="month">月</Radio.Button>
        <Radio.Button value="year">年</Radio.Button>
      </Radio.Group>
    </Flex>
  );
}

export function MonthCalendar({ branchId }: Readonly<{ branchId: string }>) {
  const [start] = useState(() => startOf(window.location.hash, chinaToday()));
  const [month, setMonth] = useState<Dayjs>(start.month);
  const [mode, setMode] = useState<PanelMode>(start.mode);
  const records = useMonthMeetings(branchId, month.year(), month.month() + 1);
  const yearCounts = useYearCounts(branchId, month.year(), mode === 'year');
  const byDate = useMemo(() => {
    const map = new Map<string, Meeting[]>();
    for (const m of records ?? []) map.set(m.date, [...(map.get(m.date) ?? []), m]);
    // A day reads in the order it happened: by start time, then as entered.
    for (const day of map.values()) {
      day.sort((a, b) => a.startTime.localeCompare(b.startTime) || a.createdAt.localeCompare(b.createdAt));
    }
    return map;
  }, [records]);
  // antd makes the whole panel a Tab stop (tabindex 0) with no name, no visible focus and no keys of its own: Tab
  // goes from the header straight to the records' links instead. Every commit, cheaply: React writes the panel's
  // tabindex only when mounting it, never back over this.
  const calendarRef = useRef<ComponentRef<typeof Calendar>>(null);
  useLayoutEffect(() => {
    calendarRef.current?.nativeElement.querySelector('.ant-picker-panel')?.setAttribute('tabindex', '-1');
  });
  return (
    <Calendar
      ref={calendarRef}
      value={month}
      mode={mode}
      headerRender={() => <CalendarHeader month={month} mode={mode} onMonth={setMonth} onMode={setMode} />}
      onPanelChange={(d, m) => {
        setMonth(d);
        setMode(m);
      }}
      onSelect={(d, info) => {
        if (info.source === 'date' || info.source === 'month') setMonth(d);
        // A month clicked in the 年 view opens it: its days and records, not just a highlight.
        if (info.source === 'month' && mode === 'year') setMode('month');
      }}
      cellRender={(d, info) => {
        // The cell already shows the month's name: its content is the month's records, counted.
        if (info.type === 'month') {
          if (!yearCounts) return null;
          const begun = d.format('YYYY-MM') <= chinaToday().slice(0, 7);
          return <MonthRecords count={yearCounts.get(d.month() + 1)} begun={begun} />;
        }
        if (info.type !== 'date') return info.originNode;
        const date = d.format('YYYY-MM-DD');
        return <DayRecords date={date} records={byDate.get(date) ?? []} />;
      }}
    />
  );
}

/** A month of the 年 view: its records counted by kind; 「无记录」 once the month has begun (a gap is worth seeing). */
function MonthRecords({ count, begun }: Readonly<{ count: MonthCount | undefined; begun: boolean }>) {
  const summary = monthSummary(count);
  if (!summary) {
    return begun ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        无记录
      </Typography.Text>
    ) : null;
  }
  return (
    <div title={`${summary.total}：${summary.kinds}`} style={{ fontSize: 12, lineHeight: '20px' }}>
      <strong>{summary.total}</strong>
      <div>{summary.kinds}</div>
    </div>
  );
}

function RecordLink({ meeting }: Readonly<{ meeting: Meeting }>) {
  const text = `${meeting.kind}：${meeting.topic}${meeting.backfilled ? '（补录）' : ''}`;
  // Named with its day: Tabbing through the month, 「支委会：研究…」 alone does not say which day it is on.
  return (
    <a href={recordsHref({ view: 'show', id: meeting.id })} title={text} aria-label={`${meeting.date} ${text}`}>
      {text}
    </a>
  );
}

function DayRecords({ date, records }: Readonly<{ date: string; records: readonly Meeting[] }>) {
  if (records.length === 0) return null;
  const shown = records.length <= CELL_LINES ? records : records.slice(0, CELL_LINES - 1);
  const more = records.length - shown.length;
  return (
    <ul style={listStyle}>
      {shown.map((m) => (
        <li key={m.id} style={lineStyle}>
          <RecordLink meeting={m} />
        </li>
      ))}
      {more > 0 && (
        <li style={lineStyle}>
          <Popover
            trigger="click"
            title={`${date} 的 ${records.length} 条记录`}
            content={
              <ul style={{ ...listStyle, maxWidth: 360 }} onClick={keepInCell}>
                {records.map((m) => (
                  <li key={m.id} style={{ padding: '2px 0' }}>
                    <RecordLink meeting={m} />
                  </li>
                ))}
              </ul>
            }
          >
            <Button
              type="link"
              size="small"
              style={{ padding: 0, height: 20, fontSize: 12 }}
              aria-label={`${date} 另有 ${more} 条记录，查看全部 ${records.length} 条`}
              onClick={keepInCell}
            >
              另有 {more} 条
            </Button>
          </Popover>
        </li>
      )}
    </ul>
  );
}
