// The 阵地 form: creates a venue or edits a live one's basic facts, validated by the shared zod schema.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Col, Form, Row, Space, Typography } from 'antd';
import { useId, useMemo, useRef } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { VENUE_KINDS } from '../../../../shared/domain/vocab';
import { venueInputSchema, type Venue, type VenueInput } from '../../../../shared/schemas';
import { createVenue, updateVenue } from '../../db/repositories/venues';
import { useFormLeaveGuard } from '../../ui/LeaveConfirm';
import { FormField } from '../../ui/FormField';
import { TextField } from '../../ui/TextField';
import { SelectField } from '../../ui/SelectField';
import { showRepositoryError } from '../../ui/repositoryErrors';
import { useRevealFormErrors } from '../../ui/useRevealErrors';
import { NumberInput } from '../../ui/NumberInput';
import { FORM_KEYS_HINT, submitKeyDown, saveKeysProps } from '../meetings/formKeys';

/** Like VenueInput, but the numbers may be empty while typing: left undefined, zod says 「请填写面积」. */
type VenueFormValues = Omit<VenueInput, 'areaM2' | 'capacity'> & { areaM2?: number | null; capacity?: number | null };
type VenueFormOutput = z.output<typeof venueInputSchema>;

const FIELDS = ['name', 'kind', 'address', 'areaM2', 'capacity', 'manager'] as const;

const kindOptions = VENUE_KINDS.map((kind) => ({ value: kind, label: kind }));

// The schema's input says the numbers are numbers; the form holds null while a number box is empty.
const schemaResolver = zodResolver(venueInputSchema) as unknown as Resolver<VenueFormValues, unknown, VenueFormOutput>;

/** Only a 党员活动室 holds people: for a 宣传栏, 先锋岗 or 窗口 an empty 容纳人数 is 0 (shown as 「—」), not an error. */
const capacityRequired = (kind: VenueFormValues['kind']) => kind === '党员活动室';

const resolver: Resolver<VenueFormValues, unknown, VenueFormOutput> = (values, context, options) =>
  schemaResolver(
    capacityRequired(values.kind) || values.capacity != null ? values : { ...values, capacity: 0 },
    context,
    options,
  );

function toValues(venue: Venue): VenueFormValues {
  return {
    name: venue.name,
    kind: venue.kind,
    address: venue.address,
    areaM2: venue.areaM2,
    capacity: venue.capacity,
    manager: venue.manager,
  };
}

const emptyValues = (): VenueFormValues => ({
  name: '',
  kind: '党员活动室',
  address: '',
  areaM2: undefined,
  capacity: undefined,
  manager: '',
});

interface Props {
  branchId: string;
  /** The live record to edit; absent for a new venue. */
  venue?: Venue;
  onSaved: (venue: Venue) => void;
  onCancel: () => void;
}

export function VenueForm({ branchId, venue, onSaved, onCancel }: Readonly<Props>) {
  const { message } = App.useApp();
  const idPrefix = `venue-${useId().replace(/:/g, '')}`;
  const values = useMemo(() => (venue ? toValues(venue) : undefined), [venue]);
  const { control, handleSubmit, setError, formState } = useForm<VenueFormValues, unknown, VenueFormOutput>({
    resolver,
    defaultValues: emptyValues(),
    values,
    resetOptions: { keepDirtyValues: true },
    // The first message in page order is shown and focused below, with how many there are (useRevealFormErrors).
    shouldFocusError: false,
  });

  const { release, cancel } = useFormLeaveGuard(formState.isDirty, '活动阵地');
  const kind = useWatch({ control, name: 'kind' });

  const onValid = async (data: VenueFormOutput) => {
    try {
      const saved = venue ? await updateVenue(venue.id, data) : await createVenue(branchId, data);
      message.success('已保存');
      release();
      onSaved(saved);
    } catch (error) {
      showRepositoryError(error, setError, (path) => (FIELDS as readonly string[]).includes(path));
    }
  };

  const rootError = formState.errors.root?.repository?.message;
  // After each 保存 (or Ctrl+Enter) that did not save, the first message is scrolled to and focused.
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFormErrors(formRef, formState);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={handleSubmit(onValid)}
      // Enter in a one-line box goes on to the next field, not to 「请填写面积」 for fields not reached yet.
      onKeyDown={submitKeyDown(formState.isSubmitting)}
      aria-label={venue ? '编辑阵地' : '新增阵地'}
    >
      <Form layout="vertical" component={false}>
        {rootError && (
          // Focusable so that, scrolled to after 保存, it is also what the keyboard and a screen reader are on.
          <div data-error-banner tabIndex={-1} style={{ marginBottom: 16 }}>
            <Alert type="error" showIcon title={rootError} />
          </div>
        )}
        <Card style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <TextField
                control={control}
                name="name"
                label="阵地名称"
                required
                idPrefix={idPrefix}
                placeholder="如：机关党员活动室"
              />
            </Col>
            <Col xs={24} md={12}>
              <SelectField
                control={control}
                name="kind"
                label="阵地类型"
                required
                idPrefix={idPrefix}
                options={kindOptions}
              />
            </Col>
            <Col xs={24}>
              <TextField
                control={control}
                name="address"
                label="地址"
                idPrefix={idPrefix}
                placeholder="如：办公楼三层 305 室"
              />
            </Col>
            <Col xs={24} md={8}>
              <FormField control={control} name="areaM2" label="面积（㎡）" required idPrefix={idPrefix}>
                {(f) => (
                  <NumberInput
                    id={f.id}
                    {...f.a11y}
                    value={f.value ?? null}
                    onChange={(v) => f.onChange(v ?? undefined)}
                    onBlur={f.onBlur}
                    // No min: the box would quietly turn -5 into 0; the schema says 「面积不能为负数」 instead.
                    step={1}
                    status={f.invalid ? 'error' : undefined}
                    style={{ width: '100%' }}
                  />
                )}
              </FormField>
            </Col>
            <Col xs={24} md={8}>
              <FormField
                control={control}
                name="capacity"
                label="容纳人数"
                required={capacityRequired(kind)}
                idPrefix={idPrefix}
              >
                {(f) => (
                  <NumberInput
                    id={f.id}
                    {...f.a11y}
                    value={f.value ?? null}
                    onChange={(v) => f.onChange(v ?? undefined)}
                    onBlur={f.onBlur}
                    // No min or precision: 12.5 would become 13 unasked; the schema says 「容纳人数应为整数」.
                    step={1}
                    status={f.invalid ? 'error' : undefined}
                    style={{ width: '100%' }}
                  />
                )}
              </FormField>
            </Col>
            <Col xs={24} md={8}>
              <TextField control={control} name="manager" label="管理人" idPrefix={idPrefix} />
            </Col>
          </Row>
        </Card>
        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            loading={formState.isSubmitting}
            {...saveKeysProps(`${idPrefix}-keys`)}
          >
            保存
          </Button>
          <Button onClick={cancel(onCancel)}>取消</Button>
          <Typography.Text type="secondary" id={`${idPrefix}-keys`}>
            {FORM_KEYS_HINT}
          </Typography.Text>
        </Space>
      </Form>
    </form>
  );
}
