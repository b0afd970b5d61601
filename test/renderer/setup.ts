// Setup of the renderer tests: an in-memory IndexedDB, and a fresh app database (and no 数据安全 job) for every test.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { __resetDatabaseForTests } from '../../renderer/src/db/db';
import { __resetDataJobsForTests } from '../../renderer/src/features/data-safety/dataJobs';

beforeEach(async () => {
  await __resetDatabaseForTests();
  // 数据安全's jobs are the app's (module state): a test must not start with the last one's job or its outcome.
  __resetDataJobsForTests();
});
