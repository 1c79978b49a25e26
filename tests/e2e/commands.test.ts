import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { BIN, REPO, run, tempDir } from '../helpers/run-cli.js';

describe('aiclaim validate', () => {
  test('checks the whole sample workspace: settings, vendors, findings and finance figures', async () => {
    const result = await run(['validate']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/24 files valid\./);
  });

  test('checks any aiclaim file it is given, by its schema key', async () => {
    const result = await run(['validate', 'questionnaires', 'fixtures/sample/vendors-2026-Q3', 'fixtures/fmti-2023/developers']);
    expect(result.stderr).toMatch(/28 files valid\./);
    expect(result.code).toBe(0);
  });

  test('reports every problem with file:line:col and exits 2', async () => {
    const temp = tempDir();
    try {
      writeFileSync(
        join(temp.dir, 'q.yaml'),
        'schema: aiclaim/questionnaire@1\nid: q\nversion: 1.0.0\ntitle: Q\nsections:\n  - id: s\n    title: S\n    questions:\n      - { id: a, text: A, type: boolean, when: { question: b, equals: true } }\n      - { id: b, text: B, type: boolean }\n',
      );
      writeFileSync(join(temp.dir, 'notes.yaml'), 'just: notes\n');
      const result = await run(['validate', temp.dir, '--format', 'json']);
      expect(result.code).toBe(2);
      const report = JSON.parse(result.stdout) as { files: number; problems: { file: string; line: number; column: number; message: string }[] };
      expect(report.files).toBe(2);
      expect(report.problems.map((p) => `${p.file.split('/').pop()}:${p.line}:${p.column}: ${p.message}`)).toEqual([
        'notes.yaml:1:1: not an aiclaim file: it has no known "schema:" key',
        'q.yaml:9:60: condition refers to "b", a later question',
      ]);
    } finally {
      temp.remove();
    }
  });
});

describe('aiclaim init', () => {
  test('scaffolds a workspace whose example vendor scores, and refuses to overwrite it', async () => {
    const temp = tempDir();
    try {
      const created = await run(['init', 'audit'], { cwd: temp.dir });
      expect(created.code).toBe(0);
      const root = join(temp.dir, 'audit');
      for (const file of [
        'aiclaim.yaml',
        'vendors/example-vendor.yaml',
        '.gitignore',
        '.aiclaim/schemas/vendor.schema.json',
        'findings/.gitkeep',
        'finance/.gitkeep',
      ]) {
        expect(existsSync(join(root, file)), file).toBe(true);
      }
      expect(readFileSync(join(root, '.gitignore'), 'utf8')).toMatch(/^\.aiclaim\/drafts\/$/m);
      expect(readFileSync(join(root, 'vendors', 'example-vendor.yaml'), 'utf8')).toMatch(
        /^# yaml-language-server: \$schema=\.\.\/\.aiclaim\/schemas\/vendor\.schema\.json$/m,
      );

      const validated = await run(['validate'], { cwd: root });
      expect(validated.stderr).toMatch(/2 files valid/);
      const scored = await run(['score', '-f', 'json'], { cwd: root });
      expect(scored.code).toBe(0);
      expect((JSON.parse(scored.stdout) as { vendors: { id: string }[] }).vendors.map((v) => v.id)).toEqual(['example-vendor']);

      const written = await run(['score', '--period', '2026-Q4', '-f', 'csv'], { cwd: root });
      expect(written.code).toBe(0);
      expect(readFileSync(join(root, 'findings', '2026-Q4.yaml'), 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=../.aiclaim/schemas/findings.schema.json',
      );

      // The finance folder is there, empty: the stack has its spend, and no figure nobody gave.
      const stack = await run(['stack'], { cwd: root });
      expect(stack.code, stack.stderr).toBe(0);
      expect(stack.stdout).toMatch(/No finance figures for 2026-Q4: budget, customers, CAC and CLTV are not given\./);

      writeFileSync(join(root, 'vendors', 'example-vendor.yaml'), '# mine now\n', { flag: 'a' });
      const again = await run(['init', 'audit'], { cwd: temp.dir });
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(
        /error: already exists: audit\/aiclaim\.yaml, audit\/vendors\/example-vendor\.yaml, audit\/findings\/\.gitkeep, audit\/finance\/\.gitkeep\nhint: nothing was written/,
      );
      expect(readFileSync(join(root, 'vendors', 'example-vendor.yaml'), 'utf8')).toMatch(/# mine now\n$/);
    } finally {
      temp.remove();
    }
  });

  test('outside a workspace, score says how to start one', async () => {
    const temp = tempDir();
    try {
      const result = await run(['score'], { cwd: temp.dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/error: no vendors folder here \(vendors\)\nhint: run `aiclaim init`/);
    } finally {
      temp.remove();
    }
  });
});

describe('aiclaim questionnaire', () => {
  test('list shows the bundled questionnaires', async () => {
    const result = await run(['questionnaire', 'list', '-f', 'json']);
    const rows = JSON.parse(result.stdout) as { id: string; questions: number; inUse: boolean }[];
    expect(rows.map((r) => [r.id, r.questions, r.inUse])).toEqual([
      ['ai-claims', 66, true],
      ['fmti-2023', 100, false],
    ]);
  });

  test('show prints the outline: conditions, points, red flags', async () => {
    const result = await run(['questionnaire', 'show']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/AI claims audit for marketing technology \(ai-claims 2\.0\.0\)/);
    expect(result.stdout).toMatch(/training-records .*evidence required · up to 10 points · decisive for the verdict/);
    expect(result.stdout).toMatch(/asked when trains-models is yes/);
    expect(result.stdout).toMatch(/\[compliance\] weight 40, up to \d+ points, feeds risk/);
    expect(result.stdout).toMatch(/a verdict needs 4 of the decisive questions answered or declined, or a critical finding/);
    expect(result.stdout).toMatch(/non-ai-alternative text .*\n.*\n.*an answer earns 2, only with evidence/);
    expect(result.stdout).toMatch(/CRITICAL ai-washing: AI claims with no training data behind them \(verdict at most unsubstantiated\)/);
    expect(result.stdout).toMatch(/CRITICAL going-concern: Listed, with a going-concern or delisting warning \(risk at best high\)/);
    const unknown = await run(['questionnaire', 'show', 'ai-claim']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/error: no questionnaire "ai-claim"\nhint: did you mean "ai-claims"\?/);
  });
});

describe('start-up', () => {
  /** The modules of dist/ a run loads, named by the sources their source maps list. */
  function distSources(args: string[]): { modules: string[]; sources: string } {
    const temp = tempDir();
    try {
      const log = join(temp.dir, 'imports.log');
      execFileSync(process.execPath, ['--import', join(REPO, 'tests', 'helpers', 'register-import-log.mjs'), BIN, ...args], {
        env: { ...process.env, AICLAIM_IMPORT_LOG: log },
      });
      const modules = readFileSync(log, 'utf8')
        .split('\n')
        .filter((url) => url.startsWith('file:') && url.includes('/dist/'));
      const sources = modules.flatMap((url) => (JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')) as { sources: string[] }).sources).join('\n');
      return { modules, sources };
    } finally {
      temp.remove();
    }
  }

  test.each([['--help'], ['score', '--help']])('%s loads neither zod, yaml, chalk nor the prompts', (...args) => {
    const { sources } = distSources(args);
    expect(sources).toMatch(/node_modules\/commander\//);
    expect(sources).not.toMatch(/node_modules\/(zod|yaml|chalk|@inquirer|cli-table3)\//);
  });

  test.each([['--version'], ['-v'], ['-V']])('%s alone loads nothing of dist/', (flag) => {
    expect(distSources([flag]).modules).toEqual([]);
  });

  test('--version, -v and -V print the package version; with anything else, the command line answers', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    for (const args of [['--version'], ['-v'], ['-V'], ['--no-color', '--version']]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
    }
  });
});
