// The shape every schema migration file exports: one Dexie version with its stores and optional upgrader.
import { type Transaction } from 'dexie';

export interface Migration {
  /** Dexie schema version; strictly increasing across the migration list, never reused. */
  version: number;
  /** Dexie store specs of the tables that change in this version (`null` deletes a table). */
  stores: Record<string, string | null>;
  /**
   * Data changes for this version. Must be idempotent (a crash may re-run it after a partial upgrade on some
   * engines) and must return the promise of its work, or Dexie commits the upgrade early (Dexie #942, #1175).
   */
  upgrade?: (tx: Transaction) => Promise<void>;
}
