// Which backup tables hold one branch's data: the restore's id remapping and the dossier CLI's branch filter rely on it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BACKUP_TABLES, BRANCH_DATA_TABLES } from '../../../shared/backup/tables';

describe('BRANCH_DATA_TABLES', () => {
  it('names exactly the tables whose rows carry a branchId, in file order', () => {
    const withBranchId = BACKUP_TABLES.filter((t) => t.schema instanceof z.ZodObject && 'branchId' in t.schema.shape);
    expect(BRANCH_DATA_TABLES).toEqual(withBranchId.map((t) => t.name));
  });
});
