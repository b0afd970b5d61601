// One leader's list for a year as read: 任职起止 after a 年内换届, duties, tasks (overdue ones red with 已逾期, evidence
// linked) and 述职.
import { DeleteOutlined, EditOutlined } from '../../ui/icons';
import { Button, Card, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { tenureText } from '../../../../shared/branch/committee';
import type { Responsibility, ResponsibilityTask } from '../../../../shared/schemas';
import { isTaskOverdue, type EvidenceChoice } from '../../db/repositories/responsibilities';
import { recordsHref } from '../meetings/recordsRoute';

interface Props {
  responsibility: Responsibility;
  evidence: ReadonlyMap<string, EvidenceChoice>;
  today: string;
  onEdit: () => void;
  onDelete: () => void;
}

const STATUS_COLORS: Record<ResponsibilityTask['status'], string> = {
  未开始: 'default',
  进行中: 'processing',
  已完成: 'success',
};

export function ResponsibilityCard({ responsibility: r, evidence, today, onEdit, onDelete }: Readonly<Props>) {
  // 「胡桂兰（第一责任人，2025-07-15 起）」: who answered for which part of the year is read in the title.
  const tenure = tenureText(r);
  const title = tenure ? `${r.holderName}（${r.role}，${tenure}）` : `${r.holderName}（${r.role}）`;
  return (
    <Card
      title={title}
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
      <Typography.Title level={5}>职责</Typography.Title>
      {r.duties.length === 0 ? (
        <Typography.Paragraph type="secondary">尚未填写职责。</Typography.Paragraph>
      ) : (
        <ol>
          {r.duties.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ol>
      )}
      <Typography.Title level={5}>任务清单</Typography.Title>
      <Table<ResponsibilityTask>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={r.tasks}
        locale={{ emptyText: <Empty description="尚未添加任务" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        onRow={(task) => (isTaskOverdue(task, today) ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          {
            title: '任务',
            dataIndex: 'title',
            render: (text: string, task) =>
              isTaskOverdue(task, today) ? <Typography.Text type="danger">{text}</Typography.Text> : text,
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
                {isTaskOverdue(task, today) && <Tag color="red">已逾期</Tag>}
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
      <Typography.Title level={5} style={{ marginTop: 16 }}>
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
