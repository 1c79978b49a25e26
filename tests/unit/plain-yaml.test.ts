import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isPlainYaml } from '../../src/core/yaml/plain-yaml.js';

// The scan that sends a text to the fast reader or the precise one skips runs of characters it has
// nothing to do with; skipped or taken one at a time, every text gets the same answer.

const REPO = join(import.meta.dirname, '..', '..');
const files = ['fixtures/sample/vendors', 'fixtures/sample/findings', 'tests/hostile'].flatMap((dir) =>
  readdirSync(join(REPO, dir))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => readFileSync(join(REPO, dir, name), 'utf8')),
);

/** What the scan acts on and what it skips, as characters and as the starts of lines, keys, items and scalars. */
const COMMON = [
  ...' \n-.%#:"\'\\[]{},|>ab1é\u00a0',
  '\r\n',
  'key: ',
  '- ',
  '  ',
  '😀',
  // Quoted scalars and block scalars over several lines, whose next lines' indentation is checked.
  'k: "',
  "k: '",
  'k: |\n',
  '- k: >-\n',
  '    - k: "',
  '\n  ',
  '\n   - ',
  '\n -',
];
/** What it refuses, or reads only at the start of a line: rarer, so that most texts get far into the scan. */
const RARE = [...'\r\t<?&*!@`\u0085\u007f\u2028\u2029\ufeff\ud800\udc00', '---', '...', '<<', '|-', ' #'];
const piece = fc.oneof({ arbitrary: fc.constantFrom(...COMMON), weight: 12 }, { arbitrary: fc.constantFrom(...RARE), weight: 1 });

describe('the plain-YAML scan', () => {
  test('skipping runs gives every text the answer taken one character at a time gives', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        const text = pieces.join('');
        expect(isPlainYaml(text)).toBe(isPlainYaml(text, true));
      }),
      { numRuns: 50_000 },
    );
  });

  test('the same on the sample files and the hostile corpus, and on each with a piece put anywhere in it', () => {
    for (const text of files) expect(isPlainYaml(text)).toBe(isPlainYaml(text, true));
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(), piece, (text, at, put) => {
        const i = at % (text.length + 1);
        const changed = text.slice(0, i) + put + text.slice(i);
        expect(isPlainYaml(changed)).toBe(isPlainYaml(changed, true));
      }),
      { numRuns: 5_000 },
    );
  });

  test('a sample snapshot is plain, and so are its vendors', () => {
    const snapshot = readFileSync(join(REPO, 'fixtures', 'sample', 'findings', '2026-Q4.yaml'), 'utf8');
    expect(isPlainYaml(snapshot)).toBe(true);
    expect(isPlainYaml(`${snapshot}\n  - &a x\n`)).toBe(false);
  });
});
