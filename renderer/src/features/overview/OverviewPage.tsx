// 各支部概览: for the 机关党委 keeping several branches, one row per branch with the year's 三会一课 and other rules as
// the 工作台 counts them (red where missed), drafts, overdue 阵地复查 and the latest 考评; a branch opens its 工作台 at
// the year shown. The year is in the address (#/overview?year=2024), so back from that 工作台 returns to it.
import { visuallyHidden } from '../../ui/visuallyHidden';
import { ApartmentOutlined, WarningOutlined } from '../../ui/icons';
import {
  App,
  Button,
  ConfigProvider,
  Flex,
  Result,
  Table,
  Tag,
  theme,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { cnDate } from '../../../../shared/dossier/layout';
import { getRulePack } from '../../../../shared/rules/packs';
import { chinaToday } from '../../../../shared/schemas/common';
import { errorText } from '../../db/repositories/errors';
import { setCurrentBranchId } from '../../db/repositories/settings';
import { Loading } from '../../ui/Loading';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { showYear, useHashYear, yearHref } from '../dashboard/yearRoute';
import { YearSelect } from '../dashboard/YearSelect';
import { recordsHref } from '../meetings/recordsRoute';
import type { OverviewCell, OverviewRow, OverviewView } from './overviewData';
import { useOverview } from './useOverview';

/** Makes the branch current, then opens `href` (its 工作台, or its records): every page shows the current branch. */
async function openBranch(branchId: string, href: string): Promise<void> {
  await setCurrentBranchId(branchId);
  window.location.hash = href;
}

export function OverviewPage() {
  const today = chinaToday();
  const currentYear = Number(today.slice(0, 4));
  const year = useHashYear() ?? currentYear;
  const view = useOverview(year, today);
  return (
    <section aria-labelledby="page-title">
      <Typography.Title level={2} id="page-title">
        各支部概览
      </Typography.Title>
      {view === undefined ? (
        <Loading tip="正在汇总各支部数据…" />
      ) : view.rows.length < 2 ? (
        <Result
          icon={<ApartmentOutlined />}
          title={view.rows.length === 0 ? '还没有支部' : '本机只有一个支部'}
          subTitle="本机保存两个以上支部（例如机关党委导入各支部的备份）时，这里逐个支部对照组织生活的开展情况。"
          extra={
            <Button type="primary" href="#/home">
              前往工作台
            </Button>
          }
        />
      ) : (
        <>
          <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
            <Typography.Text>
              按频次规则「{getRulePack(view.packId).name}」核对各支部 {view.year}{' '}
              年的组织生活，与各支部工作台的计算一致（「缺」为期已过而未开展，「待」为本期尚未记录）。点击支部名称或红色的缺项，进入该支部这一年的工作台。
            </Typography.Text>
            <YearSelect value={year} onChange={(y) => showYear('overview', y)} currentYear={currentYear} />
          </Flex>
          <Summary view={view} />
          <OverviewTable view={view} loading={view.year !== year} />
        </>
      )}
    </section>
  );
}

/** A branch's gaps over before it began using the ledger, over every rule. */
const earlierGaps = (row: OverviewRow) => row.cells.reduce((n, c) => n + c.missedBeforeLedger, 0);

/** Names a few branches, counts many: a summary line is no list of thirty. */
function someBranches(rows: readonly OverviewRow[]): string {
  return rows.length <= 3 ? rows.map((r) => `「${r.label}」`).join('') : `${rows.length} 个支部`;
}

function Summary({ view }: Readonly<{ view: OverviewView }>) {
  const missing = view.rows.filter((r) => r.missedRules > 0).length;
  const drafts = view.rows.reduce((n, r) => n + r.drafts, 0);
  const overdue = view.rows.reduce((n, r) => n + r.overdueChecks, 0);
  // As the 工作台 of each says: a branch set up in the app this year owes the months before only on paper, maybe.
  const started = view.rows.filter((r) => r.ledgerStart !== undefined && earlierGaps(r) > 0);
  const expired = view.rows.filter((r) => r.termEnded !== undefined);
  const gaps = started.reduce((n, r) => n + earlierGaps(r), 0);
  return (
    <Typography.Paragraph>
      共 {view.rows.length} 个支部；
      {missing > 0 ? <Typography.Text type="danger">{missing} 个支部有未达标项</Typography.Text> : '各支部均无未达标项'}
      ；{view.year}年草稿 {drafts} 份；阵地复查逾期（截至今天）{overdue} 处。
      {started.length > 0 &&
        `${someBranches(started)}于本年度开始使用台账，其中 ${gaps} 项缺项在开始使用之前：如已开展，请在该支部的工作台逐项补录；未补录的仍计为缺项。`}
      {expired.length > 0 && (
        <Typography.Text type="danger">
          {`${someBranches(expired)}本届任期已届满${expired.length <= 3 ? `（${expired.map((r) => cnDate(r.termEnded)).join('、')}）` : ''}，尚未登记新一届：请督促按期换届。`}
        </Typography.Text>
      )}
    </Typography.Paragraph>
  );
}

/**
 * 「本年度尚未到期」 → 「未到期」, 「本年度还剩 34 天」 → 「剩34天」, 「未设党小组，不适用」 → 「不适用」: the cell is narrow, its
 * title says it in full.
 */
function shortNotDue(text: string): string {
  if (text.includes('不适用')) return '不适用';
  const left = /还剩 (\d+) 天/.exec(text);
  return left ? `剩${left[1]}天` : '未到期';
}

/**
 * The text colours of the cells. Plain spans in the theme's colours rather than Typography.Text: the table has 400
 * cells, and on a busy office PC each component fewer is felt when the year changes.
 */
interface Tones {
  danger: string;
  warning: string;
  success: string;
  secondary: string;
}

function useTones(): Tones {
  const { token } = theme.useToken();
  return {
    danger: token.colorError,
    warning: token.colorWarning,
    success: token.colorSuccess,
    secondary: token.colorTextDescription,
  };
}

/** One line a cell: 30 rows of two-line cells took three screens to compare. */
const ONE_LINE: CSSProperties = { whiteSpace: 'nowrap' };

/** The names' column: 12 characters of 14 px, the link's 1-px borders, the cell's padding (COMPACT_TABLE) and border. */
const NAME_WIDTH = 168 + 2 + 12 + 1;

/** What a red cell's tooltip says: the periods missed, whom the open one still lacks, records without the quorum. */
function MissedDetail({
  cell,
  label,
  ledgerStart,
}: Readonly<{ cell: OverviewCell; label: string; ledgerStart?: string }>) {
  return (
    <>
      <div>{label}未开展：</div>
      {cell.missedLines.map((line) => (
        <div key={line}>{line}</div>
      ))}
      {ledgerStart && cell.missedBeforeLedger > 0 && (
        <div>
          其中 {cell.missedBeforeLedger} 项在开始使用台账（{cnDate(ledgerStart)}）之前，如已开展请补录
        </div>
      )}
      {cell.pendingText && <div>{cell.pendingText}</div>}
      {cell.quorumFailures > 0 && <div>{cell.quorumFailures} 次到会人数不足</div>}
    </>
  );
}

interface RuleCellProps {
  cell: OverviewCell;
  label: string;
  /** The row's: when the branch began using the ledger this year. */
  ledgerStart?: string;
  branch: string;
  year: number;
  tones: Tones;
  /** Opens the branch's 工作台 at the year, where each missed period has its 补录 button. */
  onOpen: () => void;
}

function RuleCell({ cell, label, ledgerStart, branch, year, tones, onOpen }: Readonly<RuleCellProps>) {
  // Due, not a gap: the open period's groups or members still have time (the 工作台's 「2 人待谈」).
  const pending = cell.pending > 0 && (
    <span style={{ color: tones.secondary, marginInlineStart: 4 }}>待{cell.pending}</span>
  );
  const quorum = cell.quorumFailures > 0 && <WarningOutlined style={{ marginInlineStart: 4 }} />;
  if (cell.required === 0) {
    return (
      <span
        style={{ ...ONE_LINE, color: tones.secondary }}
        title={[cell.notDue, cell.pendingText].filter(Boolean).join('；')}
      >
        {shortNotDue(cell.notDue ?? '')}
        {pending}
      </span>
    );
  }
  if (cell.missed > 0) {
    return (
      // Focus shows it too: the months missed are not for mouse users only.
      <Tooltip
        title={<MissedDetail cell={cell} label={label} {...(ledgerStart ? { ledgerStart } : {})} />}
        trigger={['hover', 'focus']}
        // A line a 党小组: wide enough for 「第一党小组 1月、2月、…、12月」 on one.
        styles={{ root: { maxWidth: 520 } }}
      >
        <Button
          type="link"
          danger
          size="small"
          style={{
            ...ONE_LINE,
            padding: 0,
            border: 0,
            height: 'auto',
            // The 待 and the warning sign 4 px from the count (their own margin), not the button's 8-px gap: as in the
            // cells that are no link, and the 党小组会 column 8 px narrower.
            gap: 0,
          }}
          aria-label={`${branch}${label} ${cell.met}/${cell.required} 缺${cell.missed}${cell.pending > 0 ? ` 待${cell.pending}` : ''}，打开该支部${year}年的工作台`}
          onClick={onOpen}
        >
          {/* Underlined as a link, the 待 beside it not: the months still running are no gap. */}
          <span style={{ textDecoration: 'underline', textUnderlineOffset: 3 }}>
            {cell.met}/{cell.required} 缺{cell.missed}
          </span>
          {pending}
          {quorum}
        </Button>
      </Tooltip>
    );
  }
  const title = [
    cell.pendingText ?? `${label}已达标`,
    cell.quorumFailures > 0 ? `${cell.quorumFailures} 次到会人数不足` : undefined,
  ]
    .filter(Boolean)
    .join('；');
  return (
    <span style={{ ...ONE_LINE, ...(quorum ? { color: tones.warning } : {}) }} title={title}>
      {cell.met}/{cell.required}
      {pending}
      {quorum}
    </span>
  );
}

/** A 考评's score as a share of its standard's full score: standards of different totals compare. 未考评 sorts lowest. */
function assessmentShare(row: OverviewRow): number {
  return row.assessment ? row.assessment.total / (row.assessment.totalScore || 1) : -1;
}

/** Column titles never break mid-word (「党课（书/记讲）」, 「未达/标」 did): one line, or two where a word ends. */
const headerCell = () => ({ style: ONE_LINE });

/**
 * Short titles in two lines, broken between words: the full titles and their sort buttons made the table 1314 px wide
 * on the 30 branches of a 机关党委, past the 1100 px that a 1366-px screen leaves it (less the menu, the page's margins
 * and Windows' scrollbar), though the counts below them need far less room. The full name is in the column's
 * tooltip and is what a screen reader reads. Titles not listed are short already (支委会, 未达标, 草稿).
 */
const SHORT_TITLES: Record<string, readonly [string, string]> = {
  支部党员大会: ['党员', '大会'],
  '党课（书记讲）': ['书记', '党课'],
  主题党日: ['主题', '党日'],
  组织生活会: ['组织', '生活会'],
  民主评议党员: ['民主', '评议'],
  党小组会: ['党小组', '会'],
  谈心谈话: ['谈心', '谈话'],
  缺项合计: ['缺项', '合计'],
  复查逾期: ['复查', '逾期'],
};

/** A title in two lines for the eye, read out whole: a screen reader made 「党员 大会」 of the lines, two words. */
function twoLines(label: string, [first, second]: readonly [string, string]): ReactNode {
  return (
    <>
      <span aria-hidden="true">
        {first}
        <br />
        {second}
      </span>
      <span style={visuallyHidden}>{label}</span>
    </>
  );
}

/** A column title, short where SHORT_TITLES says. */
function shortTitle(label: string): ReactNode {
  const short = SHORT_TITLES[label];
  return short ? twoLines(label, short) : label;
}

/** 6 px a side, not antd's 8: 56 px over 14 columns that the 1366-px screen needs; the borders keep them apart. */
const COMPACT_TABLE = { components: { Table: { cellPaddingInlineSM: 6 } } };

/** `loading`: another year is being read; the rows shown are still `view.year`'s, as every label says. */
function OverviewTable({ view, loading }: Readonly<{ view: OverviewView; loading: boolean }>) {
  const current = useCurrentBranch();
  const { message } = App.useApp();
  const tones = useTones();
  const { token } = theme.useToken();
  const go = (row: OverviewRow, href: string) => {
    openBranch(row.branchId, href).catch((error: unknown) => message.error(errorText(error)));
  };
  const home = yearHref('home', view.year);
  const columns: TableColumnsType<OverviewRow> = [
    {
      key: 'name',
      title: '支部',
      fixed: 'left',
      // A name of 12 characters on one line (most of a 机关党委's), the few longer ones wrapped: narrower made every
      // other name two lines; at 683 px it leaves 未达标 and 缺项合计 in view.
      width: NAME_WIDTH,
      onHeaderCell: headerCell,
      render: (_, row) => (
        <Flex wrap align="center" gap="2px 6px">
          {/* Not in the theme's red: red on this page means a missed requirement. */}
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', color: 'inherit' }}
            onClick={() => go(row, home)}
          >
            <span style={{ textDecoration: 'underline', textUnderlineOffset: 3 }}>{row.label}</span>
          </Button>
          {current?.id === row.branchId && <Tag color="blue">当前支部</Tag>}
        </Flex>
      ),
    },
    // Next to the names: at 1024 and 683 px the rule columns scroll, the two counts to sort by stay in view.
    {
      key: 'missed',
      title: '未达标',
      onHeaderCell: headerCell,
      // Ties compare equal, so they keep the rows' name order in both directions (the sort is stable).
      sorter: (a, b) => a.missedRules - b.missedRules,
      sortDirections: ['descend', 'ascend'],
      showSorterTooltip: { title: '按未达标的规定项数排序' },
      render: (_, row) =>
        row.missedRules > 0 ? (
          <strong style={{ ...ONE_LINE, color: tones.danger }}>{row.missedRules} 项</strong>
        ) : (
          <span style={{ color: tones.success }}>无</span>
        ),
    },
    {
      key: 'missedItems',
      title: shortTitle('缺项合计'),
      onHeaderCell: headerCell,
      sorter: (a, b) => a.missedItems - b.missedItems,
      sortDirections: ['descend', 'ascend'],
      // What the title stands for, in the one tooltip the title shows (a title attribute beside it showed a second).
      showSorterTooltip: { title: '缺项合计：各项规定缺少的月份、季度、党小组次数和党员人数之和。点击按缺项合计排序' },
      render: (_, row) =>
        row.missedItems > 0 ? (
          <span style={{ color: tones.danger }}>缺{row.missedItems}</span>
        ) : (
          <span style={{ color: tones.secondary }}>0</span>
        ),
    },
    ...view.rules.map((rule, i): TableColumnsType<OverviewRow>[number] => ({
      key: rule.id,
      title: shortTitle(rule.label),
      onHeaderCell: headerCell,
      sorter: (a, b) => a.cells[i]!.missed - b.cells[i]!.missed,
      sortDirections: ['descend', 'ascend'],
      // The rule's full name (the title may be short) and what it requires.
      showSorterTooltip: { title: `${rule.label}：${rule.requirement}。点击按缺项数排序` },
      render: (_, row) => (
        <RuleCell
          cell={row.cells[i]!}
          label={rule.label}
          {...(row.ledgerStart ? { ledgerStart: row.ledgerStart } : {})}
          branch={row.label}
          year={view.year}
          tones={tones}
          onOpen={() => go(row, home)}
        />
      ),
    })),
    {
      key: 'drafts',
      title: '草稿',
      onHeaderCell: headerCell,
      render: (_, row) =>
        row.drafts > 0 ? (
          <Button
            type="link"
            size="small"
            // Drafts are work to finish, not a missed requirement: the 工作台's warning colour, not red.
            style={{
              padding: 0,
              border: 0,
              height: 'auto',
              color: tones.warning,
              textDecoration: 'underline',
              textUnderlineOffset: 3,
            }}
            aria-label={`查看${row.label}${view.year}年的 ${row.drafts} 份草稿`}
            onClick={() => go(row, recordsHref({ view: 'list', filter: { year: view.year, status: '草稿' } }))}
          >
            {row.drafts} 份
          </Button>
        ) : (
          <span style={{ color: tones.secondary }}>0</span>
        ),
    },
    {
      key: 'checks',
      title: <span title="阵地复查逾期：截至今天，下次复查日期已过的阵地">{shortTitle('复查逾期')}</span>,
      onHeaderCell: headerCell,
      render: (_, row) =>
        row.overdueChecks > 0 ? (
          <span style={{ ...ONE_LINE, color: tones.danger }}>{row.overdueChecks} 处</span>
        ) : (
          <span style={{ color: tones.secondary }}>0</span>
        ),
    },
    {
      key: 'assessment',
      title: twoLines(`${view.year}年考评`, [`${view.year}年`, '考评']),
      onHeaderCell: headerCell,
      sorter: (a, b) => assessmentShare(a) - assessmentShare(b),
      // Lowest first: the branches to look at; 未考评 before any score.
      sortDirections: ['ascend', 'descend'],
      showSorterTooltip: { title: `${view.year}年度最近一次考评。点击按考评得分率排序（未考评最低）` },
      render: (_, row) =>
        row.assessment ? (
          // 「44.5/47」 without 「分」 under the title 考评: the widest column, and the 1366-px screen had no room for it.
          <span
            style={ONE_LINE}
            title={`${row.assessment.kind}，${row.assessment.total} 分（满分 ${row.assessment.totalScore} 分），${row.assessment.date}`}
          >
            {row.assessment.total}/{row.assessment.totalScore}
            {/* In antd's small text, as the 当前支部 tag beside a name, and a space where a 「·」 took a character's
                width: 「上级评定 优秀」 is the widest text of a row. */}
            <span style={{ color: tones.secondary, fontSize: token.fontSizeSM, marginInlineStart: 6 }}>
              {row.assessment.kind}
              {row.assessment.grade ? ` ${row.assessment.grade}` : ''}
            </span>
          </span>
        ) : (
          <span style={{ ...ONE_LINE, color: tones.secondary }}>未考评</span>
        ),
    },
  ];
  return (
    <ConfigProvider theme={COMPACT_TABLE}>
      <Table<OverviewRow>
        rowKey="branchId"
        size="small"
        bordered
        pagination={false}
        dataSource={view.rows}
        columns={columns}
        loading={loading}
        scroll={{ x: 'max-content' }}
        // The app's header is sticky (64 px): the column titles stay in view below it through 30 rows.
        sticky={{ offsetHeader: 64 }}
      />
    </ConfigProvider>
  );
}
