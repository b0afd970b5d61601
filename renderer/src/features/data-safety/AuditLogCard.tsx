// 操作日志: the current branch's most recent audited changes (including restores), newest first, more on request.
import { Button, Card, Table } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/schemas/entities';
import { listRecentAudit } from '../../db/repositories/audit';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, formatChinaTime } from './format';

const FIRST = 30;
const MORE = 100;

export function AuditLogCard({ branchId, branchName }: Readonly<{ branchId: string; branchName: string }>) {
  const [limit, setLimit] = useState(FIRST);
  // One entry past the limit tells whether there are older ones to offer.
  const found = useLiveQuery(() => listRecentAudit(branchId, limit + 1), [branchId, limit]);
  const entries = found?.slice(0, limit);
  const more = (found?.length ?? 0) > limit;
  const entityLabel = (entity: string) => (AUDIT_ENTITY_LABELS as Record<string, string>)[entity] ?? entity;
  return (
    <Card title={`操作日志（${branchName}，最近 ${entries?.length ?? 0} 条）`}>
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={found === undefined}
        dataSource={entries ?? []}
        pagination={false}
        locale={{ emptyText: '暂无操作记录' }}
        columns={[
          { key: 'at', title: '时间', width: 150, render: (_, e) => formatChinaTime(e.at) },
          { key: 'action', title: '操作', width: 80, render: (_, e) => AUDIT_ACTION_LABELS[e.action] },
          { key: 'entity', title: '对象', width: 100, render: (_, e) => entityLabel(e.entity) },
          { key: 'summary', title: '说明', render: (_, e) => e.summary || e.reason || '—' },
        ]}
      />
      {more && (
        <Button type="link" onClick={() => setLimit((n) => n + MORE)}>
          显示更早的 {MORE} 条
        </Button>
      )}
    </Card>
  );
}
