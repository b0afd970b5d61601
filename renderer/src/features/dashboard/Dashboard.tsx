// 工作台 of a branch: readiness for one year by the four pillars, with what is missing and a way to fix each gap.
import { PlusOutlined, WarningOutlined } from '../../ui/icons';
import {
  App,
  Button,
  Card,
  Col,
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
import { chinaToday, SEVEN_HAVES_NOT_APPLICABLE, sevenHavesApply, type Branch } from '../../../../shared/schemas';
import { setRulePackId } from '../../db/repositories/compliance';
import { venueKinds } from '../../db/repositories/venues';
import { useBranchLabels } from '../branch/useBranchLabels';
import { Loading } from '../../ui/Loading';
import { recordsHref } from '../meetings/recordsRoute';
import { responsibilityHref } from '../responsibility/responsibilityRoute';
import type { DashboardView, RecordLine } from './dashboardData';
import { useDashboard } from './useDashboard';
import { showYear, useHashYear } from './yearRoute';
import { YearSelect } from './YearSelect';

const packOptions = RULE_PACKS.map((p) => ({ value: p.id, label: p.name, title: p.description }));

function go(href: string): void {
  window.location.hash = href;
}

export function Dashboard({ branch }: Readonly<{ branch: Branch }>) {
  const today = chinaToday();
  const currentYear = Number(today.slice(0, 4));
  // The year is in the address (#/home?year=2024): 各支部概览 opens a branch at the year it shows.
  const year = useHashYear() ?? currentYear;
  const view = useDashboard(branch.id, year, today);
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
            options={packOptions}
            style={{ width: 220 }}
            loading={!view}
          />
        </Space>
      </Flex>
      {view === undefined ? <Loading /> : <Pillars view={view} />}
    </>
  );
}

function Pillars({ view }: Readonly<{ view: DashboardView }>) {
  // The line says which rule, the rule which kind: its drafts of the year are what 「尚未定稿」 links to.
  const kindOf = new Map(getRulePack(view.packId).rules.map((r) => [r.id, r.meetingKind]));
  const draftsHref = (line: RecordLine) =>
    recordsHref({ view: 'list', filter: { kind: kindOf.get(line.ruleId), year: view.year, status: '草稿' } });
  return (
    <Row gutter={[16, 16]}>
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
          <List
            dataSource={view.records}
            renderItem={(line) => <RecordItem line={line} draftsHref={draftsHref(line)} />}
          />
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

function RecordItem({ line, draftsHref }: Readonly<{ line: RecordLine; draftsHref: string }>) {
  const complete = line.required > 0 && line.misses.length === 0;
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
          <Typography.Text type="secondary">{line.notDue}</Typography.Text>
        ) : (
          <Progress
            percent={line.percent}
            status={line.misses.length > 0 ? 'exception' : complete ? 'success' : 'normal'}
            aria-label={`${line.label}完成率`}
          />
        )}
        {line.misses.length > 0 && (
          <Flex wrap gap={8} align="center">
            <Typography.Text type="danger">未开展：{line.misses.map((m) => m.label).join('、')}</Typography.Text>
            {(allMisses ? line.misses : line.misses.slice(0, MISS_BUTTONS)).map((m) => (
              <Button
                key={m.key}
                size="small"
                onClick={() => go(m.href)}
                aria-label={`补录${line.label}（${m.label}）`}
              >
                补录 {m.label}
              </Button>
            ))}
            {!allMisses && line.misses.length > MISS_BUTTONS && (
              <Button size="small" type="link" onClick={() => setAllMisses(true)}>
                全部 {line.misses.length} 项补录
              </Button>
            )}
          </Flex>
        )}
        {line.current && (
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{line.current.label}尚未记录</Typography.Text>
            <Button size="small" type="link" onClick={() => go(line.current!.href)}>
              去记录
            </Button>
          </Flex>
        )}
        {line.quorumFailures.map((f) => (
          <Typography.Text key={f.meetingId} type="danger">
            <WarningOutlined /> 人数不足：<a href={f.href}>{`${f.date} ${f.topic}`}</a>（{f.message}）
          </Typography.Text>
        ))}
      </Flex>
    </List.Item>
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
              <Typography.Text type={t.overdue ? 'danger' : undefined}>
                {t.task.title}（{t.holderName}，{t.role}，时限 {t.task.deadline}）
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
