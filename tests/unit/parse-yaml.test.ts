import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/core/problem.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadQuestionnaire, loadVendor } from '../../src/core/load/load-files.js';
import { indexQuestionnaire } from '../../src/core/questionnaire-index.js';
import { MAX_FLOW_DEPTH, parseYaml, readYaml } from '../../src/core/yaml/parse-yaml.js';
import { decodeSource, positionAt } from '../../src/core/yaml/source-text.js';
import { REPO } from '../helpers/run-cli.js';

const problems = (text: string) => {
  const result = parseYaml(text, 'f.yaml');
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('readYaml', () => {
  // A getter or method on each reading (an object literal's) gives every reading a hidden class of
  // its own, holding the file's text and data past the young generation's collections: every file
  // read in a batch was promoted to the old generation, and a run's memory grew with the portfolio.
  test('a file the fast reader took locates paths from a method the readings share', () => {
    const first = readYaml('a: 1\n', 'a.yaml');
    const second = readYaml('b: [x, y]\n', 'b.yaml');
    const precise = parseYaml('a: 1\n', 'a.yaml');
    if (!first.ok || !second.ok || !precise.ok) throw new Error('not read');
    expect(Object.getOwnPropertyDescriptor(first, 'offsetOf')).toBeUndefined();
    expect(Object.getPrototypeOf(first)).toBe(Object.getPrototypeOf(second));
    // Read by the fast reader, not the precise one, which locates from the node tree.
    expect(Object.getPrototypeOf(first)).not.toBe(Object.getPrototypeOf(precise));
    expect(precise.offsetOf(['a'])).toBe(3);
    expect(first.offsetOf(['a'])).toBe(3);
    expect(second.offsetOf(['b', 1])).toBe(7);
  });

  test('a vendor loaded by the fast reader locates its problems from a source whose method is shared too', () => {
    const questionnaire = loadQuestionnaire(readFileSync(join(REPO, 'questionnaires', 'ai-claims.yaml'), 'utf8'), 'ai-claims.yaml');
    if (!questionnaire.ok) throw new Error('the bundled questionnaire does not load');
    const index = indexQuestionnaire(questionnaire.value);
    const text = 'schema: aiclaim/vendor@1\nid: v\nname: V\ncategory: crm\n';
    const loaded = loadVendor(text, 'v.yaml', index);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    expect(Object.getOwnPropertyDescriptor(loaded.source, 'offsetOf')).toBeUndefined();
    expect(loaded.source.offsetOf(['id'])).toBe(text.indexOf('v\n'));
  });
});

describe('parseYaml', () => {
  test('reads a document and keeps its nodes for locating problems', () => {
    const result = parseYaml('a: 1\nb: [x, y]\n', 'f.yaml');
    expect(result.ok && result.data).toEqual({ a: 1, b: ['x', 'y'] });
  });

  test('dates stay text (YAML 1.2), so 2026-10-14 is not turned into a timestamp', () => {
    const result = parseYaml('date: 2026-10-14\nflag: yes\n', 'f.yaml');
    expect(result.ok && result.data).toEqual({ date: '2026-10-14', flag: 'yes' });
  });

  test('duplicate keys are refused at the second one', () => {
    expect(problems('a: 1\nb: 2\na: 3\n')).toEqual(['f.yaml:3:1: duplicate key: each key may appear only once in a mapping — remove or rename one of them']);
  });

  test('syntax errors give line and column', () => {
    expect(problems('a: [1, 2\nb: 3\n')[0]).toMatch(/^f\.yaml:\d+:\d+: YAML syntax error: /);
  });

  test('more than one document is refused', () => {
    expect(problems('a: 1\n---\nb: 2\n')[0]).toMatch(/more than one YAML document — keep one document per file/);
  });

  test('an alias bomb is refused, not expanded', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ].join('\n');
    expect(problems(`${bomb}\n`)).toEqual([
      'f.yaml: YAML expands too many aliases (a resource-exhaustion pattern) — write the values out instead of using * aliases',
    ]);
  });

  test('deep nesting is refused with a message, not a crash, at the bracket past the limit', () => {
    const depth = 20000;
    expect(problems(`${'['.repeat(depth)}${']'.repeat(depth)}\n`)).toEqual([
      `f.yaml:1:${MAX_FLOW_DEPTH + 1}: YAML is nested too deeply to read — aiclaim files are only a few levels deep; check that this is the file you meant`,
    ]);
    // Brackets inside quoted text are text, not nesting.
    expect(problems(`a: "${'['.repeat(depth)}"\nb: [[1]]\n`)).toEqual([]);
    expect(problems(`a: ${'['.repeat(MAX_FLOW_DEPTH)}${']'.repeat(MAX_FLOW_DEPTH)}\n`)).toEqual([]);
  });

  test('deep block nesting is refused too', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n');
    expect(problems(text)).toEqual([
      'f.yaml: YAML is nested too deeply to read — aiclaim files are only a few levels deep; check that this is the file you meant',
    ]);
  });

  test('duplicate keys are found in every mapping, however many keys it has', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}: ${i}`);
    expect(problems(`${keys.join('\n')}\nm:\n  a: 1\n  b: 2\n  a: 3\nk4999: again\n`)).toEqual([
      'f.yaml:5004:3: duplicate key: each key may appear only once in a mapping — remove or rename one of them',
      'f.yaml:5005:1: duplicate key: each key may appear only once in a mapping — remove or rename one of them',
    ]);
  });

  test('a file with only comments holds no content', () => {
    expect(problems('# nothing here\n')).toEqual(['f.yaml: file holds no YAML content — add content or remove the file']);
  });
});

describe('decodeSource', () => {
  test.each<[string, Uint8Array, RegExp]>([
    ['empty', new Uint8Array(), /empty/],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /binary/],
    ['invalid UTF-8', new Uint8Array([0x61, 0x3a, 0x20, 0xc3, 0x28]), /not valid UTF-8/],
    ['too large', new Uint8Array(11), /too large/],
  ])('refuses %s input', (_, bytes, message) => {
    const result = decodeSource(bytes, 10);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  test('accepts UTF-8 text and drops a byte-order mark', () => {
    expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9]))).toEqual({ ok: true, text: 'aé' });
  });

  test('positionAt counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
  });
});
