// The built-in standards are data seeded once under fixed ids (builtin-…-v1): their content may never change under
// the same id, or two installations (and a backup and the computer it is restored on) would disagree about one template.
import { describe, expect, it } from 'vitest';
import { rowHash } from '../../../shared/dossier/manifest';
import { BUILT_IN_STANDARDS } from '../../../shared/standards';

const itemOf = (key: string, code: string) =>
  BUILT_IN_STANDARDS.find((s) => s.fields.builtInKey === key)!.fields.items.find((i) => i.code === code)!;

describe('built-in standards', () => {
  it('keep the content of version 1 (a change needs a new id)', () => {
    expect(Object.fromEntries(BUILT_IN_STANDARDS.map((s) => [s.id, rowHash(s.fields)]))).toEqual({
      'builtin-five-good-five-strong-v1': '2b4453c310b99c75a15df59e291bb5a14857d327144bd8408b587f2906815b3d',
      'builtin-standardization-v1': 'c634095259719d6fae0f69afe3b16f56e20a47305b45eb7d7704da0208e22e6d',
    });
  });

  it("word the top tier of the 支部党员大会 as each item's method does", () => {
    const tiers = (key: string, code: string) => {
      const rule = itemOf(key, code).rule;
      return rule.kind === 'frequency' ? rule.tiers.map((t) => `${t.label} ${t.score}`) : [];
    };
    expect(tiers('five-good-five-strong', '1.2')).toEqual(['每季度至少1次 4', '半年1次 2', '偶尔召开 1', '不开 0']);
    expect(tiers('standardization', 'A2')).toEqual(['每季度不少于1次 5', '半年1次 2', '偶尔召开 1', '不开 0']);
    expect(tiers('five-good-five-strong', '2.1')).toEqual(tiers('standardization', 'A4'));
  });
});
