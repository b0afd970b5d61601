// 操作日志: the current branch's most recent audited changes (including restores), newest first, more on request.
import { Button, Card, Table } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/schemas/entities';
import { db } from '../../db/db';
import { listRecentAudit } from '../../db/repositories/audit';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, formatChinaTime } from './format';

const FIRST = 30;
const MORE = 100;

export function AuditLogCard({ branchId, branchName }: Readonly<{ branchId: string; branchName: string }>) {
  const [limit, setLimit] = useState(FIRST);
  // One entry past the limit tells whether there are older ones to offer.
  const found = useLiveQuery(async () => {
    const list = await listRecentAudit(branchId, limit + 1);
    // A 会议记录 entry's summary (「序号由第4次调整为第5次」, 「修改了主题」) does not say which record: name it.
    const ids = [...new Set(list.filter((e) => e.entity === 'meeting').map((e) => e.entityId))];
    const meetings = await db.meetings.bulkGet(ids);
    const records = new Map(meetings.flatMap((m) => (m ? [[m.id, `${m.date} ${m.kind}「${m.topic}」`] as const] : [])));
    return { list, records };
  }, [branchId, limit]);
  const entries = found?.list.slice(0, limit);
  const more = (found?.list.length ?? 0) > limit;
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
          {
            key: 'summary',
            title: '说明',
            render: (_, e) => {
              const text = e.summary || e.reason || '—';
              // 新增/删除 summaries name the record already; 修改, 定稿 and 更正 do not.
              const named = e.action === 'create' || e.action === 'delete';
              const record = e.entity === 'meeting' && !named ? found?.records.get(e.entityId) : undefined;
              return record && !text.includes(record) ? `${record}：${text}` : text;
            },
          },
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
