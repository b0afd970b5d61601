// 量化考评: links one of the branch's 考评 (scored in 评价标准) to the campaign.
import { App, Button, Form, Select, Space, Typography } from 'antd';
import { useId } from 'react';
import type { Assessment, Campaign } from '../../../../shared/schemas';
import { setCampaignAssessment } from '../../db/repositories/campaigns';
import { errorText } from '../../db/repositories/errors';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { SELECT_CLEAR } from '../../ui/controlLabels';
import { PICKER_SEARCH } from '../../ui/pickerSearch';

export function AssessmentStep({
  campaign,
  assessments,
}: Readonly<{ campaign: Campaign; assessments: readonly Assessment[] }>) {
  const { message } = App.useApp();
  const id = `assessment-${useId().replace(/:/g, '')}`;
  const label = (a: Assessment) =>
    `${a.date} ${a.kind ?? ''} ${a.standardSnapshot?.name ?? ''} ${typeof a.total === 'number' ? `${a.total}分` : ''} ${a.grade ?? ''}`.trim();
  const onChange = async (value: string | undefined) => {
    try {
      await setCampaignAssessment(campaign.id, value ?? '');
      message.success(value ? '已关联考评' : '已取消关联');
    } catch (error) {
      message.error(errorText(error));
    }
  };
  if (assessments.length === 0) {
    return (
      <Typography.Paragraph type="secondary">
        本支部还没有考评记录。请先在<a href="#/standards">评价标准</a>中完成一次考评，再回到这里关联。
      </Typography.Paragraph>
    );
  }
  const linked = assessments.find((a) => a.id === campaign.assessmentId);
  return (
    <Form layout="vertical" component="div">
      <Form.Item label="关联考评" htmlFor={id}>
        <Space.Compact style={{ width: '100%' }}>
          <Select
            id={id}
            showSearch={PICKER_SEARCH}
            allowClear={SELECT_CLEAR}
            value={linked?.id}
            // A screen reader hears the 考评 linked with the picker's name (chosenValue.tsx).
            aria-describedby={describedByChosen(id, linked?.id)}
            labelRender={chosenLabelRender(id, linked?.id)}
            placeholder="选择本支部的考评"
            onChange={(v: string | undefined) => void onChange(v)}
            options={assessments.map((a) => ({ value: a.id, label: label(a) }))}
          />
          {linked ? <Button onClick={() => void onChange(undefined)}>取消关联</Button> : null}
        </Space.Compact>
      </Form.Item>
    </Form>
  );
}
