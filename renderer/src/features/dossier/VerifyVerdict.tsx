// 校验卷宗's verdict on a dossier PDF: the file itself, then its data against the ledger.
import { Alert, Table } from 'antd';
import { CHECK_SCOPE } from '../../../../shared/dossier/verifyReport';
import { namedPageButtons } from '../../ui/controlLabels';
import { FilterFilled } from '../../ui/icons';
import { CHANGE_LABELS, type VerifyOutcome } from './verifyDossier';

/** A large difference (a volume checked against a much later ledger) is paged rather than one endless table. */
const CHANGES_PER_PAGE = 50;

/**
 * 校验卷宗's verdict: a file changed or damaged after the export first (its own words, in red), then how the embedded
 * data compares with the ledger, each saying that the check covers the data and not the printed pages.
 */
export function VerifyVerdict({ verdict, fileName }: Readonly<{ verdict: VerifyOutcome; fileName?: string }>) {
  const file = fileName ? <div>文件：{fileName}</div> : null;
  if (!verdict.ok) {
    return 'details' in verdict ? (
      <Alert
        type="error"
        showIcon
        title={verdict.reason}
        description={
          <>
            {file}
            {verdict.details.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </>
        }
      />
    ) : (
      <Alert
        type="error"
        showIcon
        title="无法校验"
        description={
          <>
            {file}
            <div>{verdict.reason}</div>
          </>
        }
      />
    );
  }
  const damage = verdict.damage && <Alert type="error" showIcon title={verdict.damage} style={{ marginBottom: 12 }} />;
  if (verdict.changes.length === 0) {
    return (
      <>
        {damage}
        <Alert
          type="success"
          showIcon
          title={`卷宗内嵌的数据清单与本机台账一致（${CHECK_SCOPE}）`}
          description={
            <>
              {file}
              <div>卷宗：{verdict.volumeName}</div>
              <div>
                卷宗的 {verdict.listed.records} 条记录和 {verdict.listed.attachments} 个附件与本机数据完全相同。
              </div>
              <div>{verdict.fingerprintLine}</div>
            </>
          }
        />
      </>
    );
  }
  return (
    <>
      {damage}
      <Alert
        type="warning"
        showIcon
        title={`卷宗内嵌的数据清单与本机台账有 ${verdict.changes.length} 处差异（${CHECK_SCOPE}）`}
        description={
          <>
            {file}
            <div>卷宗：{verdict.volumeName}</div>
            {verdict.summary.map((line) => (
              <div key={line}>{line}</div>
            ))}
            <div>{verdict.fingerprintLine}</div>
          </>
        }
      />
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey={(c) => `${c.table}-${c.id}`}
        pagination={
          verdict.changes.length > CHANGES_PER_PAGE
            ? { pageSize: CHANGES_PER_PAGE, showSizeChanger: false, itemRender: namedPageButtons }
            : false
        }
        dataSource={verdict.changes}
        columns={[
          {
            title: '类别',
            dataIndex: 'category',
            filters: [...new Set(verdict.changes.map((c) => c.category))].map((c) => ({
              text: c,
              value: c,
            })),
            onFilter: (value, c) => c.category === value,
            filterIcon: <FilterFilled aria-label="筛选" />,
          },
          {
            title: '变动',
            dataIndex: 'kind',
            render: (k: keyof typeof CHANGE_LABELS) => CHANGE_LABELS[k],
          },
          { title: '记录', dataIndex: 'record' },
        ]}
      />
    </>
  );
}
