// One record, read-only: 定稿, 编辑 (drafts), 更正 with a reason (finalised), 复制为新记录, the amendment history and
// attachments.
import { attendanceLine } from '../../../../shared/domain/attendance';
import { forYearNote } from '../../../../shared/domain/recordYear';
import {
  CheckOutlined,
  CopyOutlined,
  DeleteOutlined,
  EditOutlined,
  LeftOutlined,
  PrinterOutlined,
  StopOutlined,
} from '../../ui/icons';
import { Alert, App, Button, Card, Descriptions, Flex, List, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { seqBook } from '../../../../shared/domain/vocab';
import { checkQuorum } from '../../../../shared/rules/quorum';
import { isRenumbering, type AuditEntry, type Branch, type Member } from '../../../../shared/schemas';
import { formatChinaTime } from '../../../../shared/schemas/common';
import { errorText } from '../../db/repositories/errors';
import {
  deleteMeeting,
  finalizeImpact,
  finalizeMeeting,
  MIN_AMEND_REASON,
  renumberingNote,
  type FinalizeImpact,
  type VenueChoice,
} from '../../db/repositories/meetings';
import { loadMeetingRecordJob } from '../../db/printData';
import { AttachmentList } from '../../ui/attachments/AttachmentList';
import { PdfJobStatus } from '../../ui/PdfJobStatus';
import { usePdfJob } from '../../ui/usePdfJob';
import { Loading } from '../../ui/Loading';
import { OtherBranchNotice } from '../branch/OtherBranchNotice';
import { MeetingForm } from './MeetingForm';
import { MeetingTags } from './MeetingTags';
import { goToRecords } from './recordsRoute';
import { useMeeting } from './useMeeting';
import { ReasonBox } from './ReasonBox';
import { VoidDialog } from './VoidDialog';

interface Props {
  id: string;
  branch: Branch;
  members: readonly Member[];
  venues: readonly VenueChoice[];
}

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'amend'; reason: string } | { kind: 'copy' };

const shown = (value: string) => value || '（空）';

/**
 * Ref of a heading that takes the focus when it appears while nothing has it: after 保存, 保存更正, 继续更正 or 取消
 * the button that had it is gone, and the next Tab would start again at the top of the page. The page goes back to
 * its top with it: the form's 保存 and 取消 are at the bottom of a long page, and the view that replaces the form
 * would otherwise show its last cards, with the focused title far above. Module-level, so that it runs when the
 * heading appears, not on every render.
 */
function focusIfLost(heading: HTMLElement | null) {
  if (heading && (document.activeElement === null || document.activeElement === document.body)) {
    heading.focus({ preventScroll: true });
    // The page's top rather than the heading scrolled into view: that would leave it under the sticky header.
    window.scrollTo({ top: 0 });
  }
}

/**
 * What a 更正 replaced: 原 → 现 for a short field; for a long text (no `after`: the new text is the record's own, or
 * the next 更正's 原文) its whole previous text, folded in a <details> (pages of minutes would bury the history).
 * Entries written before values were kept say so.
 */
function amendmentDetails(entry: AuditEntry) {
  if (!entry.changes) {
    return entry.summary.startsWith('修改了') ? (
      <Typography.Text type="secondary">（此次更正早于保留原内容的版本，未记录修改前的内容）</Typography.Text>
    ) : null;
  }
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} aria-label="修改内容">
      {entry.changes.map((change) =>
        change.after === undefined ? (
          <li key={change.field}>
            <Typography.Text strong>{change.label}</Typography.Text>
            {change.before ? (
              <details>
                <summary>{`查看修改前的原文（${Array.from(change.before).length} 字）`}</summary>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {change.before}
                </Typography.Paragraph>
              </details>
            ) : (
              '：修改前为空'
            )}
          </li>
        ) : (
          <li key={change.field}>
            <Typography.Text strong>{change.label}</Typography.Text>
            {`：原 ${shown(change.before)} → 现 ${shown(change.after)}`}
          </li>
        ),
      )}
    </ul>
  );
}

export function MeetingView({ id, branch, members, venues }: Readonly<Props>) {
  const { message, modal } = App.useApp();
  const data = useMeeting(id);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [askReason, setAskReason] = useState(false);
  const [askVoid, setAskVoid] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const pdf = usePdfJob();

  if (data === undefined) return <Loading />;
  if (data === null) {
    return (
      <Alert
        type="warning"
        showIcon
        title="找不到该记录，可能已被删除"
        action={<Button onClick={() => goToRecords({ view: 'list' })}>返回列表</Button>}
      />
    );
  }
  const { meeting, amendments } = data;
  if (meeting.branchId !== branch.id) {
    return (
      <OtherBranchNotice
        branchId={meeting.branchId}
        what="该记录"
        backLabel="返回本支部记录列表"
        onBack={() => goToRecords({ view: 'list' })}
      />
    );
  }

  if (mode.kind === 'copy') {
    // A new record in this one's place: the saved copy opens as its own record; 取消 comes back here.
    return (
      <section aria-label="复制为新记录">
        <Typography.Title level={3} tabIndex={-1} ref={focusIfLost}>
          复制为新记录
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {`已带入「${meeting.topic}」的会议类型、地点、主持人、记录人、时间和议程，出席名单按新日期重新列出。请选择会议日期，填写主题和会议内容。`}
        </Typography.Paragraph>
        <MeetingForm
          branch={branch}
          members={members}
          venues={venues}
          template={meeting}
          onSaved={(saved) => goToRecords({ view: 'show', id: saved.id })}
          onCancel={() => setMode({ kind: 'view' })}
        />
      </section>
    );
  }
  if (mode.kind !== 'view') {
    return (
      <section aria-label="修改会议记录">
        <Typography.Title level={3} tabIndex={-1} ref={focusIfLost}>
          {mode.kind === 'amend' ? '更正' : '编辑'}：{meeting.topic}
        </Typography.Title>
        <MeetingForm
          branch={branch}
          members={members}
          venues={venues}
          meeting={meeting}
          amendReason={mode.kind === 'amend' ? mode.reason : undefined}
          onSaved={() => setMode({ kind: 'view' })}
          onCancel={() => setMode({ kind: 'view' })}
        />
      </section>
    );
  }

  const final = meeting.status === '已定稿';
  const venueName = venues.find((v) => v.id === meeting.venueId)?.name ?? '';
  const groupName = branch.partyGroups.find((g) => g.id === meeting.partyGroupId)?.name ?? '';
  // A 党小组会 counts within its group: 「第一党小组本年度第3次」.
  const book = seqBook(meeting, branch.partyGroups);
  // A record held after its year for it is numbered in that year (shared/domain/recordYear.ts).
  const yearWord = forYearNote(meeting) ? `${meeting.forYear}年度` : '本年度';
  const nameOf = (memberId: string) => members.find((m) => m.id === memberId)?.name ?? '（已删除）';
  const quorum = checkQuorum(meeting, branch, members);
  const time = [meeting.startTime, meeting.endTime].filter(Boolean).join(' — ');

  const finalize = async () => {
    // What the 定稿 does to the year's numbering, said before it is done.
    let impact: FinalizeImpact;
    try {
      impact = await finalizeImpact(meeting.id);
    } catch (error) {
      message.error(errorText(error));
      return;
    }
    const sequence = `${book}${meeting.kind}`;
    const notes = [
      impact.renumbered > 0 &&
        `${yearWord}已有 ${impact.renumbered} 份已定稿的${sequence}记录日期在本记录之后，其序号将按日期顺序顺延（调整记入操作日志，不算更正）。`,
      impact.earlierDrafts > 0 &&
        `${yearWord}还有 ${impact.earlierDrafts} 份日期更早的${sequence}草稿，它们定稿时本记录的序号还会调整；可在列表中用「按日期顺序定稿」一次定稿。`,
    ].filter((note): note is string => !!note);
    modal.confirm({
      title: '定稿后不能直接修改，如需更正须填写理由并留下记录。确定定稿吗？',
      content:
        notes.length > 0
          ? notes.map((note) => <Typography.Paragraph key={note}>{note}</Typography.Paragraph>)
          : undefined,
      okText: '确定定稿',
      cancelText: '取消',
      // Cannot be undone: opened on 取消, so that Enter pressed twice does not finalize.
      focusable: { autoFocusButton: 'cancel' },
      onOk: async () => {
        try {
          await finalizeMeeting(meeting.id);
          message.success('已定稿');
        } catch (error) {
          message.error(`未能定稿：${errorText(error)}`);
        }
      },
    });
  };

  const remove = () =>
    modal.confirm({
      title: '删除这份草稿？',
      content: `${meeting.date} ${meeting.kind}「${meeting.topic}」将被删除，不能恢复；操作日志会记下这次删除。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      focusable: { autoFocusButton: 'cancel' },
      onOk: async () => {
        try {
          await deleteMeeting(meeting.id);
          message.success('草稿已删除');
          goToRecords({ view: 'list' });
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });

  const startAmend = () => {
    const why = reason.trim();
    if (Array.from(why).length < MIN_AMEND_REASON) {
      setReasonError(`请填写更正理由（至少 ${MIN_AMEND_REASON} 个字）`);
      return;
    }
    setAskReason(false);
    setReason('');
    setReasonError(undefined);
    setMode({ kind: 'amend', reason: why });
  };

  return (
    <section aria-labelledby="meeting-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space wrap>
          {/* Back to the list it was opened from, as it was, with this record's row in view and focused. */}
          <Button icon={<LeftOutlined />} onClick={() => goToRecords({ view: 'list', at: meeting.id })}>
            返回列表
          </Button>
          <Typography.Title level={3} id="meeting-title" tabIndex={-1} ref={focusIfLost} style={{ margin: 0 }}>
            {meeting.topic}
          </Typography.Title>
          <MeetingTags meeting={meeting} />
        </Space>
        <Space wrap>
          {!final && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setMode({ kind: 'edit' })}>
                编辑
              </Button>
              <Button type="primary" icon={<CheckOutlined />} onClick={() => void finalize()}>
                定稿
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={remove}>
                删除草稿
              </Button>
            </>
          )}
          {final && (
            <Button icon={<EditOutlined />} onClick={() => setAskReason(true)}>
              更正
            </Button>
          )}
          {final && (
            <Button danger icon={<StopOutlined />} onClick={() => setAskVoid(true)}>
              作废
            </Button>
          )}
          <Button icon={<CopyOutlined />} onClick={() => setMode({ kind: 'copy' })}>
            复制为新记录
          </Button>
          <Button
            icon={<PrinterOutlined />}
            disabled={pdf.state.status === 'running'}
            onClick={() =>
              void pdf.run(
                () => loadMeetingRecordJob(meeting.id),
                `${meeting.date}-${meeting.kind}${groupName && meeting.kind === '党小组会' ? `-${groupName}` : ''}-${yearWord === '本年度' ? '' : yearWord}第${meeting.seq}次-会议记录单.pdf`,
              )
            }
          >
            打印记录单
          </Button>
        </Space>
      </Flex>
      {pdf.state.status !== 'idle' && (
        <div style={{ marginBottom: 16 }}>
          <PdfJobStatus state={pdf.state} onCancel={pdf.cancel} />
        </div>
      )}

      {final && (
        <Alert
          type="info"
          showIcon
          title={`本记录已于 ${formatChinaTime(meeting.finalizedAt ?? meeting.updatedAt)} 定稿，不能直接修改；如需更正请使用“更正”并填写理由。`}
          style={{ marginBottom: 16 }}
        />
      )}
      {meeting.backfilled && (
        <Alert
          type="warning"
          showIcon
          title={`补录：本记录于 ${formatChinaTime(meeting.createdAt)} 录入，晚于会议日期 7 天以上。`}
          style={{ marginBottom: 16 }}
        />
      )}
      {quorum.applies && !quorum.ok && (
        <Alert type="warning" showIcon title={quorum.message} style={{ marginBottom: 16 }} />
      )}

      <Card style={{ marginBottom: 16 }}>
        {/*
         * Two columns from 992 px only: below it the menu leaves about 470 px (683 px, a 1366×768 screen at 200 %), and
         * 「主持人」 broke into 「主持/人」. antd has no `sm` here by default (2 columns from 576 px), hence both. The
         * labels never break.
         */}
        <Descriptions
          column={{ xs: 1, sm: 1, lg: 2 }}
          bordered
          size="small"
          styles={{ label: { whiteSpace: 'nowrap' } }}
        >
          <Descriptions.Item label="会议类型">
            {final
              ? `${meeting.kind}（${book}${yearWord}第${meeting.seq}次）`
              : `${meeting.kind}（${book}${yearWord}第${meeting.seq}次，暂定：定稿时按日期排定）`}
          </Descriptions.Item>
          {forYearNote(meeting) !== '' && (
            <Descriptions.Item label="所属年度">{`${meeting.forYear}年度（次年年初召开，计入${meeting.forYear}年度）`}</Descriptions.Item>
          )}
          <Descriptions.Item label="日期">{`${meeting.date}${time ? ` ${time}` : ''}`}</Descriptions.Item>
          <Descriptions.Item label="地点（阵地）">
            {venueName || (meeting.place ? `${meeting.place}（其他地点）` : '—')}
          </Descriptions.Item>
          <Descriptions.Item label="主持人">{meeting.host || '—'}</Descriptions.Item>
          <Descriptions.Item label="记录人">{meeting.recorder || '—'}</Descriptions.Item>
          {meeting.kind === '党课' && <Descriptions.Item label="授课人">{meeting.lecturer || '—'}</Descriptions.Item>}
          {meeting.kind === '党小组会' && <Descriptions.Item label="党小组">{groupName}</Descriptions.Item>}
          {meeting.kind === '谈心谈话' && (
            <Descriptions.Item label="谈话双方">{meeting.talkParties.map(nameOf).join('、')}</Descriptions.Item>
          )}
          {quorum.applies && <Descriptions.Item label="法定人数">{quorum.message}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card title="出席情况" style={{ marginBottom: 16 }}>
        {/* The counts the printed record and the 卷宗 give every kind, not only those with a quorum rule. */}
        <Typography.Paragraph>{attendanceLine(meeting)}</Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey="memberId"
          dataSource={meeting.attendance}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '出席情况', dataIndex: 'status' },
            { title: '原因', dataIndex: 'reason' },
          ]}
        />
        {meeting.guests.length > 0 && (
          <Typography.Paragraph style={{ marginTop: 12 }}>
            列席人员：{meeting.guests.map((g) => (g.org ? `${g.name}（${g.org}）` : g.name)).join('、')}
          </Typography.Paragraph>
        )}
      </Card>

      <Card title="会议内容" style={{ marginBottom: 16 }}>
        {(
          [
            ['议程', meeting.agenda],
            ['授课提纲', meeting.kind === '党课' ? meeting.outline : ''],
            ['会议内容', meeting.content],
            ['发言摘要', meeting.speeches],
            ['决议及表决结果', meeting.resolutions],
          ] as const
        )
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{label}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{value}</Typography.Paragraph>
            </div>
          ))}
      </Card>

      <Card title="附件" style={{ marginBottom: 16 }}>
        <AttachmentList ids={meeting.attachmentIds} />
      </Card>

      <Card title="更正记录" style={{ marginBottom: 16 }}>
        <List
          dataSource={amendments.filter((e) => !isRenumbering(e))}
          locale={{ emptyText: '无更正' }}
          renderItem={(entry) => (
            <List.Item>
              <List.Item.Meta
                title={`${formatChinaTime(entry.at)} · ${entry.summary}`}
                description={
                  <>
                    <div>{`理由：${entry.reason}`}</div>
                    {amendmentDetails(entry)}
                  </>
                }
              />
            </List.Item>
          )}
        />
        {/* A 第N次 moved by another record's 定稿 or 更正: logged, but no 更正 of this record's content. */}
        {amendments.some(isRenumbering) && (
          <ul aria-label="序号调整" style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
            {amendments.filter(isRenumbering).map((entry) => (
              <li key={entry.id}>
                <Typography.Text type="secondary">{`${formatChinaTime(entry.at)} · ${renumberingNote(entry)}`}</Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <VoidDialog
        open={askVoid}
        meetingId={meeting.id}
        label={`${meeting.date} ${meeting.kind}「${meeting.topic}」（${yearWord}${book}第${meeting.seq}次）`}
        onClose={() => setAskVoid(false)}
        onVoided={() => {
          setAskVoid(false);
          message.success('记录已作废');
          goToRecords({ view: 'list' });
        }}
      />
      <Modal
        open={askReason}
        title="更正已定稿的记录"
        okText="继续更正"
        cancelText="取消"
        onOk={startAmend}
        onCancel={() => {
          setAskReason(false);
          setReasonError(undefined);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>更正会保留记录，并把理由和修改的内容写入更正记录，供检查时查看。</Typography.Paragraph>
        <ReasonBox id="amend-reason" label="更正理由" value={reason} onChange={setReason} error={reasonError} />
      </Modal>
    </section>
  );
}
