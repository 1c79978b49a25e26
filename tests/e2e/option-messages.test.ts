import { describe, expect, test } from 'vitest';
import { run } from '../helpers/run-cli.js';

// A bad option value gets the words a bad value in a file gets ("must be at most 100"), never the
// schema library's ("Too big: expected number to be <=100"): one line, a hint, exit 2, nothing printed.

describe('option values out of range or of the wrong kind', () => {
  test.each([
    [['diff', '2026-Q3', '2026-Q4', '--tolerance', '500'], 'error: --tolerance: must be at most 100'],
    [['score', '--fail-under', '200'], 'error: --fail-under: must be at most 100'],
    [['score', '--jobs', '-1'], 'error: --jobs: must be at least 0'],
    [['score', '-p', '2026-Q9'], 'error: --period: must be a quarter written YYYY-Qn, e.g. 2026-Q4'],
    [['completion', 'tcsh'], 'error: "tcsh" is not a shell aiclaim completes'],
  ])('%j', async (args, message) => {
    const out = await run(args);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.split('\n').filter((l) => l.startsWith('error:'))).toEqual([message]);
    expect(out.stderr).toContain('hint: ');
    expect(out.stderr).not.toMatch(/Too (big|small)|expected number/);
  });
});
