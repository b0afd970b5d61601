// 考评 input for the 工作台's tests: the built-in 标准化规范化 standard (满分 100) scored for a year.
import type { AssessmentInput } from '../../../shared/schemas/entities';
import { BUILT_IN_STANDARDS } from '../../../shared/standards';
import { getStandard } from '../../../renderer/src/db/repositories/standards';

export const STANDARDIZATION_ID = BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === 'standardization')!.id;

/**
 * A 2029 考评 with every item at its maximum (automatic ones overridden, with a reason) less `less`, taken from the
 * first items on: `less` 8 is 92 分 优秀, 10.5 is 89.5 分 良好. Needs ensureBuiltInStandards() first.
 */
export async function assessmentInput(less: number, changes: Partial<AssessmentInput> = {}): Promise<AssessmentInput> {
  const standard = (await getStandard(STANDARDIZATION_ID))!;
  let left = less;
  const cut = (max: number) => {
    const off = Math.min(left, max);
    left -= off;
    return max - off;
  };
  return {
    standardId: STANDARDIZATION_ID,
    periodStart: '2029-01-01',
    periodEnd: '2029-12-31',
    kind: '自评',
    assessor: '张三',
    date: '2030-01-10',
    scores: standard.items.map((i) => ({
      code: i.code,
      score: cut(i.maxScore),
      overrideReason: i.rule.kind === 'manual' ? '' : '按台账核实',
      comment: '按台账核实',
    })),
    ...changes,
  };
}
