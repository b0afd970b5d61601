// 工作记录: the list (filters, search, 加载更多) or calendar of a branch's records, one record, or a new record's form.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Calendar, Col, Flex, Input, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { MEETING_KINDS, type MeetingKind } from '../../../../shared/domain/vocab';
import { chinaToday } from '../../../../shared/schemas/common';
import type { Branch, Meeting, Member } from '../../../../shared/schemas';
import { MIN_QUERY_LENGTH, type MeetingFilter, type VenueChoice } from '../../db/repositories/meetings';
import { Loading } from '../../ui/Loading';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { MeetingForm } from './MeetingForm';
import { MeetingTags } from './MeetingTags';
import { MeetingView } from './MeetingView';
import { goToRecords, recordsHref, recordsViewFromHash, useRecordsHash } from './recordsRoute';
import { useMeetings } from './useMeetings';
import { useMonthMeetings } from './useMonthMeetings';
import { useRoster } from './useRoster';
import { useVenueChoices } from './useVenueChoices';

const heading = (
  <Typography.Title level={2} id="page-title" style={{ margin: 0 }}>
    工作记录
  </Typography.Title>
);

export function MeetingsPage() {
  const branch = useCurrentBranch();
  if (branch === undefined) return <Loading />;
  if (branch === null) {
    return (
      <section aria-labelledby="page-title">
        {heading}
        <Alert
          type="info"
          showIcon
          title="还没有支部，请先在“支部概况”中填写支部的基本情况"
          style={{ marginTop: 16 }}
        />
      </section>
    );
  }
  // Keyed by branch: switching branches starts from a clean list and drops a half-typed form.
  return <BranchRecords key={branch.id} branch={branch} />;
}

function BranchRecords({ branch }: Readonly<{ branch: Branch }>) {
  const hash = useRecordsHash();
  const route = recordsViewFromHash(hash);
  const members = useRoster(branch.id);
  const venues = useVenueChoices(branch.id);
  if (members === undefined || venues === undefined) return <Loading />;

  if (route.view === 'new') {
    return (
      <section aria-labelledby="page-title">
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          {heading}
        </Flex>
        <Typography.Title level={3}>新建会议记录</Typography.Title>
        {/* Keyed by the hash: a second 补记 link opens a fresh form with its own kind and date. */}
        <MeetingForm
          key={hash}
          branch={branch}
          members={members}
          venues={venues}
          initialKind={route.kind}
          initialDate={route.date ?? chinaToday()}
          initialScope={{ partyGroupId: route.group, talkParty: route.party }}
          onSaved={(m) => goToRecords({ view: 'show', id: m.id })}
          onCancel={() => goToRecords({ view: 'list' })}
        />
      </section>
    );
  }
  if (route.view === 'show') {
    return (
      <section aria-labelledby="page-title">
        <div style={{ marginBottom: 16 }}>{heading}</div>
        <MeetingView key={route.id} id={route.id} branch={branch} members={members} venues={venues} />
      </section>
    );
  }
  return <RecordList branch={branch} members={members} venues={venues} />;
}

const kindOptions = MEETING_KINDS.map((k) => ({ value: k, label: k }));
const monthOptions = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));

interface ListProps {
  branch: Branch;
  members: readonly Member[];
  venues: readonly VenueChoice[];
}

function RecordList({ branch, members, venues }: Readonly<ListProps>) {
  const thisYear = Number(chinaToday().slice(0, 4));
  const [layout, setLayout] = useState<'列表' | '日历'>('列表');
  // All years by default, newest first: after New Year (or a restore of last year's data) the list is not empty.
  const [filter, setFilter] = useState<MeetingFilter>({});
  const [query, setQuery] = useState('');
  const [pages, setPages] = useState(1);
  const update = (patch: Partial<MeetingFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPages(1);
  };
  const yearOptions = useMemo(
    () => Array.from({ length: 12 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}年` })),
    [thisYear],
  );
  const searching = query.trim().length > 0;
  const tooShort = searching && Array.from(query.trim()).length < MIN_QUERY_LENGTH;
  const list = useMeetings(branch.id, filter, tooShort ? '' : query, pages);

  return (
    <section aria-labelledby="page-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        {heading}
        <Space>
          <Segmented
            aria-label="显示方式"
            options={['列表', '日历']}
            value={layout}
            onChange={(v) => setLayout(v as '列表' | '日历')}
          />
          <Button type="primary" icon={<PlusOutlined />} href={recordsHref({ view: 'new' })}>
            新建记录
          </Button>
        </Space>
      </Flex>

      {layout === '日历' ? (
        <MonthCalendar branchId={branch.id} />
      ) : (
        <>
          <Input.Search
            aria-label="搜索主题、内容、纪要"
            placeholder="搜索主题、内容、纪要"
            allowClear
            enterButton="搜索"
            onSearch={(v) => {
              setQuery(v);
              setPages(1);
            }}
            style={{ marginBottom: 12, maxWidth: 480 }}
          />
          {tooShort && <Typography.Paragraph type="secondary">请至少输入两个字。</Typography.Paragraph>}
          {searching ? (
            <Typography.Paragraph type="secondary">
              搜索结果不受下方筛选条件限制；清空搜索框可回到筛选。
            </Typography.Paragraph>
          ) : (
            <Row gutter={12} style={{ marginBottom: 12 }}>
              <FilterSelect
                id="filter-kind"
                label="类型"
                value={filter.kind}
                options={kindOptions}
                onChange={(v) => update({ kind: v as MeetingKind | undefined })}
              />
              <FilterSelect
                id="filter-year"
                label="年份"
                value={filter.year}
                options={yearOptions}
                onChange={(v) => update({ year: v as number | undefined, month: v ? filter.month : undefined })}
              />
              <FilterSelect
                id="filter-month"
                label="月份"
                value={filter.month}
                options={monthOptions}
                disabled={!filter.year}
                onChange={(v) => update({ month: v as number | undefined })}
              />
              <FilterSelect
                id="filter-venue"
                label="阵地"
                value={filter.venueId}
                options={venues.map((v) => ({ value: v.id, label: v.name }))}
                onChange={(v) => update({ venueId: v as string | undefined })}
              />
              <FilterSelect
                id="filter-person"
                label="人员"
                value={filter.memberId}
                options={members.map((m) => ({ value: m.id, label: m.name }))}
                onChange={(v) => update({ memberId: v as string | undefined })}
              />
            </Row>
          )}
          {list === undefined ? (
            <Loading />
          ) : (
            <>
              <Table<Meeting>
                rowKey="id"
                size="middle"
                pagination={false}
                dataSource={list.items}
                locale={{ emptyText: searching ? '没有找到包含该内容的记录' : '没有符合条件的记录' }}
                columns={[
                  { title: '日期', dataIndex: 'date', width: 120 },
                  { title: '类型', dataIndex: 'kind', width: 130 },
                  {
                    title: '主题',
                    dataIndex: 'topic',
                    render: (topic: string, m) => <a href={recordsHref({ view: 'show', id: m.id })}>{topic}</a>,
                  },
                  { title: '标记', key: 'tags', width: 220, render: (_, m) => <MeetingTags meeting={m} /> },
                ]}
              />
              {list.hasMore && (
                <Flex justify="center" style={{ marginTop: 12 }}>
                  <Button onClick={() => setPages((p) => p + 1)}>加载更多</Button>
                </Flex>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

interface FilterSelectProps {
  id: string;
  label: string;
  value: string | number | undefined;
  options: { value: string | number; label: string }[];
  disabled?: boolean;
  onChange: (value: string | number | undefined) => void;
}

function FilterSelect({ id, label, value, options, disabled, onChange }: Readonly<FilterSelectProps>) {
  return (
    <Col xs={12} md={4}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </label>
      <Select
        id={id}
        value={value}
        options={options}
        allowClear
        disabled={disabled}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="全部"
        onChange={(v: string | number | undefined) => onChange(v ?? undefined)}
        style={{ width: '100%' }}
      />
    </Col>
  );
}

function MonthCalendar({ branchId }: Readonly<{ branchId: string }>) {
  const [month, setMonth] = useState<Dayjs>(() => dayjs(chinaToday()));
  const records = useMonthMeetings(branchId, month.year(), month.month() + 1);
  const byDate = useMemo(() => {
    const map = new Map<string, Meeting[]>();
    for (const m of records ?? []) map.set(m.date, [...(map.get(m.date) ?? []), m]);
    return map;
  }, [records]);
  return (
    <Calendar
      value={month}
      onPanelChange={(d) => setMonth(d)}
      onSelect={(d, info) => {
        if (info.source === 'date' || info.source === 'month') setMonth(d);
      }}
      cellRender={(d, info) => {
        if (info.type !== 'date') return info.originNode;
        const list = byDate.get(d.format('YYYY-MM-DD')) ?? [];
        return (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {list.map((m) => (
              <li key={m.id}>
                <a href={recordsHref({ view: 'show', id: m.id })} style={{ fontSize: 12 }}>
                  {m.kind}：{m.topic}
                  {m.backfilled ? '（补录）' : ''}
                </a>
              </li>
            ))}
          </ul>
        );
      }}
    />
  );
}
