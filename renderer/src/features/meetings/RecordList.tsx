// The records list of a branch: filters kept in the hash (a link or the back button reopens them), search, 加载更多,
// or the month calendar.
import { PlusOutlined } from '../../ui/icons';
import { Button, Flex, Input, Row, Segmented, Space, Table, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { MEETING_KINDS, RECORD_STATUSES, type MeetingKind, type RecordStatus } from '../../../../shared/domain/vocab';
import { chinaToday } from '../../../../shared/schemas/common';
import type { Branch, Meeting, Member } from '../../../../shared/schemas';
import { MIN_QUERY_LENGTH, type MeetingFilter, type VenueChoice } from '../../db/repositories/meetings';
import { INPUT_CLEAR } from '../../ui/controlLabels';
import { Loading } from '../../ui/Loading';
import { FilterSelect } from './FilterSelect';
import { MeetingTags } from './MeetingTags';
import { MonthCalendar } from './MonthCalendar';
import { recordsHref } from './recordsRoute';
import { useMeetingCount } from './useMeetingCount';
import { useMeetings } from './useMeetings';

const kindOptions = MEETING_KINDS.map((k) => ({ value: k, label: k }));
const monthOptions = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));
const statusOptions = RECORD_STATUSES.map((s) => ({ value: s, label: s }));

interface RecordListProps {
  heading: ReactNode;
  branch: Branch;
  members: readonly Member[];
  venues: readonly VenueChoice[];
  /** From the hash; empty: every record of every year, newest first. */
  filter: MeetingFilter;
}

export function RecordList({ heading, branch, members, venues, filter }: Readonly<RecordListProps>) {
  const thisYear = Number(chinaToday().slice(0, 4));
  const [layout, setLayout] = useState<'列表' | '日历'>('列表');
  const [query, setQuery] = useState('');
  // A query too short for the index searches nothing: the filtered list stays, with a word about the query.
  const typed = query.trim();
  const tooShort = typed.length > 0 && Array.from(typed).length < MIN_QUERY_LENGTH;
  const activeQuery = tooShort ? '' : typed;
  const searching = activeQuery.length > 0;
  // Pages loaded belong to one filter and query; another starts again from the first page.
  const listKey = `${recordsHref({ view: 'list', filter })}\n${activeQuery}`;
  const [paging, setPaging] = useState({ key: listKey, pages: 1 });
  const pages = paging.key === listKey ? paging.pages : 1;
  const list = useMeetings(branch.id, filter, activeQuery, pages);
  // Counted apart from the pages (an index count), so the first page does not wait for it.
  const count = useMeetingCount(branch.id, filter);

  // The filter lives in the hash, replaced rather than pushed: back leaves the list instead of undoing a filter.
  const update = (patch: Partial<MeetingFilter>) => {
    window.location.replace(recordsHref({ view: 'list', filter: { ...filter, ...patch } }));
  };
  const yearOptions = useMemo(() => {
    const years = Array.from({ length: 12 }, (_, i) => thisYear - i);
    // A year linked from elsewhere (the 工作台's year selector) is shown even when older than the list's range.
    if (filter.year !== undefined && !years.includes(filter.year)) years.push(filter.year);
    return years.sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }));
  }, [thisYear, filter.year]);

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
            allowClear={INPUT_CLEAR}
            enterButton="搜索"
            onSearch={(v) => setQuery(v)}
            style={{ marginBottom: 12, maxWidth: 480 }}
          />
          {tooShort && (
            <Typography.Paragraph type="warning">
              请至少输入 {MIN_QUERY_LENGTH} 个字再搜索；下方仍按筛选条件列出记录。
            </Typography.Paragraph>
          )}
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
                id="filter-status"
                label="状态"
                value={filter.status}
                options={statusOptions}
                onChange={(v) => update({ status: v as RecordStatus | undefined })}
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
              <ListCount searching={searching} count={count} shown={list.items.length} hasMore={list.hasMore} />
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
                  <Button onClick={() => setPaging({ key: listKey, pages: pages + 1 })}>加载更多</Button>
                </Flex>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

interface ListCountProps {
  searching: boolean;
  /** Records the filter matches (undefined while counting). */
  count: number | undefined;
  shown: number;
  hasMore: boolean;
}

/** 「共 N 条」 for the filters; a search is counted only once all its results are listed (each must be confirmed). */
function ListCount({ searching, count, shown, hasMore }: Readonly<ListCountProps>) {
  let text: string | undefined;
  if (searching) text = hasMore ? `已列出 ${shown} 条，还有更多` : `共找到 ${shown} 条`;
  else if (count !== undefined) text = hasMore ? `共 ${count} 条，已列出 ${shown} 条` : `共 ${count} 条`;
  return (
    <Typography.Paragraph type="secondary" role="status" style={{ marginBottom: 8, minHeight: 22 }}>
      {text}
    </Typography.Paragraph>
  );
}
