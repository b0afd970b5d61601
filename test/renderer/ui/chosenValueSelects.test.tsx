// The selects drawn outside SelectField say what they have chosen to a screen reader, as SelectField does (antd's
// combobox is an empty search box: NVDA read 「考评类型 组合框」 and never 自评): each is described by the label it draws
// (chosenValue.tsx) — in 评价标准, 学习与争创, 领导责任, 支部概况's 换届, the 工作台, 卷宗导出, the records' calendar and
// the 操作日志, whose 年份 shows 「全部」 as a chosen value rather than as an unread pale placeholder.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Assessment, Meeting } from '../../../shared/schemas';
import { chinaToday } from '../../../shared/schemas';
import { AppProviders } from '../../../renderer/src/app/providers';
import { ensureBuiltInStandards } from '../../../renderer/src/db/repositories/standards';
import { createCampaign } from '../../../renderer/src/db/repositories/campaigns';
import { createCompetition } from '../../../renderer/src/db/repositories/competitions';
import { listMembers } from '../../../renderer/src/db/repositories/members';
import { HandoverDialog } from '../../../renderer/src/features/branch/HandoverDialog';
import { Dashboard } from '../../../renderer/src/features/dashboard/Dashboard';
import { AuditLogCard } from '../../../renderer/src/features/data-safety/AuditLogCard';
import { DossierPage } from '../../../renderer/src/features/dossier/DossierPage';
import { AssessmentStep } from '../../../renderer/src/features/learning/AssessmentStep';
import { AwardsStep } from '../../../renderer/src/features/learning/AwardsStep';
import { CampaignTab } from '../../../renderer/src/features/learning/CampaignTab';
import { CommitmentsStep } from '../../../renderer/src/features/learning/CommitmentsStep';
import { CompetitionForm } from '../../../renderer/src/features/learning/CompetitionForm';
import { LinkedRecordsStep } from '../../../renderer/src/features/learning/LinkedRecordsStep';
import { MonthCalendar } from '../../../renderer/src/features/meetings/MonthCalendar';
import { ResponsibilityForm } from '../../../renderer/src/features/responsibility/ResponsibilityForm';
import { AssessmentForm } from '../../../renderer/src/features/standards/AssessmentForm';
import { EvidencePicker } from '../../../renderer/src/features/standards/EvidencePicker';
import { MemberEvaluationFields } from '../../../renderer/src/features/standards/MemberEvaluationFields';
import { MemberEvaluationsPanel } from '../../../renderer/src/features/standards/MemberEvaluationsPanel';
import type {
  YearEvaluationsOutput,
  YearEvaluationsValues,
} from '../../../renderer/src/features/standards/memberEvaluationFormValues';
import { branchWithMembers, PHASES } from '../learning/fixtures';
import { seed, setChinaNow } from '../meetings/fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/');
});

/** The text of the elements an element is described by, in order. */
function description(el: Element): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`)
    .join(' ');
}

const combobox = (name: string | RegExp) => screen.getByRole('combobox', { name });
/** What the select draws as chosen (its visible text). */
const shown = (el: Element) => el.closest('.ant-select')?.querySelector('.ant-select-content')?.textContent ?? '';

async function choose(name: string, title: string) {
  fireEvent.mouseDown(combobox(name));
  fireEvent.click(await screen.findByTitle(title));
}

// antd renders slowly in happy-dom on a busy machine: generous timeouts, no behaviour depends on them.
describe('评价标准', { timeout: 40_000 }, () => {
  it('考评: 采用的评价标准, 考评类型 and 考评年度 are read with what they show, and follow a new choice', async () => {
    await ensureBuiltInStandards();
    const { branch } = await branchWithMembers();
    render(
      <AppProviders>
        <AssessmentForm branch={branch} others={[]} onSaved={() => undefined} onCancel={() => undefined} />
      </AppProviders>,
    );
    await screen.findByLabelText('A8 得分', undefined, { timeout: 10_000 });
    const standard = combobox('采用的评价标准');
    expect(description(standard)).not.toBe('');
    expect(description(standard)).toBe(shown(standard));
    expect(description(combobox('考评类型'))).toBe('自评');
    expect(description(combobox('考评年度'))).toMatch(/^\d{4}年$/);
    await choose('考评类型', '上级评定');
    await waitFor(() => expect(description(combobox('考评类型'))).toBe('上级评定'));
  });

  it('佐证: names each chosen record in full, though a long one is drawn cut short', async () => {
    const long = '2025-12-10 支委会 研究年度考核、民主评议党员和组织生活会的安排';
    render(
      <AppProviders>
        <EvidencePicker
          label="C1 佐证"
          value={['m1', 'gone']}
          onChange={() => undefined}
          choices={[{ id: 'm1', group: '工作记录', label: long }]}
        />
      </AppProviders>,
    );
    const picker = combobox('C1 佐证');
    expect(description(picker)).toBe(`${long} （记录已删除或不在本考评期间）`);
    // A mouse still finds the whole name on the chosen item.
    expect(document.querySelector(`.ant-select-selection-item[title="${long}"]`)).not.toBeNull();
  });

  it('民主评议: 评议年度, a member’s 等次 (「未评」 too) and 五带头五标兵', async () => {
    window.history.replaceState(null, '', '#/standards?tab=evaluations');
    const { branch } = await branchWithMembers();
    render(
      <AppProviders>
        <MemberEvaluationsPanel branch={branch} />
      </AppProviders>,
    );
    expect(description(combobox('评议年度'))).toBe(`${chinaToday().slice(0, 4)}年`);

    function Member() {
      const { control } = useForm<YearEvaluationsValues, unknown, YearEvaluationsOutput>({
        defaultValues: {
          rows: [
            { memberId: 'a', selfResult: '', peerResult: '', orgResult: '', grade: '', exemplars: [] },
            {
              memberId: 'b',
              selfResult: '',
              peerResult: '',
              orgResult: '',
              grade: '优秀',
              exemplars: ['政治学习带头'],
            },
          ],
        } as unknown as YearEvaluationsValues,
      });
      return (
        <AppProviders>
          <MemberEvaluationFields control={control} index={0} name="张三" idPrefix="t" />
          <MemberEvaluationFields control={control} index={1} name="李四" idPrefix="t" />
        </AppProviders>
      );
    }
    cleanup();
    render(<Member />);
    expect(description(combobox('张三 等次'))).toBe('未评');
    expect(description(combobox('李四 等次'))).toBe('优秀');
    expect(description(combobox('李四 五带头五标兵'))).toBe('政治学习带头');
    expect(combobox('张三 五带头五标兵').hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('学习与争创', { timeout: 40_000 }, () => {
  it('争创活动, 关联记录 and 关联考评 are read with what they show', async () => {
    const { branch } = await branchWithMembers();
    await createCampaign(branch.id, { name: '争做×先锋', phases: PHASES });
    await createCampaign(branch.id, { name: '争当排头兵', phases: PHASES });
    render(
      <AppProviders>
        <CampaignTab branch={branch} />
      </AppProviders>,
    );
    const campaign = await screen.findByRole('combobox', { name: '争创活动' });
    expect(description(campaign)).toMatch(/^争(做×先锋|当排头兵)（2024-03-01）$/);
    expect(description(campaign)).toBe(shown(campaign));
    cleanup();

    const linked = await createCampaign(branch.id, { name: '争创示范', phases: PHASES });
    const meeting = { id: 'mt-1', date: '2024-05-10', kind: '支委会', topic: '部署争创' } as Meeting;
    render(
      <AppProviders>
        <LinkedRecordsStep campaign={linked} meetings={[meeting]} />
      </AppProviders>,
    );
    expect(combobox('关联记录').hasAttribute('aria-describedby')).toBe(false);
    await choose('关联记录', '2024-05-10 支委会：部署争创');
    await waitFor(() => expect(description(combobox('关联记录'))).toBe('2024-05-10 支委会：部署争创'));
    cleanup();

    const assessment = {
      id: 'as-1',
      date: '2024-12-20',
      kind: '自评',
      standardSnapshot: { name: '标准化规范化建设' },
      total: 92,
      grade: '好',
    } as Assessment;
    render(
      <AppProviders>
        <AssessmentStep campaign={{ ...linked, assessmentId: 'as-1' }} assessments={[assessment]} />
      </AppProviders>,
    );
    expect(description(combobox('关联考评'))).toBe('2024-12-20 自评 标准化规范化建设 92分 好');
  });

  it('承诺党员, 表彰党员 (「支部或集体」 too) and 参赛党员 are read with the member chosen', async () => {
    const { branch, zhang } = await branchWithMembers();
    const members = await listMembers(branch.id);
    const campaign = await createCampaign(branch.id, { name: '争做×先锋', phases: PHASES });
    render(
      <AppProviders>
        <CommitmentsStep campaign={campaign} members={members} />
      </AppProviders>,
    );
    await choose('承诺党员', '张三');
    await waitFor(() => expect(description(combobox('承诺党员'))).toBe('张三'));
    cleanup();

    render(
      <AppProviders>
        <AwardsStep campaign={campaign} branch={branch} members={members} />
      </AppProviders>,
    );
    expect(description(combobox('表彰党员'))).toBe('（支部或集体）机关第一党支部');
    await choose('表彰党员', '张三');
    await waitFor(() => expect(description(combobox('表彰党员'))).toBe('张三'));
    cleanup();

    const contest = await createCompetition(branch.id, {
      name: '岗位练兵',
      date: '2024-08-01',
      kind: '技能比武',
      participants: [{ memberId: zhang.id, name: '张三' }],
      notes: '',
    });
    render(
      <AppProviders>
        <CompetitionForm branchId={branch.id} members={members} competition={contest} onDone={() => undefined} />
      </AppProviders>,
    );
    expect(description(combobox('参赛党员'))).toBe('张三');
  });
});

describe('领导责任 and 支部概况', { timeout: 40_000 }, () => {
  it('责任人 and a task’s 佐证记录 are read with what they show', async () => {
    const { branch, zhang } = await branchWithMembers();
    render(
      <AppProviders>
        <ResponsibilityForm
          branchId={branch.id}
          members={await listMembers(branch.id)}
          secretary={zhang}
          evidence={[
            { id: 'r1', label: '2025-01-10 支委会 研究年度工作' },
            { id: 'r2', label: '2025-02-14 党员大会 民主评议' },
          ]}
          defaultValues={{
            year: 2025,
            holderMemberId: zhang.id,
            holderName: '张三',
            role: '第一责任人',
            duties: [],
            tasks: [{ id: 't1', title: '制定年度计划', status: '已完成', note: '', evidenceMeetingIds: ['r1', 'r2'] }],
            reports: [],
          }}
          onSaved={() => undefined}
          onCancel={() => undefined}
        />
      </AppProviders>,
    );
    expect(description(await screen.findByRole('combobox', { name: '责任人' }))).toBe('张三（书记）');
    expect(description(combobox('佐证记录'))).toBe('2025-01-10 支委会 研究年度工作 2025-02-14 党员大会 民主评议');
  });

  it('换届: what the former holder does afterwards is read with the choice', async () => {
    render(
      <AppProviders>
        <HandoverDialog
          former={{ name: '张三', role: '书记' }}
          onConfirm={() => undefined}
          onCancel={() => undefined}
        />
      </AppProviders>,
    );
    const after = await screen.findByRole('combobox', { name: '张三此后' });
    expect(description(after)).toBe('不再担任支委');
    await choose('张三此后', '改任组织委员');
    await waitFor(() => expect(description(combobox('张三此后'))).toBe('改任组织委员'));
  });
});

describe('工作台, 卷宗导出, the calendar and the 操作日志', { timeout: 40_000 }, () => {
  beforeEach(() => setChinaNow('2030-06-15T10:00:00'));

  it('工作台: 年度 and 频次规则', async () => {
    const { branch } = await seed();
    render(
      <AppProviders>
        <Dashboard branch={branch} />
      </AppProviders>,
    );
    await waitFor(() => expect(description(combobox('年度'))).toBe('2030年'));
    const pack = combobox('频次规则');
    await waitFor(() => expect(description(pack)).not.toBe(''));
    expect(description(pack)).toBe(shown(pack));
  });

  it('卷宗导出: 年度', async () => {
    await seed();
    render(
      <AppProviders>
        <DossierPage />
      </AppProviders>,
    );
    await screen.findByRole('heading', { name: '卷宗导出' });
    const year = combobox('年度');
    expect(description(year)).toMatch(/^\d{4}年$/);
    expect(description(year)).toBe(shown(year));
  });

  it('the calendar: 年份 and 月份 (January too)', async () => {
    const { branch } = await seed();
    render(
      <AppProviders>
        <MonthCalendar branchId={branch.id} />
      </AppProviders>,
    );
    await waitFor(() => expect(description(combobox('年份'))).toBe('2030年'));
    expect(description(combobox('月份'))).toBe('6月');
    await choose('月份', '1月');
    await waitFor(() => expect(description(combobox('月份'))).toBe('1月'));
  });

  it('操作日志: 年份 shows 「全部」 as its choice and is read with it, then with the year chosen', async () => {
    render(
      <AppProviders>
        <AuditLogCard branchId="b-1" branchName="第一党支部" />
      </AppProviders>,
    );
    const year = combobox('年份');
    expect(year.closest('.ant-select')!.querySelector('.ant-select-placeholder')).toBeNull();
    expect(description(year)).toBe('全部');
    // Nothing to clear while 全部 is chosen.
    expect(screen.queryByRole('button', { name: '清除' })).toBeNull();
    await choose('年份', '2029年');
    await waitFor(() => expect(description(combobox('年份'))).toBe('2029年'));
    expect(await screen.findByText(/操作日志（第一党支部，2029年共 0 条）/)).toBeTruthy();
  });
});
