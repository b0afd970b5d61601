// 操作日志: the current branch's most recent audited changes (including restores), newest first.
import { Card, Table } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry } from '../../../../shared/schemas/entities';
import { listRecentAudit } from '../../db/repositories/audit';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, formatChinaTime } from './format';

const RECENT = 30;

export function AuditLogCard({ branchId, branchName }: Readonly<{ branchId: string; branchName: string }>) {
  const entries = useLiveQuery(() => listRecentAudit(branchId, RECENT), [branchId]);
  return (
    <Card title={`操作日志（${branchName}，最近 ${RECENT} 条）`}>
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={entries === undefined}
        dataSource={entries ?? []}
        pagination={false}
        locale={{ emptyText: '暂无操作记录' }}
        columns={[
          { key: 'at', title: '时间', width: 150, render: (_, e) => formatChinaTime(e.at) },
          { key: 'action', title: '操作', width: 80, render: (_, e) => AUDIT_ACTION_LABELS[e.action] },
          { key: 'entity', title: '对象', width: 100, render: (_, e) => AUDIT_ENTITY_LABELS[e.entity] ?? e.entity },
          { key: 'summary', title: '说明', render: (_, e) => e.summary || e.reason || '—' },
        ]}
      />
    </Card>
  );
}
