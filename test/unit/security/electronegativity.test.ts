// Electronegativity (Doyensec's Electron static analysis) over electron/ and the renderer: nothing unreviewed above INFO.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');

interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
}
interface Accepted {
  check: string;
  file: string;
  reason: string;
}

const allowlist = JSON.parse(readFileSync(new URL('./electronegativity-allowlist.json', import.meta.url), 'utf8')) as {
  accepted: Accepted[];
};

/** The CSV it writes: a header, then one quoted-or-bare row per finding (the YAML flow parser reads such a row). */
function parseCsv(text: string): Finding[] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = parse(`[${line.replace(/,N\/A,/g, ',"N/A",')}]`) as string[];
      return { check: cells[0]!, severity: cells[1]!, file: cells[3]!, location: cells[4]! };
    });
}

const CSV_HEADER = 'issue, severity, confidence, filename, location, sample, description, url';

/**
 * The header intact and every row starting with a check id and a severity. No rows at all also counts as corrupt:
 * the race can truncate the rows away, and this app always has the reviewed findings of the allowlist.
 */
function isWellFormedCsv(text: string): boolean {
  const [header, ...rows] = text.trim().split('\n');
  return (
    header?.trim() === CSV_HEADER && rows.length > 0 && rows.every((row) => /^[A-Z_]+,(?:"[A-Z]+"|N\/A),/.test(row))
  );
}

const aboveInfo = (finding: Finding) => !['INFORMATIONAL', 'INFO'].includes(finding.severity.toUpperCase());
const isAccepted = (finding: Finding) =>
  allowlist.accepted.some((entry) => entry.check === finding.check && entry.file === finding.file);

let scanDir = '';
let findings: Finding[] = [];

describe('electronegativity', () => {
  beforeAll(async () => {
    // One tree holding the main process and the renderer, so the global checks (CSP, navigation limits,
    // permission handler) see the whole app at once.
    scanDir = mkdtempSync(join(tmpdir(), 'ledger-electronegativity-'));
    cpSync(join(repoRoot, 'electron'), join(scanDir, 'electron'), { recursive: true });
    cpSync(join(repoRoot, 'renderer', 'src'), join(scanDir, 'renderer', 'src'), { recursive: true });
    cpSync(join(repoRoot, 'renderer', 'index.html'), join(scanDir, 'renderer', 'index.html'));
    const output = join(scanDir, 'findings.csv');
    // Electronegativity 1.10 writes the CSV header and the rows with two concurrent fs.writeFile calls, so now and
    // then the header lands on top of the first row. Such a file is detected (a row that does not start with a check
    // id) and the scan is run again; three corrupt files in a row fail the test.
    let csv = '';
    for (let attempt = 1; attempt <= 3; attempt++) {
      // -e: the installed Electron version (it cannot fetch the release list offline); -r: paths relative to the tree.
      await promisify(execFile)(process.execPath, [cli, '-i', scanDir, '-e', '45.5.0', '-r', '-o', output], {
        cwd: scanDir,
        // Generous: alone it takes ~15 s, but the full suite shares two cores with it.
        timeout: 90_000,
      });
      csv = readFileSync(output, 'utf8');
      if (isWellFormedCsv(csv)) break;
      rmSync(output, { force: true });
    }
    expect(isWellFormedCsv(csv), 'Electronegativity wrote a corrupt CSV three times').toBe(true);
    findings = parseCsv(csv);
  }, 300_000);

  afterAll(() => {
    if (scanDir) rmSync(scanDir, { recursive: true, force: true });
  });

  it('reports nothing above INFORMATIONAL except the reviewed, justified findings', () => {
    const unreviewed = findings.filter((finding) => aboveInfo(finding) && !isAccepted(finding));
    expect(unreviewed).toEqual([]);
  });

  it('ran the checks that matter (navigation limits and permission handler are found, not missing)', () => {
    // Had the scan seen no main process, these global checks would report the handlers as missing.
    const checks = new Set(findings.map((finding) => finding.check));
    expect(checks.has('LIMIT_NAVIGATION_GLOBAL_CHECK')).toBe(false);
    expect(checks.has('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK')).toBe(false);
    expect(findings.some((finding) => finding.file.startsWith('electron/'))).toBe(true);
  });

  it('every accepted finding has a reason and is justified in docs/security.md', () => {
    const doc = readFileSync(join(repoRoot, 'docs', 'security.md'), 'utf8');
    for (const entry of allowlist.accepted) {
      expect(entry.reason.length, entry.check).toBeGreaterThan(20);
      expect(doc, entry.check).toContain(entry.check);
    }
  });

  it('the CSV reader sees a HIGH finding (the test can fail)', () => {
    const sample =
      'issue, severity, confidence, filename, location, sample, description, url\n' +
      'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","electron/main/window.ts","3:1","nodeIntegration: true","x",https://example.invalid\n' +
      'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP",https://example.invalid';
    const parsed = parseCsv(sample);
    expect(parsed.map((finding) => [finding.check, finding.severity, finding.file])).toEqual([
      ['NODE_INTEGRATION_JS_CHECK', 'HIGH', 'electron/main/window.ts'],
      ['CSP_GLOBAL_CHECK', 'MEDIUM', 'N/A'],
    ]);
    expect(parsed.filter((finding) => aboveInfo(finding) && !isAccepted(finding))).toHaveLength(2);
  });
});
