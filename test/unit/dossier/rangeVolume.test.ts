// A volume of a date range (「按起止日期」) read from its document definition: the order of same-day records, and how
// year-level material (述职, 考评, 民主评议) dated outside the range is labelled. No PDF rendered.
import { describe, expect, it } from 'vitest';
import { buildDossier } from '../../../shared/dossier/build';
import { selectForPeriod, type DossierData } from '../../../shared/dossier/data';
import type { Meeting } from '../../../shared/schemas/entities';
import { makeDossierData } from './factory';

const BASE = { generatedAt: '2026-01-05T01:00:00.000Z', appVersion: '0.1.0', schemaVersion: 7 };

function textsOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const child of node) textsOf(child, out);
  else if (node && typeof node === 'object') for (const value of Object.values(node)) textsOf(value, out);
  return out;
}

describe('same-day records with equal time and 第N次', () => {
  // Two groups' 党小组会 of one evening, each its group's 第1次: only the id tells them apart.
  const data = makeDossierData();
  const template = data.meetings.find((m) => m.kind === '党小组会')!;
  const groupMeeting = (id: string, partyGroupId: string): Meeting => ({
    ...template,
    id,
    partyGroupId,
    topic: `${partyGroupId} 学习交流`,
    date: '2025-04-14',
    startTime: '15:00',
    seq: 1,
  });
  const second = groupMeeting('pg-b', 'g2');
  const first = groupMeeting('pg-a', 'g1');
  const others = data.meetings.filter((m) => m.id !== template.id);
  const volumeOf = (meetings: Meeting[]): DossierData => ({ ...data, meetings });

  it('come out in the same order whichever order the rows were read in (database or backup)', () => {
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const ids = (meetings: Meeting[]) =>
      selectForPeriod(volumeOf(meetings), period)
        .meetings.filter((m) => m.date === '2025-04-14')
        .map((m) => m.id);
    expect(ids([...others, first, second])).toEqual(['pg-a', 'pg-b']);
    expect(ids([second, ...others, first])).toEqual(['pg-a', 'pg-b']);
  });

  it('print the same volume either way', () => {
    const options = { ...BASE, from: '2025-03-15', to: '2025-09-14' };
    const a = buildDossier(volumeOf([...others, first, second]), options);
    const b = buildDossier(volumeOf([second, ...others, first]), options);
    expect(JSON.stringify(b.docDefinition.content)).toEqual(JSON.stringify(a.docDefinition.content));
  });
});
