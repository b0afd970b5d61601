// One venue's page: its facts, the 七有 checklist with evidence, the 阵地复查 history and form, records held there. Only
// for a venue of the current branch: another branch's says whose it is instead, so that nothing (a 复查, a 七有 tick,
// 编辑, 删除) is written to that branch from under this one's name.
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '../../ui/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Grid,
  Modal,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  chinaToday,
  SEVEN_HAVES_NOT_APPLICABLE,
  sevenHavesApply,
  type Venue,
  type VenueCheck,
} from '../../../../shared/schemas';
import {
  completeChecklist,
  deleteVenue,
  deleteVenueCheck,
  sevenHavesProgress,
  venueChecklistWarnings,
} from '../../db/repositories/venues';
import { errorText } from '../../db/repositories/errors';
import { useConfirmClose } from '../../ui/LeaveConfirm';
import { Loading } from '../../ui/Loading';
import { OtherBranchNotice } from '../branch/OtherBranchNotice';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { recordsHref } from '../meetings/recordsRoute';
import { ChecklistItem } from './ChecklistItem';
import { VenueCheckForm } from './VenueCheckForm';
import { dueState, overdueLabel } from './venueDisplay';
import { goToVenues } from './venueRoute';
import { useVenue, VENUE_MEETINGS_SHOWN } from './useVenue';
import { areaText, capacityText } from '../../../../shared/domain/venueText';

export function VenueView({ venueId }: Readonly<{ venueId: string }>) {
  const { message } = App.useApp();
  const details = useVenue(venueId);
  const current = useCurrentBranch();
  const today = chinaToday();
  const [editingCheck, setEditingCheck] = useState<VenueCheck | null>(null);
  const confirmClose = useConfirmClose();
  // Below 992 px, as the records list (RecordList.tsx).
  const compact = Grid.useBreakpoint().lg === false;
  // 登记复查 sits below the 七有 checklist, 35 controls that change data and the history's 修改/删除: 64 Tab presses
  // from the heading at 683 px. 前往登记复查 at the top brings the form up and puts the keyboard in its first field.
  const checkSectionRef = useRef<HTMLDivElement>(null);
  const goToCheckForm = () => {
    const section = checkSectionRef.current;
    if (!section) return;
    section.scrollIntoView({ block: 'start' });
    section.querySelector<HTMLElement>('input, textarea')?.focus({ preventScroll: true });
  };

  // A check just registered: its row, at the top of the history above the emptied form, is out of view; once the list
  // shows it, its 修改 takes the focus (and so the row scrolls into view).
  const historyRef = useRef<HTMLDivElement>(null);
  const justAdded = useRef<string | null>(null);
  const focusAdded = () => {
    const id = justAdded.current;
    const row = id ? historyRef.current?.querySelector(`[data-row-key="${CSS.escape(id)}"]`) : null;
    if (!row) return;
    justAdded.current = null;
    row.querySelector<HTMLElement>('button')?.focus();
  };
  useEffect(focusAdded, [details]);

  if (details === undefined || current === undefined) return <Loading />;
  if (details === null) {
    return (
      <Empty description="找不到该阵地，可能已被删除">
        <Button onClick={() => goToVenues({ view: 'list' })}>返回阵地列表</Button>
      </Empty>
    );
  }

  const { venue, checks, meetings, moreMeetings, inUse } = details;
  if (venue.branchId !== current?.id) {
    return (
      <OtherBranchNotice
        branchId={venue.branchId}
        what="该阵地"
        backLabel="返回本支部阵地列表"
        onBack={() => goToVenues({ view: 'list' })}
      />
    );
  }

  const removeVenue = async () => {
    try {
      await deleteVenue(venue.id);
      message.success(`已删除阵地「${venue.name}」`);
      goToVenues({ view: 'list' });
    } catch (error) {
      message.error(`删除失败：${errorText(error)}`);
    }
  };

  const removeCheck = async (check: VenueCheck) => {
    try {
      await deleteVenueCheck(check.id);
      message.success(`已删除 ${check.date} 的复查记录`);
    } catch (error) {
      message.error(`删除失败：${errorText(error)}`);
    }
  };

  const progress = sevenHavesProgress(venue);
  const warnings = venueChecklistWarnings(venue);
  const next = dueState(checks[0]?.nextDueDate, today);
  const entries = completeChecklist(venue.checklist);
  const hasChecklistData = entries.some((e) => e.ok || e.note !== '' || e.attachmentIds.length > 0);
  const checklist = entries.map((entry) => (
    <ChecklistItem
      key={entry.key}
      branchId={venue.branchId}
      venueId={venue.id}
      entry={entry}
      warning={warnings[entry.key]}
    />
  ));

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {venue.name}
        </Typography.Title>
        <Space wrap>
          <Button onClick={goToCheckForm}>前往登记复查</Button>
          <Button icon={<ArrowLeftOutlined />} onClick={() => goToVenues({ view: 'list' })}>
            返回阵地列表
          </Button>
          <Button type="primary" icon={<EditOutlined />} onClick={() => goToVenues({ view: 'edit', id: venue.id })}>
            编辑
          </Button>
          <DeleteVenueButton venue={venue} inUse={inUse} onConfirm={removeVenue} />
        </Space>
      </Flex>

      <Card title="基本情况" style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'kind', label: '阵地类型', children: venue.kind },
            { key: 'area', label: '面积', children: areaText(venue.areaM2) },
            { key: 'capacity', label: '容纳人数', children: capacityText(venue.capacity) },
            { key: 'manager', label: '管理人', children: venue.manager || '未填写' },
            { key: 'address', label: '地址', children: venue.address || '未填写' },
            {
              key: 'next',
              label: '下次复查',
              children: next ? (
                <Space>
                  {next.text}
                  {next.overdue && <Tag color="red">{overdueLabel(next.text, today)}</Tag>}
                </Space>
              ) : (
                '未安排'
              ),
            },
          ]}
        />
      </Card>

      {sevenHavesApply(venue) ? (
        <Card
          title={`“七有”标准（已具备 ${progress.done}/${progress.total}）`}
          extra={
            <Progress
              percent={Math.round((progress.done / progress.total) * 100)}
              size="small"
              style={{ width: 160 }}
              aria-label={`七有 已具备 ${progress.done}/${progress.total}`}
            />
          }
          style={{ marginBottom: 16 }}
        >
          {checklist}
        </Card>
      ) : (
        <Card title="“七有”标准" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {SEVEN_HAVES_NOT_APPLICABLE}，{venue.kind}不按“七有”逐项核对。
          </Typography.Paragraph>
          {/* Ticks, notes or photos entered before (or while the kind was 党员活动室) stay reachable, not lost. */}
          {hasChecklistData && (
            <>
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                以下是此前登记的核对情况：
              </Typography.Paragraph>
              {checklist}
            </>
          )}
        </Card>
      )}

      <Card title="阵地复查" style={{ marginBottom: 16 }}>
        <div ref={historyRef}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={checks}
            locale={{ emptyText: '尚无复查记录' }}
            style={{ marginBottom: 16 }}
            columns={[
              // Narrow (683 px: about 440 px for the table), the date and the inspector share a column and the
              // actions stand one above the other: 检查情况, the only free text, kept 44 px, two characters a line.
              ...(compact
                ? [
                    {
                      title: '复查日期、检查人',
                      key: 'when',
                      width: 104,
                      render: (_value: unknown, check: VenueCheck) => (
                        <>
                          <div>{check.date}</div>
                          <Typography.Text type="secondary">{check.inspector}</Typography.Text>
                        </>
                      ),
                    },
                  ]
                : [
                    { title: '复查日期', dataIndex: 'date', width: 120 },
                    { title: '检查人', dataIndex: 'inspector', width: 100 },
                  ]),
              { title: '检查情况', dataIndex: 'findings', render: (text: string) => text || '—' },
              {
                title: '下次复查日期',
                dataIndex: 'nextDueDate',
                width: compact ? 104 : 200,
                render: (date: string, _row, index) => {
                  if (!date) return '未安排';
                  // Only the latest check's date is still pending; older ones were settled by the checks after them.
                  const overdue = index === 0 && dueState(date, today)?.overdue;
                  return (
                    <Space orientation={compact ? 'vertical' : 'horizontal'} size={compact ? 2 : undefined}>
                      {date}
                      {overdue && <Tag color="red">{overdueLabel(date, today)}</Tag>}
                    </Space>
                  );
                },
              },
              {
                title: '操作',
                key: 'actions',
                width: compact ? 64 : 140,
                render: (_value, check) => (
                  <Space size={0} orientation={compact ? 'vertical' : 'horizontal'}>
                    <Button
                      type="link"
                      size="small"
                      aria-label={`修改 ${check.date} 的复查记录`}
                      onClick={() => setEditingCheck(check)}
                    >
                      修改
                    </Button>
                    <Popconfirm
                      title="删除这条复查记录？"
                      description={`${check.date} 检查人 ${check.inspector} 的复查记录将被删除（记入操作日志）。`}
                      okText="删除"
                      cancelText="取消"
                      okButtonProps={{ danger: true }}
                      onConfirm={() => removeCheck(check)}
                    >
                      <Button type="link" size="small" danger aria-label={`删除 ${check.date} 的复查记录`}>
                        删除
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </div>
        <div ref={checkSectionRef}>
          <Typography.Title level={4}>登记复查</Typography.Title>
          <VenueCheckForm
            venueId={venue.id}
            onAdded={(check) => {
              justAdded.current = check.id;
              focusAdded();
            }}
          />
        </div>
      </Card>

      <Modal
        open={editingCheck !== null}
        title={editingCheck ? `修改复查记录（${editingCheck.date}）` : ''}
        footer={null}
        width={720}
        onCancel={confirmClose(() => setEditingCheck(null))}
        destroyOnHidden
      >
        {editingCheck && (
          <VenueCheckForm
            key={editingCheck.id}
            venueId={venue.id}
            check={editingCheck}
            onSaved={() => setEditingCheck(null)}
            onCancel={confirmClose(() => setEditingCheck(null))}
          />
        )}
      </Modal>

      <Card title="在此开展的活动">
        {meetings.length === 0 ? (
          <Typography.Text type="secondary">尚无在此阵地开展的活动记录。</Typography.Text>
        ) : (
          <>
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {meetings.map((meeting) => (
                <li key={meeting.id}>
                  {meeting.date} {meeting.kind}{' '}
                  {/* Underlined: in a line of dark text, the red alone does not mark it as a link. */}
                  <Typography.Link href={recordsHref({ view: 'show', id: meeting.id })} underline>
                    {meeting.topic}
                  </Typography.Link>
                </li>
              ))}
            </ul>
            {moreMeetings && (
              // The 工作记录 route carries no filter, so the way to the whole list is said rather than linked.
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                以上仅列出最近 {VENUE_MEETINGS_SHOWN} 条。查看全部：打开
                <Typography.Link href={recordsHref({ view: 'list' })} underline>
                  工作记录
                </Typography.Link>
                ，在“阵地”筛选中选择「{venue.name}」。
              </Typography.Paragraph>
            )}
          </>
        )}
      </Card>
    </>
  );
}

/**
 * 删除阵地: for a venue nothing uses, asks first; for a used one, says why it cannot be deleted (on click, so the
 * reason is reachable by keyboard too, unlike a tooltip on a disabled button).
 */
function DeleteVenueButton({
  venue,
  inUse,
  onConfirm,
}: Readonly<{ venue: Venue; inUse?: string; onConfirm: () => Promise<void> }>) {
  const button = (
    <Button danger icon={<DeleteOutlined />}>
      删除阵地
    </Button>
  );
  if (inUse) {
    return (
      <Popconfirm title="不能删除该阵地" description={inUse} okText="知道了" showCancel={false}>
        {button}
      </Popconfirm>
    );
  }
  return (
    <Popconfirm
      title={`删除阵地「${venue.name}」？`}
      description={
        sevenHavesApply(venue)
          ? '该阵地没有活动记录、复查记录和七有佐证照片，也未被考评引用。删除后，它的七有核对情况一并删除，地点选项中不再有它。'
          : '该阵地没有活动记录和复查记录，也未被考评引用。删除后，地点选项中不再有它。'
      }
      okText="删除"
      cancelText="取消"
      okButtonProps={{ danger: true }}
      onConfirm={onConfirm}
    >
      {button}
    </Popconfirm>
  );
}
