// `npm test`: every check and suite in turn, then one line `N passed, N failed, N skipped` summing them all.
// Exits non-zero when anything failed. CI (.ci/run) parses nothing else.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const reports = path.resolve('.reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function record(name: string, tally: Tally): void {
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  lines.push(`${name.padEnd(12)} ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
}

/** A check without test cases (typecheck, lint, build) counts as one test. */
function check(name: string, command: string, args: string[]): boolean {
  const passed = run(command, args) === 0;
  record(name, { passed: passed ? 1 : 0, failed: passed ? 0 : 1, skipped: 0 });
  return passed;
}

function vitestSuite(name: string, project: string, wrapper: string[] = []): void {
  const output = path.join(reports, `vitest-${project}.json`);
  const args = [
    ...wrapper,
    'npx',
    'vitest',
    'run',
    '--project',
    project,
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ];
  const status = run(args[0]!, args.slice(1));
  if (!fs.existsSync(output)) {
    record(name, { passed: 0, failed: 1, skipped: 0 });
    return;
  }
  const report = JSON.parse(fs.readFileSync(output, 'utf8'));
  // A file that failed to load has no test results: count it as a failure, not as nothing.
  const brokenFiles = (report.testResults ?? []).filter(
    (file: { status: string; assertionResults: unknown[] }) =>
      file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  const failed =
    report.numFailedTests + brokenFiles + (status !== 0 && report.numFailedTests + brokenFiles === 0 ? 1 : 0);
  record(name, { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests });
}

function playwrightSuite(name: string, project: string, wrapper: string[] = []): void {
  const output = path.join(reports, `playwright-${project}.json`);
  const args = [...wrapper, 'npx', 'playwright', 'test', `--project=${project}`];
  const status = run(args[0]!, args.slice(1), { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  if (!fs.existsSync(output)) {
    record(name, { passed: 0, failed: 1, skipped: 0 });
    return;
  }
  const { stats } = JSON.parse(fs.readFileSync(output, 'utf8'));
  const failed = stats.unexpected + (status !== 0 && stats.unexpected === 0 ? 1 : 0);
  record(name, { passed: stats.expected + stats.flaky, failed, skipped: stats.skipped });
}

check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);
check('format', 'npm', ['run', '--silent', 'format:check']);
vitestSuite('unit', 'unit');
vitestSuite('dom', 'dom');
vitestSuite('keychain', 'keychain', ['sh', 'scripts/with-keyring.sh']);
vitestSuite('team', 'team');
if (check('build', 'npm', ['run', '--silent', 'build:renderer'])) {
  // The harness keeps profile secrets in the real keychain, so e2e runs on a private unlocked gnome-keyring too.
  playwrightSuite('e2e', 'e2e', ['sh', 'scripts/with-keyring.sh']);
} else {
  record('e2e', { passed: 0, failed: 1, skipped: 0 });
}
playwrightSuite('electron', 'electron');

console.log('\n' + lines.join('\n'));
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed === 0 ? 0 : 1);
