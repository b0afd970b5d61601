// 党小组会 items of a 考评 are scored per 党小组 from the database, as the 工作台 counts them: three groups each missing
// two months do not reach 「每月1次」; a branch without 党小组 has the item 不适用.
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../shared/schemas/entities';
import { meetingRow } from './assessmentFixtures';
import { BUILT_IN_STANDARDS } from '../../../shared/standards';
import { db } from '../../../renderer/src/db/db';
import { computeAutoScores } from '../../../renderer/src/db/repositories/assessments';
import { createBranch } from '../../../renderer/src/db/repositories/branches';
import { ensureBuiltInStandards, getStandard } from '../../../renderer/src/db/repositories/standards';

const FIVE_GOOD_ID = BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === 'five-good-five-strong')!.id;

function groupMeeting(branchId: string, partyGroupId: string, month: number): Meeting {
  return meetingRow(branchId, {
    id: `${partyGroupId}-${month}`,
    kind: '党小组会',
    topic: `${month}月党小组会`,
    date: `2025-${String(month).padStart(2, '0')}-12`,
    partyGroupId,
    seq: month,
  });
}

const months = (skip: number[]) => Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !skip.includes(m));

describe('考评 3.2 党小组会每月召开1次, from the records', () => {
  it('three groups each missing two months reach 「每季度1次」, not 「每月1次」, naming the missed group-months', async () => {
    await ensureBuiltInStandards();
    const branch = await createBranch({
      name: '甲支部',
      termStart: '2024-01-01',
      termEnd: '2026-12-31',
      partyGroups: [
        { id: 'g1', name: '第一党小组' },
        { id: 'g2', name: '第二党小组' },
        { id: 'g3', name: '第三党小组' },
      ],
    });
    await db.meetings.bulkAdd([
      ...months([2, 8]).map((m) => groupMeeting(branch.id, 'g1', m)),
      ...months([2, 8]).map((m) => groupMeeting(branch.id, 'g2', m)),
      ...months([1, 7]).map((m) => groupMeeting(branch.id, 'g3', m)),
    ]);
    const standard = (await getStandard(FIVE_GOOD_ID))!;
    const auto = await computeAutoScores(branch.id, standard, '2025-01-01', '2025-12-31');
    const item = auto.get('3.2')!;
    expect(item.score).toBe(2);
    expect(item.explanation).toBe(
      '期间共 30 次党小组会，3 个党小组中 0 个达到「每月1次」' +
        '（第一党小组缺 2月、8月；第二党小组缺 2月、8月；第三党小组缺 1月、7月），各党小组均达到「每季度1次」档，得 2 分',
    );
    expect(item.evidenceIds).toHaveLength(30);
  });

  it('a branch without 党小组: 不适用, scored in full', async () => {
    await ensureBuiltInStandards();
    const branch = await createBranch({ name: '乙支部', termStart: '2024-01-01', termEnd: '2026-12-31' });
    const standard = (await getStandard(FIVE_GOOD_ID))!;
    const auto = await computeAutoScores(branch.id, standard, '2025-01-01', '2025-12-31');
    expect(auto.get('3.2')).toMatchObject({ score: 4, explanation: '未设党小组，本项不适用，按满分计，得 4 分' });
  });
});
