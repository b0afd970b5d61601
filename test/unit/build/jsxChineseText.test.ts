// A line break inside JSX text becomes a space on screen: Chinese sentences wrapped in the source showed 「交给另一台
// 电脑： 在那台电脑上」. Text that runs over a line is written as one string (or strings joined with +).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CJK_END = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef」）]$/;
const CJK_START = /^\s+[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef「（]/;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

/** Lines of JSX text that end in Chinese and go on in Chinese on the next line: `file:line`. */
function brokenChineseText(source: string): number[] {
  const lines = source.split('\n');
  const found: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    const trimmed = line.trim();
    // Comments, and lines inside string literals (quotes or template strings), are not JSX text.
    if (trimmed.startsWith('//') || trimmed.startsWith('*') || /['`"]/.test(line)) continue;
    if (CJK_END.test(line) && CJK_START.test(lines[i + 1]!)) found.push(i + 1);
  }
  return found;
}

describe('Chinese text in the renderer’s JSX', () => {
  it('finds a sentence broken over two source lines (the check itself)', () => {
    expect(brokenChineseText('<p>\n  用于把这个支部交给另一台电脑：\n  在那台电脑上恢复。\n</p>')).toEqual([2]);
    expect(brokenChineseText("<p>\n  {'用于把这个支部交给另一台电脑：' +\n    '在那台电脑上恢复。'}\n</p>")).toEqual([]);
  });

  it('has none in the renderer', () => {
    const broken = tsxFiles('renderer/src').flatMap((file) =>
      brokenChineseText(readFileSync(file, 'utf8')).map((line) => `${file}:${line}`),
    );
    expect(broken).toEqual([]);
  });
});
