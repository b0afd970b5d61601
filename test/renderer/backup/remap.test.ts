// The remapper behind 作为新支部导入 and 替换本机的同一支部: ids are kept unless another branch here has them; renamed
// ids are followed by every reference, shared and optional references kept.
import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES, BRANCH_DATA_TABLES } from '../../../shared/backup/tables';
import {
  branchDataOf,
  buildIdMap,
  KEYED_TABLES,
  prepareImport,
  REMAPPED_TABLES,
  remapTables,
  type StagedTables,
} from '../../../renderer/src/db/backup/remap';
import { db } from '../../../renderer/src/db/db';

function counter(prefix: string) {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const dataset = (): Partial<StagedTables> => ({
  branches: [
    {
      id: 'b1',
      name: '一支部',
      partyGroups: [{ id: 'g1', name: '一组' }],
      committee: [
        { name: '张', role: '书记', memberId: 'm1' },
        { name: '外聘', role: '委员' },
      ],
    },
  ],
  members: [
    { id: 'm1', branchId: 'b1', partyGroupId: 'g1' },
    { id: 'm2', branchId: 'b1', partyGroupId: '' },
  ],
  venues: [{ id: 'v1', branchId: 'b1', checklist: [{ key: 'k', attachmentIds: ['a1'] }] }],
  venueChecks: [{ id: 'vc1', branchId: 'b1', venueId: 'v1' }],
  meetings: [
    {
      id: 'mt1',
      branchId: 'b1',
      venueId: 'v1',
      partyGroupId: 'g1',
      talkParties: ['m1', 'm2'],
      attendance: [{ memberId: 'm1' }, { memberId: 'm2' }],
      attendeeIds: ['m1'],
      attachmentIds: ['a1'],
    },
    {
      id: 'mt2',
      branchId: 'b1',
      venueId: '',
      partyGroupId: '',
      talkParties: [],
      attendance: [],
      attendeeIds: [],
      attachmentIds: [],
    },
  ],
  responsibilities: [
    { id: 'r1', branchId: 'b1', holderMemberId: 'm1', tasks: [{ id: 't1', evidenceMeetingIds: ['mt1'] }] },
  ],
  standards: [{ id: 's1', name: '五好五强' }],
  assessments: [{ id: 'as1', branchId: 'b1', standardId: 's1', scores: [{ code: '1', evidenceIds: ['mt2'] }] }],
  memberEvaluations: [{ id: 'me1', branchId: 'b1', memberId: 'm2' }],
  learning: [{ id: 'l1', branchId: 'b1', memberId: 'm1', attachmentIds: ['a1'] }],
  campaigns: [
    { id: 'c1', branchId: 'b1', linkedMeetingIds: ['mt1'], assessmentId: 'as1', commitments: [{ memberId: 'm2' }] },
  ],
  attachments: [{ id: 'a1', branchId: 'b1', sha256: 'x' }],
  audit: [
    { id: 'au1', branchId: 'b1', entity: 'meeting', entityId: 'mt1' },
    { id: 'au2', branchId: '', entity: 'standard', entityId: 's1' },
  ],
  settings: [{ key: 'currentBranchId', value: 'b1' }],
});

/** Every id renamed: what the machinery must get right for any subset of clashing ids. */
function renameAll(input: Partial<StagedTables>, newId: () => string) {
  const kept = branchDataOf(input);
  const idMap = buildIdMap(kept, newId);
  return { tables: remapTables(kept, idMap), idMap };
}

describe('prepareImport', () => {
  it('keeps every id when nothing here clashes, and drops settings and the audit entries of no branch', () => {
    const input = dataset();
    const { tables, idMap } = prepareImport(input, new Set(), counter('n'));
    expect(idMap.size).toBe(0);
    expect(tables.members).toEqual(input.members);
    expect(tables.meetings).toEqual(input.meetings);
    expect(tables.branches).toEqual(input.branches);
    expect(tables.settings).toEqual([]);
    expect(tables.audit).toEqual([{ id: 'au1', branchId: 'b1', entity: 'meeting', entityId: 'mt1' }]);
  });

  it('renews only the clashing ids, and every reference to them follows', () => {
    const { tables, idMap } = prepareImport(dataset(), new Set(['m1', 'a1']), counter('n'));
    expect([...idMap.keys()].sort()).toEqual(['a1', 'm1']);
    const m1 = idMap.get('m1');
    const a1 = idMap.get('a1');
    expect(tables.members!.map((m) => m.id)).toEqual([m1, 'm2']);
    expect(tables.meetings![0]).toMatchObject({
      id: 'mt1',
      branchId: 'b1',
      talkParties: [m1, 'm2'],
      attendance: [{ memberId: m1 }, { memberId: 'm2' }],
      attendeeIds: [m1],
      attachmentIds: [a1],
    });
    expect(tables.branches![0]!.committee).toEqual([
      { name: '张', role: '书记', memberId: m1 },
      { name: '外聘', role: '委员' },
    ]);
    expect(tables.attachments).toEqual([{ id: a1, branchId: 'b1', sha256: 'x' }]);
    expect(tables.learning![0]).toMatchObject({ id: 'l1', memberId: m1, attachmentIds: [a1] });
  });
});

describe('remapTables over every id', () => {
  const { tables, idMap } = renameAll(dataset(), counter('n'));
  const id = (old: string) => idMap.get(old);

  it('gives every branch-owned row, and every 党小组, a fresh id never seen in the file', () => {
    const old = new Set([
      'b1',
      'g1',
      'm1',
      'm2',
      'v1',
      'vc1',
      'mt1',
      'mt2',
      'r1',
      'as1',
      'me1',
      'l1',
      'c1',
      'a1',
      'au1',
    ]);
    expect([...idMap.keys()].sort()).toEqual([...old].sort());
    const fresh = [...idMap.values()];
    expect(new Set(fresh).size).toBe(fresh.length);
    for (const value of fresh) expect(old.has(value)).toBe(false);
  });

  it('points every reference at the renamed row', () => {
    const [branch] = tables.branches!;
    expect(branch).toMatchObject({ id: id('b1'), partyGroups: [{ id: id('g1') }] });
    expect(branch!.committee).toEqual([
      { name: '张', role: '书记', memberId: id('m1') },
      { name: '外聘', role: '委员' },
    ]);
    expect(tables.members).toEqual([
      { id: id('m1'), branchId: id('b1'), partyGroupId: id('g1') },
      { id: id('m2'), branchId: id('b1'), partyGroupId: '' },
    ]);
    expect(tables.venues![0]).toEqual({
      id: id('v1'),
      branchId: id('b1'),
      checklist: [{ key: 'k', attachmentIds: [id('a1')] }],
    });
    expect(tables.venueChecks![0]).toEqual({ id: id('vc1'), branchId: id('b1'), venueId: id('v1') });
    expect(tables.meetings![0]).toEqual({
      id: id('mt1'),
      branchId: id('b1'),
      venueId: id('v1'),
      partyGroupId: id('g1'),
      talkParties: [id('m1'), id('m2')],
      attendance: [{ memberId: id('m1') }, { memberId: id('m2') }],
      attendeeIds: [id('m1')],
      attachmentIds: [id('a1')],
    });
    // Empty optional references stay empty.
    expect(tables.meetings![1]).toMatchObject({ venueId: '', partyGroupId: '' });
    expect(tables.responsibilities![0]).toEqual({
      id: id('r1'),
      branchId: id('b1'),
      holderMemberId: id('m1'),
      tasks: [{ id: 't1', evidenceMeetingIds: [id('mt1')] }],
    });
    expect(tables.assessments![0]).toEqual({
      id: id('as1'),
      branchId: id('b1'),
      standardId: 's1',
      scores: [{ code: '1', evidenceIds: [id('mt2')] }],
    });
    expect(tables.memberEvaluations![0]).toEqual({ id: id('me1'), branchId: id('b1'), memberId: id('m2') });
    expect(tables.learning![0]).toEqual({
      id: id('l1'),
      branchId: id('b1'),
      memberId: id('m1'),
      attachmentIds: [id('a1')],
    });
    expect(tables.campaigns![0]).toEqual({
      id: id('c1'),
      branchId: id('b1'),
      linkedMeetingIds: [id('mt1')],
      assessmentId: id('as1'),
      commitments: [{ memberId: id('m2') }],
    });
    expect(tables.attachments![0]).toEqual({ id: id('a1'), branchId: id('b1'), sha256: 'x' });
  });

  it('keeps shared standards as they are, drops settings and audit entries of no branch, renames the rest of the history', () => {
    expect(tables.standards).toEqual([{ id: 's1', name: '五好五强' }]);
    expect(tables.settings).toEqual([]);
    expect(tables.audit).toEqual([{ id: id('au1'), branchId: id('b1'), entity: 'meeting', entityId: id('mt1') }]);
  });

  it('leaves no old id anywhere in the branch data (a deep scan of every string)', () => {
    const oldIds = new Set([...idMap.keys()]);
    const strings: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const { name } of BACKUP_TABLES) if (name !== 'standards') walk(tables[name]);
    expect(strings.filter((s) => oldIds.has(s))).toEqual([]);
  });

  it('does not modify its input, and two imports of the same data get disjoint ids', () => {
    const input = dataset();
    const before = JSON.stringify(input);
    const next = counter('k');
    const first = renameAll(input, next);
    const second = renameAll(input, next);
    expect(JSON.stringify(input)).toBe(before);
    const a = new Set(first.idMap.values());
    expect([...second.idMap.values()].some((v) => a.has(v))).toBe(false);
  });

  it('remapTables keeps references to rows outside the map unchanged', () => {
    const out = remapTables(
      { meetings: [{ id: 'x', branchId: 'b', attachmentIds: ['elsewhere'] }] },
      new Map([['x', 'y']]),
    );
    expect(out.meetings).toEqual([{ id: 'y', branchId: 'b', attachmentIds: ['elsewhere'] }]);
  });
});

describe('the tables the remapper renews and checks', () => {
  it('renews the branches and all their data; checks for clashes the tables stored here under their name by id', () => {
    expect(REMAPPED_TABLES).toEqual(['branches', ...BRANCH_DATA_TABLES]);
    // Audit and learning entries are stored packed (auditPages, learningMonths): their ids are no keys here.
    const keyedById = BRANCH_DATA_TABLES.filter((name) =>
      db.tables.some((t) => t.name === name && t.schema.primKey.keyPath === 'id'),
    );
    expect(KEYED_TABLES).toEqual(keyedById);
    expect(KEYED_TABLES).not.toContain('audit');
    expect(KEYED_TABLES).not.toContain('learning');
  });
});
