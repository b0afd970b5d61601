// The marks a record carries wherever it is shown: 第N次, 草稿/已定稿, 补录 in orange, and the 所属年度 of one held
// after its year for it.
import { Tag } from 'antd';
import { forYearNote } from '../../../../shared/domain/recordYear';
import type { Meeting } from '../../../../shared/schemas';

export function MeetingTags({ meeting }: Readonly<{ meeting: Meeting }>) {
  return (
    <>
      {forYearNote(meeting) ? (
        <Tag color="blue" title="次年年初召开、计入上一年度的记录">{`${meeting.forYear}年度第${meeting.seq}次`}</Tag>
      ) : (
        <Tag>{`第${meeting.seq}次`}</Tag>
      )}
      <Tag color={meeting.status === '已定稿' ? 'green' : 'default'}>{meeting.status}</Tag>
      {meeting.backfilled && (
        <Tag color="orange" title="会后超过 7 天才录入的记录">
          补录
        </Tag>
      )}
    </>
  );
}
