import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { inCI, requires } from '../helpers/requires.js';

// Tests that need tmux, Chromium, soffice or pdftoppm skip where one is missing, but fail under
// CI=true: a CI run must never pass by skipping them.

const REPO = resolve(import.meta.dirname, '..', '..');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('requires', () => {
  test('under CI a missing tool fails, naming it and what installs it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const need = requires('the PDF tests', { pdftoppm: false }, { ci: true });
    expect(need.fails).toBe(true);
    expect(need.missing).toEqual(['pdftoppm']);
    expect(() => need.here()).toThrow(
      /^Cannot run the PDF tests under CI: pdftoppm is not installed\. With CI=true a missing tool fails the run instead of skipping the tests; \.ci\/run installs it \(apt-get install poppler-utils\)\.$/,
    );
    expect(warn).not.toHaveBeenCalled();
  });

  test('without CI a missing tool skips, and says so once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const need = requires('the interview-versus-workbook test', { tmux: false, soffice: false, chromium: true }, { ci: false });
    expect(need.fails).toBe(false);
    expect(need.missing).toEqual(['tmux', 'soffice']);
    expect(need.here()).toBe(false);
    expect(warn.mock.calls).toEqual([
      ['Skipping the interview-versus-workbook test: tmux and soffice are not installed (.ci/run installs them: apt-get install tmux libreoffice-calc-nogui).'],
    ]);
  });

  test('every tool there: the tests run, under CI or not', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const ci of [true, false]) {
      const need = requires('the browser tests', { chromium: true }, { ci });
      expect([need.fails, need.missing, need.reason, need.here()]).toEqual([false, [], undefined, true]);
    }
    expect(warn).not.toHaveBeenCalled();
  });

  test('CI as CI services set it', () => {
    expect([{ CI: 'true' }, { CI: '1' }, { CI: 'TRUE' }, { CI: 'woodpecker' }].map((env) => inCI(env))).toEqual([true, true, true, true]);
    expect([{}, { CI: '' }, { CI: 'false' }, { CI: '0' }].map((env) => inCI(env))).toEqual([false, false, false, false]);
  });
});

describe('requires, in a real vitest run', () => {
  // A test file of its own, run by vitest in a child process with CI=true and without: a
  // describe and a test that need a missing tool, and a test that needs nothing.
  const dir = mkdtempSync(join(tmpdir(), 'aiclaim-requires-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'needs.test.ts'),
    [
      `import { requires } from ${JSON.stringify(join(REPO, 'tests', 'helpers', 'requires.ts'))};`,
      `const need = requires('the fixture tests', { pdftoppm: false });`,
      `need.describe('a suite that needs pdftoppm', () => { test('inside it', () => {}); test('and another', () => {}); });`,
      `need.test('a test that needs pdftoppm', () => {});`,
      `test('a test that needs nothing', () => {});`,
    ].join('\n'),
  );

  type Report = {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
  };
  async function vitest(ci: string | undefined): Promise<{ code: number; report: Report; output: string }> {
    // Not this run's CI, nor what vitest sets for its own workers.
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'CI' && !name.startsWith('VITEST')));
    env.NO_COLOR = '1';
    if (ci !== undefined) env.CI = ci;
    const out = join(dir, `report-${ci ?? 'local'}.json`);
    const args = [
      join(REPO, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--root',
      dir,
      '--globals',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ];
    const { code, output } = await new Promise<{ code: number; output: string }>((done) =>
      execFile(process.execPath, args, { cwd: dir, env }, (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
      ),
    );
    return { code, output, report: JSON.parse(readFileSync(out, 'utf8')) as Report };
  }

  test('CI=true: the tests that need the missing tool fail, with the reason; the others pass', async () => {
    const { code, report } = await vitest('true');
    expect(code).toBe(1);
    expect([report.numPassedTests, report.numFailedTests, report.numPendingTests]).toEqual([1, 2, 0]);
    const failed = report.testResults.flatMap((file) => file.assertionResults).filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.title)).toEqual(['a suite that needs pdftoppm', 'a test that needs pdftoppm']);
    for (const r of failed) expect(r.failureMessages.join('\n')).toMatch(/Cannot run the fixture tests under CI: pdftoppm is not installed/);
  });

  test('no CI: the same tests are skipped, with one line saying why', async () => {
    const { code, report, output } = await vitest(undefined);
    expect(code).toBe(0);
    expect([report.numPassedTests, report.numFailedTests, report.numPendingTests]).toEqual([1, 0, 3]);
    expect(output).toContain('Skipping the fixture tests: pdftoppm is not installed (.ci/run installs it: apt-get install poppler-utils).');
  });
});
