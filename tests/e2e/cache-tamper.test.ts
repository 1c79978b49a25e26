import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { REPO, run, sampleCopy } from '../helpers/run-cli.js';

// The workspace cache is checked, never trusted: a snapshot's JSON lines edited, cut short or
// malformed, or a checked questionnaire edited, change nothing that diff, trend, report or score
// say; the cache is read from the YAML again.

const sample = sampleCopy();
afterAll(() => sample.remove());
const cwd = sample.dir;
const cacheDir = join(cwd, '.aiclaim', 'cache');
const cacheFiles = (prefix: string) =>
  readdirSync(cacheDir)
    .filter((n) => n.startsWith(prefix))
    .map((n) => join(cacheDir, n));
/** The cache file of the snapshot of `period`. */
const snapshotCache = (period: string) =>
  cacheFiles('findings-').find((f) => readFileSync(f, 'utf8').startsWith(`{"schema":"aiclaim/findings@1","period":"${period}"`))!;

const outputs = async () => ({
  diff: await run(['diff', '2026-Q3', '2026-Q4', '-f', 'json'], { cwd }),
  trend: await run(['trend', '-f', 'json'], { cwd }),
  report: await run(['report', '2026-Q4', '-f', 'markdown'], { cwd }),
});

describe('a tampered cache', () => {
  test.each([
    ['a score edited in a vendor line', (text: string) => text.replace(/"score":(\d+(?:\.\d+)?)/, '"score":99.9')],
    ['a line cut short', (text: string) => text.slice(0, text.indexOf('\n', text.indexOf('\n') + 1) - 40)],
    ['a line that is not JSON', (text: string) => text.replace('\n', '\n{not json\n')],
    [
      'the digest line removed',
      (text: string) =>
        text
          .split('\n')
          .filter((l) => !l.startsWith('{"digest"'))
          .join('\n'),
    ],
  ])('%s is ignored, and rebuilt from the YAML', async (_, tamper) => {
    const before = await outputs();
    for (const out of Object.values(before)) expect(out.code, out.stderr).toBe(0);
    const file = snapshotCache('2026-Q4');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, tamper(original));
    expect(readFileSync(file, 'utf8')).not.toBe(original);
    const after = await outputs();
    for (const [name, out] of Object.entries(after)) {
      expect(out.code, `${name}: ${out.stderr}`).toBe(0);
      expect(out.stdout, name).toBe(before[name as keyof typeof before].stdout);
    }
    // Read from the YAML again, the cache is as it was written.
    expect(readFileSync(snapshotCache('2026-Q4'), 'utf8')).toBe(original);
  });

  test('a self-check passed vouches only for the cache lines it read: lines forged with a digest to match are checked again', async () => {
    const first = await run(['diff', '2026-Q3', '2026-Q4', '-f', 'json'], { cwd });
    expect(first.code, first.stderr).toBe(0);
    // Read from the cache and checked, each snapshot is marked; the next diff reads the marks.
    expect(cacheFiles('checked-').length).toBeGreaterThanOrEqual(2);
    const again = await run(['diff', '2026-Q3', '2026-Q4', '-f', 'json'], { cwd });
    expect(again.stdout).toBe(first.stdout);
    // A score raised in the cache, and the trailer's digest made again so the lines read as intact.
    const file = snapshotCache('2026-Q4');
    const lines = readFileSync(file, 'utf8').split('\n').slice(0, -2);
    const at = lines.findIndex((l) => l.startsWith('{"id":"datavane"'));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace(/"score":\d+(\.\d+)?/, '"score":99.9');
    const body = lines.map((l) => `${l}\n`).join('');
    writeFileSync(file, `${body}{"digest":"${createHash('sha256').update(body).digest('hex')}"}\n`);
    const forged = await run(['diff', '2026-Q3', '2026-Q4'], { cwd });
    expect(forged.code).toBe(2);
    expect(forged.stderr).toMatch(/vendor datavane, (score: 99\.9 is not what|verdict: .* does not follow from the score 99\.9)/);
    // The cache is the YAML's again once that file is gone.
    rmSync(file);
    expect((await run(['diff', '2026-Q3', '2026-Q4', '-f', 'json'], { cwd })).stdout).toBe(first.stdout);
  });

  test('an edited checked questionnaire cannot change a verdict', async () => {
    // The bundled questionnaire is checked when aiclaim is built, never cached here: the workspace
    // keeps its own copy (a comment added), which is.
    mkdirSync(join(cwd, 'questionnaires'), { recursive: true });
    const bundled = readFileSync(join(REPO, 'questionnaires', 'ai-claims.yaml'), 'utf8');
    writeFileSync(join(cwd, 'questionnaires', 'ai-claims.yaml'), `${bundled}\n# This workspace's own copy.\n`);
    const before = await run(['score', '-f', 'json'], { cwd });
    expect(before.code).toBe(0);
    const [entry] = cacheFiles('questionnaire-');
    expect(entry).toBeDefined();
    const text = readFileSync(entry!, 'utf8');
    // Every band starts at 0: were it believed, every vendor would be "substantiated".
    const edited = text.replace(/"min":\d+/g, '"min":0');
    expect(edited).not.toBe(text);
    writeFileSync(entry!, edited);
    const after = await run(['score', '-f', 'json'], { cwd });
    expect(after.code).toBe(0);
    expect(after.stdout).toBe(before.stdout);
  });
});
