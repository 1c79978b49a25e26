import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { REPO, run, sampleCopy } from '../helpers/run-cli.js';

// validate reads the questionnaire in use as every other command does: a workspace's own
// questionnaire, once checked, is kept in the workspace's cache, and says the same from there.

const sample = sampleCopy();
afterAll(() => sample.remove());
const cwd = sample.dir;
const cacheDir = join(cwd, '.aiclaim', 'cache');
const entries = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((n) => n.startsWith('questionnaire-')) : []);

describe('validate and the checked questionnaire', () => {
  test("a workspace's own questionnaire is checked once, then read from the cache", async () => {
    mkdirSync(join(cwd, 'questionnaires'), { recursive: true });
    const bundled = readFileSync(join(REPO, 'questionnaires', 'ai-claims.yaml'), 'utf8');
    writeFileSync(join(cwd, 'questionnaires', 'ai-claims.yaml'), `${bundled}\n# This workspace's own copy.\n`);
    expect(entries()).toEqual([]);
    const first = await run(['validate', 'vendors'], { cwd });
    expect(first.code, first.stderr).toBe(0);
    expect(entries()).toHaveLength(1);
    const again = await run(['validate', 'vendors'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(first.stderr);
  });
});
