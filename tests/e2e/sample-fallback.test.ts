import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { REPO, run, tempDir } from '../helpers/run-cli.js';
import { tree } from '../helpers/tree.js';

// The bundled sample is a fallback, not a trap: from the repository root with no workspace, a
// command given files or snapshots reads those and says nothing of the sample; one given nothing
// says it runs on the sample. Nothing under fixtures/ is ever written, caches included.

const SAMPLE = join(REPO, 'fixtures', 'sample');
const before = tree(SAMPLE, { cache: true });
const own = tempDir();
afterAll(() => own.remove());
cpSync(join(SAMPLE, 'vendors'), join(own.dir, 'vendors'), { recursive: true });
cpSync(join(SAMPLE, 'findings'), join(own.dir, 'findings'), { recursive: true });
const NOTICE = /using the bundled sample portfolio/;

describe('the bundled sample from the repository root', () => {
  test.each([
    ['score FILES', ['score', join(own.dir, 'vendors')]],
    ['validate FILES', ['validate', join(own.dir, 'vendors')]],
    ['diff FILE FILE', ['diff', join(own.dir, 'findings', '2026-Q3.yaml'), join(own.dir, 'findings', '2026-Q4.yaml')]],
    ['trend DIR', ['trend', join(own.dir, 'findings')]],
    ['report FILE', ['report', join(own.dir, 'findings', '2026-Q4.yaml'), '-f', 'markdown']],
  ])('%s: no word of the sample', async (_, args) => {
    const out = await run(args, { cwd: REPO });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).not.toMatch(NOTICE);
  });

  test.each([
    ['score', ['score']],
    ['diff QUARTERS', ['diff', '2026-Q3', '2026-Q4']],
    ['trend', ['trend']],
  ])('%s: says it runs on the sample', async (_, args) => {
    const out = await run(args, { cwd: REPO });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(NOTICE);
  });

  test('nothing under fixtures/sample was written, not even a cache', async () => {
    // score --period on the sample is refused: it would write the sample.
    const period = await run(['score', '--period', '2026-Q4'], { cwd: REPO });
    expect(period.code).toBe(2);
    expect(period.stderr).toMatch(
      /the bundled sample portfolio is read, never written\nhint: run `aiclaim init` to start your own, or write the snapshot elsewhere with --out FILE/,
    );
    // Nor is an interview written into it.
    const interview = await run(['interview', 'new-vendor'], { cwd: REPO });
    expect(interview.code).toBe(2);
    expect(interview.stderr).toMatch(/^error: no workspace here: the bundled sample portfolio is read, never written/);
    expect(tree(SAMPLE, { cache: true })).toEqual(before);
  });
});
