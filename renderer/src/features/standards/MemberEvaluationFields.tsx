// One member's part of the year's 民主评议: 等次 and 五带头五标兵 on a line, then 自评, 互评 and 组织评定 side by side
// in inputs that grow with their text, so the whole of it can be read and edited at any window width.
import { Flex, Form, Input, Select, Typography } from 'antd';
import { memo } from 'react';
import type { Control } from 'react-hook-form';
import { FIVE_EXEMPLARS, MEMBER_GRADES } from '../../../../shared/domain/vocab';
import { chosenLabelRender, describedByChosen } from '../../ui/chosenValue';
import { FormField } from '../../ui/FormField';
import {
  EVALUATION_FIELD_LABELS,
  EVALUATION_TEXT_FIELDS,
  type YearEvaluationsOutput,
  type YearEvaluationsValues,
} from './memberEvaluationFormValues';

interface Props {
  control: Control<YearEvaluationsValues, unknown, YearEvaluationsOutput>;
  index: number;
  name: string;
  /** Why the member was on the roll for part of the year only (「2025-07-15 离开支部，可不参评」), if so. */
  note?: string;
  idPrefix: string;
}

// 未评 as a choice of its own rather than a clear button: one tab stop per field, and no English 「Clear」 read out.
const gradeOptions = [{ value: '', label: '未评' }, ...MEMBER_GRADES.map((g) => ({ value: g, label: g }))];
const exemplarOptions = FIVE_EXEMPLARS.map((e) => ({ value: e, label: e }));

// The texts grow with what they hold, at least two lines, by CSS (Chromium 123+): antd's autoSize measures each one
// in a hidden copy as it is drawn, and a 55-member branch's 165 of them held the page at each 评议年度.
const GROWS_WITH_TEXT = { fieldSizing: 'content', minHeight: 'calc(2lh + 10px)', resize: 'none' } as const;

// Memoised: typing in one member's text re-renders that field only, not the other members of a large branch.
export const MemberEvaluationFields = memo(function MemberEvaluationFields({
  control,
  index,
  name,
  note,
  idPrefix,
}: Readonly<Props>) {
  const headingId = `${idPrefix}-${index}-name`;
  const row = `rows.${index}` as const;
  return (
    <div role="group" aria-labelledby={headingId} style={{ padding: '12px 0 4px', borderBottom: '1px solid #f0f0f0' }}>
      {/* Labels beside these two, above the texts: a member takes a few lines, not a screen. */}
      <Form layout="horizontal" component={false}>
        <Flex wrap gap="0 16px" align="start">
          <Typography.Title level={3} id={headingId} style={{ fontSize: 16, margin: '4px 0 0', minWidth: 72 }}>
            {name}
            {note && (
              <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 4 }}>
                （{note}）
              </Typography.Text>
            )}
          </Typography.Title>
          <FormField control={control} name={`${row}.grade`} label="等次" idPrefix={idPrefix}>
            {({ id, value, onChange, onBlur, ref, a11y, invalid }) => (
              <Select
                id={id}
                ref={ref}
                {...a11y}
                aria-label={`${name} 等次`}
                // Read with the grade chosen, 未评 too (chosenValue.tsx).
                aria-describedby={describedByChosen(id, value ?? '', a11y['aria-describedby'])}
                labelRender={chosenLabelRender(id, value ?? '')}
                style={{ width: 120 }}
                value={value ?? ''}
                onChange={onChange}
                onBlur={onBlur}
                options={gradeOptions}
                status={invalid ? 'error' : undefined}
              />
            )}
          </FormField>
          <div style={{ flex: '1 1 300px', minWidth: 0 }}>
            <FormField control={control} name={`${row}.exemplars`} label="五带头五标兵" idPrefix={idPrefix}>
              {({ id, value, onChange, onBlur, ref, a11y, invalid }) => (
                <Select
                  id={id}
                  ref={ref}
                  {...a11y}
                  aria-label={`${name} 五带头五标兵`}
                  aria-describedby={describedByChosen(id, value, a11y['aria-describedby'])}
                  labelRender={chosenLabelRender(id, value)}
                  mode="multiple"
                  placeholder="可多选"
                  value={value}
                  onChange={onChange}
                  onBlur={onBlur}
                  options={exemplarOptions}
                  status={invalid ? 'error' : undefined}
                />
              )}
            </FormField>
          </div>
        </Flex>
      </Form>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', columnGap: 16 }}>
        {EVALUATION_TEXT_FIELDS.map((field) => (
          <FormField
            key={field}
            control={control}
            name={`${row}.${field}`}
            label={EVALUATION_FIELD_LABELS[field]}
            idPrefix={idPrefix}
          >
            {({ id, value, onChange, onBlur, ref, a11y, invalid }) => (
              <Input.TextArea
                id={id}
                ref={ref}
                {...a11y}
                aria-label={`${name} ${EVALUATION_FIELD_LABELS[field]}`}
                rows={2}
                style={GROWS_WITH_TEXT}
                value={value ?? ''}
                onChange={(e) => onChange(e.target.value)}
                onBlur={onBlur}
                status={invalid ? 'error' : undefined}
              />
            )}
          </FormField>
        ))}
      </div>
    </div>
  );
});
