import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingsByVendor } from '../../src/core/load/findings-by-vendor.js';
import { loadFindings } from '../../src/core/load/load-files.js';

const SAMPLE = ['2026-Q2', '2026-Q3', '2026-Q4'].map((period) => ({
  period,
  text: readFileSync(new URL(`../../fixtures/sample/findings/${period}.yaml`, import.meta.url), 'utf8'),
}));

function wholeDocument(text: string) {
  const loaded = loadFindings(text, 'findings.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.value;
}

/** One vendor's verdict anchored, and a later vendor's (the same) given as an alias to it. */
function aliasAcrossVendors(text: string): string {
  const verdicts = [...text.matchAll(/^ {4}verdict: (\S+)$/gm)];
  const first = verdicts.find((m) => verdicts.some((o) => o[1] === m[1] && o.index > m.index))!;
  const last = verdicts.findLast((m) => m[1] === first[1])!;
  const aliased = `${text.slice(0, last.index)}    verdict: *v${text.slice(last.index + last[0].length)}`;
  return `${aliased.slice(0, first.index)}    verdict: &v ${first[1]}${aliased.slice(first.index + first[0].length)}`;
}

/** The vendors list written flush left (`- id:` at column 0); the head above it as it was. */
function dedentVendors(text: string): string {
  const at = text.indexOf('\nvendors:\n') + '\nvendors:\n'.length;
  return (
    text.slice(0, at) +
    text
      .slice(at)
      .replace(/^ {2}- /gm, '- ')
      .replace(/^ {4}/gm, '  ')
  );
}

describe('reading a snapshot vendor by vendor', () => {
  test.each(SAMPLE)('gives what the whole-document reader gives for the sample $period', ({ text }) => {
    const value = findingsByVendor(text);
    expect(value).toBeDefined();
    expect(value!.vendors.length).toBeGreaterThan(1);
    expect(value).toEqual(wholeDocument(text));
  });

  const text = SAMPLE[2]!.text;
  const cases: [string, string][] = [
    ['vendors not indented', dedentVendors(text)],
    ['a top-level key after the vendors', `${text}notes: added by hand\n`],
    ['an alias to an anchor in another vendor', aliasAcrossVendors(text)],
    ['a duplicate key in a vendor', text.replace(/\n( {4}score: [^\n]+\n)/, '\n$1$1')],
    ['a wrong type', text.replace(/\n {4}score: [^\n]+\n/, '\n    score: high\n')],
    ['a wrong type in the header', text.replace(/^period: .*$/m, 'period: soon')],
    ['a reserved key in a vendor', text.replace(/\n( {4}score: [^\n]+\n)/, '\n    constructor: 1\n$1')],
    ['a key the schema does not know in a vendor', text.replace(/\n( {4}score: [^\n]+\n)/, '\n    scored: 1\n$1')],
    ['a document without vendors', 'schema: aiclaim/findings@1\nperiod: 2026-Q4\n'],
  ];
  test.each(cases)('leaves %s to the whole-document reader', (_, variant) => {
    expect(variant).not.toBe(text);
    expect(findingsByVendor(variant)).toBeUndefined();
  });

  test('a layout it leaves is still read by the whole-document reader', () => {
    expect(wholeDocument(cases[0]![1])).toEqual(wholeDocument(text));
    expect(wholeDocument(cases[2]![1])).toEqual(wholeDocument(text));
  });
});
