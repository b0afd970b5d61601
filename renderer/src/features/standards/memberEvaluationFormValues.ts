// What the 民主评议党员 form edits — one row per member on the year's roster — and how a refusal is said: the rows'
// issues carry the row's index, the user needs the member's name and the field (「曾子豪的自评不能超过 2000 个字」).
import type { FieldPath, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { memberEvaluationInputSchema } from '../../../../shared/schemas';
import { ValidationError } from '../../db/repositories/errors';
import type { YearEvaluations } from './useYearEvaluations';

export const yearEvaluationsSchema = z.object({ rows: z.array(memberEvaluationInputSchema) });
export type YearEvaluationsValues = z.input<typeof yearEvaluationsSchema>;
export type YearEvaluationsOutput = z.output<typeof yearEvaluationsSchema>;

export const EVALUATION_FIELD_LABELS = {
  selfResult: '自评',
  peerResult: '互评',
  collectiveResult: '组织评定',
  grade: '等次',
  exemplars: '五带头五标兵',
} as const;
export type EvaluationField = keyof typeof EVALUATION_FIELD_LABELS;
export const EVALUATION_TEXT_FIELDS = ['selfResult', 'peerResult', 'collectiveResult'] as const;

/** Each member on the year's roster, with what is stored for them (empty when nothing is). */
export function yearEvaluationsValues(data: YearEvaluations): YearEvaluationsValues {
  return {
    rows: data.members.map((m) => {
      const stored = data.rows.find((r) => r.memberId === m.id);
      return {
        memberId: m.id,
        selfResult: stored?.selfResult ?? '',
        peerResult: stored?.peerResult ?? '',
        collectiveResult: stored?.collectiveResult ?? '',
        grade: stored?.grade ?? '',
        exemplars: stored?.exemplars ?? [],
      };
    }),
  };
}

/** 「曾子豪的自评不能超过 2000 个字」, or 「曾子豪的五带头五标兵：…」 when the message does not name the field itself. */
export function namedIssue(name: string, field: EvaluationField, message: string): string {
  const label = EVALUATION_FIELD_LABELS[field];
  return message.startsWith(label) ? `${name}的${message}` : `${name}的${label}：${message}`;
}

const ROW_ISSUE = /^(\d+)\.([A-Za-z]+)/;

/**
 * Puts a refused save on the form: an issue of a member's field under that field (the first one focused), anything
 * else — the year's 优秀 quota, a member no longer in the branch, a failure — in the form's banner, with the member's
 * name when the issue is about one member.
 */
export function showEvaluationsError(
  error: unknown,
  setError: UseFormSetError<YearEvaluationsValues>,
  names: readonly string[],
): void {
  if (!(error instanceof ValidationError)) {
    const reason = error instanceof Error ? error.message : String(error);
    setError('root.repository', { type: 'repository', message: `保存失败：${reason}` });
    return;
  }
  const unplaced: string[] = [];
  let focus = true;
  for (const issue of error.issues) {
    const [, index, field] = ROW_ISSUE.exec(issue.path) ?? [];
    const name = index === undefined ? undefined : names[Number(index)];
    if (name !== undefined && field !== undefined && field in EVALUATION_FIELD_LABELS) {
      const path = `rows.${index}.${field}` as FieldPath<YearEvaluationsValues>;
      setError(path, { type: 'repository', message: issue.message }, { shouldFocus: focus });
      focus = false;
    } else unplaced.push(name === undefined ? issue.message : `${name}：${issue.message}`);
  }
  if (unplaced.length > 0) setError('root.repository', { type: 'repository', message: unplaced.join('；') });
}
