// The 届期 (terms of the 支委会) a branch has had, as far as the app knows them: the branch keeps only the current
// one (支部概况's 本届开始/结束日期), and each change of it is logged with its earlier values (`changes` of the
// branch's 'update' entries, since 2026-11-28). A 卷宗 of an earlier period prints the terms of that period, not
// today's.
import type { AuditEntry, Branch } from '../schemas/entities';

export interface Term {
  start: string;
  end: string;
}

const isTermChange = (c: { field: string }) => c.field === 'termStart' || c.field === 'termEnd';

/** Whether a log entry changed the branch's 届期 (and so tells an earlier term: knownTerms). */
export function changesTerm(entry: Pick<AuditEntry, 'entity' | 'entityId' | 'changes'>, branchId: string): boolean {
  return entry.entity === 'branch' && entry.entityId === branchId && Boolean(entry.changes?.some(isTermChange));
}

/** The day before an ISO date. */
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** A year after an ISO date (the same day of the next year). */
const yearAfter = (date: string) => `${String(Number(date.slice(0, 4)) + 1).padStart(4, '0')}${date.slice(4)}`;

/**
 * The branch's known terms, latest first: the current one, then each earlier one a logged change replaced. A change
 * that only corrects the term in force (a mistyped date, an end moved) leaves no earlier term: a term counts as an
 * earlier one when it ended before the next began, or began a year or more before it — a 换届 held before the term
 * ran out, whose term then ends the day before the next begins.
 */
export function knownTerms(
  branch: Pick<Branch, 'id' | 'termStart' | 'termEnd'>,
  audit: readonly Pick<AuditEntry, 'entity' | 'entityId' | 'at' | 'changes'>[],
): Term[] {
  const changes = audit
    .filter((e) => changesTerm(e, branch.id))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  let state: Term = { start: branch.termStart, end: branch.termEnd };
  const terms = [state];
  for (const e of changes) {
    const before = (field: string) => e.changes!.find((c) => c.field === field)?.before;
    state = { start: before('termStart') ?? state.start, end: before('termEnd') ?? state.end };
    const earliest = terms.at(-1)!;
    if (!state.start || !state.end || state.start >= earliest.start) continue;
    if (state.end < earliest.start) terms.push(state);
    else if (yearAfter(state.start) <= earliest.start)
      terms.push({ start: state.start, end: dayBefore(earliest.start) });
  }
  return terms;
}

/** How a volume of `from`…`to` states the 届期: the terms that overlap it, earliest first, and what it does not know. */
export interface TermsOfPeriod {
  /** Overlapping the period, earliest first. */
  terms: Term[];
  /**
   * What to add: 「（2025年7月15日换届，此前的届期未登记）」 when the earliest known term began inside the period after the
   * branch was founded; undefined when nothing is missing.
   */
  before?: Term;
  /** The current term, when none overlaps the period (it began after it, or ended before it). */
  current?: Term;
  /** The latest known term, when it ended inside the period: no later one is entered (按期换届). */
  ended?: Term;
}

export function termsOfPeriod(
  known: readonly Term[],
  from: string,
  to: string,
  established: string | undefined,
): TermsOfPeriod {
  const terms = known.filter((t) => t.start <= to && t.end >= from).sort((a, b) => (a.start < b.start ? -1 : 1));
  if (!terms.length) return { terms, current: known[0]! };
  const first = terms[0]!;
  const earliest = known.at(-1)!;
  const unknownBefore = first === earliest && first.start > from && (!established || first.start > established);
  const latest = known[0]!;
  const ended = terms.includes(latest) && latest.end < to;
  return { terms, ...(unknownBefore ? { before: first } : {}), ...(ended ? { ended: latest } : {}) };
}
