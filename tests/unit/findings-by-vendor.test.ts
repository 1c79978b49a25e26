import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { findingsByVendor, splitFindingBytes, splitFindings } from '../../src/core/load/findings-by-vendor.js';
import { loadFindings } from '../../src/core/load/load-files.js';
import { readShares, sharesOf } from '../../src/shell/snapshots/parallel-read.js';

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

describe('splitting a snapshot by its bytes', () => {
  // A large snapshot is split without being decoded (its items decoded on the workers that read
  // them): whatever the bytes, the split must be the one made of the text, or none where that is none.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const fromBytes = (text: string) => {
    const split = splitFindingBytes(Buffer.from(text, 'utf8'));
    return split && { header: split.header, items: split.starts.map((start, i) => decoder.decode(split.body.subarray(start, split.starts[i + 1]))) };
  };
  const fromText = (text: string) => {
    const split = splitFindings(text);
    return split && { header: split.header, items: split.items };
  };

  test.each(SAMPLE)('the sample $period: the same header and items', ({ text }) => {
    const split = fromBytes(text);
    expect(split?.items.length).toBeGreaterThan(1);
    expect(split).toEqual(fromText(text));
  });

  const text = SAMPLE[2]!.text;
  const at = text.indexOf('\n  - ', text.indexOf('\nvendors:\n') + 20);
  const variants: [string, string][] = [
    ['lines ended with \\r\\n', text.replace(/\n/g, '\r\n')],
    ['a lone \\r before an item', `${text.slice(0, at)}\r${text.slice(at + 1)}`],
    ['a line separator before an item', `${text.slice(0, at)}\u2028${text.slice(at + 1)}`],
    ['a paragraph separator before a key', `${text.slice(0, at)}\u2029x: 1${text.slice(at)}`],
    ['a line opened by a no-break space', `${text.slice(0, at)}\n\u00a0 note${text.slice(at)}`],
    ['a line opened by an ideographic space', `${text.slice(0, at)}\n\u3000 note${text.slice(at)}`],
    ['a comment at column 1', `${text.slice(0, at)}\n# by hand${text.slice(at)}`],
    ['a line opened by an accented letter', `${text.slice(0, at)}\né: 1${text.slice(at)}`],
    ['a top-level key after the vendors', `${text}notes: added by hand\n`],
    ['a byte-order mark', `\ufeff${text}`],
    ['vendors twice', `${text}vendors:\n  - id: x\n`],
    ['vendors not indented', dedentVendors(text)],
  ];
  test.each(variants)('%s: split as the text is, or not at all', (_, variant) => {
    expect(fromBytes(variant)).toEqual(fromText(variant));
  });

  test('any character anywhere: split as the text is, or not at all', () => {
    const piece = fc.constantFrom('\n', '\r', '\u2028', '\u2029', '\u00a0', '\u2003', '\u202f', '\ufeff', '#', ' ', '  - ', 'x', 'é', '—', '€', '\t', '\u000b');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(text.length), piece), { minLength: 1, maxLength: 4 }), (edits) => {
        let variant = text;
        for (const [offset, inserted] of edits) variant = variant.slice(0, offset) + inserted + variant.slice(offset);
        expect(fromBytes(variant)).toEqual(fromText(variant));
      }),
      { numRuns: 300 },
    );
  });

  test('bytes that are not UTF-8 in a vendor: split, and that vendor does not decode', () => {
    const bytes = Buffer.concat([Buffer.from(text.slice(0, at + 10), 'utf8'), Buffer.from([0xff]), Buffer.from(text.slice(at + 10), 'utf8')]);
    const split = splitFindingBytes(bytes);
    expect(split).toBeDefined();
    const bad = split!.starts.findIndex((start, i) => {
      try {
        decoder.decode(split!.body.subarray(start, split!.starts[i + 1]));
        return false;
      } catch {
        return true;
      }
    });
    expect(bad).toBeGreaterThanOrEqual(0);
  });
});

describe('a snapshot shared out to workers', () => {
  test('each worker gets its run of items, in order, in a buffer of its own', () => {
    const split = splitFindingBytes(Buffer.from(SAMPLE[2]!.text, 'utf8'))!;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const items = split.starts.map((start, i) => decoder.decode(split.body.subarray(start, split.starts[i + 1])));
    for (const workers of [1, 2, 3, items.length]) {
      const shares = sharesOf(split, workers);
      expect(shares.length).toBe(workers);
      const read: string[] = [];
      for (const { bytes, ends } of shares) {
        // A view into the file's buffer would copy the whole file to every worker.
        expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
        let start = 0;
        for (const end of ends) {
          read.push(decoder.decode(bytes.subarray(start, end)));
          start = end;
        }
        expect(start).toBe(bytes.byteLength);
      }
      expect(read).toEqual(items);
    }
  });

  test('each share is read on a worker of its own, its bytes moved there rather than copied', async () => {
    const split = splitFindingBytes(Buffer.from(SAMPLE[2]!.text, 'utf8'))!;
    const shares = sharesOf(split, 2);
    const sizes = shares.map((share) => share.bytes.byteLength);
    let lastDone = 0;
    const vendors = await readShares(shares, (done) => (lastDone = done));
    expect(vendors).toEqual(wholeDocument(SAMPLE[2]!.text).vendors);
    expect(lastDone).toBe(vendors.length);
    // A share copied to its worker would still hold its bytes here: the file held a third time.
    expect(sizes.every((size) => size > 0)).toBe(true);
    expect(shares.map((share) => share.bytes.byteLength)).toEqual([0, 0]);
  });
});
