import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { run, sampleCopy } from '../helpers/run-cli.js';

// A findings snapshot is checked against itself: a hand edit of a score, a section, a verdict or a
// question line is refused by validate, diff and trend, naming the file, the vendor and the field.

let remove: (() => void) | undefined;
afterEach(() => remove?.());

function editedSample(edit: (text: string) => string): string {
  const sample = sampleCopy();
  remove = sample.remove;
  const file = join(sample.dir, 'findings', '2026-Q4.yaml');
  const text = readFileSync(file, 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
  return sample.dir;
}

/** Datavane's block of the snapshot, changed by `change`. */
const inDatavane = (change: (block: string) => string) => (text: string) => {
  const start = text.indexOf('  - id: datavane\n');
  const end = text.indexOf('\n  - id: ', start + 1);
  return text.slice(0, start) + change(text.slice(start, end)) + text.slice(end);
};

describe('a snapshot edited by hand', () => {
  test.each([
    [
      'the score raised',
      inDatavane((b) => b.replace(/\n {4}score: [\d.]+\n/, '\n    score: 99.9\n')),
      /vendor datavane, (score: 99\.9 is not what its question lines and the section weights give \(70\.9\)|verdict: plausible does not follow from the score 99\.9)/,
    ],
    [
      'a section raised',
      inDatavane((b) => b.replace(/(\n {6}ai-substance: \{ score: )[\d.]+/, '$1100')),
      /vendor datavane, sections\.ai-substance: score 100 .* is not what its question lines give/,
    ],
    [
      'the verdict raised',
      inDatavane((b) => b.replace('\n    verdict: plausible\n', '\n    verdict: substantiated\n')),
      /vendor datavane, verdict: substantiated does not follow from the score 70\.9 \(it gives plausible\)/,
    ],
    [
      'a question line changed',
      inDatavane((b) => b.replace(/(\n {6}ml-team: )\S+/, '$14/4')),
      /vendor datavane, questions: the question lines do not match the digest written with them/,
    ],
  ])('%s: validate, diff and trend refuse it, naming the vendor and the field', async (_, edit, message) => {
    const cwd = editedSample(edit);
    for (const args of [['validate', 'findings/2026-Q4.yaml'], ['diff', '2026-Q3', '2026-Q4'], ['trend']]) {
      const out = await run(args, { cwd });
      expect(out.code, `${args[0]}: ${out.stderr}`).toBe(2);
      expect(out.stderr, args[0]).toMatch(message);
      expect(out.stderr, args[0]).toMatch(/2026-Q4\.yaml/);
      expect(out.stderr, args[0]).toMatch(/score the quarter again \(aiclaim score --period 2026-Q4\), or restore the file from version control/);
    }
  });

  test('the snapshots as written pass', async () => {
    const sample = sampleCopy();
    remove = sample.remove;
    const out = await run(['validate', 'findings'], { cwd: sample.dir });
    expect(out.code, out.stderr).toBe(0);
  });
});
