import { copyFileSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_PROBLEMS_PER_FILE } from '../../src/core/problem.js';
import { REPO, run, tempDir, type Run } from '../helpers/run-cli.js';
import { tree } from '../helpers/tree.js';

// Every file of tests/hostile/ (and a few made here, too big to keep) through the built CLI, in a
// workspace that already holds a findings snapshot: exit 2, one located line per problem naming
// the file, no stack trace, and not one byte of the workspace changed.

const HOSTILE = join(REPO, 'tests', 'hostile');
/** Not a timing assertion: a run still going after this long has hung, and the test says so. */
const HANG = 20_000;

/** [file, whether its problems have a line] */
const VENDOR_FILES: [string, boolean][] = [
  ['alias-bomb.yaml', false],
  ['merge-bomb.yaml', false],
  ['deep-nesting.yaml', true],
  ['binary.yaml', false],
  ['invalid-utf8.yaml', true],
  ['utf16.yaml', false],
  ['duplicate-keys.yaml', true],
  ['wrong-types.yaml', true],
  ['unknown-keys.yaml', true],
  ['id-traversal.yaml', true],
  ['id-absolute.yaml', true],
  ['empty.yaml', false],
  ['comments-only.yaml', false],
  ['not-a-mapping.yaml', true],
  ['multiple-documents.yaml', true],
  ['tabs.yaml', true],
];

const QUESTIONNAIRES = ['questionnaire-when-missing.yaml', 'questionnaire-when-later.yaml', 'questionnaire-cycle.yaml'];

let base: { dir: string; remove: () => void };

beforeAll(async () => {
  // A workspace with one valid vendor and its snapshot of this quarter, which must survive.
  base = tempDir('aiclaim-hostile-');
  writeFileSync(join(base.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: ai-claims\n');
  cpSync(join(REPO, 'fixtures', 'sample', 'vendors', 'autoflow.yaml'), join(base.dir, 'vendors', 'autoflow.yaml'));
  const primed = await run(['score', '--period', '2026-Q4'], { cwd: base.dir });
  expect(primed.code, primed.stderr).toBe(0);
});

afterAll(() => base.remove());

function workspace(): { dir: string; remove: () => void } {
  const temp = tempDir('aiclaim-hostile-');
  cpSync(base.dir, temp.dir, { recursive: true });
  return temp;
}

function expectRefused(result: Run, shown: string, located: boolean): void {
  expect(result.timedOut, 'the command hung').toBe(false);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).not.toMatch(/^\s+at |Error:|node:internal|RangeError|TypeError/m);
  const problems = result.stderr.split('\n').filter((line) => line.startsWith('✖'));
  expect(problems.length).toBeGreaterThan(0);
  for (const line of problems) expect(line.startsWith(`✖ ${shown}`), line).toBe(true);
  const where = located ? `${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: ` : `${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `;
  expect(problems[0]).toMatch(new RegExp(`^✖ ${where}\\S`));
  // One line each: a message, and what to do, never a dump.
  for (const line of problems) expect(line.length).toBeLessThan(400);
}

async function scoreRefuses(name: string, located: boolean, write: (path: string) => void): Promise<string[]> {
  const ws = workspace();
  try {
    const before = tree(ws.dir);
    write(join(ws.dir, 'vendors', name));
    const result = await run(['score', '--period', '2026-Q4'], { cwd: ws.dir, timeout: HANG });
    expectRefused(result, `vendors/${name}`, located);
    expect(result.stderr).toMatch(/Findings not written/);
    const after = tree(ws.dir);
    delete after[join('vendors', name)];
    expect(after).toEqual(before);
    return result.stderr.split('\n').filter((line) => line.startsWith('✖'));
  } finally {
    ws.remove();
  }
}

describe('hostile vendor files', () => {
  test.each(VENDOR_FILES)('%s: exit 2, located, nothing written', async (name, located) => {
    await scoreRefuses(name, located, (path) => copyFileSync(join(HOSTILE, name), path));
    const validated = await run(['validate', join('tests', 'hostile', name)], { timeout: HANG });
    expectRefused(validated, `tests/hostile/${name}`, located);
  });

  test('a 50 MB file is refused before it is read', async () => {
    const problems = await scoreRefuses('huge.yaml', false, (path) =>
      writeFileSync(path, `schema: aiclaim/vendor@1\nid: huge\nname: Huge\ncategory: crm\nnote: "${'x'.repeat(50 * 1024 * 1024)}"\n`),
    );
    expect(problems).toEqual([expect.stringMatching(/^✖ vendors\/huge\.yaml: file is too large \(50\.0 MiB; the limit is 5\.0 MiB\)/)]);
  });

  test('four megabytes of nested brackets are refused at the bracket past the limit', async () => {
    const problems = await scoreRefuses('brackets.yaml', true, (path) =>
      writeFileSync(
        path,
        `schema: aiclaim/vendor@1\nid: brackets\nname: Brackets\ncategory: crm\nanswers:\n  trains-own-models:\n    value: ${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}\n`,
      ),
    );
    expect(problems).toEqual([expect.stringMatching(/^✖ vendors\/brackets\.yaml:7:76: YAML is nested too deeply/)]);
  });

  test('twenty thousand unknown keys: the first fifty listed, the rest counted', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const problems = await scoreRefuses('many-keys.yaml', true, (path) =>
      writeFileSync(path, `schema: aiclaim/vendor@1\nid: many-keys\nname: Many\ncategory: crm\n${keys}\n`),
    );
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(problems.at(-1)).toMatch(new RegExp(`^✖ vendors/many-keys\\.yaml: and ${20_000 - MAX_PROBLEMS_PER_FILE} more problems in this file`));
  });

  test('wrong types everywhere: one located line for each field', async () => {
    const problems = await scoreRefuses('wrong-types.yaml', true, (path) => copyFileSync(join(HOSTILE, 'wrong-types.yaml'), path));
    const fields = problems.map((line) => /^✖ vendors\/wrong-types\.yaml:\d+:\d+: ([\w.[\]-]+):/.exec(line)?.[1]);
    expect(fields).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'questionnaire',
        'product',
        'category',
        'website',
        'owner',
        'spend.amount',
        'spend.currency',
        'renewal',
        'interview.date',
        'claims',
        'roadmap[0].status',
        'answers.model-kind',
      ]),
    );
  });
});

describe('hostile questionnaires', () => {
  test.each(QUESTIONNAIRES)('%s: exit 2 at the condition, nothing written', async (name) => {
    const ws = workspace();
    try {
      const before = tree(ws.dir);
      const path = join(HOSTILE, name);
      const result = await run(['score', '--period', '2026-Q4', '--questionnaire', path], { cwd: ws.dir, timeout: HANG });
      expectRefused(result, path, true);
      expect(result.stderr).toMatch(/condition refers to/);
      expect(tree(ws.dir)).toEqual(before);
    } finally {
      ws.remove();
    }
    expectRefused(await run(['validate', join('tests', 'hostile', name)], { timeout: HANG }), `tests/hostile/${name}`, true);
  });
});

describe('ids that would leave the workspace', () => {
  test.each([['../../etc/passwd'], ['/etc/passwd'], ['..']])('interview %s is refused before anything is asked or written', async (id) => {
    const ws = workspace();
    try {
      const before = tree(ws.dir);
      const result = await run(['interview', id], { cwd: ws.dir, timeout: HANG });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is not a vendor id/);
      expect(tree(ws.dir)).toEqual(before);
    } finally {
      ws.remove();
    }
  });

  test('the corpus is what its README lists, and an end-to-end test runs every case', () => {
    const listed = [...readFileSync(join(HOSTILE, 'README.md'), 'utf8').matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).sort();
    const files = readdirSync(HOSTILE)
      .filter((n) => n !== 'README.md')
      .sort();
    expect(listed).toEqual(files);
    // This file runs the parser-breaking cases; the others are run where what they attack is tested.
    expect([...VENDOR_FILES.map(([n]) => n), ...QUESTIONNAIRES].every((n) => files.includes(n))).toBe(true);
    const e2e = join(REPO, 'tests', 'e2e');
    const tests = readdirSync(e2e)
      .filter((n) => n.endsWith('.test.ts'))
      .map((n) => readFileSync(join(e2e, n), 'utf8'))
      .join('\n');
    expect(files.filter((n) => !tests.includes(`'${n}'`))).toEqual([]);
    expect(statSync(join(HOSTILE, 'empty.yaml')).size).toBe(0);
  });
});
