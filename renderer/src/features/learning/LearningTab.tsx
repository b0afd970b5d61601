// 学习记录: entry form, the year's completion matrix per target (✓/✗ per member × period) and member/branch rates,
// and the year's entries, each of which can be corrected (编辑) or, after a confirmation, deleted.
import { EditOutlined } from '../../ui/icons';
import { Alert, App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { LEARNING_KIND_NAMES, type LearningKind } from '../../../../shared/domain/vocab';
import {
  formatRate,
  learningOverview,
  LEARNING_TARGETS,
  type CellStatus,
  type MatrixRow,
} from '../../../../shared/learning';
import { chinaToday, type Learning, type Member } from '../../../../shared/schemas';
import { deleteLearning } from '../../db/repositories/learning';
import { Loading } from '../../ui/Loading';
import { YearSelect } from '../dashboard/YearSelect';
import { LearningForm } from './LearningForm';
import { useLearningYear } from './useLearningYear';

const MARK: Record<CellStatus, { text: string; label: string; color?: string }> = {
  done: { text: '✓', label: '已完成', color: 'green' },
  missed: { text: '✗', label: '未完成', color: 'red' },
  open: { text: '…', label: '进行中' },
  none: { text: '—', label: '不计' },
};

interface OverviewRow {
  memberId: string;
  name: string;
  rate: number | null;
  kinds: MatrixRow[];
}

export function LearningTab({ branchId }: Readonly<{ branchId: string }>) {
  const today = chinaToday();
  const currentYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(currentYear);
  const [kind, setKind] = useState<LearningKind>('月写一篇');
  const data = useLearningYear(branchId, year);
  const overview = useMemo(
    () =>
      data &&
      learningOverview({
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        today,
        members: data.members,
        entries: data.entries,
        ...(data.established ? { established: data.established } : {}),
      }),
    [data, year, today],
  );
  if (!data || !overview) return <Loading />;
  const matrix = overview.matrices[LEARNING_KIND_NAMES.indexOf(kind)]!;
  const names = new Map(data.roster.map((m) => [m.id, m.name]));

  return (
    <>
      <LearningForm branchId={branchId} members={data.roster} />
      <Card
        title="完成情况"
        extra={<YearSelect value={year} onChange={setYear} currentYear={currentYear} />}
        style={{ marginBottom: 16 }}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="目标由名称而来"
          description={LEARNING_TARGETS.map((t) => `${t.kind}：${t.rule}`).join('；')}
        />
        <Typography.Paragraph>
          <Typography.Text strong>全支部学习完成率 {formatRate(overview.branch.rate)}</Typography.Text>
          （已完成 {overview.branch.done} / 应完成 {overview.branch.due}；当前未结束的时段不计入）
        </Typography.Paragraph>
        <Table<OverviewRow>
          size="small"
          rowKey="memberId"
          pagination={false}
          aria-label="党员学习完成率"
          dataSource={overview.members.map((m, i) => ({ ...m, kinds: overview.matrices.map((mx) => mx.rows[i]!) }))}
          columns={[
            { key: 'name', title: '党员', dataIndex: 'name' },
            ...LEARNING_KIND_NAMES.map((k, ki) => ({
              key: k,
              title: k,
              render: (_: unknown, row: OverviewRow) => formatRate(row.kinds[ki]!.rate),
            })),
            {
              key: 'rate',
              title: '综合完成率',
              render: (_: unknown, row: { rate: number | null }) => formatRate(row.rate),
            },
          ]}
        />
      </Card>
      <Card title="完成矩阵" style={{ marginBottom: 16 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Segmented<LearningKind>
            aria-label="学习类型"
            options={[...LEARNING_KIND_NAMES]}
            value={kind}
            onChange={setKind}
          />
          <Typography.Text>
            {matrix.target.kind}：{matrix.target.rule}。本项全支部完成率 {formatRate(matrix.branch.rate)}
          </Typography.Text>
          <Table<MatrixRow>
            size="small"
            rowKey="memberId"
            pagination={false}
            scroll={{ x: true }}
            aria-label={`${kind}完成矩阵`}
            dataSource={matrix.rows}
            columns={[
              { key: 'name', title: '党员', dataIndex: 'name', fixed: 'left' },
              ...matrix.periods.map((p, pi) => ({
                key: p.key,
                title: p.label.replace(`${year}年`, ''),
                align: 'center' as const,
                render: (_: unknown, row: MatrixRow) => {
                  const cell = row.cells[pi]!;
                  const mark = MARK[cell.status];
                  return (
                    <span title={`${p.label}：${mark.label}（${cell.count}）`} aria-label={`${p.label}${mark.label}`}>
                      {mark.color ? <Tag color={mark.color}>{mark.text}</Tag> : mark.text}
                    </span>
                  );
                },
              })),
              { key: 'rate', title: '完成率', render: (_: unknown, row: MatrixRow) => formatRate(row.rate) },
            ]}
          />
        </Space>
      </Card>
      <EntryList branchId={branchId} members={data.roster} entries={data.entries} names={names} />
    </>
  );
}

interface EntryListProps {
  branchId: string;
  members: readonly Member[];
  entries: Learning[];
  names: Map<string, string>;
}

function EntryList({ branchId, members, entries, names }: Readonly<EntryListProps>) {
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<Learning | null>(null);
  const onDelete = (entry: Learning) =>
    modal.confirm({
      title: `删除学习记录「${entry.title}」？`,
      content: `${names.get(entry.memberId) ?? '（已不在名册）'}，${entry.date}，${entry.kind}。删除后不能恢复。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      focusable: { autoFocusButton: 'cancel' },
      onOk: async () => {
        try {
          await deleteLearning(entry);
          message.success('已删除');
        } catch (error) {
          message.error(`删除失败：${error instanceof Error ? error.message : String(error)}`);
        }
      },
    });
  return (
    <Card title="本年度学习记录">
      <Table<Learning>
        size="small"
        rowKey="id"
        dataSource={[...entries].reverse()}
        pagination={{ pageSize: 20 }}
        columns={[
          { key: 'date', title: '日期', dataIndex: 'date', width: 120 },
          { key: 'member', title: '党员', render: (_, e) => names.get(e.memberId) ?? '（已不在名册）' },
          { key: 'kind', title: '类型', dataIndex: 'kind' },
          { key: 'title', title: '标题', dataIndex: 'title' },
          { key: 'notes', title: '心得', dataIndex: 'notes', ellipsis: true },
          {
            key: 'files',
            title: '附件',
            render: (_, e) => (e.attachmentIds.length ? `${e.attachmentIds.length} 个` : ''),
          },
          {
            key: 'actions',
            title: '操作',
            width: 150,
            render: (_, e) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={`编辑「${e.title}」`}
                  onClick={() => setEditing(e)}
                >
                  编辑
                </Button>
                <Button size="small" danger aria-label={`删除「${e.title}」`} onClick={() => onDelete(e)}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <LearningForm
          // Keyed so that opening another entry starts a fresh form.
          key={editing.id}
          branchId={branchId}
          members={members}
          entry={editing}
          onDone={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
