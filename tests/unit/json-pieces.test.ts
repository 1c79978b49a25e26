import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jsonPieces, jsonText } from '../../src/render/json-text.js';
import { dataEscaped } from '../../src/render/terminal-text.js';

// JSON is written in pieces (a diff of the whole landscape is hundreds of MB): the pieces joined
// must be, byte for byte, the one text JSON.stringify(data, null, 2) gives, made safe as a whole.

const whole = (data: unknown) => `${dataEscaped(JSON.stringify(data, null, 2), 'json')}\n`;

/** Strings with what dataEscaped acts on: C1 controls, bidi overrides, invisibles, emoji joined by ZWJ. */
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc
    .array(fc.constantFrom('a', ' ', '\u009b', '\u007f', '\u202e', '\u200b', '\u200d', '\ufeff', '\u2028', '👩', '\u200d👧', '\ufe0f', '"', '\\', '\n'), {
      maxLength: 10,
    })
    .map((chars) => chars.join('')),
);

/** Values as aiclaim's reports hold them, and what JSON.stringify has rules of its own for. */
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.date({ noInvalidDate: true }),
    // Boxed primitives: written as the primitive, though an object (a String one has index keys).
    fc.integer().map((n) => Object(n) as object),
    fc.string({ maxLength: 4 }).map((text) => Object(text) as object),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 5 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 3 }).map((entries) => Object.assign(Object.create(null) as object, entries)),
    fc.array(fc.tuple(fc.string(), tie('value')), { maxLength: 2 }).map((entries) => new Map(entries)),
  ),
}));

describe('JSON in pieces', () => {
  test('the pieces joined are the whole text, whatever the data and the piece size', () => {
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(hostileString, value), fc.array(value)), fc.integer({ min: 1, max: 80 }), (data, pieceChars) => {
        expect([...jsonPieces(data, pieceChars)].join('')).toBe(whole(data));
      }),
      { numRuns: 500 },
    );
  });

  test('every piece is whole on its own: no string cut, so each is made safe as the whole would be', () => {
    const data = { vendors: [{ name: 'Acme\u009b31m \u202eevil', family: '👩‍👩‍👧‍👦', claims: ['x'.repeat(40), 'y\u2028'] }] };
    const pieces = [...jsonPieces(data, 1)];
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) {
      expect(piece).not.toMatch(/[\u009b\u202e\u2028]/u);
      // A piece starts and ends between values: an even count of unescaped quotes.
      expect((piece.match(/(?<!\\)"/gu) ?? []).length % 2).toBe(0);
    }
    expect(pieces.join('')).toBe(whole(data));
    expect(JSON.parse(pieces.join(''))).toEqual(data);
  });

  test('nesting deeper than the pieces go is written whole, indented as it would be', () => {
    let deep: unknown = { leaf: ['a', { b: [1, 2, { c: 'd' }] }] };
    for (let level = 0; level < 8; level++) deep = { level, inner: deep, list: [deep, [], {}] };
    expect([...jsonPieces(deep, 7)].join('')).toBe(whole(deep));
    expect(jsonText(deep)).toBe(whole(deep));
  });

  test('large data comes in several pieces of about the size asked, joined exactly', () => {
    const data = { vendors: Array.from({ length: 3000 }, (_, i) => ({ id: `v${i}`, score: i / 7, notes: ['\u009b', 'ok'] })) };
    const pieces = [...jsonPieces(data)];
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(1 << 16);
    expect(pieces.join('')).toBe(whole(data));
  });

  test('toJSON is honoured once, with its key, as JSON.stringify does', () => {
    const keys: string[] = [];
    const marked = { toJSON: (key: string) => (keys.push(key), { as: key }) };
    const data = { top: marked, list: [marked], deep: { a: { b: { c: marked } } } };
    expect([...jsonPieces(data, 3)].join('')).toBe(whole(data));
    // Once for the pieces, once for the text they are checked against.
    expect(keys.sort()).toEqual(['0', '0', 'c', 'c', 'top', 'top']);
  });
});
