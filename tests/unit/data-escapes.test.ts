import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { jsonText } from '../../src/render/json-text.js';
import { yamlText } from '../../src/render/yaml-text.js';

// JSON and YAML printed by aiclaim hold file strings as data: a C1 control (CSI, U+009B, acts like
// ESC [ on terminals that honour 8-bit controls), DEL, a bidi override or an invisible character is
// written as the format's escape, and reads back as the same string.

/** What must never reach a terminal raw from data output (C0 is escaped by both formats already). */
const RAW = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/u;
const rawOutsideEmoji = (text: string) => RAW.test(text.replace(/(?<=\p{Extended_Pictographic}\uFE0F?)\u200d(?=\p{Extended_Pictographic})/gu, ''));

const HOSTILE = {
  name: 'Acme\u009b31mRED\u009b0m \u202eevil\u202c',
  'key\u0085with\u2028breaks': ['\u007f', '\u200b', '\ufeff', 'line\u2029two'],
  plain: 'Lumen Analytics SAS',
  family: '👩‍👩‍👧‍👦 Famille',
  multi: 'one\ntwo\u009bthree\n',
};

describe('data output: no raw control or invisible character, the same data read back', () => {
  test('JSON', () => {
    const text = jsonText(HOSTILE);
    expect(rawOutsideEmoji(text)).toBe(false);
    expect(text).toContain('Acme\\u009b31mRED');
    expect(text).toContain('\\u202eevil\\u202c');
    expect(JSON.parse(text)).toEqual(HOSTILE);
    // An emoji sequence stays as it is written.
    expect(text).toContain('👩‍👩‍👧‍👦 Famille');
  });

  test('YAML: keys and values alike, in double quotes where escaped', () => {
    const text = yamlText(HOSTILE);
    expect(rawOutsideEmoji(text)).toBe(false);
    expect(text).toContain('name: "Acme\\x9b31mRED\\x9b0m \\u202eevil\\u202c"');
    expect(text).toContain('plain: Lumen Analytics SAS');
    expect(parseYaml(text)).toEqual(HOSTILE);
  });

  test('clean data is written as before, byte for byte', () => {
    const clean = { vendors: [{ id: 'a', name: 'Lumen', score: 71.5, note: 'two\nlines' }] };
    expect(jsonText(clean)).toBe(`${JSON.stringify(clean, null, 2)}\n`);
    expect(yamlText(clean)).toBe('vendors:\n  - id: a\n    name: Lumen\n    score: 71.5\n    note: |-\n      two\n      lines\n');
  });

  test('any strings: both formats read back the same, nothing raw', () => {
    const unsafe = fc.constantFrom(
      '\u007f',
      '\u0085',
      '\u009b',
      '\u061c',
      '\u200b',
      '\u200d',
      '\u200e',
      '\u2028',
      '\u2029',
      '\u202e',
      '\u2066',
      '\ufeff',
      '\u001b',
      '\t',
      '\n',
    );
    const text = fc.array(fc.oneof(fc.string({ maxLength: 4 }), unsafe), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxKeys: 4 }), (data) => {
        const json = jsonText(data);
        const yaml = yamlText(data);
        expect(rawOutsideEmoji(json)).toBe(false);
        expect(rawOutsideEmoji(yaml)).toBe(false);
        expect(JSON.parse(json)).toEqual(data);
        expect(parseYaml(yaml) ?? {}).toEqual(data);
      }),
      { numRuns: 400 },
    );
  });
});
