// Setup of the renderer tests: an in-memory IndexedDB, and a fresh app database for every test.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { __resetDatabaseForTests } from '../../renderer/src/db/db';

beforeEach(async () => {
  await __resetDatabaseForTests();
});
