// 积极争创: the branch's 工作记录 that show the campaign in action, linked by id (opens at #/records?id=…).
import { App, Button, Form, List, Select, Space } from 'antd';
import { useId, useState } from 'react';
import type { Campaign, Meeting } from '../../../../shared/schemas';
import { linkMeeting, unlinkMeeting } from '../../db/repositories/campaigns';
import { errorText } from '../../db/repositories/errors';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { PICKER_SEARCH } from '../../ui/pickerSearch';

export function LinkedRecordsStep({
  campaign,
  meetings,
}: Readonly<{ campaign: Campaign; meetings: readonly Meeting[] }>) {
  const { message } = App.useApp();
  const id = `link-${useId().replace(/:/g, '')}`;
  const [chosen, setChosen] = useState<string>();
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const label = (m: Meeting) => `${m.date} ${m.kind}：${m.topic}`;
  const onLink = async () => {
    if (!chosen) {
      message.error('请选择要关联的记录');
      return;
    }
    try {
      await linkMeeting(campaign.id, chosen);
      setChosen(undefined);
      message.success('已关联');
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <>
      <Form layout="vertical" component="div">
        <Form.Item label="关联记录" htmlFor={id}>
          <Space.Compact style={{ width: '100%' }}>
            <Select
              id={id}
              showSearch={PICKER_SEARCH}
              value={chosen}
              onChange={setChosen}
              // A screen reader hears the record picked with the picker's name (chosenValue.tsx).
              aria-describedby={describedByChosen(id, chosen)}
              labelRender={chosenLabelRender(id, chosen)}
              placeholder="选择本支部的工作记录"
              options={meetings
                .filter((m) => !campaign.linkedMeetingIds.includes(m.id))
                .map((m) => ({ value: m.id, label: label(m) }))}
            />
            <Button onClick={() => void onLink()}>关联</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      <div role="region" aria-label="已关联的记录">
        <List
          size="small"
          dataSource={campaign.linkedMeetingIds}
          locale={{ emptyText: '还没有关联记录' }}
          renderItem={(meetingId) => {
            const m = byId.get(meetingId);
            return (
              <List.Item
                actions={[
                  <Button key="unlink" size="small" onClick={() => void unlinkMeeting(campaign.id, meetingId)}>
                    取消关联
                  </Button>,
                ]}
              >
                {m ? <a href={`#/records?id=${encodeURIComponent(m.id)}`}>{label(m)}</a> : '（该记录已删除）'}
              </List.Item>
            );
          }}
        />
      </div>
    </>
  );
}
