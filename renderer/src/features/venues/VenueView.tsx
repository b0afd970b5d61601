// One venue's page: its facts, the 七有 checklist with evidence, the 阵地复查 history and form, records held there.
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Progress, Space, Table, Tag, Typography } from 'antd';
import { chinaToday } from '../../../../shared/schemas';
import { completeChecklist, sevenHavesProgress, venueChecklistWarnings } from '../../db/repositories/venues';
import { Loading } from '../../ui/Loading';
import { ChecklistItem } from './ChecklistItem';
import { VenueCheckForm } from './VenueCheckForm';
import { dueState, overdueLabel } from './venueDisplay';
import { goToVenues } from './venueRoute';
import { useVenue } from './useVenue';
import { areaText, capacityText } from '../../../../shared/domain/venueText';

export function VenueView({ venueId }: Readonly<{ venueId: string }>) {
  const details = useVenue(venueId);
  const today = chinaToday();

  if (details === undefined) return <Loading />;
  if (details === null) {
    return (
      <Empty description="找不到该阵地，可能已被删除">
        <Button onClick={() => goToVenues({ view: 'list' })}>返回阵地列表</Button>
      </Empty>
    );
  }

  const { venue, checks, meetings } = details;
  const progress = sevenHavesProgress(venue);
  const warnings = venueChecklistWarnings(venue);
  const next = dueState(checks[0]?.nextDueDate, today);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {venue.name}
        </Typography.Title>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => goToVenues({ view: 'list' })}>
            返回阵地列表
          </Button>
          <Button type="primary" icon={<EditOutlined />} onClick={() => goToVenues({ view: 'edit', id: venue.id })}>
            编辑
          </Button>
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

      <Card
        title={`“七有”标准（已具备 ${progress.done}/${progress.total}）`}
        extra={
          <Progress percent={Math.round((progress.done / progress.total) * 100)} size="small" style={{ width: 160 }} />
        }
        style={{ marginBottom: 16 }}
      >
        {completeChecklist(venue.checklist).map((entry) => (
          <ChecklistItem
            key={entry.key}
            branchId={venue.branchId}
            venueId={venue.id}
            entry={entry}
            warning={warnings[entry.key]}
          />
        ))}
      </Card>

      <Card title="阵地复查" style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={checks}
          locale={{ emptyText: '尚无复查记录' }}
          style={{ marginBottom: 16 }}
          columns={[
            { title: '复查日期', dataIndex: 'date', width: 120 },
            { title: '检查人', dataIndex: 'inspector', width: 100 },
            { title: '检查情况', dataIndex: 'findings', render: (text: string) => text || '—' },
            {
              title: '下次复查日期',
              dataIndex: 'nextDueDate',
              width: 200,
              render: (date: string, _row, index) => {
                if (!date) return '未安排';
                // Only the latest check's date is still pending; older ones were settled by the checks after them.
                const overdue = index === 0 && dueState(date, today)?.overdue;
                return (
                  <Space>
                    {date}
                    {overdue && <Tag color="red">{overdueLabel(date, today)}</Tag>}
                  </Space>
                );
              },
            },
          ]}
        />
        <Typography.Title level={4}>登记复查</Typography.Title>
        <VenueCheckForm venueId={venue.id} />
      </Card>

      <Card title="在此开展的活动">
        {meetings.length === 0 ? (
          <Typography.Text type="secondary">尚无在此阵地开展的活动记录。</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {meetings.map((meeting) => (
              <li key={meeting.id}>
                {meeting.date} {meeting.kind} <a href="#/records">{meeting.topic}</a>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
