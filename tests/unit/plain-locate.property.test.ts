import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { fastParse } from '../../src/core/yaml/fast-parse.js';
import { offsetOfPath } from '../../src/core/yaml/parse-yaml.js';
import { lineStarts, plainOffsetOfPath } from '../../src/core/yaml/plain-locate.js';

// The locator over plain lines (plain-locate.ts) against offsetOfPath over the precise reader's node
// tree: wherever the locator answers for a text the fast reader takes, it answers the same offset,
// for every path in the data, past its end, and for keys; and it answers for most of them.

type Path = (string | number)[];

const key = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), weight: 6 },
  { arbitrary: fc.constantFrom('true', 'null', 'False', '12', '0x1f', '1e3', '.inf', '~', 'a b', 'a:b', 'x#y', "it's", 'say "hi"', ''), weight: 1 },
);
const scalar = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9 .,/-]{0,20}$/),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('', ' lead', 'trail ', 'a: b', '- x', '# not', '[x]', 'line\nbreak', 'it\'s "quoted"', 'https://x.example/a#b', 'yes', '2026-01-01'),
);
const tree = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 5 }),
  ),
})).node;
const document = fc.oneof(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 }), fc.array(tree, { minLength: 1, maxLength: 4 }));

/** The data as text, in the styles either library writes. */
const written = fc.oneof(
  fc
    .record({
      data: document,
      indent: fc.constantFrom(2, 3, 4),
      indentSeq: fc.boolean(),
      collectionStyle: fc.constantFrom('any', 'block', 'block', 'flow'),
      defaultStringType: fc.constantFrom('PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
      comments: fc.boolean(),
    } as const)
    .map(({ data, comments, ...options }) => {
      const text = stringify(data, options);
      // Comment lines and comments after values, where the structure allows them.
      return comments ? text.replace(/\n(?=( *)[a-z-])/g, '\n$1# a comment\n').replace(/^([a-z-]+:) ([a-z]+)$/gm, '$1 $2 # after') : text;
    }),
  fc
    .record({ data: document, flowLevel: fc.constantFrom(-1, 1, 2), quotingType: fc.constantFrom("'", '"') } as const)
    .map(({ data, ...options }) => dump(data, options)),
);

/** Every path into the data, and each with a step past what is there. */
function pathsOf(value: unknown, base: Path = [], out: Path[] = []): Path[] {
  out.push(base, [...base, 'missing'], [...base, 7]);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...base, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...base, k], out);
  return out;
}

describe('the locator over plain lines', () => {
  test('answers as offsetOfPath does, for every path of every text the fast reader takes', () => {
    let asked = 0;
    let answered = 0;
    fc.assert(
      fc.property(written, fc.boolean(), fc.boolean(), (text, crlf, unquoted) => {
        // Keys as people write them: unquoted, whatever they then read as (False, 12, ~).
        const keys = unquoted ? text.replace(/(["'])([^"'\n]*)\1:/g, '$2:') : text;
        const shown = crlf ? keys.replace(/\n/g, '\r\n') : keys;
        const data = fastParse(shown);
        if (data === undefined) return;
        const doc = parseDocument(shown, { uniqueKeys: false, prettyErrors: false, strict: true, stringKeys: false });
        const starts = lineStarts(shown);
        for (const path of pathsOf(data)) {
          for (const asKey of [false, true]) {
            asked++;
            const found = plainOffsetOfPath(shown, starts, path, asKey);
            if (found === undefined) continue;
            answered++;
            expect(found, `${JSON.stringify(path)}${asKey ? ' (key)' : ''} in:\n${shown}`).toBe(offsetOfPath(doc, path, asKey));
          }
        }
      }),
      { numRuns: 1500 },
    );
    // It would agree if it never answered: it must answer most of what it is asked.
    expect(answered).toBeGreaterThan(asked * 0.5);
  });

  test("layouts people write by hand: odd spacing, comments, sequences at their key's column, nested items", () => {
    const layouts = [
      'a:  1\nb:   two words  \nc:\n  - x\n  -   y: 1\n      z: 2\n',
      '# head\n\na: 1 # after\n# between\nb:\n# inside\n  c: 3\n\n  d: 4\n',
      'list:\n- a\n-\n  - b\n  - c\n- k: v\n  j: w\nnext: 1\n',
      '- - a\n  - b\n- c: 1\n  d:\n  - e\n  f: 2\n',
      "\"quoted\": 1\n'single': 2\n'it''s': 3\nplain: \"a: b\"\nurl: https://x.example/#a\n",
      'text: |\n  line\n  # not a comment\nafter: >-\n  folded\n  more\nend: 1\n',
      'a:\n    deep:\n        deeper: 1\n    back: 2\nb: 3\n',
      'spend: { amount: 1, currency: EUR }\nitems: [1, 2]\nnone:\nlast: x\n',
      'True: 1\n12: 2\n~: 3\nname: n\n',
      '---\nroot: 1\nsub:\n  k: v\n',
      '  indented: 1\n  root: 2\n',
      'a: "one\n  two"\nb: \'x\n  y\'\nc: plain\n  continued\nd: 4\n',
    ];
    let answered = 0;
    const taken = new Set<string>();
    for (const text of layouts) {
      for (const shown of [text, text.replace(/\n/g, '\r\n')]) {
        const data = fastParse(shown);
        if (data === undefined) continue;
        taken.add(text);
        const doc = parseDocument(shown, { uniqueKeys: false, prettyErrors: false, strict: true, stringKeys: false });
        const starts = lineStarts(shown);
        for (const path of pathsOf(data)) {
          for (const asKey of [false, true]) {
            const found = plainOffsetOfPath(shown, starts, path, asKey);
            if (found === undefined) continue;
            answered++;
            expect(found, `${JSON.stringify(path)}${asKey ? ' (key)' : ''} in:\n${shown}`).toBe(offsetOfPath(doc, path, asKey));
          }
        }
      }
    }
    // What the fast reader leaves to the precise one is never located from its lines.
    expect([...taken].length).toBeGreaterThanOrEqual(layouts.length - 3);
    expect(answered).toBeGreaterThan(300);
  });

  test('a file of thousands of unknown keys, and keys, values and items nested in block collections', () => {
    const head = 'schema: aiclaim/vendor@1\nid: made\n';
    const many = `${head}${Array.from({ length: 2000 }, (_, i) => `k${i}: ${i}`).join('\n')}\n`;
    const starts = lineStarts(many);
    expect(plainOffsetOfPath(many, starts, ['k1999'], true)).toBe(many.indexOf('k1999:'));
    expect(plainOffsetOfPath(many, starts, ['k1999'])).toBe(many.indexOf('1999\n'));
    const nested = '---\na:\n  # note\n  b:\n  - x\n  -   c: |\n        text\n      d: [1, 2]\nz: "q"\n';
    const at = (path: Path, asKey = false) => plainOffsetOfPath(nested, lineStarts(nested), path, asKey);
    expect(at(['a', 'b', 1, 'd'])).toBe(nested.indexOf('[1, 2]'));
    expect(at(['a', 'b', 1, 'c'])).toBe(nested.indexOf('|'));
    expect(at(['a', 'b', 1, 'c'], true)).toBe(nested.indexOf('c:'));
    expect(at(['a', 'b', 0])).toBe(nested.indexOf('x'));
    expect(at(['z'])).toBe(nested.indexOf('"q"'));
    // Into a flow collection: the node tree is asked.
    expect(at(['a', 'b', 1, 'd', 0])).toBeUndefined();
  });
});
