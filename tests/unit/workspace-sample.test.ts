import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildProgram, type Invocation } from '../../src/cli.js';
import type { Context } from '../../src/shell/context.js';
import { findWorkspace, refuseSample, SAMPLE_ROOT, sampleNotice, snapshotCacheDir, userCacheDir } from '../../src/shell/workspace.js';
import { tempDir } from '../helpers/run-cli.js';

// --sample: the bundled sample portfolio wherever the command runs, a workspace of the user's
// included; read as the repository root's fallback is, never written, never cached.

const own = tempDir();
afterAll(() => own.remove());
writeFileSync(join(own.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\n');
mkdirSync(join(own.dir, 'vendors'));

const sink = { write: () => true };
const context = (cwd: string, sample?: boolean): Context => ({
  cwd,
  env: {},
  stdout: sink,
  stderr: sink,
  now: () => new Date('2026-11-22T12:00:00Z'),
  stdinIsTTY: false,
  sample,
});

describe('findWorkspace with context.sample', () => {
  test('without it, a workspace of the user is theirs', async () => {
    const workspace = await findWorkspace(context(own.dir));
    expect(workspace.root).toBe(own.dir);
    expect(workspace.isSample).toBe(false);
  });

  test('with it, the bundled sample, even inside a workspace of the user', async () => {
    const workspace = await findWorkspace(context(own.dir, true));
    expect(workspace.root).toBe(SAMPLE_ROOT);
    expect(workspace.isSample).toBe(true);
    expect(workspace.sampleAsked).toBe(true);
    expect(workspace.settingsFile).toBe(join(SAMPLE_ROOT, 'aiclaim.yaml'));
    expect(userCacheDir(workspace)).toBeUndefined();
    expect(snapshotCacheDir(workspace)).toBeUndefined();
    expect(sampleNotice(workspace, own.dir)).toBe(`Using the bundled sample portfolio (${SAMPLE_ROOT}), read-only.`);
    expect(sampleNotice(workspace, own.dir, ['vendors'])).toBeUndefined();
    expect(() => refuseSample(workspace, 'do this instead')).toThrow(/^--sample: the bundled sample portfolio is read, never written$/);
  });
});

describe('--sample on the command line reaches the command in its context', () => {
  /** Runs `argv` in process, in the user's workspace, and returns what went to stdout and stderr. */
  const run = async (argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let got: Invocation | undefined;
    buildProgram((invocation) => {
      got = invocation;
    }).parse(['node', 'aiclaim', ...argv]);
    let out = '';
    let err = '';
    const code = await got!.action({ ...context(own.dir), stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } });
    return { code, out, err };
  };

  /** The sample's files that validate reads: its settings, vendors, snapshots and finance figures. */
  const sampleFiles = 1 + ['vendors', 'findings', 'finance'].flatMap((dir) => readdirSync(join(SAMPLE_ROOT, dir)).filter((f) => f.endsWith('.yaml'))).length;

  test.each([
    [['--sample', 'validate', '-f', 'json'], sampleFiles],
    [['validate', '--sample', '-f', 'json'], sampleFiles],
    [['validate', '-f', 'json'], 1], // the user's aiclaim.yaml, and no vendor yet
  ])('%j validates %i files', async (argv, files) => {
    const { code, out } = await run(argv);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { files: number }).files).toBe(files);
  });
});
