// 操作日志: the current branch's audited changes (including restores), newest first, more on request; narrowed to a
// year, or to 更正, 删除 and branch replacements only, an inspector finds a back-filled or corrected record without paging through years.
import { Button, Card, Checkbox, Flex, Grid, Select, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { chinaToday } from '../../../../shared/schemas/common';
import { isRenumbering, type AuditEntry } from '../../../../shared/schemas/entities';
import { db } from '../../db/db';
import { findAudit, listRecentAudit, type AuditFilter } from '../../db/repositories/audit';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { SELECT_CLEAR } from '../../ui/controlLabels';
import { AUDIT_ACTION_LABELS, auditEntityLabel, formatChinaTime } from './format';

const FIRST = 30;
const MORE = 100;
/** Years offered by the 年份 filter, this one first. */
const YEARS_BACK = 12;
/** 「只看更正/删除/替换」: the changes to records that an inspector asks about (restores that replaced the branch too). */
const CORRECTIONS: AuditFilter['actions'] = ['amend', 'delete'];
/**
 * The 年份 filter's 「全部」: a choice of its own, as in the records' filters (FilterSelect), drawn in the text colour and
 * read by a screen reader — as a placeholder it was pale grey and never read.
 */
const ALL_YEARS = 0;

export function AuditLogCard({ branchId, branchName }: Readonly<{ branchId: string; branchName: string }>) {
  const compact = Grid.useBreakpoint().lg === false;
  const [year, setYear] = useState<number | undefined>(undefined);
  const [correctionsOnly, setCorrectionsOnly] = useState(false);
  const filtered = year !== undefined || correctionsOnly;
  // Pages shown belong to one filter: another starts again from the first 30.
  const filterKey = `${year ?? ''}|${correctionsOnly}`;
  const [paging, setPaging] = useState({ key: filterKey, limit: FIRST });
  const limit = paging.key === filterKey ? paging.limit : FIRST;
  const readKey = `${branchId}|${filterKey}`;
  const yearId = `audit-year-${useId().replace(/:/g, '')}`;
  const thisYear = Number(chinaToday().slice(0, 4));
  const yearOptions = useMemo(
    () => [
      { value: ALL_YEARS, label: '全部' },
      ...Array.from({ length: YEARS_BACK }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}年` })),
    ],
    [thisYear],
  );
  const shownYear = year ?? ALL_YEARS;

  const read = useLiveQuery(async () => {
    let list: AuditEntry[];
    let total: number | undefined;
    if (filtered) {
      ({ entries: list, total } = await findAudit(
        branchId,
        correctionsOnly ? { year, actions: CORRECTIONS, replacements: true } : { year },
        limit,
      ));
    } else {
      // One entry past the limit tells whether there are older ones to offer.
      list = await listRecentAudit(branchId, limit + 1);
    }
    // A 会议记录 entry's summary (「序号由第4次调整为第5次」, 「修改了主题」) does not say which record: name it.
    const ids = [...new Set(list.filter((e) => e.entity === 'meeting').map((e) => e.entityId))];
    const meetings = await db.meetings.bulkGet(ids);
    const records = new Map(meetings.flatMap((m) => (m ? [[m.id, `${m.date} ${m.kind}「${m.topic}」`] as const] : [])));
    return { readKey, list, total, records };
  }, [branchId, limit, filtered, year, correctionsOnly, readKey]);
  // While another branch or filter is read the hook still holds the last result: not this one's (nor its total).
  const found = read?.readKey === readKey ? read : undefined;
  const entries = found?.list.slice(0, limit);
  const more = found?.total !== undefined ? found.total > limit : (found?.list.length ?? 0) > limit;
  const scope = [year !== undefined ? `${year}年` : '', correctionsOnly ? '更正、删除和替换' : '']
    .filter(Boolean)
    .join('的');
  const title = !found
    ? `操作日志（${branchName}）`
    : found.total !== undefined
      ? `操作日志（${branchName}，${scope}共 ${found.total} 条）`
      : `操作日志（${branchName}，最近 ${entries?.length ?? 0} 条）`;
  const actionLabel = (e: AuditEntry) => (isRenumbering(e) ? '调整序号' : AUDIT_ACTION_LABELS[e.action]);
  return (
    // The title names a long branch and the count: it wraps rather than cut the count off.
    <Card title={title} styles={{ title: { whiteSpace: 'normal' } }}>
      <Flex wrap gap={16} align="center" style={{ marginBottom: 12 }}>
        <Flex gap={8} align="center">
          <label htmlFor={yearId}>年份</label>
          <Select
            id={yearId}
            value={shownYear}
            options={yearOptions}
            // 清除 goes back to 全部; there is nothing to clear while 全部 is chosen.
            allowClear={year !== undefined && SELECT_CLEAR}
            onChange={(v: number | undefined) => setYear(v === ALL_YEARS ? undefined : (v ?? undefined))}
            // A screen reader hears the year (or 全部) with the filter's name (chosenValue.tsx).
            aria-describedby={describedByChosen(yearId, shownYear)}
            labelRender={chosenLabelRender(yearId, shownYear)}
            style={{ width: 120 }}
          />
        </Flex>
        <Checkbox checked={correctionsOnly} onChange={(e) => setCorrectionsOnly(e.target.checked)}>
          只看更正/删除/替换
        </Checkbox>
        {filtered && found?.total !== undefined && (
          <Typography.Text type="secondary" role="status">
            共 {found.total} 条，显示 {entries?.length ?? 0} 条
          </Typography.Text>
        )}
      </Flex>
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={found === undefined}
        dataSource={entries ?? []}
        pagination={false}
        locale={{ emptyText: filtered ? '没有符合条件的操作记录' : '暂无操作记录' }}
        columns={[
          ...(compact
            ? [
                {
                  // Below 992 px one column says when, what and on what: four left 说明 ≈ 110 px (4–6 lines a row).
                  key: 'when',
                  title: '时间与操作',
                  width: 140,
                  render: (_: unknown, e: AuditEntry) => (
                    <>
                      <div>{formatChinaTime(e.at)}</div>
                      <Typography.Text type="secondary">
                        {actionLabel(e)} · {auditEntityLabel(e.entity)}
                      </Typography.Text>
                    </>
                  ),
                },
              ]
            : [
                { key: 'at', title: '时间', width: 150, render: (_: unknown, e: AuditEntry) => formatChinaTime(e.at) },
                {
                  key: 'action',
                  title: '操作',
                  width: 80,
                  // Older builds logged a 序号 moved by another record's 定稿 as 更正: it is none, whatever it was logged as.
                  render: (_: unknown, e: AuditEntry) => actionLabel(e),
                },
                {
                  key: 'entity',
                  title: '对象',
                  width: 100,
                  render: (_: unknown, e: AuditEntry) => auditEntityLabel(e.entity),
                },
              ]),
          {
            key: 'summary',
            title: '说明',
            render: (_, e) => {
              const text = e.summary || e.reason || '—';
              // 新增/删除 summaries name the record already; 修改, 定稿 and 更正 do not.
              const named = e.action === 'create' || e.action === 'delete';
              const record = e.entity === 'meeting' && !named ? found?.records.get(e.entityId) : undefined;
              // A 更正 says why: the reason is what an inspector reads it for.
              const reason =
                e.action === 'amend' && e.reason && !text.includes(e.reason) ? `（理由：${e.reason}）` : '';
              return `${record && !text.includes(record) ? `${record}：${text}` : text}${reason}`;
            },
          },
        ]}
      />
      {more && (
        <Button type="link" onClick={() => setPaging({ key: filterKey, limit: limit + MORE })}>
          显示更早的 {MORE} 条
        </Button>
      )}
    </Card>
  );
}
