import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run, sampleCopy, TODAY } from '../helpers/run-cli.js';

// Answers that cannot be true, through the built CLI: each is one located line and exit 2, on a
// copy of the sample workspace whose "today" is pinned (run-cli.ts) to 2026-11-22.

const FILE = 'vendors/helpwave.yaml';

/** Validates helpwave.yaml with `from` replaced by `to`; the position expected is where `at` starts in `to`. */
async function validateWith(from: string, to: string, at: string) {
  const sample = sampleCopy();
  try {
    const path = join(sample.dir, FILE);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(from);
    const changed = text.replace(from, to);
    writeFileSync(path, changed);
    const offset = changed.indexOf(to) + to.indexOf(at);
    const before = changed.slice(0, offset).split('\n');
    const where = `${FILE}:${before.length}:${before.at(-1)!.length + 1}`;
    const result = await run(['validate', FILE], { cwd: sample.dir });
    return { ...result, where, problems: result.stderr.split('\n').filter((line) => line.startsWith('✖')) };
  } finally {
    sample.remove();
  }
}

describe('aiclaim validate refuses answers that cannot be true', () => {
  test('"None" ticked with a certificate', async () => {
    const result = await validateWith('  certifications:\n    value: [none]', '  certifications:\n    value: [none, iso-42001]', 'none, iso');
    expect(result.problems).toEqual([
      `✖ ${result.where}: "None" cannot be ticked with other options: untick it, or untick ISO/IEC 42001 — write [none] alone, or remove none from the list`,
    ]);
    expect(result.stderr).toMatch(/1 error in 1 file\./);
    expect(result.code).toBe(2);
  });

  test('the model last trained in a quarter that has not come', async () => {
    const result = await validateWith('  last-trained:\n    value: 2026-Q3', '  last-trained:\n    value: 2027-Q2', '2027-Q2');
    expect(result.problems).toEqual([
      `✖ ${result.where}: 2027-Q2 is after this quarter (2026-Q4): this question asks about the past, and 2027-Q2 has not come yet — write the quarter it happened; one still planned is not an answer yet`,
    ]);
    expect(result.code).toBe(2);
  });

  test('a claim dated in the future', async () => {
    const result = await validateWith(
      '    source: https://helpwave.example\n    date: 2026-01-12',
      '    source: https://helpwave.example\n    date: 2027-01-05',
      '2027-01-05',
    );
    expect(result.problems).toEqual([
      `✖ ${result.where}: the claim is dated 2027-01-05, after today (${TODAY}) — write the day the claim was made, or first seen`,
    ]);
    expect(result.code).toBe(2);
  });

  test('evidence dated in the future', async () => {
    const result = await validateWith(
      '    value: opt-in\n    evidence: docs/helpwave/dpa-2026.pdf',
      '    value: opt-in\n    evidence: { ref: docs/helpwave/dpa-2026.pdf, date: 2027-02-01 }',
      '2027-02-01',
    );
    expect(result.problems).toEqual([`✖ ${result.where}: the evidence is dated 2027-02-01, after today (${TODAY}) — write the date the document bears`]);
    expect(result.code).toBe(2);
  });

  test('the sample, as shipped, passes', async () => {
    const sample = sampleCopy();
    try {
      const result = await run(['validate'], { cwd: sample.dir });
      expect(result.stderr).not.toMatch(/✖/);
      expect(result.stderr).toMatch(/24 files valid\./);
      expect(result.code).toBe(0);
    } finally {
      sample.remove();
    }
  });
});
