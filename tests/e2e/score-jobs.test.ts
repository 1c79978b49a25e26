import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO, run, tempDir } from '../helpers/run-cli.js';

// `score --jobs 2` on enough files for two worker threads: each sends its findings back as it
// scores them, a few at a time, and the run must print and write exactly what one core does.

const VENDORS = 600;

describe('scoring on two worker threads', () => {
  let ws: { dir: string; remove: () => void };
  beforeAll(() => {
    ws = tempDir('aiclaim-jobs-');
    writeFileSync(join(ws.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: ai-claims\n');
    execFileSync(process.execPath, [join(REPO, 'bench', 'generate-vendors.mjs'), join(ws.dir, 'vendors'), String(VENDORS), '1'], { stdio: 'ignore' });
  });
  afterAll(() => ws?.remove());

  const scored = async (args: string[]) => {
    const result = await run(['score', '--period', '2026-Q4', '--no-reuse', ...args], { cwd: ws.dir, timeout: 120_000 });
    expect(result.code, result.stderr).toBe(0);
    return { stdout: result.stdout, snapshot: readFileSync(join(ws.dir, 'findings', '2026-Q4.yaml')) };
  };

  test('the table and the snapshot are byte for byte those of one core', async () => {
    const one = await scored([]);
    const two = await scored(['--jobs', '2']);
    expect(one.stdout.split('\n').filter((l) => l.startsWith('│')).length).toBe(VENDORS + 1);
    expect(two.stdout).toBe(one.stdout);
    expect(two.snapshot.equals(one.snapshot)).toBe(true);
  }, 240_000);

  test('the JSON too: every vendor, once, in the same order', async () => {
    const one = await scored(['--format', 'json']);
    const two = await scored(['--format', 'json', '--jobs', '2']);
    expect(two.stdout).toBe(one.stdout);
    const ids = (JSON.parse(one.stdout) as { vendors: { id: string }[] }).vendors.map((v) => v.id);
    expect(new Set(ids).size).toBe(VENDORS);
  }, 240_000);
});
