import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO, TODAY, tempDir } from '../helpers/run-cli.js';
import { tree } from '../helpers/tree.js';

// What `npm install -g` of the packed tarball gives a user: the files it ships (no source maps, no
// caches, the licence), and a command that runs every job on its bundled sample from any folder,
// with no node_modules at all (the bundle in dist/ holds every dependency). The dist must be built
// already (the suite's pretest builds it): packing here runs no scripts, so that the build is not
// redone under the other tests' feet.

/** The packed tarball's bound: today about 1.0 MB (source maps would add 2 MB). */
const MAX_PACKED = 1_200_000;
/** Its files unpacked: today about 3.8 MB. */
const MAX_UNPACKED = 5_000_000;

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** npm's own environment variables (npm test sets a few) would steer the npm run here: none of them. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !/^npm_/i.test(key)) env[key] = value;
  return { ...env, ...extra };
}

function exec(file: string, args: string[], cwd: string, env: Record<string, string>, timeout = 60_000): Promise<Ran> {
  return new Promise((done) => {
    execFile(file, args, { cwd, env, timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const temp = tempDir('aiclaim-package-');
afterAll(() => temp.remove());
const prefix = join(temp.dir, 'prefix');
const installed = join(prefix, 'lib', 'node_modules', 'aiclaim');
const bin = join(prefix, 'bin', 'aiclaim');
/** A folder with nothing of aiclaim's in it, where the user types the commands. */
const elsewhere = join(temp.dir, 'elsewhere');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** Node first on the PATH: the installed command starts with `#!/usr/bin/env node`. */
const PATH = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`;

let packed: Packed;

beforeAll(async () => {
  const pack = await exec(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', temp.dir], REPO, cleanEnv());
  expect(pack.code, pack.stderr).toBe(0);
  packed = (JSON.parse(pack.stdout) as Packed[])[0]!;
  const install = await exec(
    npm,
    ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(temp.dir, packed.filename)],
    temp.dir,
    cleanEnv(),
  );
  expect(install.code, install.stderr).toBe(0);
  mkdirSync(elsewhere);
}, 60_000);

/** The installed command, run as a user would from `elsewhere`. */
const aiclaim = (args: string[]) => exec(bin, args, elsewhere, { PATH, HOME: process.env.HOME ?? temp.dir, NO_COLOR: '1', AICLAIM_TODAY: TODAY });

describe('the packed tarball', () => {
  test('ships what runs: no source maps, no caches, the licence, the command and its bundle', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(paths.filter((p) => p.split('/').includes('.aiclaim'))).toEqual([]);
    for (const needed of [
      'LICENSE',
      'README.md',
      'package.json',
      'bin/aiclaim.cjs',
      'dist/cli.js',
      'dist/score-worker.js',
      'dist/snapshot-worker.js',
      'fixtures/sample/aiclaim.yaml',
      'questionnaires/ai-claims.yaml',
    ]) {
      expect(paths).toContain(needed);
    }
    // The bundled questionnaires as the build checked them (questionnaire-cache.ts): one for each.
    const bundled = paths.filter((p) => /^questionnaires\/(editions\/)?[^/]+\.yaml$/.test(p));
    expect(paths.filter((p) => /^dist\/questionnaires\/[0-9a-f]{16}\.json$/.test(p))).toHaveLength(bundled.length);
    expect(packed.size).toBeLessThan(MAX_PACKED);
    expect(packed.unpackedSize).toBeLessThan(MAX_UNPACKED);
  });

  test('installs with no dependencies: the bundle holds them all', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the aiclaim authors\n/);
  });
});

describe('the installed command, from a folder that is not a workspace', () => {
  const before = () => tree(installed, { cache: true });
  let untouched: Record<string, string>;
  beforeAll(() => {
    untouched = before();
  });

  test('--version', async () => {
    const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    const out = await aiclaim(['--version']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.trim()).toBe(version);
  });

  test('without --sample there is no workspace here, as before', async () => {
    const out = await aiclaim(['score']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/no vendors folder/);
  });

  test('--sample score ranks every vendor of the sample, and says it runs on the sample', async () => {
    const vendors = readdirSync(join(REPO, 'fixtures', 'sample', 'vendors')).filter((f) => f.endsWith('.yaml')).length;
    const json = await aiclaim(['--sample', 'score', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as { vendors: unknown[] }).vendors).toHaveLength(vendors);
    const table = await aiclaim(['--sample', 'score']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/Lumen Analytics SAS/);
    expect(table.stderr).toMatch(/using the bundled sample portfolio \(.*fixtures\/sample\), read-only/i);
    // The option after the command works too, and the workers load from the installed dist/.
    const jobs = await aiclaim(['score', '--sample', '--jobs', '2', '--format', 'json']);
    expect(jobs.code, jobs.stderr).toBe(0);
    expect(JSON.parse(jobs.stdout)).toEqual(JSON.parse(json.stdout));
  });

  test.each([
    ['diff', ['--sample', 'diff', '2026-Q3', '2026-Q4'], /Lumen Analytics SAS/],
    ['trend', ['--sample', 'trend'], /2026-Q2/],
    ['export', ['--sample', 'export', '2026-Q4'], /^period,rank,vendor_id,[^]*\n2026-Q4,,pixelcast-media-sa,/],
    ['questionnaire show', ['questionnaire', 'show', 'ai-claims'], /./],
  ])('%s', async (_, args, shows) => {
    const out = await aiclaim(args);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(shows);
  });

  test('validate', async () => {
    const out = await aiclaim(['--sample', 'validate']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/\d+ files valid/);
  });

  test('--sample report -o writes the report where the user is, outside the sample', async () => {
    const out = await aiclaim(['--sample', 'report', '2026-Q4', '-o', 'OUT.html']);
    expect(out.code, out.stderr).toBe(0);
    expect(readFileSync(join(elsewhere, 'OUT.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  test('the answer workbook (exceljs, bundled) is written with no node_modules', async () => {
    const out = await aiclaim(['--sample', 'questionnaire', 'export', '-o', 'sheet.xlsx', '--vendor', 'datavane']);
    expect(out.code, out.stderr).toBe(0);
    expect(readFileSync(join(elsewhere, 'sheet.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test("the stack's workbook (exceljs, bundled) is written with no node_modules", async () => {
    const out = await aiclaim(['--sample', 'stack', '2026-Q4', '-o', 'stack.xlsx']);
    expect(out.code, out.stderr).toBe(0);
    expect(readFileSync(join(elsewhere, 'stack.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('a write on the sample is refused, and nothing is written under the installed package', async () => {
    const out = await aiclaim(['--sample', 'score', '--period', '2026-Q4']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^error: --sample: the bundled sample portfolio is read, never written\nhint: /m);
    const interview = await aiclaim(['--sample', 'interview', 'new-vendor']);
    expect(interview.code).toBe(2);
    expect(interview.stderr).toMatch(/^error: --sample: the bundled sample portfolio is read, never written/m);
    expect(before()).toEqual(untouched);
  });
});
