// One leader's list for a year as read: 任职起止 after a 年内换届, duties, tasks (overdue ones red with 已逾期, evidence
// linked) and 述职.
import { DeleteOutlined, EditOutlined } from '../../ui/icons';
import { Button, Card, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { tenureText } from '../../../../shared/branch/committee';
import type { Responsibility, ResponsibilityTask } from '../../../../shared/schemas';
import { isTaskOverdue, type EvidenceChoice } from '../../db/repositories/responsibilities';
import { recordsHref } from '../meetings/recordsRoute';
import { carriedFromNote } from '../../../../shared/domain/carriedTasks';

interface Props {
  responsibility: Responsibility;
  evidence: ReadonlyMap<string, EvidenceChoice>;
  /** Tasks of this list carried into a later year's list unfinished (task id → year): followed there, not here. */
  carriedOn?: ReadonlyMap<string, number>;
  today: string;
  onEdit: () => void;
  onDelete: () => void;
}

/** The card's title as the list's heading (under the page's h2), in the card title's own look. */
const TITLE_HEADING: CSSProperties = {
  margin: 0,
  font: 'inherit',
  color: 'inherit',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
};
/** The parts' headings (h4 under the title's h3), at the size the card used for them. */
const PART_HEADING: CSSProperties = { fontSize: 16 };

const STATUS_COLORS: Record<ResponsibilityTask['status'], string> = {
  未开始: 'default',
  进行中: 'processing',
  已完成: 'success',
};

export function ResponsibilityCard({
  responsibility: r,
  evidence,
  carriedOn,
  today,
  onEdit,
  onDelete,
}: Readonly<Props>) {
  // A task carried on is that year's to finish: it is not flagged 已逾期 here a second time.
  const overdue = (task: ResponsibilityTask) => !carriedOn?.has(task.id) && isTaskOverdue(task, today);
  // 「胡桂兰（第一责任人，2025-07-15 起）」: who answered for which part of the year is read in the title.
  const tenure = tenureText(r);
  const title = tenure ? `${r.holderName}（${r.role}，${tenure}）` : `${r.holderName}（${r.role}）`;
  return (
    <Card
      title={<h3 style={TITLE_HEADING}>{title}</h3>}
      role="region"
      aria-label={title}
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          <Button icon={<EditOutlined />} onClick={onEdit}>
            编辑
          </Button>
          <Popconfirm title="确定删除该责任清单吗？" okText="删除" cancelText="取消" onConfirm={onDelete}>
            <Button danger icon={<DeleteOutlined />}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Typography.Title level={4} style={PART_HEADING}>
        职责
      </Typography.Title>
      {r.duties.length === 0 ? (
        <Typography.Paragraph type="secondary">尚未填写职责。</Typography.Paragraph>
      ) : (
        <ol>
          {r.duties.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ol>
      )}
      <Typography.Title level={4} style={PART_HEADING}>
        任务清单
      </Typography.Title>
      <Table<ResponsibilityTask>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={r.tasks}
        locale={{ emptyText: <Empty description="尚未添加任务" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        onRow={(task) => (overdue(task) ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          {
            title: '任务',
            dataIndex: 'title',
            render: (text: string, task) => (
              <>
                {overdue(task) ? <Typography.Text type="danger">{text}</Typography.Text> : text}
                {carriedFromNote(task, r.year) && <Tag style={{ marginLeft: 8 }}>{task.carriedFrom}年度转入</Tag>}
              </>
            ),
          },
          {
            title: '完成时限',
            dataIndex: 'deadline',
            width: 120,
            render: (deadline: string | undefined) => deadline || '—',
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 150,
            render: (status: ResponsibilityTask['status'], task) => (
              <Space size={4}>
                <Tag color={STATUS_COLORS[status]}>{status}</Tag>
                {overdue(task) && <Tag color="red">已逾期</Tag>}
                {carriedOn?.has(task.id) && <Tag>已转入{carriedOn.get(task.id)}年度</Tag>}
              </Space>
            ),
          },
          { title: '完成情况', dataIndex: 'note' },
          {
            title: '佐证记录',
            dataIndex: 'evidenceMeetingIds',
            render: (ids: string[]) => (
              <Flex vertical>
                {ids.map((id) => (
                  <a key={id} href={recordsHref({ view: 'show', id })}>
                    {evidence.get(id)?.label ?? '查看记录'}
                  </a>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      <Typography.Title level={4} style={{ ...PART_HEADING, marginTop: 16 }}>
        述职
      </Typography.Title>
      {r.reports.length === 0 ? (
        <Typography.Paragraph type="secondary">尚未记录述职。</Typography.Paragraph>
      ) : (
        <Table
          size="small"
          rowKey={(p) => `${p.date}:${p.summary.slice(0, 20)}`}
          pagination={false}
          dataSource={r.reports}
          columns={[
            { title: '日期', dataIndex: 'date', width: 120 },
            { title: '述职内容', dataIndex: 'summary' },
            { title: '评议结果', dataIndex: 'rating', width: 120 },
          ]}
        />
      )}
    </Card>
  );
}
