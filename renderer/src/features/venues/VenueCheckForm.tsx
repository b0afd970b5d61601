// The 登记复查 form on a venue's page (and, given a check, its 修改 dialog): date (not after today), inspector, findings
// and the next re-check date (after this one).
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Col, Form, Row, Space, Typography } from 'antd';
import { useId, useRef } from 'react';
import { useForm, type FieldErrors, type FieldPath, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { chinaToday, venueCheckInputSchema, type VenueCheck } from '../../../../shared/schemas';
import { ValidationError } from '../../db/repositories/errors';
import { addVenueCheck, updateVenueCheck } from '../../db/repositories/venues';
import { DateField } from '../../ui/DateField';
import { TextField } from '../../ui/TextField';
import { useUnsavedChanges } from '../../ui/leaveGuard';
import { useRevealFormErrors } from '../../ui/useRevealErrors';
import { formKeysHint, submitKeyDown, saveKeysProps } from '../meetings/formKeys';

type CheckFormValues = { date?: string; inspector: string; findings: string; nextDueDate: string };
type CheckFormOutput = z.output<typeof venueCheckInputSchema>;

const FIELDS = ['date', 'inspector', 'findings', 'nextDueDate'];

// The date stays undefined while empty so that zod says 「请填写日期」 rather than a format error.
const schemaResolver = zodResolver(venueCheckInputSchema) as unknown as Resolver<
  CheckFormValues,
  unknown,
  CheckFormOutput
>;
// The schema's messages and the repository's day rule (parseVenueCheck in db/repositories/venues.ts, in its words) in
// the same 保存; a date the schema already refuses keeps its message.
const resolver: Resolver<CheckFormValues, unknown, CheckFormOutput> = async (values, context, options) => {
  const result = await schemaResolver(values, context, options);
  const today = chinaToday();
  if (!values.date || values.date <= today) return result;
  const errors: FieldErrors<CheckFormValues> = {
    date: { type: 'custom', message: `复查日期不能晚于今天（${today}）` },
    ...result.errors,
  };
  return { values: {}, errors };
};

const emptyValues = (): CheckFormValues => ({ date: undefined, inspector: '', findings: '', nextDueDate: '' });

const valuesOf = (check: VenueCheck): CheckFormValues => ({
  date: check.date,
  inspector: check.inspector,
  findings: check.findings,
  nextDueDate: check.nextDueDate ?? '',
});

interface Props {
  venueId: string;
  /** A recorded check to correct; absent for 登记复查. */
  check?: VenueCheck;
  /** After a correction is saved (the dialog closes). */
  onSaved?: () => void;
  /** After 登记复查 stored a new check. */
  onAdded?: (check: VenueCheck) => void;
  onCancel?: () => void;
}

export function VenueCheckForm({ venueId, check, onSaved, onAdded, onCancel }: Readonly<Props>) {
  const { message } = App.useApp();
  const idPrefix = `venue-check-${useId().replace(/:/g, '')}`;
  const { control, handleSubmit, setError, formState, reset } = useForm<CheckFormValues, unknown, CheckFormOutput>({
    resolver,
    defaultValues: check ? valuesOf(check) : emptyValues(),
    // The first message in page order is shown and focused below, with how many there are (useRevealFormErrors).
    shouldFocusError: false,
  });

  // Saved entries reset the form, which ends the guard.
  useUnsavedChanges(formState.isDirty, check ? '修改复查记录' : '复查记录');
  const onValid = async (data: CheckFormOutput) => {
    try {
      if (check) {
        const saved = await updateVenueCheck(check.id, data);
        message.success('已保存复查记录的修改');
        reset(valuesOf(saved));
        onSaved?.();
        return;
      }
      const added = await addVenueCheck(venueId, data);
      message.success('已登记复查');
      reset(emptyValues());
      onAdded?.(added);
    } catch (error) {
      if (error instanceof ValidationError) {
        for (const issue of error.issues) {
          const path = FIELDS.includes(issue.path) ? (issue.path as FieldPath<CheckFormValues>) : 'root.repository';
          setError(path, { type: 'repository', message: issue.message });
        }
        return;
      }
      setError('root.repository', {
        type: 'repository',
        message: `保存失败：${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  const rootError = formState.errors.root?.repository?.message;
  // After each 保存 (or Ctrl+Enter) that did not save, the first message is scrolled to and focused.
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFormErrors(formRef, formState);
  const save = check ? '保存修改' : '登记复查';

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={handleSubmit(onValid)}
      onKeyDown={submitKeyDown(formState.isSubmitting)}
      aria-label={check ? '修改复查记录' : '登记复查'}
    >
      <Form layout="vertical" component={false}>
        {rootError && (
          // Focusable so that, scrolled to after 保存, it is also what the keyboard and a screen reader are on.
          <div data-error-banner tabIndex={-1} style={{ marginBottom: 16 }}>
            <Alert type="error" showIcon title={rootError} />
          </div>
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            {/* A 复查 that took place: later days are greyed out in the calendar (下次复查 is a plan and may lie ahead). */}
            <DateField control={control} name="date" label="复查日期" required idPrefix={idPrefix} max={chinaToday()} />
          </Col>
          <Col xs={24} md={8}>
            <TextField control={control} name="inspector" label="检查人" required idPrefix={idPrefix} />
          </Col>
          <Col xs={24} md={8}>
            <DateField control={control} name="nextDueDate" label="下次复查日期" idPrefix={idPrefix} emptyAs="" />
          </Col>
          <Col xs={24}>
            <TextField
              control={control}
              name="findings"
              label="检查情况"
              idPrefix={idPrefix}
              lines={{ minRows: 2, maxRows: 6 }}
              placeholder="如：七有齐全，宣传栏内容已按季度更新"
            />
          </Col>
        </Row>
        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            loading={formState.isSubmitting}
            {...saveKeysProps(`${idPrefix}-keys`)}
          >
            {save}
          </Button>
          {onCancel && <Button onClick={onCancel}>取消</Button>}
          <Typography.Text type="secondary" id={`${idPrefix}-keys`}>
            {formKeysHint(save)}
          </Typography.Text>
        </Space>
      </Form>
    </form>
  );
}
