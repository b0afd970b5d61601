// 各支部概览: for the 机关党委 keeping several branches, one row per branch with the year's 三会一课 and other rules as
// the 工作台 counts them (red where missed), drafts, overdue 阵地复查 and the latest 考评; a branch opens its 工作台 at
// the year shown. The year is in the address (#/overview?year=2024), so back from that 工作台 returns to it.
import { ApartmentOutlined, WarningOutlined } from '../../ui/icons';
import { App, Button, Flex, Result, Table, Tag, theme, Typography, type TableColumnsType } from 'antd';
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
              年的组织生活，与各支部工作台的计算一致。 点击支部名称进入该支部这一年的工作台。
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

function Summary({ view }: Readonly<{ view: OverviewView }>) {
  const missing = view.rows.filter((r) => r.missedRules > 0).length;
  const drafts = view.rows.reduce((n, r) => n + r.drafts, 0);
  const overdue = view.rows.reduce((n, r) => n + r.overdueChecks, 0);
  return (
    <Typography.Paragraph>
      共 {view.rows.length} 个支部；
      {missing > 0 ? <Typography.Text type="danger">{missing} 个支部有未达标项</Typography.Text> : '各支部均无未达标项'}
      ；{view.year}年草稿 {drafts} 份；阵地复查逾期（截至今天）{overdue} 处。
    </Typography.Paragraph>
  );
}

/** 「本年度尚未到期」 → 「未到期」, 「未设党小组，不适用」 → 「不适用」: the cell is narrow, its title says it in full. */
function shortNotDue(text: string): string {
  return text.includes('不适用') ? '不适用' : '未到期';
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

function RuleCell({ cell, label, tones }: Readonly<{ cell: OverviewCell; label: string; tones: Tones }>) {
  if (cell.required === 0) {
    return (
      <span style={{ color: tones.secondary }} title={cell.notDue}>
        {shortNotDue(cell.notDue ?? '')}
      </span>
    );
  }
  const quorum = cell.quorumFailures > 0 ? `；${cell.quorumFailures} 次到会人数不足` : '';
  if (cell.missed > 0) {
    return (
      <span style={{ color: tones.danger }} title={`${label}未开展：${cell.missedLabels.join('、')}${quorum}`}>
        {cell.met}/{cell.required}
        <br />缺{cell.missed}
        {quorum && <WarningOutlined style={{ marginInlineStart: 4 }} />}
      </span>
    );
  }
  return (
    <span style={quorum ? { color: tones.warning } : undefined} title={`${label}已达标${quorum}`}>
      {cell.met}/{cell.required}
      {quorum && <WarningOutlined style={{ marginInlineStart: 4 }} />}
    </span>
  );
}

/** `loading`: another year is being read; the rows shown are still `view.year`'s, as every label says. */
function OverviewTable({ view, loading }: Readonly<{ view: OverviewView; loading: boolean }>) {
  const current = useCurrentBranch();
  const { message } = App.useApp();
  const tones = useTones();
  const go = (row: OverviewRow, href: string) => {
    openBranch(row.branchId, href).catch((error: unknown) => message.error(errorText(error)));
  };
  const columns: TableColumnsType<OverviewRow> = [
    {
      key: 'name',
      title: '支部',
      fixed: 'left',
      width: 180,
      render: (_, row) => (
        <Flex vertical align="start" gap={2}>
          {/* Not in the theme's red: red on this page means a missed requirement. */}
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', color: 'inherit' }}
            onClick={() => go(row, yearHref('home', view.year))}
          >
            <span style={{ textDecoration: 'underline', textUnderlineOffset: 3 }}>{row.label}</span>
          </Button>
          {current?.id === row.branchId && <Tag color="blue">当前支部</Tag>}
        </Flex>
      ),
    },
    ...view.rules.map((rule, i) => ({
      key: rule.id,
      title: <span title={rule.requirement}>{rule.label}</span>,
      width: 68,
      render: (_: unknown, row: OverviewRow) => <RuleCell cell={row.cells[i]!} label={rule.label} tones={tones} />,
    })),
    {
      key: 'missed',
      title: '未达标',
      width: 72,
      // Ties compare equal, so they keep the rows' name order in both directions (the sort is stable).
      sorter: (a, b) => a.missedRules - b.missedRules,
      sortDirections: ['descend', 'ascend'],
      render: (_, row) =>
        row.missedRules > 0 ? (
          <strong style={{ color: tones.danger }}>{row.missedRules} 项</strong>
        ) : (
          <span style={{ color: tones.success }}>无</span>
        ),
    },
    {
      key: 'drafts',
      title: '草稿',
      width: 60,
      render: (_, row) =>
        row.drafts > 0 ? (
          <Button
            type="link"
            size="small"
            // Drafts are work to finish, not a missed requirement: the 工作台's warning colour, not red.
            style={{ padding: 0, color: tones.warning, textDecoration: 'underline', textUnderlineOffset: 3 }}
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
      title: <span title="截至今天，下次复查日期已过的阵地">复查逾期</span>,
      width: 64,
      render: (_, row) =>
        row.overdueChecks > 0 ? (
          <span style={{ color: tones.danger }}>{row.overdueChecks} 处</span>
        ) : (
          <span style={{ color: tones.secondary }}>0</span>
        ),
    },
    {
      key: 'assessment',
      title: `${view.year}年考评`,
      width: 108,
      render: (_, row) =>
        row.assessment ? (
          <span title={`${row.assessment.kind}，${row.assessment.date}`}>
            {row.assessment.total} / {row.assessment.totalScore} 分
            <br />
            <span style={{ color: tones.secondary }}>
              {row.assessment.kind}
              {row.assessment.grade ? `·${row.assessment.grade}` : ''}
            </span>
          </span>
        ) : (
          <span style={{ color: tones.secondary }}>未考评</span>
        ),
    },
  ];
  return (
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
      showSorterTooltip={{ title: '按未达标项数排序' }}
    />
  );
}
