// 从 Excel 导入: reads a filled roster sheet, previews the valid count and the bad rows, and writes only on confirmation.
import { missingPrintChars } from '../../../../shared/print/missingGlyphs';
import { errorText } from '../../db/repositories/errors';
import { DownloadOutlined, UploadOutlined } from '../../ui/icons';
import { Alert, App, Button, List, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { parseRosterRows, type RosterParseResult, type RosterRowError } from '../../../../shared/roster';
import type { Branch, Member } from '../../../../shared/schemas';
import { importMembers } from '../../db/repositories/members';
import { getHost } from '../../host/host';
import { buildRosterTemplate, readRosterSheet, RosterFileError, XLSX_FILTER } from './excel';

interface Props {
  branch: Branch;
  /** The branch's whole roster, for the duplicate check. */
  members: readonly Member[];
}

interface Preview {
  fileName: string;
  result: RosterParseResult;
}

export function RosterImport({ branch, members }: Readonly<Props>) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<'template' | 'read' | 'write' | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);

  const downloadTemplate = async () => {
    setBusy('template');
    try {
      const bytes = await buildRosterTemplate(branch.partyGroups.map((g) => g.name));
      const outcome = await getHost().saveFile('党员名册导入模板.xlsx', bytes, [XLSX_FILTER]);
      if (outcome === 'saved') message.success('已生成导入模板');
    } catch (error) {
      message.error(`生成模板失败：${errorText(error)}`);
    } finally {
      setBusy(null);
    }
  };

  const openFile = async () => {
    setBusy('read');
    try {
      const file = await getHost().openFile([XLSX_FILTER]);
      if (!file) return;
      const rows = await readRosterSheet(file.bytes);
      const result = parseRosterRows(rows, { partyGroups: branch.partyGroups, existing: members });
      if (result.fileError) {
        modal.error({ title: `无法导入「${file.name}」`, content: result.fileError });
        return;
      }
      setPreview({ fileName: file.name, result });
    } catch (error) {
      modal.error({
        title: '无法导入',
        content: error instanceof RosterFileError ? error.message : `读取文件失败：${errorText(error)}`,
      });
    } finally {
      setBusy(null);
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setBusy('write');
    try {
      const written = await importMembers(branch.id, preview.result.valid);
      message.success(`已导入 ${written.length} 名党员`);
      setPreview(null);
    } catch (error) {
      // Nothing was written: the transaction is all or nothing.
      modal.error({ title: '导入失败，名册未作任何改动', content: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  const validCount = preview?.result.valid.length ?? 0;
  const bad = preview?.result.errors ?? [];
  const notes = preview?.result.notes ?? [];
  // Names no print font draws, not even the fallback for 生僻字 (an emoji, 𰻞 of Extension G): said before they are
  // written, where they can still be changed.
  const unprintable = (preview?.result.valid ?? []).map((m) => m.name).filter((n) => missingPrintChars(n).length > 0);
  // 职务 and 格言 print in the 卷宗's 名册 and 党员风采 too: an emoji pasted into a 格言 is said as well.
  const unprintableFields = (preview?.result.valid ?? []).flatMap((m) =>
    (
      [
        ['职务', m.post],
        ['格言', m.motto],
      ] as const
    )
      .filter(([, text]) => text && missingPrintChars(text).length > 0)
      .map(([label]) => `${m.name}的${label}`),
  );

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={downloadTemplate} loading={busy === 'template'}>
        下载导入模板
      </Button>
      <Button icon={<UploadOutlined />} onClick={openFile} loading={busy === 'read'}>
        从 Excel 导入
      </Button>
      <Modal
        open={preview !== null}
        title={`导入预览：${preview?.fileName ?? ''}`}
        width={860}
        onCancel={() => setPreview(null)}
        maskClosable={false}
        footer={
          <Space>
            <Button onClick={() => setPreview(null)}>取消</Button>
            <Button type="primary" disabled={validCount === 0} loading={busy === 'write'} onClick={confirm}>
              导入 {validCount} 名有效党员
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {validCount > 0 ? (
            <Alert
              type="success"
              showIcon
              title={`${validCount} 行有效，可以导入`}
              description={`将导入：${preview?.result.valid.map((m) => m.name).join('、')}。点击下方按钮后才会写入名册。`}
            />
          ) : (
            <Alert type="warning" showIcon title="没有可以导入的行" />
          )}
          {unprintable.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`${unprintable.length} 个姓名含打印字体中没有的字`}
              description={`${unprintable.join('、')}：打印的记录单和卷宗里这些字会显示为方框。生僻字可在导入后改用常用写法，并在备注中注明。`}
            />
          )}
          {unprintableFields.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`${unprintableFields.length} 处职务或格言含打印字体中没有的字`}
              description={`${unprintableFields.join('、')}：打印的卷宗里这些字（如表情符号）会显示为方框，可在导入后修改。`}
            />
          )}
          {notes.length > 0 && (
            <Alert
              type="info"
              showIcon
              title={`${notes.length} 个姓名已整理`}
              description={
                <List
                  aria-label="已整理的姓名"
                  size="small"
                  split={false}
                  style={{ maxHeight: 160, overflowY: 'auto' }}
                  dataSource={notes}
                  renderItem={(n) => (
                    <List.Item style={{ padding: 0 }}>
                      第{n.row}行：{n.message}
                    </List.Item>
                  )}
                />
              }
            />
          )}
          {bad.length > 0 && (
            <>
              <Typography.Text strong>以下 {bad.length} 行有问题，不会导入；请在表格中改正后重新导入：</Typography.Text>
              <Table<RosterRowError>
                aria-label="有问题的行"
                rowKey="row"
                size="small"
                pagination={false}
                dataSource={bad}
                scroll={{ y: 360 }}
                columns={[
                  { key: 'row', title: '行号', dataIndex: 'row', width: 90, render: (row: number) => `第${row}行` },
                  { key: 'name', title: '姓名', dataIndex: 'name', width: 120, render: (v: string) => v || '（未填）' },
                  {
                    key: 'reasons',
                    title: '问题',
                    dataIndex: 'reasons',
                    render: (reasons: string[]) => (
                      <List
                        size="small"
                        split={false}
                        dataSource={reasons}
                        renderItem={(r) => <List.Item style={{ padding: 0 }}>{r}</List.Item>}
                      />
                    ),
                  },
                ]}
              />
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}
