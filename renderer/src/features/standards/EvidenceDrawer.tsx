// The drill-down of one scored item: how the automatic score was reached and exactly the records that count, or the
// 佐证 the assessor picked for a manual item, each linking to the record itself.
import { Alert, Drawer, Empty, Typography } from 'antd';
import { forYearNote } from '../../../../shared/domain/recordYear';
import { formatScore } from '../../../../shared/standards';
import { recordsHref } from '../meetings/recordsRoute';
import { responsibilityHref } from '../responsibility/responsibilityRoute';
import { venueHref } from '../venues/venueRoute';
import { Loading } from '../../ui/Loading';
import { useItemEvidence } from './useItemEvidence';

interface Props {
  open: boolean;
  onClose: () => void;
  title: string;
  /** Whether the item was scored automatically from the records (false: typed by the assessor). */
  auto: boolean;
  /** The automatic score, said when the calculation note is missing. */
  autoScore?: number;
  explanation: string;
  evidenceIds: readonly string[];
}

/**
 * What the drawer says of how the score was reached. A 考评 stored without its calculation note (older or imported
 * data) is still an automatic item: it is never called manual.
 */
function basisText(auto: boolean, explanation: string, autoScore: number | undefined, picked: number): string {
  if (explanation) return explanation;
  if (!auto) return picked > 0 ? '人工评分项目，以下是考评人选定的佐证' : '人工评分项目，没有自动计分依据';
  return autoScore === undefined
    ? '评分时未保存计算说明'
    : `评分时未保存计算说明（自动得分 ${formatScore(autoScore)} 分）`;
}

export function EvidenceDrawer({ open, onClose, title, auto, autoScore, explanation, evidenceIds }: Readonly<Props>) {
  const evidence = useItemEvidence(open ? evidenceIds : []);
  const unsaved = auto && !explanation && evidenceIds.length === 0;
  const count = evidence ? evidence.meetings.length + evidence.venues.length + evidence.responsibilities.length : 0;
  const listName = auto ? '计入本项的记录' : '本项的佐证';
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={`${auto ? '评分依据' : '佐证'}：${title}`}
      size="large"
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        title={basisText(auto, explanation, autoScore, evidenceIds.length)}
        style={{ marginBottom: 16 }}
      />
      {evidence === undefined ? (
        <Loading />
      ) : count === 0 ? (
        <Empty description={unsaved ? '评分时未保存计入本项的记录' : auto ? '没有计入本项的记录' : '没有选定佐证'} />
      ) : (
        <>
          <Typography.Paragraph>
            {listName}共 {count} 条：
          </Typography.Paragraph>
          {/* A real list, so assistive technology announces how many records count. */}
          <ol aria-label={listName} style={{ paddingInlineStart: 24, lineHeight: 2 }}>
            {/* One held after its year for it: 「2026-01-08（2025年度） 第1次组织生活会：…」, numbered in that year. */}
            {evidence.meetings.map((m) => (
              <li key={m.id}>
                <a href={recordsHref({ view: 'show', id: m.id })}>
                  {`${m.date}${forYearNote(m)} 第${m.seq}次${m.kind}：${m.topic}`}
                </a>
              </li>
            ))}
            {evidence.venues.map((v) => (
              <li key={v.id}>
                <a href={venueHref({ view: 'venue', id: v.id })}>阵地：{v.name}</a>
              </li>
            ))}
            {evidence.responsibilities.map((r) => (
              <li key={r.id}>
                <a href={responsibilityHref(r.year)}>{`责任清单：${r.holderName}（${r.role}，${r.year}年度）`}</a>
              </li>
            ))}
          </ol>
        </>
      )}
      {evidence !== undefined && evidence.missing > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={`有 ${evidence.missing} 条${auto ? '依据记录在评分后' : '佐证在选定后'}已被删除`}
        />
      )}
    </Drawer>
  );
}
