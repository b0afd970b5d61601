// The marks a record carries wherever it is shown: 第N次, 草稿/已定稿, and 补录 in orange.
import { Tag } from 'antd';
import type { Meeting } from '../../../../shared/schemas';

export function MeetingTags({ meeting }: Readonly<{ meeting: Meeting }>) {
  return (
    <>
      <Tag>{`第${meeting.seq}次`}</Tag>
      <Tag color={meeting.status === '已定稿' ? 'green' : 'default'}>{meeting.status}</Tag>
      {meeting.backfilled && (
        <Tag color="orange" title="会后超过 7 天才录入的记录">
          补录
        </Tag>
      )}
    </>
  );
}
