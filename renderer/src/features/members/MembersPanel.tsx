// 党员名册 of the current branch: counts, the member table with 在册/已离开 filter, add/edit, 转出, Excel import and export.
import { EditOutlined, ExportOutlined, LogoutOutlined, PlusOutlined, UndoOutlined } from '../../ui/icons';
import { App, Button, Drawer, Empty, Flex, Grid, Modal, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { isCurrentMember, rosterCounts } from '../../../../shared/roster';
import { transferredIn } from '../../../../shared/rules/roster';
import { chinaToday, type Branch, type Member } from '../../../../shared/schemas';
import { restoreMember } from '../../db/repositories/members';
import { getHost } from '../../host/host';
import { namedPageButtons } from '../../ui/controlLabels';
import { useConfirmClose } from '../../ui/LeaveConfirm';
import { Loading } from '../../ui/Loading';
import { buildRosterExport, XLSX_FILTER } from './excel';
import { MemberForm } from './MemberForm';
import { MemberLeaveForm } from './MemberLeaveForm';
import { RosterImport } from './RosterImport';
import { useMembers } from './useMembers';

type Filter = 'current' | 'left' | 'all';
type Editing = { member?: Member } | null;

const FILTER_OPTIONS: { value: Filter; label: string }[] = [
  { value: 'current', label: '在册' },
  { value: 'left', label: '已离开' },
  { value: 'all', label: '全部' },
];

export function MembersPanel({ branch }: Readonly<{ branch: Branch }>) {
  // Below 1200 px the fixed 操作 column shows its buttons' icons (named, with a tooltip): their words took ≈ 240 px,
  // leaving four columns of the roster in a 683-px window, and at 1024 px the fixed column covered 党小组.
  const compact = Grid.useBreakpoint().xl === false;
  const { message } = App.useApp();
  const confirmClose = useConfirmClose();
  const members = useMembers(branch.id);
  const [filter, setFilter] = useState<Filter>('current');
  const [editing, setEditing] = useState<Editing>(null);
  const [leaving, setLeaving] = useState<Member | null>(null);
  const [exporting, setExporting] = useState(false);

  const shown = useMemo(
    () =>
      (members ?? []).filter((m) =>
        filter === 'all' ? true : filter === 'current' ? isCurrentMember(m) : !isCurrentMember(m),
      ),
    [members, filter],
  );

  if (members === undefined) return <Loading />;

  const counts = rosterCounts(members, branch.partyGroups);
  const groupName = new Map(branch.partyGroups.map((g) => [g.id, g.name]));

  const exportRoster = async () => {
    setExporting(true);
    try {
      const bytes = await buildRosterExport(shown, branch.partyGroups);
      const outcome = await getHost().saveFile(`党员名册-${branch.name}-${chinaToday()}.xlsx`, bytes, [XLSX_FILTER]);
      if (outcome === 'saved') message.success(`已导出 ${shown.length} 名党员`);
    } catch (error) {
      message.error(`导出失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setExporting(false);
    }
  };

  const restore = async (member: Member) => {
    try {
      await restoreMember(member.id);
      message.success(`「${member.name}」已恢复在册`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section aria-label="党员名册">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            新增党员
          </Button>
          <RosterImport branch={branch} members={members} />
          <Button icon={<ExportOutlined />} onClick={exportRoster} loading={exporting} disabled={shown.length === 0}>
            导出名册
          </Button>
        </Space>
        <Segmented<Filter> aria-label="名册范围" options={FILTER_OPTIONS} value={filter} onChange={setFilter} />
      </Flex>

      <Typography.Paragraph role="status" aria-label="名册统计">
        在册党员 {counts.total} 人：正式党员 {counts.full} 人，预备党员 {counts.probationary} 人
        {counts.byGroup.length > 0 && <>；{counts.byGroup.map((g) => `${g.name} ${g.count} 人`).join('，')}</>}
      </Typography.Paragraph>

      <Table<Member>
        aria-label="党员列表"
        rowKey="id"
        size="small"
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true, itemRender: namedPageButtons }}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty
              description={
                filter === 'left'
                  ? '没有已离开的党员'
                  : '名册中还没有党员：可逐个“新增党员”，或下载导入模板填好后“从 Excel 导入”'
              }
            />
          ),
        }}
        columns={[
          { key: 'name', title: '姓名', dataIndex: 'name', fixed: 'left' },
          { key: 'gender', title: '性别', dataIndex: 'gender' },
          { key: 'birthDate', title: '出生日期', dataIndex: 'birthDate' },
          {
            key: 'joinedDate',
            title: '入党日期',
            dataIndex: 'joinedDate',
            // One who joined elsewhere: on this branch's roll (谈心谈话, 应到, 卷宗) from the day she transferred in.
            render: (v: string, m: Member) =>
              transferredIn(m) ? (
                <>
                  {v}
                  <br />
                  <Typography.Text type="secondary">{m.joinedBranchDate} 转入</Typography.Text>
                </>
              ) : (
                v
              ),
          },
          { key: 'fullMemberDate', title: '转正日期', dataIndex: 'fullMemberDate', render: (v?: string) => v || '—' },
          {
            key: 'status',
            title: '类别',
            dataIndex: 'status',
            render: (v: Member['status']) => <Tag color={v === '正式' ? 'red' : 'orange'}>{v}</Tag>,
          },
          {
            key: 'partyGroup',
            title: '党小组',
            dataIndex: 'partyGroupId',
            render: (id: string) => groupName.get(id) ?? '—',
          },
          { key: 'post', title: '职务', dataIndex: 'post', render: (v: string) => v || '—' },
          { key: 'phone', title: '电话', dataIndex: 'phone', render: (v: string) => v || '—' },
          { key: 'motto', title: '格言', dataIndex: 'motto', ellipsis: true, render: (v: string) => v || '—' },
          ...(filter === 'current'
            ? []
            : [
                { key: 'leftDate', title: '离开日期', dataIndex: 'leftDate', render: (v?: string) => v || '—' },
                { key: 'leftReason', title: '离开原因', dataIndex: 'leftReason', render: (v: string) => v || '—' },
              ]),
          {
            key: 'actions',
            title: '操作',
            fixed: 'right',
            render: (_: unknown, m: Member) => {
              const action = (label: string, name: string, icon: ReactNode, onClick: () => void) => {
                const button = (
                  <Button type="link" icon={icon} onClick={onClick} aria-label={name}>
                    {compact ? null : label}
                  </Button>
                );
                return compact ? <Tooltip title={label}>{button}</Tooltip> : button;
              };
              return (
                <Space size={0}>
                  {action('编辑', `编辑 ${m.name}`, <EditOutlined />, () => setEditing({ member: m }))}
                  {isCurrentMember(m)
                    ? action('转出/离开支部', `转出/离开支部：${m.name}`, <LogoutOutlined />, () => setLeaving(m))
                    : action('恢复在册', `恢复在册 ${m.name}`, <UndoOutlined />, () => restore(m))}
                </Space>
              );
            },
          },
        ]}
      />

      <Drawer
        open={editing !== null}
        title={editing?.member ? `编辑党员：${editing.member.name}` : '新增党员'}
        size={640}
        onClose={confirmClose(() => setEditing(null))}
        destroyOnHidden
      >
        {editing && (
          <MemberForm
            // Keyed so that opening another member starts a fresh form.
            key={editing.member?.id ?? 'new'}
            branch={branch}
            member={editing.member ? (members.find((m) => m.id === editing.member?.id) ?? editing.member) : undefined}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Drawer>

      <Modal
        open={leaving !== null}
        title={leaving ? `转出/离开支部：${leaving.name}` : ''}
        footer={null}
        onCancel={() => setLeaving(null)}
        destroyOnHidden
      >
        {leaving && <MemberLeaveForm member={leaving} onDone={() => setLeaving(null)} />}
      </Modal>
    </section>
  );
}
