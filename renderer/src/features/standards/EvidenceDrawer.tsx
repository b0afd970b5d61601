// The drill-down of one scored item: how the automatic score was reached and exactly the records that count,
// each linking to the record itself.
import { Alert, Drawer, Empty, Typography } from 'antd';
import { recordsHref } from '../meetings/recordsRoute';
import { venueHref } from '../venues/venueRoute';
import { Loading } from '../../ui/Loading';
import { useItemEvidence } from './useItemEvidence';

interface Props {
  open: boolean;
  onClose: () => void;
  title: string;
  explanation: string;
  evidenceIds: readonly string[];
}

export function EvidenceDrawer({ open, onClose, title, explanation, evidenceIds }: Readonly<Props>) {
  const evidence = useItemEvidence(open ? evidenceIds : []);
  return (
    <Drawer open={open} onClose={onClose} title={`评分依据：${title}`} size="large" destroyOnHidden>
      <Alert
        type="info"
        showIcon
        title={explanation || '人工评分项目，没有自动计分依据'}
        style={{ marginBottom: 16 }}
      />
      {evidence === undefined ? (
        <Loading />
      ) : evidence.meetings.length + evidence.venues.length === 0 ? (
        <Empty description="没有计入本项的记录" />
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
