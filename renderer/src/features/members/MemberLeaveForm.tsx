// 转出/离开支部: asks for the date and the reason; the member stays in the roster's history.
import { showRepositoryError } from '../../ui/repositoryErrors';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Form, Space, Typography } from 'antd';
import { useId, useRef } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { committeeOn } from '../../../../shared/branch/committee';
import { sameName } from '../../../../shared/names';
import { chinaToday, memberLeaveSchema, type Branch, type Member } from '../../../../shared/schemas';
import { useCurrentBranch } from '../branch/useCurrentBranch';
import { markMemberLeft } from '../../db/repositories/members';
import { DateField } from '../../ui/DateField';
import { TextField } from '../../ui/TextField';
import { formKeysHint, submitKeyDown, saveKeysProps } from '../meetings/formKeys';

interface Props {
  member: Member;
  onDone: () => void;
}

type LeaveValues = { leftDate?: string; leftReason: string };
type LeaveOutput = z.output<typeof memberLeaveSchema>;
const resolver = zodResolver(memberLeaveSchema) as unknown as Resolver<LeaveValues, unknown, LeaveOutput>;

/** The posts `member` holds on the committee today (linked, or typed under their name). */
function postsOf(member: Member, branch: Branch | null | undefined): string[] {
  if (!branch) return [];
  return committeeOn(branch.committee, chinaToday())
    .filter((c) => !c.to && (c.memberId ? c.memberId === member.id : sameName(c.name, member.name)))
    .map((c) => c.role);
}

export function MemberLeaveForm({ member, onDone }: Readonly<Props>) {
  const { message } = App.useApp();
  // A 委员 who leaves stays in office in 支部概况 until a 换届/调整 there says otherwise: said before and after.
  const posts = postsOf(member, useCurrentBranch());
  const handover = posts.length
    ? `「${member.name}」是支委会成员（${posts.join('、')}）。转出后请到「支部概况」为其办理「换届/调整」，填写任职止；否则此后的支委会仍按其在任计算法定人数。`
    : undefined;
  const idPrefix = `leave-${useId().replace(/:/g, '')}`;
  const { control, handleSubmit, setError, formState } = useForm<LeaveValues, unknown, LeaveOutput>({
    resolver,
    defaultValues: { leftDate: undefined, leftReason: '' },
  });

  const onValid = async (data: LeaveOutput) => {
    try {
      await markMemberLeft(member.id, data);
      message.success(`「${member.name}」已转出，仍保留在名册的“已离开”中`);
      if (handover) message.warning({ content: handover, duration: 10 });
      onDone();
    } catch (error) {
      // A date the member's other dates refuse (「转入本支部日期不能晚于离开支部日期」) is said under 离开日期, the one date
      // this form edits; anything else above the form.
      showRepositoryError(
        error,
        setError,
        (path) => path === 'leftDate' || path === 'leftReason',
        (path) => (path === 'joinedBranchDate' || path === 'joinedDate' ? 'leftDate' : path),
      );
    }
  };

  const rootError = formState.errors.root?.repository?.message;
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={handleSubmit(onValid)}
      onKeyDown={submitKeyDown(formState.isSubmitting)}
      aria-label={`转出：${member.name}`}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>
          转出后「{member.name}」不再计入在册党员，但记录不会删除，可在“已离开”中查看，也可恢复在册。
        </Typography.Paragraph>
        {handover && <Alert type="warning" showIcon title={handover} style={{ marginBottom: 16 }} />}
        {rootError && <Alert type="error" showIcon title={rootError} style={{ marginBottom: 16 }} />}
        <DateField control={control} name="leftDate" label="离开日期" required idPrefix={idPrefix} />
        <TextField
          control={control}
          name="leftReason"
          label="离开原因"
          required
          idPrefix={idPrefix}
          lines={{ minRows: 2, maxRows: 4 }}
          placeholder="如：组织关系转出至××支部、退休、调离"
        />
        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            loading={formState.isSubmitting}
            {...saveKeysProps(`${idPrefix}-keys`)}
          >
            确认转出
          </Button>
          <Button onClick={onDone}>取消</Button>
          <Typography.Text type="secondary" id={`${idPrefix}-keys`}>
            {formKeysHint('确认转出')}
          </Typography.Text>
        </Space>
      </Form>
    </form>
  );
}
