// Schema v1: every table of the ledger and the indexes its lists and reports query (see docs/data-model.md).
import { type Migration } from './types';

export const migration001: Migration = {
  version: 1,
  stores: {
    branches: 'id, name',
    // branchId: a branch's 党员名册 (sorted by pinyin in memory); [branchId+name]: find a person by name (roster import).
    members: 'id, branchId, [branchId+name]',
    venues: 'id, branchId',
    // venueId: a venue's re-check history; [branchId+date]: the year's 阵地复查 for the dossier;
    // [branchId+nextDueDate]: the re-checks that are due (empty due dates sort first and fall out of ranges).
    venueChecks: 'id, venueId, [branchId+date], [branchId+nextDueDate]',
    // The four compound indexes serve the record list (by date), frequency scoring (by kind and date),
    // venue usage (by venue and date) and the 草稿 list; *attendeeIds a member's attendance, *terms search.
    meetings:
      'id, [branchId+date], [branchId+kind+date], [branchId+venueId+date], [branchId+status], *attendeeIds, *terms',
    responsibilities: 'id, [branchId+year]',
    standards: 'id, builtInKey',
    assessments: 'id, [branchId+date], standardId',
    memberEvaluations: 'id, [branchId+year], memberId',
    learning: 'id, [branchId+date], [memberId+date]',
    campaigns: 'id, branchId',
    // sha256: one stored copy per content; [branchId+sha256] to reuse a copy within a branch.
    attachments: 'id, branchId, sha256, [branchId+sha256]',
    // [entity+entityId]: one record's history; [branchId+at]: a branch's recent changes; at: the whole log.
    audit: 'id, at, [entity+entityId], [branchId+at]',
    settings: 'key',
  },
};
