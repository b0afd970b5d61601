// 工作台 of a branch: readiness for one year by the four pillars, with what is missing and a way to fix each gap.
import { PlusOutlined, WarningOutlined } from '../../ui/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Divider,
  Empty,
  Flex,
  List,
  Progress,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { getRulePack, RULE_PACKS } from '../../../../shared/rules/packs';
import { closingYear as yearBeingClosed } from '../../../../shared/dates/closingYear';
import { chinaToday, SEVEN_HAVES_NOT_APPLICABLE, sevenHavesApply, type Branch } from '../../../../shared/schemas';
import { setRulePackId } from '../../db/repositories/compliance';
import { venueKinds } from '../../db/repositories/venues';
import { useBranchLabels } from '../branch/useBranchLabels';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { Loading } from '../../ui/Loading';
import { recordsHref } from '../meetings/recordsRoute';
import { responsibilityHref } from '../responsibility/responsibilityRoute';
import {
  LOOKAHEAD_DAYS,
  type ClosingView,
  type DashboardView,
  type LedgerStartView,
  type MissLine,
  type RecordLine,
  termNotice,
} from './dashboardData';
import { useDashboard } from './useDashboard';
import { showYear, useHashYear } from './yearRoute';
import { YearSelect } from './YearSelect';
import { LateYearEndHint } from './LateYearEndHint';
import { carriedFromNote } from '../../../../shared/domain/carriedTasks';

const packOptions = RULE_PACKS.map((p) => ({ value: p.id, label: p.name, title: p.description }));

function go(href: string): void {
  window.location.hash = href;
}

export function Dashboard({ branch }: Readonly<{ branch: Branch }>) {
  const today = chinaToday();
  const currentYear = Number(today.slice(0, 4));
  // The year is in the address (#/home?year=2024): 各支部概览 opens a branch at the year it shows.
  const year = useHashYear() ?? currentYear;
  // In January and February last year is still being closed (its 卷宗 is handed in and its 考评 made then, the rule
  // 卷宗导出 defaults by): this year's 工作台 also says what it lacks.
  const closing = yearBeingClosed(today);
  const closingYear = year === currentYear && closing !== currentYear ? closing : undefined;
  const view = useDashboard(branch.id, year, today, closingYear);
  const { message } = App.useApp();
  const packId = `rule-pack-${useId().replace(/:/g, '')}`;
  const { labelOf } = useBranchLabels();

  const onPack = async (id: string) => {
    try {
      await setRulePackId(id);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Text strong>当前支部：{labelOf(branch)}</Typography.Text>
        <Space wrap>
          <YearSelect value={year} onChange={(y) => showYear('home', y)} currentYear={currentYear} />
          <Typography.Text>
            <label htmlFor={packId}>频次规则</label>
          </Typography.Text>
          <Select
            id={packId}
            value={view?.packId}
            onChange={onPack}
            // A screen reader hears the rule pack with the picker's name (chosenValue.tsx).
            aria-describedby={describedByChosen(packId, view?.packId)}
            labelRender={chosenLabelRender(packId, view?.packId)}
            options={packOptions}
            style={{ width: 220 }}
            loading={!view}
          />
        </Space>
      </Flex>
      <TermNotice termEnd={branch.termEnd} today={today} />
      {view === undefined ? <Loading /> : <Pillars view={view} branchId={branch.id} />}
    </>
  );
}

/** 按期换届: the term's end, once near or past, above every year's 工作台 (it is about today, not the year shown). */
function TermNotice({ termEnd, today }: Readonly<{ termEnd: string; today: string }>) {
  const notice = termNotice(termEnd, today);
  if (!notice) return null;
  return (
    <Alert
      type={notice.type}
      showIcon
      style={{ marginBottom: 16 }}
      title={notice.text}
      action={<a href="#/branch">前往支部概况</a>}
    />
  );
}

function Pillars({ view, branchId }: Readonly<{ view: DashboardView; branchId: string }>) {
  // The line says which rule, the rule which kind: its drafts of the year are what 「尚未定稿」 links to.
  const kindOf = new Map(getRulePack(view.packId).rules.map((r) => [r.id, r.meetingKind]));
  const draftsHref = (line: RecordLine) =>
    recordsHref({ view: 'list', filter: { kind: kindOf.get(line.ruleId), year: view.year, status: '草稿' } });
  return (
    <Row gutter={[16, 16]}>
      {view.closing && (
        <Col span={24}>
          <ClosingCard closing={view.closing} />
        </Col>
      )}
      <Col xs={24} xl={14}>
        <Card
          title="工作有记录"
          role="region"
          aria-label="工作有记录"
          extra={
            // A record of the year shown, not only the gaps' 补录: a past year's form opens without today's date.
            <Space size={16}>
              <a href={recordsHref({ view: 'list', filter: { year: view.year } })}>查看{view.year}年记录</a>
              <a href={recordsHref({ view: 'new', list: { year: view.year } })}>
                <PlusOutlined /> 新建记录
              </a>
            </Space>
          }
        >
          {view.ledger && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={view.ledger.note} />}
          <LateYearEndHint branchId={branchId} year={view.year} />
          <List
            dataSource={view.records}
            renderItem={(line) => <RecordItem line={line} draftsHref={draftsHref(line)} />}
          />
          {view.ledger && <EarlierGaps ledger={view.ledger} records={view.records} />}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Flex vertical gap={16}>
          <VenuesCard view={view} />
          <TasksCard view={view} />
          <StandardsCard view={view} />
        </Flex>
      </Col>
    </Row>
  );
}

/** 补录 buttons shown before 「全部 N 项补录」: a year of 三个党小组 missing every month would be 36 buttons. */
const MISS_BUTTONS = 8;

/** A period ending within this many days (today included) draws its pending subjects in orange: act now. */
const PENDING_SOON_DAYS = 7;

/** More pending than this, and more than the lookahead left: their 去记录 buttons wait for 逐人去记录. */
const FOLD_PENDING_OVER = 3;

/** 上一年度收尾: one line per kind of loose end, each with where to tie it. */
function ClosingCard({ closing }: Readonly<{ closing: ClosingView }>) {
  const lines: { key: string; text: string; href: string; link: string }[] = [
    ...(closing.drafts > 0
      ? [
          {
            key: 'drafts',
            text: `还有 ${closing.drafts} 份记录尚未定稿`,
            href: closing.draftsHref,
            link: '查看草稿并定稿',
          },
        ]
      : []),
    ...(closing.missed > 0
      ? [
          {
            key: 'missed',
            text: `${closing.missed} 项未开展：${closing.missedText}`,
            href: closing.missedHref,
            link: `查看${closing.year}年工作台补录`,
          },
        ]
      : []),
    ...(closing.overdueTasks > 0
      ? [
          {
            key: 'tasks',
            text: `${closing.overdueTasks} 项任务逾期未完成`,
            href: closing.tasksHref,
            link: `查看${closing.year}年度责任清单`,
          },
        ]
      : []),
    ...(closing.assessments.length > 0
      ? [
          {
            key: 'assessments',
            text: closing.assessments.join('，'),
            href: closing.newAssessmentHref,
            link: '新建考评',
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={`上一年度收尾（${closing.year}年度）`}
      role="region"
      aria-label="上一年度收尾"
      styles={{ header: { background: '#fffbe6' } }}
    >
      <Flex vertical gap={4}>
        {lines.map((l) => (
          <Flex key={l.key} gap={12} wrap align="baseline">
            <Typography.Text>
              <WarningOutlined style={{ color: '#faad14', marginRight: 6 }} />
              {l.text}
            </Typography.Text>
            <a href={l.href}>{l.link}</a>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/** 补录 of one gap: named from its visible words on (voice control says 「补录 第一季度」). */
function MissButton({ miss, line }: Readonly<{ miss: MissLine; line: RecordLine }>) {
  return (
    <Button size="small" onClick={() => go(miss.href)} aria-label={`补录 ${miss.label}：${line.label}`}>
      补录 {miss.label}
    </Button>
  );
}

/**
 * The gaps of periods over before the branch was set up in the app: one folded, neutral group below what is still
 * due, each rule's 补录 inside. They count in the lines above all the same (the inspection counts them).
 */
function EarlierGaps({ ledger, records }: Readonly<{ ledger: LedgerStartView; records: readonly RecordLine[] }>) {
  const lines = records
    .map((line) => ({ line, misses: line.misses.filter((m) => m.beforeLedger) }))
    .filter((l) => l.misses.length > 0);
  return (
    <Collapse
      size="small"
      style={{ marginTop: 8 }}
      items={[
        {
          key: 'earlier',
          label: ledger.summary,
          children: (
            <Flex vertical gap={8}>
              {lines.map(({ line, misses }) => (
                <Flex key={line.ruleId} wrap gap={8} align="center" role="group" aria-label={`${line.label}：补录`}>
                  <Typography.Text type="secondary">{line.label}：</Typography.Text>
                  {misses.map((m) => (
                    <MissButton key={m.key} miss={m} line={line} />
                  ))}
                </Flex>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}

function RecordItem({ line, draftsHref }: Readonly<{ line: RecordLine; draftsHref: string }>) {
  // Gaps from before the branch was set up in the app are in the folded group below (EarlierGaps), not in red here.
  const misses = line.misses.filter((m) => !m.beforeLedger);
  // A line with someone still pending in the open period is not complete, however many are done.
  const complete = line.required > 0 && line.misses.length === 0 && line.pending.length === 0;
  const [allMisses, setAllMisses] = useState(false);
  return (
    <List.Item>
      <Flex vertical style={{ width: '100%' }} gap={4} role="group" aria-label={line.label}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong>
            {line.text}
            {line.drafts > 0 && (
              <Typography.Text type="warning" style={{ fontWeight: 'normal', marginLeft: 8 }}>
                （
                <Typography.Link type="warning" href={draftsHref} underline>
                  其中 {line.drafts} 份记录尚未定稿
                </Typography.Link>
                ）
              </Typography.Text>
            )}
          </Typography.Text>
          <Typography.Text type="secondary">{line.requirement}</Typography.Text>
        </Flex>
        {line.percent === undefined ? (
          line.notDue && <NotDue line={line} />
        ) : (
          <Progress
            percent={line.percent}
            status={misses.length > 0 ? 'exception' : complete ? 'success' : 'normal'}
            aria-label={`${line.label}完成率`}
          />
        )}
        {misses.length > 0 && (
          <Flex wrap gap={8} align="center">
            <Typography.Text type="danger">未开展：{misses.map((m) => m.label).join('、')}</Typography.Text>
            {(allMisses ? misses : misses.slice(0, MISS_BUTTONS)).map((m) => (
              <MissButton key={m.key} miss={m} line={line} />
            ))}
            {!allMisses && misses.length > MISS_BUTTONS && (
              <Button size="small" type="link" onClick={() => setAllMisses(true)}>
                全部 {misses.length} 项补录
              </Button>
            )}
          </Flex>
        )}
        {line.current && (
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{line.current.label}尚未记录</Typography.Text>
            <Button
              size="small"
              type="link"
              onClick={() => go(line.current!.href)}
              aria-label={`去记录：${line.label}（${line.current.label}）`}
            >
              去记录
            </Button>
          </Flex>
        )}
        {line.pendingText && <PendingLine line={line} />}
        {line.quorumFailures.map((f) => (
          <Typography.Text key={f.meetingId} type="danger">
            <WarningOutlined /> 人数不足：<a href={f.href}>{`${f.date} ${f.topic}`}</a>（{f.message}）
          </Typography.Text>
        ))}
      </Flex>
    </List.Item>
  );
}

/** Why a line has no figure yet: grey while nothing is due, the year's days left late in it, the way to an empty roster. */
function NotDue({ line }: Readonly<{ line: RecordLine }>) {
  const left = line.notDueDaysLeft;
  return (
    <Typography.Text type={left === undefined ? 'secondary' : left <= PENDING_SOON_DAYS ? 'warning' : undefined}>
      {line.notDue}
      {line.notDueLink && (
        <a href={line.notDueLink.href} style={{ marginLeft: 8 }}>
          {line.notDueLink.text}
        </a>
      )}
    </Typography.Text>
  );
}

/**
 * Who a per-member or per-group rule still lacks in its open period, each with 去记录. Many members with most of the
 * year left (January's 谈心谈话) are named, and their buttons shown on request: two dozen would bury the card.
 */
function PendingLine({ line }: Readonly<{ line: RecordLine }>) {
  const [all, setAll] = useState(false);
  const daysLeft = line.pendingDaysLeft ?? 0;
  const folded = !all && daysLeft > LOOKAHEAD_DAYS && line.pending.length > FOLD_PENDING_OVER;
  const shown = folded ? [] : all ? line.pending : line.pending.slice(0, MISS_BUTTONS);
  return (
    <Flex wrap gap={8} align="center">
      <Typography.Text type={daysLeft <= PENDING_SOON_DAYS ? 'warning' : 'secondary'}>
        {line.pendingText}
      </Typography.Text>
      {shown.map((p) => (
        <Button
          key={p.key}
          size="small"
          type="link"
          onClick={() => go(p.href)}
          // The name starts with the words shown (voice control users say them).
          aria-label={`${line.pending.length > 1 ? `去记录 ${p.label}` : '去记录'}：${line.label}（${p.label}）`}
        >
          {line.pending.length > 1 ? `去记录 ${p.label}` : '去记录'}
        </Button>
      ))}
      {!all && (folded || line.pending.length > MISS_BUTTONS) && (
        <Button size="small" type="link" onClick={() => setAll(true)}>
          {folded ? `逐人去记录（${line.pending.length}）` : `显示全部（${line.pending.length}）`}
        </Button>
      )}
    </Flex>
  );
}

function VenuesCard({ view }: Readonly<{ view: DashboardView }>) {
  // The view's lines carry no kind; 七有 is the standard of a 党员活动室 only, so the card reads the kinds itself.
  const idsKey = view.venues.map((v) => v.id).join('\n');
  const kinds = useLiveQuery(() => venueKinds(idsKey ? idsKey.split('\n') : []), [idsKey]);
  return (
    <Card title="活动有阵地" role="region" aria-label="活动有阵地">
      {view.venues.length === 0 ? (
        <Empty description={<a href="#/venues">尚未登记活动阵地，去登记</a>} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Flex vertical gap={8}>
          {view.venues.map((v) => {
            const kind = kinds?.get(v.id);
            return (
              <Flex key={v.id} justify="space-between" align="center" gap={8}>
                <a href={v.href}>{v.name}</a>
                {kind === undefined ? null : sevenHavesApply({ kind }) ? (
                  <Progress
                    percent={Math.round((v.done / v.total) * 100)}
                    format={() => `七有 ${v.done}/${v.total}`}
                    aria-label={`${v.name} 七有 ${v.done}/${v.total}`}
                    style={{ width: 200, margin: 0 }}
                    size="small"
                    status={v.done === v.total ? 'success' : 'normal'}
                  />
                ) : (
                  <Typography.Text type="secondary">{SEVEN_HAVES_NOT_APPLICABLE}</Typography.Text>
                )}
              </Flex>
            );
          })}
          {view.venueChecks.map((c) => (
            <Typography.Text key={c.venueId} type={c.overdue ? 'danger' : 'warning'}>
              <a href={c.href}>{c.venueName}</a> 复查{c.overdue ? '已逾期' : '即将到期'}（{c.nextDueDate}）
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function TasksCard({ view }: Readonly<{ view: DashboardView }>) {
  return (
    <Card
      title="领导有责任"
      role="region"
      aria-label="领导有责任"
      extra={<a href={responsibilityHref(view.year)}>查看责任清单</a>}
    >
      {view.tasks.length === 0 ? (
        <Typography.Text type="secondary">30 天内没有到期或逾期的任务。</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {view.tasks.map((t) => (
            <Flex key={`${t.responsibilityId}:${t.task.id}`} gap={8} align="center" wrap>
              {t.overdue ? <Tag color="red">已逾期</Tag> : <Tag color="orange">{t.daysLeft} 天后到期</Tag>}
              {t.year !== view.year && (
                // An earlier year's task, not done by New Year: its list is that year's.
                <a href={responsibilityHref(t.year)}>
                  <Tag>{t.year}年度</Tag>
                </a>
              )}
              <Typography.Text type={t.overdue ? 'danger' : undefined}>
                {t.task.title}
                {carriedFromNote(t.task, t.year)}（{t.holderName}，{t.role}，时限 {t.task.deadline}）
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function StandardsCard({ view }: Readonly<{ view: DashboardView }>) {
  const { assessments, newHref, listHref, evaluations, evaluationsHref } = view.standards;
  return (
    <Card title="评价有标准" role="region" aria-label="评价有标准" extra={<a href={listHref}>查看考评</a>}>
      <Flex vertical gap={8}>
        {assessments.map((line) =>
          line.href ? (
            <Flex key={line.kind} vertical>
              <a href={line.href}>{line.text}</a>
              {line.count > 1 && (
                <Typography.Text type="secondary">
                  本年度共 {line.count} 份{line.kind}，以考评日期最晚的一份为准
                </Typography.Text>
              )}
            </Flex>
          ) : (
            <Typography.Text key={line.kind} type="secondary">
              {line.text}
            </Typography.Text>
          ),
        )}
        {assessments.some((line) => !line.href) && (
          <div>
            <Button size="small" icon={<PlusOutlined />} onClick={() => go(newHref)}>
              新建考评
            </Button>
          </div>
        )}
        <Divider style={{ margin: '4px 0' }} />
        <Typography.Text>
          <a href={evaluationsHref}>民主评议</a>：{evaluations}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
