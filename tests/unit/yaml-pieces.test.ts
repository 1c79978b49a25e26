import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Document, parse, visit } from 'yaml';
import { dataEscaped, needsDataEscape } from '../../src/render/terminal-text.js';
import { yamlPieces, yamlText } from '../../src/render/yaml-text.js';

// YAML is written in pieces, each a small Document (one Document of a whole landscape's diff took
// minutes and gigabytes): the pieces joined must be, byte for byte, what one Document of all the
// data gives, its strings that need escapes double-quoted and escaped.

/** The one-Document text: what aiclaim wrote before the pieces, and what they must add up to. */
function oneDocument(data: unknown): string {
  const doc = new Document(data, { aliasDuplicateObjects: false });
  let escaped = false;
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && needsDataEscape(node.value)) {
        node.type = 'QUOTE_DOUBLE';
        escaped = true;
      }
    },
  });
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0 });
  return escaped ? dataEscaped(text, 'yaml') : text;
}

/** Strings a YAML writer must take care over: block scalars, leading spaces, kept line breaks, markers, escapes. */
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc
    .array(
      fc.constantFrom(
        'a',
        ' ',
        '\n',
        '\n\n',
        '\t',
        ':',
        '- ',
        '#',
        '---',
        '...',
        '"',
        "'",
        '|',
        '>',
        '? ',
        '\u009b',
        '\u202e',
        '👩',
        '\u200d👧',
        '\r',
        'null',
        '1',
      ),
      {
        maxLength: 8,
      },
    )
    .map((chars) => chars.join('')),
  // Keys long enough to be written as explicit `? ` keys.
  fc.nat({ max: 3 }).map((n) => 'k'.repeat(1020 + n * 3)),
);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 4 }),
    fc.dictionary(hostileString, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 3 }).map((entries) => Object.assign(Object.create(null) as object, entries)),
  ),
}));

/** Top-level shapes as the reports have them: a mapping whose members hold sequences of records. */
const report = fc.oneof(
  fc.dictionary(hostileString, fc.oneof(value, fc.array(value, { maxLength: 4 }), fc.constant(undefined))),
  fc.array(value, { maxLength: 5 }),
  value,
);

describe('YAML in pieces', () => {
  test('the pieces joined are the one Document, whatever the data and the piece size', () => {
    fc.assert(
      fc.property(report, fc.integer({ min: 1, max: 200 }), fc.option(fc.constantFrom('../schemas/findings.schema.json')), (data, pieceChars, schema) => {
        const expected = `${schema ? `# yaml-language-server: $schema=${schema}\n` : ''}${oneDocument(data)}`;
        expect([...yamlPieces(data, schema ?? undefined, pieceChars)].join('')).toBe(expected);
      }),
      { numRuns: 800 },
    );
  });

  test('a report of many records: several pieces, each whole lines, the same text and data', () => {
    const data = {
      period: '2026-Q4',
      vendors: Array.from({ length: 2000 }, (_, i) => ({
        id: `v${i}`,
        name: i % 7 ? `Vendor ${i}` : 'Acme\u009b31m',
        notes: ['line one\nline two\n', ' lead'],
        moves: [],
      })),
      added: [],
      economics: { spend: 1200 },
    };
    const pieces = [...yamlPieces(data)];
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
    expect(pieces.join('')).toBe(oneDocument(data));
    expect(parse(yamlText(data))).toEqual(data);
  });

  test('a member left out (undefined), an empty mapping, an empty sequence: as one Document writes them', () => {
    for (const data of [{ a: undefined }, {}, [], { a: [], b: {} }, { list: [undefined, null] }, Object.create(null) as object]) {
      expect(yamlText(data)).toBe(oneDocument(data));
    }
  });
});
