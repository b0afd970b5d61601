// Asked on 保存 when the branch already has what looks like the same meeting: one entered twice in a long 补录 session
// would be saved silently and renumber every later record of its kind.
import { forYearNote } from '../../../../shared/domain/recordYear';
import { Button, Modal, Typography } from 'antd';
import { useCallback } from 'react';
import { seqBook } from '../../../../shared/domain/vocab';
import type { Meeting } from '../../../../shared/schemas';

export type DuplicateAnswer = 'view' | 'save' | 'back';

interface Props {
  /** The records found, most alike first; the dialog is drawn while there are any. */
  duplicates: readonly Meeting[];
  partyGroups: readonly { id: string; name: string }[];
  onAnswer: (answer: DuplicateAnswer) => void;
}

const TOPIC_SHOWN = 20;

function shortTopic(topic: string): string {
  const chars = Array.from(topic);
  return chars.length > TOPIC_SHOWN ? `${chars.slice(0, TOPIC_SHOWN).join('')}…` : topic;
}

/** 「2025-01-14 已有一条支委会记录「研究部署…」（草稿，第1次），仍要保存吗？」 */
export function duplicateQuestion(found: Meeting, partyGroups: Props['partyGroups']): string {
  const book = seqBook(found, partyGroups);
  // Held in January for the year before: its number is of that year (「2025年度第1次」).
  const year = forYearNote(found) ? `${found.forYear}年度` : '';
  return `${found.date} 已有一条${book}${found.kind}记录「${shortTopic(found.topic)}」（${found.status}，${year}第${found.seq}次），仍要保存吗？`;
}

/** Drawn while the question is open and gone once answered, so a later question never meets the last one's dialog. */
export function DuplicateDialog({ duplicates, partyGroups, onAnswer }: Readonly<Props>) {
  const [first] = duplicates;
  // Opened on 返回修改, as the 定稿 and 删除 questions open on 取消: Enter pressed on 保存's heels does not save twice.
  // Focused once the button is there (the dialog's content is drawn after it opens).
  const focusBack = useCallback((button: HTMLButtonElement | null) => {
    if (button) setTimeout(() => button.focus({ preventScroll: true }));
  }, []);
  if (!first) return null;
  return (
    <Modal
      open
      title="可能重复录入"
      onCancel={() => onAnswer('back')}
      footer={[
        <Button key="view" onClick={() => onAnswer('view')}>
          查看该记录
        </Button>,
        <Button key="save" onClick={() => onAnswer('save')}>
          仍然保存
        </Button>,
        <Button key="back" type="primary" ref={focusBack} onClick={() => onAnswer('back')}>
          返回修改
        </Button>,
      ]}
    >
      <Typography.Paragraph>{duplicateQuestion(first, partyGroups)}</Typography.Paragraph>
      {duplicates.length > 1 && (
        <Typography.Paragraph type="secondary">
          {`另有 ${duplicates.length - 1} 条同日或同主题的${first.kind}记录：${duplicates
            .slice(1)
            .map((m) => `${m.date}「${shortTopic(m.topic)}」`)
            .join('、')}`}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        同一次会议录入两次，该年度此后的同类记录都会多编一个序号。
      </Typography.Paragraph>
    </Modal>
  );
}
