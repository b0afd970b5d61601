// Read-only 支部概况 of one branch: basic facts, committee, party groups and culture, as an inspector reads them.
import { Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { tenureText } from '../../../../shared/branch/committee';
import { sameName } from '../../../../shared/names';
import { chinaToday, type Branch, type CommitteeMember, type PartyGroup } from '../../../../shared/schemas';

const NOT_FILLED = '未填写';

/**
 * Those in office first — 书记, 副书记, then the other posts in the order the form first names them (换届选举 adds its
 * new 书记 at the end of the form) — then those who take office later (a 换届 entered ahead, 任职起 still to come),
 * then former members (任职止 past), the latest to leave first. A former row of someone now in another post says so
 * (「改任书记」) rather than 「已离任」.
 */
function committeeRows(committee: readonly CommitteeMember[], today: string) {
  const former = (m: CommitteeMember) => Boolean(m.to && m.to < today);
  const upcoming = (m: CommitteeMember) => Boolean(m.from && m.from > today);
  const rank = (r: { former: boolean; upcoming: boolean }) => (r.former ? 2 : r.upcoming ? 1 : 0);
  const post = (role: string) =>
    role === '书记' ? -2 : role === '副书记' ? -1 : committee.findIndex((m) => m.role === role);
  const inOffice = committee.filter((m) => !former(m) && !upcoming(m));
  return committee
    .map((member, index) => ({
      ...member,
      key: index,
      former: former(member),
      upcoming: upcoming(member),
      nowRole: former(member)
        ? inOffice.find((m) => m.role !== member.role && sameName(m.name, member.name))?.role
        : undefined,
    }))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.former ? (b.to! < a.to! ? -1 : b.to! > a.to! ? 1 : 0) : post(a.role) - post(b.role)) ||
        a.key - b.key,
    );
}

export function BranchProfile({ branch }: Readonly<{ branch: Branch }>) {
  const today = chinaToday();
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {branch.name}
        </Typography.Title>
        <Descriptions
          bordered
          // Two pairs a row only where both fit: in a half-screen window (683 px) labels and dates broke mid-word.
          column={{ xs: 1, sm: 1, md: 1, lg: 2 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'parentOrg', label: '上级党组织', children: branch.parentOrg || NOT_FILLED },
            { key: 'establishedDate', label: '成立日期', children: branch.establishedDate || NOT_FILLED },
            { key: 'termStart', label: '本届开始日期', children: branch.termStart },
            { key: 'termEnd', label: '本届结束日期', children: branch.termEnd },
            { key: 'unitSpirit', label: '单位精神', children: branch.unitSpirit || NOT_FILLED, span: 2 },
            { key: 'deptPhilosophy', label: '科室理念', children: branch.deptPhilosophy || NOT_FILLED, span: 2 },
          ]}
        />
      </Card>
      <Card title="支委会成员" style={{ marginBottom: 16 }}>
        <Table<ReturnType<typeof committeeRows>[number]>
          rowKey="key"
          dataSource={committeeRows(branch.committee, today)}
          pagination={false}
          size="small"
          locale={{ emptyText: <Empty description="尚未填写支委会成员" /> }}
          columns={[
            // No fixed widths: 160 + 240 px left 姓名 one character wide (「姓/名」) in a 683-px window.
            { key: 'role', title: '职务', dataIndex: 'role' },
            {
              key: 'name',
              title: '姓名',
              dataIndex: 'name',
              onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              render: (name: string, row) =>
                row.former ? (
                  <Space size={4}>
                    <Typography.Text type="secondary">{name}</Typography.Text>
                    <Tag>{row.nowRole ? `改任${row.nowRole}` : '已离任'}</Tag>
                  </Space>
                ) : row.upcoming ? (
                  <Space size={4}>
                    {name}
                    <Tag color="blue">待任</Tag>
                  </Space>
                ) : (
                  name
                ),
            },
            {
              key: 'tenure',
              title: '任职起止',
              onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              render: (_: unknown, row) => tenureText(row) || <Typography.Text type="secondary">—</Typography.Text>,
            },
          ]}
        />
      </Card>
      <Card title="党小组">
        <Table<PartyGroup>
          rowKey="id"
          dataSource={branch.partyGroups}
          pagination={false}
          size="small"
          locale={{ emptyText: <Empty description="尚未设置党小组" /> }}
          columns={[
            { key: 'name', title: '名称', dataIndex: 'name' },
            { key: 'leaderName', title: '组长', dataIndex: 'leaderName', render: (v: string) => v || NOT_FILLED },
          ]}
        />
      </Card>
    </>
  );
}
