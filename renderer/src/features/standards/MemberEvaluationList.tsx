// The members of the year's 民主评议, one after another, drawn a few at a time so that a large branch does not hold
// the window: 55 members' fields took over a second in one piece on a 2-core PC, with nothing moving on screen. The
// first few show at once; the rest follow between frames, and the list says so until they are all there. What is
// not yet drawn is still in the form (its values, its checks), so 保存 at any moment saves the whole year.
// Memoised apart from the form around it: the form redraws at its first edit (有尚未保存的修改) and at each 等次 (the
// count in the 保存 bar), and antd's Form hands every field inside it a new context each time it draws — a branch of
// 55 members froze for a third of a second at its first keystroke.
import { ConfigProvider, Form, Typography } from 'antd';
import { memo, startTransition, useEffect, useState } from 'react';
import type { Control } from 'react-hook-form';
import type { Member } from '../../../../shared/schemas';
import { MemberEvaluationFields } from './MemberEvaluationFields';
import type { YearEvaluationsOutput, YearEvaluationsValues } from './memberEvaluationFormValues';

interface Props {
  control: Control<YearEvaluationsValues, unknown, YearEvaluationsOutput>;
  members: readonly Member[];
  /** Beside each member (by index), why they were on the roll for part of the year only, if so. */
  notes: readonly (string | undefined)[];
  idPrefix: string;
}

// Members drawn with the form (a screen and more), then at each step.
const FIRST = 8;
const STEP = 8;

// Tighter than a form's usual spacing: a branch of 25 or more members is one long list.
const TIGHT = { components: { Form: { itemMarginBottom: 8, verticalLabelPadding: '0 0 2px' } } };

export const MemberEvaluationList = memo(function MemberEvaluationList({
  control,
  members,
  notes,
  idPrefix,
}: Readonly<Props>) {
  const [drawn, setDrawn] = useState(FIRST);
  const more = drawn < members.length;
  useEffect(() => {
    if (!more) return;
    // After this step is on screen, and as a transition: a key pressed meanwhile is handled first.
    const timer = setTimeout(() => startTransition(() => setDrawn((n) => n + STEP)));
    return () => clearTimeout(timer);
  }, [more, drawn]);
  return (
    <Form layout="vertical" component={false}>
      <ConfigProvider theme={TIGHT}>
        {members.slice(0, drawn).map((m, i) => (
          <MemberEvaluationFields
            key={m.id}
            control={control}
            index={i}
            name={m.name}
            note={notes[i]}
            idPrefix={idPrefix}
          />
        ))}
      </ConfigProvider>
      {more && (
        <Typography.Paragraph type="secondary" role="status" style={{ padding: '12px 0' }}>
          正在列出其余党员…
        </Typography.Paragraph>
      )}
    </Form>
  );
});
