// 卷宗导出's warning about the period's records not yet 定稿, each linked to its record so it can be 定稿 first.
import { Alert } from 'antd';
import { isCalendarYear, type DossierPeriod } from '../../../../shared/dossier/data';
import { recordsHref } from '../meetings/recordsRoute';
import type { VolumeDraft } from './useVolumeDrafts';

/** Drafts listed by name in the warning; more are reached through the record list. */
const DRAFTS_LISTED = 10;

/** Shown before the volume is made: the volume prints each draft with 【草稿】 and counts it as held. */
export function DraftsWarning({ drafts, period }: Readonly<{ drafts: VolumeDraft[]; period: DossierPeriod }>) {
  const year = isCalendarYear(period) ? Number(period.from.slice(0, 4)) : undefined;
  const more = drafts.length - DRAFTS_LISTED;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      title={`本卷有 ${drafts.length} 条记录尚未定稿`}
      description={
        <>
          <div>卷中这些记录标有【草稿】，并按已召开计入落实情况。正式报送前，请先打开记录核对并定稿，再生成卷宗。</div>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {drafts.slice(0, DRAFTS_LISTED).map((d) => (
              <li key={d.id}>
                <a href={recordsHref({ view: 'show', id: d.id })}>
                  {d.label}「{d.topic}」
                </a>
              </li>
            ))}
          </ul>
          {more > 0 && (
            <a href={recordsHref({ view: 'list', filter: { status: '草稿', ...(year ? { year } : {}) } })}>
              另有 {more} 条，查看全部草稿
            </a>
          )}
        </>
      }
    />
  );
}
