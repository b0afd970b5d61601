// The Dexie database class: typed tables for every entity, schema built by replaying the migrations in order.
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import {
  type Assessment,
  type Attachment,
  type Branch,
  type Campaign,
  type Competition,
  type Meeting,
  type Member,
  type MemberEvaluation,
  type Responsibility,
  type Setting,
  type Standard,
  type Venue,
  type VenueCheck,
} from '../../../shared/schemas/entities';
import { MIGRATIONS } from './migrations';
import { type AuditPage, type LearningMonth } from './packed';
import { type SearchBucket } from './search/postings';

/** The latest schema version: what a backup records and what this build opens. */
export const SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Tables of derived data, rebuilt from the others (never in a backup): search postings, in buckets since v4. */
export const DERIVED_TABLES: readonly string[] = ['searchBuckets'];

export class AppDB extends Dexie {
  // `declare` emits no class field, so Dexie's own table properties are not overwritten after super().
  declare readonly branches: EntityTable<Branch, 'id'>;
  declare readonly members: EntityTable<Member, 'id'>;
  declare readonly venues: EntityTable<Venue, 'id'>;
  declare readonly venueChecks: EntityTable<VenueCheck, 'id'>;
  declare readonly meetings: EntityTable<Meeting, 'id'>;
  declare readonly responsibilities: EntityTable<Responsibility, 'id'>;
  declare readonly standards: EntityTable<Standard, 'id'>;
  declare readonly assessments: EntityTable<Assessment, 'id'>;
  declare readonly memberEvaluations: EntityTable<MemberEvaluation, 'id'>;
  /** 学习记录 in branch-months since v4 (packed.ts). */
  declare readonly learningMonths: Table<LearningMonth, [string, string]>;
  declare readonly campaigns: EntityTable<Campaign, 'id'>;
  declare readonly competitions: EntityTable<Competition, 'id'>;
  declare readonly attachments: EntityTable<Attachment, 'id'>;
  /** The audit log in per-branch pages since v4 (packed.ts). */
  declare readonly auditPages: Table<AuditPage, [string, number]>;
  declare readonly settings: EntityTable<Setting, 'key'>;
  /** Derived search lists per branch (bigrams and attendees) in buckets; not in backups (see search/postings.ts). */
  declare readonly searchBuckets: Table<SearchBucket, [string, number]>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    for (const migration of MIGRATIONS) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
  }
}
