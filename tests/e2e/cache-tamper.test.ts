import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
