// Schema v2: adds 技能比武 (competitions), listed per branch by date; no existing row changes, so no upgrader.
import { type Migration } from './types';

export const migration002: Migration = {
  version: 2,
  stores: {
    // [branchId+date]: a branch's events in date order (and a year's, for the dossier).
    competitions: 'id, [branchId+date]',
  },
};
