// The current standards (latest version of each), live: undefined while loading. Seeds the built-ins once on mount.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { Standard } from '../../../../shared/schemas';
import { ensureBuiltInStandards, listStandards } from '../../db/repositories/standards';

export function useStandards(): Standard[] | undefined {
  useEffect(() => {
    // Writes cannot happen inside a live query, so seeding runs beside it; the query then sees the new rows.
    ensureBuiltInStandards().catch((error: unknown) => console.error('载入内置评价标准失败', error));
  }, []);
  return useLiveQuery(() => listStandards(), []);
}
