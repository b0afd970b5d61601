// The contract between the bench page (window.__bench) and scripts/bench.ts: plain data in, timings (ms) out.

export interface BenchBranch {
  id: string;
  name: string;
}

export interface BenchApi {
  /** Resolves once the database is open. */
  ready: Promise<void>;
  /**
   * Restores (覆盖全部) the backup served at `url`; `ms` covers restoreBackup only, not the download. `phasesMs`:
   * time spent in each progress phase (checking, reading, writing), from the restore's own progress reports.
   */
  restore(url: string): Promise<{ ms: number; rows: number; attachments: number; phasesMs: Record<string, number> }>;
  /** 立即备份: exportBackupBlob of the whole database. */
  backup(): Promise<{ ms: number; bytes: number }>;
  branches(): Promise<BenchBranch[]>;
  /** First pages of filtered record lists; one time per run, labelled by filter. */
  listFirstPages(runsPerFilter: number): Promise<{ filter: 'kind' | 'month' | 'person'; ms: number; items: number }[]>;
  /** searchMeetings of each word in each branch in turn, `runs` times in all. */
  search(words: string[], runs: number): Promise<{ word: string; ms: number; items: number }[]>;
  /** loadComplianceSources + computeCompliance for each branch of `year`. */
  complianceBranchYears(year: number): Promise<number[]>;
  /** The same for every branch of `year` in one go (what an organ overview costs). */
  complianceOrgan(year: number): Promise<number>;
  /** The app's 迎检卷宗 export (loadDossierJob + the PDF worker); longest main-thread task seen meanwhile. */
  dossier(branchId: string, year: number): Promise<{ ms: number; bytes: number; longestTaskMs: number }>;
}
