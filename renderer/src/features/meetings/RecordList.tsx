// The records list of a branch: filters, search and the pages loaded kept in the hash (a link, 返回列表 or the back
// button reopens them, at the record the user opened), 加载更多, 按日期顺序定稿 of a year's drafts, or the month calendar.
import { CheckOutlined, PlusOutlined } from '../../ui/icons';
import { App, Button, Flex, Grid, Input, Row, Segmented, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { MEETING_KINDS, RECORD_STATUSES, type MeetingKind, type RecordStatus } from '../../../../shared/domain/vocab';
import { personLabels } from '../../../../shared/names';
import { chinaToday } from '../../../../shared/schemas/common';
import type { Branch, Meeting, Member } from '../../../../shared/schemas';
import { errorText } from '../../db/repositories/errors';
import {
  finalizeDrafts,
  isTooShortQuery,
  MIN_QUERY_LENGTH,
  planFinalizeDrafts,
  type BlockedDraft,
  type DraftScope,
  type DraftsFinalization,
  type MeetingFilter,
  type VenueChoice,
} from '../../db/repositories/meetings';
import { INPUT_CLEAR } from '../../ui/controlLabels';
import { Loading } from '../../ui/Loading';
import { FilterSelect } from './FilterSelect';
import { MeetingTags } from './MeetingTags';
import { MonthCalendar } from './MonthCalendar';
import { recordsHref } from './recordsRoute';
import { useMeetingCount } from './useMeetingCount';
import { useMeetings } from './useMeetings';
import { useYearsToOffer } from '../../app/useYearsToOffer';

const kindOptions = MEETING_KINDS.map((k) => ({ value: k, label: k }));
const monthOptions = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));
const statusOptions = RECORD_STATUSES.map((s) => ({ value: s, label: s }));
/** Drafts a confirmation names one by one at most; more are counted. */
const LISTED_DRAFTS = 10;

interface RecordListProps {
  heading: ReactNode;
  branch: Branch;
  members: readonly Member[];
  venues: readonly VenueChoice[];
  /** From the hash, its search (`query`) included; empty: every record of every year, newest first. */
  filter: MeetingFilter;
  /** Pages loaded by 加载更多, from the hash (at least 1). */
  pages: number;
  /** The record the user came back from (返回列表, the back button): its row is brought into view and focused. */
  at?: string;
}

/**
 * What an empty list says. A new branch's list has no filter: 「没有符合条件的记录」 read as if something were wrong,
 * where the one thing to do is to enter the first record.
 */
export function emptyListText(searching: boolean, filter: MeetingFilter): string {
  if (searching) return '没有找到包含该内容的记录';
  const filtered = Object.values(filter).some((value) => value !== undefined && value !== '');
  return filtered ? '没有符合条件的记录' : '还没有工作记录。点“新建记录”录入第一次会议（三会一课、主题党日等）';
}

export function RecordList({ heading, branch, members, venues, filter, pages, at }: Readonly<RecordListProps>) {
  const thisYear = Number(chinaToday().slice(0, 4));
  const [layout, setLayout] = useState<'列表' | '日历'>('列表');
  // Below 992 px (a 1366×768 screen at 200 %) four columns left 主题 a few characters wide: date and kind share a
  // column, the marks go under the topic.
  const compact = Grid.useBreakpoint().lg === false;
  const query = filter.query ?? '';
  // A query too short for the index searches nothing: the filtered list stays, with a word about the query.
  const tooShort = isTooShortQuery(query);
  const searching = query !== '' && !tooShort;
  const { query: _tooShort, ...withoutQuery } = filter;
  const listed = tooShort ? withoutQuery : filter;
  // The words in the search box: the search of the address until the user types, and again when the address's search
  // changes (搜索 pressed, or 工作记录 chosen in the menu) — so the box never shows words the list is not searching for.
  const [typing, setTyping] = useState({ query, text: query });
  const boxText = typing.query === query ? typing.text : query;
  // Two 李娜 are told apart by birth year and 党小组, as in the record form's pickers.
  const personOptions = useMemo(() => {
    const labels = personLabels(members, branch.partyGroups);
    return members.map((m) => ({ value: m.id, label: labels.get(m.id)! }));
  }, [members, branch.partyGroups]);
  const list = useMeetings(branch.id, listed, pages);
  // Counted apart from the pages (an index count), so the first page does not wait for it.
  const count = useMeetingCount(branch.id, listed);
  // 按日期顺序定稿 works on the chosen year's drafts (of the chosen type): the year's whole 第N次 order, whatever the
  // month, 状态, 阵地 or 人员 shown.
  const scope: DraftScope | undefined =
    filter.year === undefined ? undefined : { year: filter.year, ...(filter.kind ? { kind: filter.kind } : {}) };

  // The filter, search and pages live in the hash, replaced rather than pushed: back leaves the list instead of
  // undoing a filter. Another filter or search starts again from the first page.
  const update = (patch: Partial<MeetingFilter>) => {
    window.location.replace(recordsHref({ view: 'list', filter: { ...filter, ...patch } }));
  };
  const search = (text: string) => {
    const words = text.trim();
    setTyping({ query: words, text: words });
    if (words !== query) update({ query: words || undefined });
  };
  // 加载更多 puts the new rows above the button: the first of them takes the focus once read, or a keyboard user
  // is left on the button, now far below the rows they wanted to read.
  const moreFrom = useRef<{ pages: number; index: number } | undefined>(undefined);
  const loadMore = () => {
    moreFrom.current = { pages: pages + 1, index: list?.items.length ?? 0 };
    window.location.replace(recordsHref({ view: 'list', filter, pages: pages + 1 }));
  };
  // The record's address carries the list's filter, search and pages (返回列表 reopens this list as it is), and the
  // list's own address, left behind for the back button, the record to come back to.
  const recordHref = (m: Meeting) => recordsHref({ view: 'show', id: m.id, list: filter, pages });
  const leaveMark = (m: Meeting) => {
    window.history.replaceState(window.history.state, '', recordsHref({ view: 'list', filter, pages, at: m.id }));
  };

  // Back from a record, its row is shown and takes the focus once the rows are read (a keyboard user goes on from
  // there with Tab; the view's title would otherwise take it, focusRecovery.ts). Once per record come back from: rows
  // re-read after a change elsewhere do not pull the focus back.
  const sectionRef = useRef<HTMLElement>(null);
  const returnedTo = useRef<string | undefined>(undefined);
  const loaded = list !== undefined;
  useEffect(() => {
    if (!at || !loaded || returnedTo.current === at) return;
    returnedTo.current = at;
    const link = sectionRef.current?.querySelector<HTMLElement>(`a[data-record-id="${CSS.escape(at)}"]`);
    if (!link) return;
    link.focus({ preventScroll: true });
    link.closest('tr')?.scrollIntoView({ block: 'center' });
  }, [at, loaded]);
  useEffect(() => {
    const target = moreFrom.current;
    if (!target || list?.pages !== target.pages) return;
    moreFrom.current = undefined;
    const first = list.items[target.index];
    if (!first) return;
    const link = sectionRef.current?.querySelector<HTMLElement>(`a[data-record-id="${CSS.escape(first.id)}"]`);
    if (!link) return;
    // At the top of the window, the rows after it below, under the sticky header (html's scroll-padding-top).
    link.focus({ preventScroll: true });
    link.closest('tr')?.scrollIntoView({ block: 'start' });
  }, [list]);
  // The last 12 years and every year the branch's records span (even with the PC's clock years off).
  const recentYears = useMemo(() => Array.from({ length: 12 }, (_, i) => thisYear - i), [thisYear]);
  const years = useYearsToOffer(recentYears, branch.id);
  const yearOptions = useMemo(() => {
    // A year linked from elsewhere (the 工作台's year selector) is shown even when outside the list's range.
    const shown = filter.year !== undefined && !years.includes(filter.year) ? [...years, filter.year] : years;
    return [...shown].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }));
  }, [years, filter.year]);

  return (
    <section aria-labelledby="page-title" ref={sectionRef}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        {heading}
        <Space>
          <Segmented
            aria-label="显示方式"
            options={['列表', '日历']}
            value={layout}
            onChange={(v) => setLayout(v as '列表' | '日历')}
          />
          {/* On a list of one 类型 (the month's 党小组会 being filed), the new record is of that type. */}
          <Button
            type="primary"
            icon={<PlusOutlined />}
            href={recordsHref({ view: 'new', kind: filter.kind, list: filter, pages })}
          >
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
            value={boxText}
            onChange={(e) => setTyping({ query, text: e.target.value })}
            onSearch={search}
            style={{ marginBottom: 12, maxWidth: 480 }}
          />
          {tooShort && (
            <Typography.Paragraph type="warning">
              请至少输入 {MIN_QUERY_LENGTH} 个字再搜索；下方仍按筛选条件列出记录。
            </Typography.Paragraph>
          )}
          {searching && (
            <Typography.Paragraph type="secondary">
              搜索范围受下方筛选条件限制；清空搜索框可回到筛选结果。
            </Typography.Paragraph>
          )}
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
              options={personOptions}
              onChange={(v) => update({ memberId: v as string | undefined })}
            />
          </Row>
          {!searching && scope && <FinalizeInOrder branchId={branch.id} scope={scope} />}
          {list === undefined ? (
            <Loading />
          ) : (
            <>
              <ListCount searching={searching} count={count} shown={list.items.length} hasMore={list.hasMore} />
              <Table<Meeting>
                rowKey="id"
                rowClassName={(m) => (m.id === at ? 'records-row-returned' : '')}
                size="middle"
                pagination={false}
                dataSource={list.items}
                locale={{ emptyText: emptyListText(searching, listed) }}
                columns={
                  compact
                    ? [
                        {
                          title: '日期、类型',
                          key: 'when',
                          width: 118,
                          render: (_, m) => (
                            <>
                              <div>{m.date}</div>
                              <Typography.Text type="secondary">{m.kind}</Typography.Text>
                            </>
                          ),
                        },
                        {
                          title: '主题',
                          key: 'topic',
                          render: (_, m) => (
                            <Flex vertical gap={4} align="start">
                              <a href={recordHref(m)} data-record-id={m.id} onClick={() => leaveMark(m)}>
                                {m.topic}
                              </a>
                              <span>
                                <MeetingTags meeting={m} />
                              </span>
                            </Flex>
                          ),
                        },
                      ]
                    : [
                        { title: '日期', dataIndex: 'date', width: 120 },
                        { title: '类型', dataIndex: 'kind', width: 130 },
                        {
                          title: '主题',
                          dataIndex: 'topic',
                          render: (topic: string, m) => (
                            <a href={recordHref(m)} data-record-id={m.id} onClick={() => leaveMark(m)}>
                              {topic}
                            </a>
                          ),
                        },
                        { title: '标记', key: 'tags', width: 220, render: (_, m) => <MeetingTags meeting={m} /> },
                      ]
                }
              />
              {list.hasMore && (
                <Flex justify="center" style={{ marginTop: 12 }}>
                  <Button onClick={loadMore}>加载更多</Button>
                </Flex>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

/**
 * 按日期顺序定稿 of the chosen year's drafts (of the chosen type), offered while there are any: one confirmation that
 * says what will be finalised and renumbered and which drafts stay drafts, then one transaction.
 */
function FinalizeInOrder({ branchId, scope }: Readonly<{ branchId: string; scope: DraftScope }>) {
  const { message, modal } = App.useApp();
  const drafts = useMeetingCount(branchId, { ...scope, status: '草稿' });
  const [finalizing, setFinalizing] = useState(false);
  const name = `${scope.year}年度${scope.kind ?? ''}`;
  const finalizeInOrder = async () => {
    setFinalizing(true);
    let plan: DraftsFinalization;
    try {
      plan = await planFinalizeDrafts(branchId, scope);
    } catch (error) {
      message.error(errorText(error));
      return;
    } finally {
      setFinalizing(false);
    }
    if (plan.finalized.length === 0) {
      modal.warning({
        title: `${name}没有可以定稿的草稿`,
        content: <BlockedDrafts blocked={plan.blocked} />,
        okText: '知道了',
        width: 560,
      });
      return;
    }
    modal.confirm({
      title: `按日期顺序定稿${name}草稿？`,
      content: <FinalizePlan plan={plan} />,
      okText: '确定定稿',
      cancelText: '取消',
      width: 560,
      // Cannot be undone: opened on 取消, as the single 定稿 is.
      focusable: { autoFocusButton: 'cancel' },
      onOk: async () => {
        try {
          const done = await finalizeDrafts(branchId, scope);
          message.success(`已按日期顺序定稿 ${done.finalized.length} 份记录`);
          if (done.blocked.length > 0) {
            modal.warning({
              title: `${done.blocked.length} 份草稿未定稿`,
              content: <BlockedDrafts blocked={done.blocked} />,
              okText: '知道了',
              width: 560,
            });
          }
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });
  };
  if (!drafts) return null;
  return (
    <Flex align="center" wrap gap={8} style={{ marginBottom: 12 }}>
      <Button icon={<CheckOutlined />} loading={finalizing} onClick={() => void finalizeInOrder()}>
        按日期顺序定稿
      </Button>
      <Typography.Text type="secondary">{`${name}还有 ${drafts} 份草稿`}</Typography.Text>
    </Flex>
  );
}

/** The confirmation of 按日期顺序定稿: what will be finalised, what it does to finalised records, what stays a draft. */
function FinalizePlan({ plan }: Readonly<{ plan: DraftsFinalization }>) {
  const byKind = MEETING_KINDS.map((k) => [k, plan.finalized.filter((m) => m.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n} 份`)
    .join('、');
  return (
    <>
      <Typography.Paragraph>
        {`将按会议日期从早到晚定稿 ${plan.finalized.length} 份草稿（${byKind}），序号依次排定。定稿后不能直接修改，如需更正须填写理由并留下记录。`}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {plan.renumbered > 0
          ? `另有 ${plan.renumbered} 份已定稿的记录日期在这些草稿之后，其序号将按日期顺序顺延；调整记入操作日志，不算更正。`
          : '已定稿记录的序号不受影响。'}
      </Typography.Paragraph>
      {plan.blocked.length > 0 && <BlockedDrafts blocked={plan.blocked} />}
    </>
  );
}

/** Drafts left as drafts, each with what a save would refuse. */
function BlockedDrafts({ blocked }: Readonly<{ blocked: readonly BlockedDraft[] }>) {
  const more = blocked.length - LISTED_DRAFTS;
  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {`以下 ${blocked.length} 份草稿有问题，将保留为草稿，请打开修改后再定稿：`}
      </Typography.Paragraph>
      <ul aria-label="不能定稿的草稿" style={{ margin: 0, paddingInlineStart: 20 }}>
        {blocked.slice(0, LISTED_DRAFTS).map(({ meeting: m, problems }) => (
          <li key={m.id}>{`${m.date} ${m.kind}「${m.topic}」：${problems.join('；')}`}</li>
        ))}
        {more > 0 && <li>{`另有 ${more} 份`}</li>}
      </ul>
    </>
  );
}

interface ListCountProps {
  searching: boolean;
  /** Records the filter matches (undefined while counting). */
  count: number | undefined;
  shown: number;
  hasMore: boolean;
}

/** 「共 N 条」 for the filters, 「共找到 N 条」 for a search (narrowed by them), with how many are listed so far. */
function ListCount({ searching, count, shown, hasMore }: Readonly<ListCountProps>) {
  let text: string | undefined;
  const total = searching ? '共找到' : '共';
  if (count !== undefined) text = hasMore ? `${total} ${count} 条，已列出 ${shown} 条` : `${total} ${count} 条`;
  // A search's count reads and confirms its candidates: until it is there, what is listed.
  else if (searching) text = hasMore ? `已列出 ${shown} 条，还有更多` : `共找到 ${shown} 条`;
  return (
    <Typography.Paragraph type="secondary" role="status" style={{ marginBottom: 8, minHeight: 22 }}>
      {text}
    </Typography.Paragraph>
  );
}
