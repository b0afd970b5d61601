// On the 工作台 of a year that lacks its 组织生活会 or 民主评议党员: such a record held in January–March after it, counted
// by its date (kept before 所属年度 existed), may be that year's. The user decides; one click counts it there.
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { cnDate } from '../../../../shared/dossier/layout';
import type { Meeting } from '../../../../shared/schemas/entities';
import { countForPreviousYear, previousYearCandidates, previousYearReason } from '../../db/repositories/yearEnd';
import { recordsHref } from '../meetings/recordsRoute';

export function LateYearEndHint({ branchId, year }: Readonly<{ branchId: string; year: number }>) {
  const candidates = useLiveQuery(() => previousYearCandidates(branchId, year), [branchId, year]);
  const [asking, setAsking] = useState<Meeting | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  if (!candidates || candidates.length === 0) return null;

  const confirm = async () => {
    if (!asking) return;
    setBusy(true);
    try {
      await countForPreviousYear(asking.id);
      void message.success(`已计入${year}年度：${asking.kind}「${asking.topic}」`);
      setAsking(null);
    } catch (error) {
      void message.error(`未能计入${year}年度：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`${year}年度的${[...new Set(candidates.map((m) => m.kind))].join('、')}可能在次年年初召开`}
        description={
          <Flex vertical gap={8}>
            <Typography.Text>
              下列记录在{year + 1}年1—3月召开，目前按日期计入{year + 1}年度。若它是{year}年度的，可计入{year}年度：
            </Typography.Text>
            {candidates.map((m) => (
              <Flex key={m.id} wrap gap={8} align="center">
                <a href={recordsHref({ view: 'show', id: m.id })}>
                  {cnDate(m.date)} {m.kind}「{m.topic}」{m.status === '草稿' ? '（草稿）' : ''}
                </a>
                <Button size="small" onClick={() => setAsking(m)} aria-label={`计入${year}年度：${m.topic}`}>
                  计入{year}年度
                </Button>
              </Flex>
            ))}
          </Flex>
        }
      />
      <Modal
        open={asking !== null}
        title={`计入${year}年度？`}
        okText={`计入${year}年度`}
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void confirm()}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        {asking && (
          <Flex vertical gap={8}>
            <Typography.Text>
              {cnDate(asking.date)}的{asking.kind}「{asking.topic}」将计入{year}年度：{year}
              年的工作台、考评和卷宗都按它计算，{year + 1}年度不再计入，两年的序号随之调整。
            </Typography.Text>
            {asking.status === '已定稿' && (
              <Typography.Text type="secondary">
                该记录已定稿，将以“更正”记入操作日志，卷宗中印出修改记录，理由为：{previousYearReason(asking, year)}
              </Typography.Text>
            )}
          </Flex>
        )}
      </Modal>
    </>
  );
}
