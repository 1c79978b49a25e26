import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { loadQuestionnaire, loadVendor } from '../../src/core/load/load-files.js';
import { formatProblem } from '../../src/core/problem.js';
import { indexQuestionnaire } from '../../src/core/questionnaire-index.js';
import { REPO } from '../helpers/run-cli.js';

// A file the fast reader took is located from its lines where they say exactly: a file of
// thousands of unknown keys is refused without the precise reader's node tree (hundreds of
// milliseconds), with every problem where that tree would put it; where the lines cannot say (a
// problem inside a flow collection), the tree is built, once.

const built = vi.hoisted(() => ({ trees: 0 }));
vi.mock('yaml', async (original) => {
  const yaml = await original<typeof import('yaml')>();
  return {
    ...yaml,
    parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
      built.trees++;
      return yaml.parseDocument(...args);
    },
  };
});

const index = (() => {
  const loaded = loadQuestionnaire(readFileSync(join(REPO, 'questionnaires', 'ai-claims.yaml'), 'utf8'), 'ai-claims.yaml');
  if (!loaded.ok) throw new Error('the bundled questionnaire does not load');
  return indexQuestionnaire(loaded.value);
})();

const HEAD = 'schema: aiclaim/vendor@1\nid: made\nname: Made\ncategory: crm\n';

function problemsOf(text: string): string[] {
  const loaded = loadVendor(text, 'made.yaml', index);
  return loaded.ok ? [] : loaded.problems.map(formatProblem);
}

describe('problems located from the lines of a file the fast reader took', () => {
  beforeEach(() => {
    built.trees = 0;
  });

  test('thousands of unknown keys: each listed one at its line, and no node tree built', () => {
    const text = `${HEAD}${Array.from({ length: 5000 }, (_, i) => `k${i}: ${i}`).join('\n')}\n`;
    const problems = problemsOf(text);
    expect(built.trees).toBe(0);
    expect(problems[0]).toMatch(/^made\.yaml:5:1: k0: unknown key/);
    expect(problems[1]).toMatch(/^made\.yaml:6:1: k1: unknown key/);
    expect(problems.at(-1)).toMatch(/more/);
  });

  test('a wrong value in a block mapping: located from the lines', () => {
    const problems = problemsOf(`${HEAD}spend:\n  amount: lots\n  currency: EUR\n`);
    expect(built.trees).toBe(0);
    expect(problems).toEqual([expect.stringMatching(/^made\.yaml:6:11: spend\.amount: /)]);
  });

  test('a wrong value inside a flow mapping: the node tree is built once, and says where', () => {
    const problems = problemsOf(`${HEAD}spend: { amount: lots, currency: EUR }\n`);
    expect(built.trees).toBe(1);
    expect(problems).toEqual([expect.stringMatching(/^made\.yaml:5:18: spend\.amount: /)]);
  });
});
