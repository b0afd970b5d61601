// Electronegativity (Doyensec's Electron static analysis) over electron/ and the renderer: nothing unreviewed above INFO.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const runner = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'runner.js');

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

/** An issue as Electronegativity's runner returns it (dist/runner.js, the function its CLI calls). */
interface RunnerIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
}

const toFinding = (issue: RunnerIssue): Finding => ({
  check: issue.id,
  severity: issue.severity.name,
  file: issue.file,
  location: `${issue.location.line}:${issue.location.column}`,
});

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
    // The runner's own result, not its CLI's CSV: version 1.10 writes the CSV header and rows with two concurrent
    // fs.writeFile calls, and the file came out corrupt often enough to fail CI (three times in a row once).
    // It runs in a child process so that its loaders, logger and i18n stay out of this test's process.
    const script = [
      `const run = require(${JSON.stringify(runner)});`,
      'run({ input: process.argv[1], isRelative: true, electronVersionOverride: "45.5.0", customScan: [],',
      '  excludeFromScan: [], parserPlugins: [], isVerbose: false })',
      '  .then((r) => process.stdout.write("\\n@@" + JSON.stringify(r.issues)))',
      '  .catch((e) => { console.error(e); process.exit(1); });',
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, scanDir], {
      cwd: scanDir,
      // Generous: alone it takes ~10 s, but the full suite shares two cores with it.
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const issues = JSON.parse(stdout.slice(stdout.lastIndexOf('\n@@') + 3)) as RunnerIssue[];
    findings = issues.map(toFinding);
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

  it("a HIGH finding in the runner's shape is reported as unreviewed (the test can fail)", () => {
    const issue = (id: string, severity: string, file: string): RunnerIssue => ({
      id,
      file,
      location: { line: 3, column: 1 },
      severity: { name: severity },
    });
    const sample = [
      issue('NODE_INTEGRATION_JS_CHECK', 'HIGH', 'electron/main/window.ts'),
      issue('CSP_GLOBAL_CHECK', 'MEDIUM', 'N/A'),
      issue('AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK', 'INFORMATIONAL', 'N/A'),
    ].map(toFinding);
    expect(sample.map((finding) => [finding.check, finding.severity, finding.file, finding.location])[0]).toEqual([
      'NODE_INTEGRATION_JS_CHECK',
      'HIGH',
      'electron/main/window.ts',
      '3:1',
    ]);
    expect(sample.filter((finding) => aboveInfo(finding) && !isAccepted(finding))).toHaveLength(2);
  });
});
