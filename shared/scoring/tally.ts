// What a rule's line shows of a year so far — met of due, the periods missed, whom the open period still lacks — the
// one count the 工作台 and 各支部概览 both show, so the two screens cannot disagree on a branch.
import type { PeriodResult, RuleResult } from './compliance';

export interface RuleTally {
  met: number;
  /**
   * The periods shown as due: over, or met, and — once any is — the open period's 党小组 or members not yet recorded
   * (「23/25 人，2 人待谈」, never 23/23 while two are left). 0 while nothing is due yet: a 0/0 is not complete.
   */
  due: number;
  /** Periods over without their record: the gaps. */
  missed: PeriodResult[];
  /**
   * Rules per 党小组 or per member: whom the current, still open period has no record for yet. Part of `due` once
   * anything is due, but never a gap: the period is not over.
   */
  pending: PeriodResult[];
  /** A branch-wide rule's current period, still open and not yet met: counted nowhere until it is over or met. */
  current?: PeriodResult;
}

/** The count of a rule's result as of `asOf` (the date the compliance engine was given). */
export function ruleTally(result: RuleResult, asOf: string): RuleTally {
  const open = result.periods.filter((p) => p.status === 'pending' && p.period.start <= asOf && asOf <= p.period.end);
  const pending = open.filter((p) => p.subject);
  const current = open.find((p) => !p.subject);
  // Before anything counts (a new year, a new month's groups) the line is not due yet, as for a branch-wide rule; the
  // pending list still says who is left.
  const due = result.required === 0 ? 0 : result.required + pending.length;
  return { met: result.met, due, missed: result.missed, pending, ...(current ? { current } : {}) };
}
