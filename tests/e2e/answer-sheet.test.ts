import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { run, sampleCopy } from '../helpers/run-cli.js';
import { scoreOf } from '../helpers/score-of.js';

// The answer sheet through the built CLI: export for a sample vendor, change cells, import back, score.

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function workspace(): string {
  const { dir, remove } = sampleCopy();
  cleanup = remove;
  return dir;
}

/** The CSV with the Answer cell of each named question replaced (cells here hold no quotes). */
function setAnswers(text: string, answers: Record<string, string>): string {
  return text
    .split('\r\n')
    .map((line) => {
      const id = line.split(',')[0]!;
      if (!(id in answers)) return line;
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
      cells[6] = answers[id]!;
      return cells.slice(0, 10).join(',');
    })
    .join('\r\n');
}

describe('questionnaire export and import answers', () => {
  test('a round trip with no change leaves the vendor file byte for byte', async () => {
    const cwd = workspace();
    const before = readFileSync(join(cwd, 'vendors', 'datavane.yaml'));
    const exported = await run(['questionnaire', 'export', '--format', 'csv', '-o', 'ai-claims.csv', '--vendor', 'datavane'], { cwd });
    expect(exported.code).toBe(0);
    expect(readFileSync(join(cwd, 'ai-claims.csv'), 'utf8')).toMatch(
      /^aiclaim answer sheet,questionnaire: ai-claims,version: 2\.0\.0,hash: [0-9a-f]{16},vendor: datavane,/,
    );
    const imported = await run(['import', 'answers', 'ai-claims.csv'], { cwd });
    expect(imported.stderr).toContain('No answer changed');
    expect(imported.code).toBe(0);
    expect(readFileSync(join(cwd, 'vendors', 'datavane.yaml')).equals(before)).toBe(true);
    // A re-export replaces its own file; another file is kept unless --force.
    expect((await run(['questionnaire', 'export', '-o', 'ai-claims.csv'], { cwd })).code).toBe(0);
    expect((await run(['questionnaire', 'export', '-o', 'vendors/datavane.yaml'], { cwd })).code).toBe(2);
    expect(readFileSync(join(cwd, 'vendors', 'datavane.yaml')).equals(before)).toBe(true);
  });

  test('changed cells import back (dry run first), and score follows', async () => {
    const cwd = workspace();
    const scoreBefore = await scoreOf(cwd, 'datavane');
    await run(['questionnaire', 'export', '-o', 'ai-claims.csv', '--vendor', 'datavane'], { cwd });
    const file = join(cwd, 'ai-claims.csv');
    writeFileSync(
      file,
      setAnswers(readFileSync(file, 'utf8'), { 'data-lineage': 'Yes', 'limitations-documented': 'yes', 'public-roadmap': 'YES', 'ml-team': '12' }),
    );
    const original = readFileSync(join(cwd, 'vendors', 'datavane.yaml'), 'utf8');
    const dry = await run(['import', 'answers', 'ai-claims.csv', '--dry-run'], { cwd });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('4 answers would change');
    expect(dry.stderr).toContain('ml-team: 4 → 12');
    expect(readFileSync(join(cwd, 'vendors', 'datavane.yaml'), 'utf8')).toBe(original);
    const done = await run(['import', 'answers', 'ai-claims.csv'], { cwd });
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('data-lineage: No → Yes');
    const after = readFileSync(join(cwd, 'vendors', 'datavane.yaml'), 'utf8');
    // Comments and layout kept: only the changed values are rewritten.
    expect(after).toContain('# asked twice; vendor sent the data sheet after the call');
    expect(after.split('\n').length).toBe(original.split('\n').length);
    const scoreAfter = await scoreOf(cwd, 'datavane');
    expect(scoreAfter).toBeGreaterThan(scoreBefore!);
  });

  test('a wrong cell: every problem by cell, exit 2, nothing written', async () => {
    const cwd = workspace();
    await run(['questionnaire', 'export', '-o', 'ai-claims.csv', '--vendor', 'datavane'], { cwd });
    const file = join(cwd, 'ai-claims.csv');
    writeFileSync(file, setAnswers(readFileSync(file, 'utf8'), { 'data-lineage': 'Yes please', 'ml-team': 'many' }));
    const before = readFileSync(join(cwd, 'vendors', 'datavane.yaml'));
    const out = await run(['import', 'answers', 'ai-claims.csv'], { cwd });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/ai-claims\.csv:G\d+: "Yes please" is not one of Yes \/ No — write Yes or No/);
    expect(out.stderr).toMatch(/ai-claims\.csv:G\d+: "many" is not a number of people/);
    expect(readFileSync(join(cwd, 'vendors', 'datavane.yaml')).equals(before)).toBe(true);
  });

  test('control sequences in returned cells reach no terminal: not in the refusal, the changes, or the score that follows', async () => {
    const cwd = workspace();
    await run(['questionnaire', 'export', '-o', 'ai-claims.csv', '--vendor', 'datavane'], { cwd });
    const file = join(cwd, 'ai-claims.csv');
    const hostile = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil';
    const unsafe = /[\u001b\u0007\u009b\u202e]/;
    const exported = readFileSync(file, 'utf8');
    writeFileSync(file, setAnswers(exported, { 'data-lineage': `Yes${hostile}` }));
    const refused = await run(['import', 'answers', 'ai-claims.csv'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"Yes\\e]0;pwned\\x07\\e[2J\\x9b31m<U+202E>evil" is not one of Yes / No');
    expect(refused.stderr).not.toMatch(unsafe);
    // A text answer takes the cell as it is: the output that shows it shows it as data.
    writeFileSync(file, setAnswers(exported, { 'non-ai-alternative': `Predicts churn${hostile}` }));
    const done = await run(['import', 'answers', 'ai-claims.csv'], { cwd });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain('non-ai-alternative:');
    expect(done.stderr).not.toMatch(unsafe);
    const explained = await run(['score', 'vendors/datavane.yaml', '--explain'], { cwd });
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('Predicts churn');
    expect(explained.stdout).not.toMatch(unsafe);
  });

  test('show --for-vendor has no points; import --help lists answers; a missing sheet exits 2', async () => {
    const cwd = workspace();
    const shown = await run(['questionnaire', 'show', '--for-vendor', '--format', 'markdown'], { cwd });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Question id: `ai-runtime`');
    expect(shown.stdout).not.toMatch(/\bpoints?\b(?<!data points)|verdict|red flag/i);
    const help = await run(['import', '--help'], { cwd });
    expect(help.stdout).toContain('answers [options] <file.csv>');
    const noVendor = await run(['import', 'answers', 'missing.csv'], { cwd });
    expect(noVendor.code).toBe(2);
  });
});
