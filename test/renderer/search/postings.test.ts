// Branch-scoped search postings: kept exact by every meeting write, rebuilt by restore, and answering paged searches.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchesQuery } from '../../../shared/search/bigrams';
import type { Meeting } from '../../../shared/schemas/entities';
import { exportBackupBlob } from '../../../renderer/src/db/backup/export';
import { restoreBackup } from '../../../renderer/src/db/backup/restore';
import { __resetDatabaseForTests, db } from '../../../renderer/src/db/db';
import {
  amendMeeting,
  createMeeting,
  listMeetings,
  deleteMeeting,
  finalizeMeeting,
  searchMeetings,
  updateMeeting,
  type MeetingCursor,
} from '../../../renderer/src/db/repositories/meetings';
import {
  attendeeTerm,
  bucketOf,
  buildPostings,
  decodePostings,
  DIRECTORY_BUCKET,
  DIRECTORY_TERM,
  fromBuckets,
  POSTING_BUCKETS,
  toBuckets,
  intersectSlots,
  kindTerm,
  searchableTexts,
  sortEntriesDesc,
  withSlot,
  type SearchPosting,
} from '../../../renderer/src/db/search/postings';
import { blobOf, bytesOf, installCloneableBlob, seedFromFixture } from '../backup/helpers';
import { meetingInput, seed, setChinaNow } from '../meetings/fixtures';

installCloneableBlob();

afterEach(() => {
  vi.useRealTimers();
});

/** The stored rows, read out of their buckets. */
const storedPostings = async () => fromBuckets(await db.searchBuckets.toArray());

/** Each branch's live directory entries (freed slots left out), newest first. */
function liveDirectories(rows: readonly SearchPosting[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of rows) {
    if (r.term === DIRECTORY_TERM) out[r.branchId] = sortEntriesDesc((r.entries ?? []).filter((e) => e !== ''));
  }
  return out;
}

/** The stored rows must describe exactly the index rebuilt from scratch from the stored meetings. */
async function expectPostingsExact(): Promise<SearchPosting[]> {
  const stored = await storedPostings();
  const rebuilt = buildPostings(await db.meetings.toArray());
  const decoded = decodePostings(stored);
  expect(decoded).toEqual(decodePostings(rebuilt));
  expect(liveDirectories(stored)).toEqual(liveDirectories(rebuilt));
  // No slot list points at a freed slot, and no list is left empty.
  for (const lists of Object.values(decoded)) for (const list of Object.values(lists)) expect(list).not.toContain('');
  for (const r of stored) if (r.term !== DIRECTORY_TERM) expect(r.slots!.length).toBeGreaterThan(0);
  return stored;
}

async function searchAll(branchId: string, query: string, size: number): Promise<Meeting[]> {
  const out: Meeting[] = [];
  let cursor: MeetingCursor | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await searchMeetings(branchId, query, cursor, size);
    expect(page.items.length).toBeLessThanOrEqual(size);
    out.push(...page.items);
    if (!page.next) return out;
    cursor = page.next;
  }
  throw new Error('paging did not end');
}

/** The answer a full scan gives: every matching record of the branch, newest first, ties by id descending. */
async function bruteForce(branchId: string, query: string): Promise<string[]> {
  const all = await db.meetings.toArray();
  return all
    .filter((m) => m.branchId === branchId && matchesQuery(searchableTexts(m), query))
    .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))
    .map((m) => m.id);
}

describe('posting helpers', () => {
  it('intersects slot lists shortest first and adds a slot once, in order', () => {
    expect(
      intersectSlots([
        [0, 2, 5, 9],
        [2, 9],
        [1, 2, 3, 9],
      ]).sort(),
    ).toEqual([2, 9]);
    expect(intersectSlots([[1], []])).toEqual([]);
    expect(withSlot([1, 4], 3)).toEqual([1, 3, 4]);
    expect(withSlot([1, 4], 4)).toEqual([1, 4]);
  });

  it('builds a directory per branch and slot lists per bigram', () => {
    const base = { topic: '', agenda: '', speeches: '', resolutions: '' };
    const rows = buildPostings([
      { ...base, id: 'm1', branchId: 'b', date: '2030-01-01', content: '党员大会' },
      { ...base, id: 'm2', branchId: 'b', date: '2030-02-01', content: '党员' },
      { ...base, id: 'm3', branchId: 'c', date: '2030-01-01', content: '党员' },
    ]);
    expect(decodePostings(rows)).toEqual({
      b: { 党员: ['2030-02-01 m2', '2030-01-01 m1'], 员大: ['2030-01-01 m1'], 大会: ['2030-01-01 m1'] },
      c: { 党员: ['2030-01-01 m3'] },
    });
    expect(liveDirectories(rows)).toEqual({ b: ['2030-02-01 m2', '2030-01-01 m1'], c: ['2030-01-01 m3'] });
  });
});

describe('postings follow every meeting write', () => {
  it('create, draft edit, date change, finalise, amend and delete keep them exact', async () => {
    setChinaNow('2030-06-01T10:00:00');
    const { branch, other } = await seed();
    const a = await createMeeting(branch.id, meetingInput({ content: '传达学习全国人民代表大会精神。' }));
    const b = await createMeeting(branch.id, meetingInput({ date: '2030-04-02', content: '讨论发展党员工作。' }));
    await createMeeting(other.id, meetingInput({ content: '传达学习全国人民代表大会精神。' }));
    const stored = await expectPostingsExact();
    // Postings are per branch: the same bigram has one list in each branch.
    expect(
      stored
        .filter((p) => p.term === '人民')
        .map((p) => p.branchId)
        .sort(),
    ).toEqual([branch.id, other.id].sort());
    expect((await searchMeetings(branch.id, '人民代表大会')).items.map((m) => m.id)).toEqual([a.id]);

    await updateMeeting(b.id, meetingInput({ date: '2030-04-02', content: '讨论组织生活会安排。' }));
    await expectPostingsExact();
    expect((await searchMeetings(branch.id, '发展党员')).items).toEqual([]);
    expect((await searchMeetings(branch.id, '组织生活会')).items.map((m) => m.id)).toEqual([b.id]);

    // A date change moves the meeting in the directory only: no bigram list is rewritten.
    const lists = (await storedPostings()).filter((r) => r.term !== DIRECTORY_TERM);
    await updateMeeting(b.id, meetingInput({ date: '2030-05-20', content: '讨论组织生活会安排。' }));
    await expectPostingsExact();
    expect((await storedPostings()).filter((r) => r.term !== DIRECTORY_TERM)).toEqual(lists);

    await finalizeMeeting(a.id);
    await amendMeeting(a.id, meetingInput({ content: '传达学习五好五强要求。' }), '更正会议内容');
    await expectPostingsExact();
    expect((await searchMeetings(branch.id, '人民代表')).items).toEqual([]);
    expect((await searchMeetings(branch.id, '五好五强')).items.map((m) => m.id)).toEqual([a.id]);

    await deleteMeeting(b.id);
    await expectPostingsExact();
    expect((await searchMeetings(branch.id, '组织生活会')).items).toEqual([]);
    // New rows no longer carry the legacy bigram array.
    expect((await db.meetings.get(a.id))!.terms).toBeUndefined();
  });

  it('kind and venue lists follow edits, and the 类型 / 阵地 filters read them', async () => {
    setChinaNow('2030-06-01T10:00:00');
    const { branch, venue } = await seed();
    const ids = async (filter: Parameters<typeof listMeetings>[1]) =>
      (await listMeetings(branch.id, filter)).items.map((m) => m.id);
    const a = await createMeeting(branch.id, meetingInput({ venueId: venue.id }));
    const b = await createMeeting(
      branch.id,
      meetingInput({ kind: '支部党员大会', date: '2030-03-12', venueId: venue.id }),
    );
    await expectPostingsExact();
    expect(await ids({ kind: '支委会' })).toEqual([a.id]);
    expect(await ids({ venueId: venue.id })).toEqual([b.id, a.id]);
    expect(await ids({ kind: '支部党员大会', venueId: venue.id })).toEqual([b.id]);

    // A's kind changes and it leaves the venue: both lists move with it.
    await updateMeeting(a.id, meetingInput({ kind: '支部党员大会', venueId: '' }));
    await expectPostingsExact();
    expect(await ids({ kind: '支委会' })).toEqual([]);
    expect(await ids({ kind: '支部党员大会' })).toEqual([b.id, a.id]);
    expect(await ids({ venueId: venue.id })).toEqual([b.id]);
    expect((await storedPostings()).some((r) => r.term === kindTerm('支委会'))).toBe(false);
  });

  it('a failed write leaves the postings unchanged (same transaction as the row and its audit entry)', async () => {
    setChinaNow('2030-06-01T10:00:00');
    const { branch } = await seed();
    await createMeeting(branch.id, meetingInput({ content: '学习党章。' }));
    const before = await storedPostings();
    const spy = vi.spyOn(db.auditPages, 'put').mockRejectedValueOnce(new Error('模拟写入失败'));
    await expect(createMeeting(branch.id, meetingInput({ content: '珍惜岗位，做好本职。' }))).rejects.toThrow();
    spy.mockRestore();
    expect(await storedPostings()).toEqual(before);
    expect(await db.meetings.count()).toBe(1);
  });
});

describe('posting buckets', () => {
  it('keep every list where its term looks for it, with stable bucket numbers', () => {
    // Stored data: a changed hash would strand every list already written, so the numbers themselves are the contract.
    expect([bucketOf('人民'), bucketOf('党章'), bucketOf(attendeeTerm('m-1'))]).toEqual([52, 23, 10]);
    expect(bucketOf(DIRECTORY_TERM)).toBe(DIRECTORY_BUCKET);
    const terms = ['人民', '代表', '党章', '学习', attendeeTerm('m-1'), attendeeTerm('m-2')];
    for (const t of terms) {
      expect(bucketOf(t)).toBeGreaterThanOrEqual(0);
      expect(bucketOf(t)).toBeLessThan(POSTING_BUCKETS);
    }
    const rows: SearchPosting[] = [
      { branchId: 'b1', term: DIRECTORY_TERM, entries: ['2024-01-01 a', '2024-02-01 b'] },
      ...terms.map((term, i) => ({ branchId: 'b1', term, slots: [i % 2] })),
      { branchId: 'b2', term: '人民', slots: [0] },
    ];
    const buckets = toBuckets(rows);
    for (const b of buckets) {
      for (const term of b.terms ?? []) expect(bucketOf(term)).toBe(b.bucket);
      // Packed: offsets delimit each term's slots, back to back.
      expect(b.offsets?.length ?? 1).toBe((b.terms?.length ?? 0) + 1);
      expect(b.offsets?.[b.offsets.length - 1] ?? 0).toBe(b.slots?.length ?? 0);
    }
    const key = (r: SearchPosting) => `${r.branchId} ${r.term}`;
    expect(fromBuckets(buckets).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...rows].sort((a, b) => key(a).localeCompare(key(b))),
    );
  });
});

describe('searchMeetings over postings', () => {
  it('pages every match newest first, exactly as a full scan would, and stays in its branch', async () => {
    setChinaNow('2030-12-30T10:00:00');
    const { branch, other } = await seed();
    const texts = ['珍惜岗位，爱岗敬业。', '岗位练兵，珍惜机会。', '会议讨论珍惜岗位事宜。', '无关内容。'];
    for (let i = 0; i < 30; i++) {
      const day = String((i % 9) + 1).padStart(2, '0');
      const month = String((i % 11) + 1).padStart(2, '0');
      await createMeeting(
        i % 7 === 0 ? other.id : branch.id,
        meetingInput({ kind: '专题学习', date: `2030-${month}-${day}`, content: texts[i % texts.length]! }),
      );
    }
    for (const query of ['珍惜岗位', '岗位', '珍惜', '爱岗敬业', '无关']) {
      const expected = await bruteForce(branch.id, query);
      expect(
        (await searchAll(branch.id, query, 4)).map((m) => m.id),
        query,
      ).toEqual(expected);
      expect(
        (await searchAll(other.id, query, 3)).map((m) => m.id),
        query,
      ).toEqual(await bruteForce(other.id, query));
    }
    // Holding every bigram of the phrase is not enough: 「岗位练兵，珍惜机会」 has 珍惜 and 岗位 but not 珍惜岗位.
    expect((await bruteForce(branch.id, '珍惜岗位')).length).toBeGreaterThan(0);
    expect((await searchAll(branch.id, '珍惜岗位', 50)).every((m) => !m.content.startsWith('岗位练兵'))).toBe(true);
    expect((await searchMeetings(branch.id, '岗')).items).toEqual([]);
  });
});

describe('restore rebuilds the postings', () => {
  it('覆盖全部, 作为新支部导入 and 替换本机的同一支部 all leave exact postings and working search', async () => {
    await seedFromFixture();
    await db.searchBuckets.clear(); // the fixture's rows were written raw: whatever is here must not matter
    const { blob } = await exportBackupBlob({ createdAt: '2025-04-01T02:00:00.000Z' });
    const bytes = await bytesOf(blob);
    const meetings = await db.meetings.toArray();
    expect(meetings.length).toBeGreaterThan(0);

    await __resetDatabaseForTests();
    expect(await restoreBackup(blobOf(bytes), 'replace')).toMatchObject({ ok: true });
    const stored = await expectPostingsExact();
    expect(stored.length).toBeGreaterThan(0);
    const sample = meetings.find((m) => Array.from(m.topic).length >= 4)!;
    const word = Array.from(sample.topic).slice(0, 4).join('');
    expect((await searchMeetings(sample.branchId, word)).items.map((m) => m.id)).toContain(sample.id);

    // Imported (ids kept), then replaced by the same file: the branch's old lists are deleted, not merged with.
    await __resetDatabaseForTests();
    for (const mode of ['addAsNewBranches', 'replaceBranches'] as const) {
      const result = await restoreBackup(blobOf(bytes), mode);
      if (!result.ok) throw new Error(`${mode}: ${result.errors.join('；')}`);
      expect(result.branches.map((b) => b.id)).toEqual([sample.branchId]);
      await expectPostingsExact();
      const found = (await searchMeetings(sample.branchId, word)).items;
      expect(found.map((m) => m.id)).toContain(sample.id);
      expect(found.every((m) => m.branchId === sample.branchId && m.topic.includes(word))).toBe(true);
    }
  });
});
