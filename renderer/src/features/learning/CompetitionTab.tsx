// 技能比武 (练硬功、打擂台、强技能、出人才): the branch's events with each participant's result and award.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Table, Typography } from 'antd';
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
  const data = useCompetitions(branchId);
  const [adding, setAdding] = useState(false);
  if (!data) return <Loading />;
  if (adding) return <CompetitionForm branchId={branchId} members={data.members} onDone={() => setAdding(false)} />;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Text strong>{COMPETITION_MOTTO}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
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
            width: 80,
            render: (_, c) => (
              <Popconfirm
                title={`删除「${c.name}」？`}
                okText="删除"
                cancelText="取消"
                onConfirm={() => void deleteCompetition(c.id)}
              >
                <Button size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}
