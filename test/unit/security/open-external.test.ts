// No source under electron/ or renderer/src calls shell.openExternal: the app is offline and opens no outside URLs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Any use of openExternal (called, passed around or destructured), and openPath, which launches local files. */
const FORBIDDEN = /\bopen(External|Path)\b/;

function offenders(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) =>
        FORBIDDEN.test(line) ? [`${relative(repoRoot, file)}:${index + 1}: ${line.trim()}`] : [],
      ),
  );
}

describe('shell.openExternal', () => {
  const files = [...sourceFiles(join(repoRoot, 'electron')), ...sourceFiles(join(repoRoot, 'renderer', 'src'))];

  it('scans the real sources', () => {
    expect(files.some((file) => file.endsWith(join('electron', 'main', 'index.ts')))).toBe(true);
    expect(files.some((file) => file.endsWith(join('renderer', 'src', 'main.tsx')))).toBe(true);
  });

  it('is never used in electron/ or renderer/src', () => {
    expect(offenders(files)).toEqual([]);
  });

  it('the pattern catches the usual spellings (the test can fail)', () => {
    for (const line of ['shell.openExternal(url)', 'const { openExternal } = shell', 'await shell.openPath(p)']) {
      expect(FORBIDDEN.test(line), line).toBe(true);
    }
    expect(FORBIDDEN.test('shell.showItemInFolder(p)')).toBe(false);
  });
});
