// The drill-down of one scored item: how the automatic score was reached and exactly the records that count,
// each linking to the record itself.
import { Alert, Drawer, Empty, Typography } from 'antd';
import { formatScore } from '../../../../shared/standards';
import { recordsHref } from '../meetings/recordsRoute';
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
function basisText(auto: boolean, explanation: string, autoScore: number | undefined): string {
  if (explanation) return explanation;
  if (!auto) return '人工评分项目，没有自动计分依据';
  return autoScore === undefined
    ? '评分时未保存计算说明'
    : `评分时未保存计算说明（自动得分 ${formatScore(autoScore)} 分）`;
}

export function EvidenceDrawer({ open, onClose, title, auto, autoScore, explanation, evidenceIds }: Readonly<Props>) {
  const evidence = useItemEvidence(open ? evidenceIds : []);
  const unsaved = auto && !explanation && evidenceIds.length === 0;
  return (
    <Drawer open={open} onClose={onClose} title={`评分依据：${title}`} size="large" destroyOnHidden>
      <Alert type="info" showIcon title={basisText(auto, explanation, autoScore)} style={{ marginBottom: 16 }} />
      {evidence === undefined ? (
        <Loading />
      ) : evidence.meetings.length + evidence.venues.length === 0 ? (
        <Empty description={unsaved ? '评分时未保存计入本项的记录' : '没有计入本项的记录'} />
      ) : (
        <>
          <Typography.Paragraph>
            计入本项的记录共 {evidence.meetings.length + evidence.venues.length} 条：
          </Typography.Paragraph>
          {/* A real list, so assistive technology announces how many records count. */}
          <ol aria-label="计入本项的记录" style={{ paddingInlineStart: 24, lineHeight: 2 }}>
            {evidence.meetings.map((m) => (
              <li key={m.id}>
                <a href={recordsHref({ view: 'show', id: m.id })}>{`${m.date} 第${m.seq}次${m.kind}：${m.topic}`}</a>
              </li>
            ))}
            {evidence.venues.map((v) => (
              <li key={v.id}>
                <a href={venueHref({ view: 'venue', id: v.id })}>阵地：{v.name}</a>
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
          title={`有 ${evidence.missing} 条依据记录在评分后已被删除`}
        />
      )}
    </Drawer>
  );
}
