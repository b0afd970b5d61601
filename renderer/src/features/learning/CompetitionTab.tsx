// 技能比武 (练硬功、打擂台、强技能、出人才): the branch's events with each participant's result and award; each can be
// corrected (编辑) or, after a confirmation, deleted.
import { EditOutlined, PlusOutlined } from '../../ui/icons';
import { App, Button, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { COMPETITION_MOTTO } from '../../../../shared/learning';
import type { Competition, CompetitionParticipant } from '../../../../shared/schemas';
import { deleteCompetition } from '../../db/repositories/competitions';
import { Loading } from '../../ui/Loading';
import { CompetitionForm } from './CompetitionForm';
import { useCompetitions } from './useCompetitions';

const result = (p: CompetitionParticipant) =>
  [p.name, p.score !== null ? `${p.score}分` : '', p.rank !== null ? `第${p.rank}名` : '', p.award]
    .filter(Boolean)
    .join(' ');

export function CompetitionTab({ branchId }: Readonly<{ branchId: string }>) {
  const { message } = App.useApp();
  const data = useCompetitions(branchId);
  // null: the list; {}: a new event; { competition }: correcting that one.
  const [editing, setEditing] = useState<{ competition?: Competition } | null>(null);
  if (!data) return <Loading />;
  if (editing) {
    return (
      <CompetitionForm
        key={editing.competition?.id ?? 'new'}
        branchId={branchId}
        members={data.members}
        competition={editing.competition}
        onDone={() => setEditing(null)}
      />
    );
  }
  const remove = async (c: Competition) => {
    try {
      await deleteCompetition(c.id);
      message.success('已删除');
    } catch (error) {
      message.error(`删除失败：${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Text strong>{COMPETITION_MOTTO}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          新增比武
        </Button>
      </Flex>
      <Table<Competition>
        rowKey="id"
        size="small"
        aria-label="技能比武"
        dataSource={data.competitions}
        locale={{ emptyText: '还没有岗位练兵、技能比武或知识竞赛记录' }}
        columns={[
          { key: 'date', title: '日期', dataIndex: 'date', width: 120 },
          { key: 'kind', title: '类型', dataIndex: 'kind', width: 100 },
          { key: 'name', title: '名称', dataIndex: 'name' },
          {
            key: 'results',
            title: '参赛人员及成绩',
            render: (_, c) =>
              [...c.participants]
                .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
                .map(result)
                .join('；') || '—',
          },
          {
            key: 'actions',
            title: '操作',
            width: 150,
            render: (_, c) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={`编辑「${c.name}」`}
                  onClick={() => setEditing({ competition: c })}
                >
                  编辑
                </Button>
                <Popconfirm
                  title={`删除「${c.name}」？`}
                  description={`${c.date}，${c.participants.length} 人参加。删除后不能恢复。`}
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => remove(c)}
                >
                  <Button size="small" danger aria-label={`删除「${c.name}」`}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
