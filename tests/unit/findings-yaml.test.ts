import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadFindings } from '../../src/core/load/load-files.js';
import type { Findings, VendorFinding } from '../../src/core/schema/findings.js';
import { findingsYaml } from '../../src/render/findings-yaml.js';
import { referenceFindingsYaml } from '../helpers/reference-findings-yaml.js';

// The fast snapshot writer must write what the yaml library writes for the whole document.

const repo = join(import.meta.dirname, '..', '..');
const shipped = (period: string): Findings => {
  const loaded = loadFindings(readFileSync(join(repo, 'fixtures', 'sample', 'findings', `${period}.yaml`), 'utf8'), period);
  if (!loaded.ok) throw new Error('invalid fixture');
  return loaded.value;
};

describe('the fast findings writer', () => {
  test.each(['2026-Q2', '2026-Q3', '2026-Q4'])('writes the %s sample snapshot byte for byte as the yaml library does', (period) => {
    const findings = shipped(period);
    expect(findingsYaml(findings, '../schemas/findings.schema.json')).toBe(referenceFindingsYaml(findings, '../schemas/findings.schema.json'));
  });

  test('an empty snapshot', () => {
    const findings = { ...shipped('2026-Q4'), vendors: [] };
    expect(findingsYaml(findings, 'x.json')).toBe(referenceFindingsYaml(findings, 'x.json'));
  });

  test('any text in any field: names, titles, paths with quotes, colons, hashes, newlines, unicode', () => {
    const base = shipped('2026-Q4').vendors[0]!;
    const text = fc.oneof(
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.constantFrom(
        'yes',
        'no',
        'null',
        '~',
        '1.5',
        '007',
        '2027-01-31',
        'a: b',
        'a #b',
        '- x',
        '[x]',
        '{y}',
        "it's",
        'say "hi"',
        'two\nlines',
        ' lead',
        'trail ',
        '%x',
        '@x',
        '`x',
        'é ü 中文',
        'tab\there',
        '#x',
        '0.',
        '.5',
        '+1.',
        '1e3',
        '-0.0',
      ),
    );
    fc.assert(
      fc.property(text, text, text, text, (name, title, file, id) => {
        const vendor: VendorFinding = {
          ...base,
          name,
          redFlags: [{ id: 'x', severity: 'high', title }],
          roadmap: [{ ...base.roadmap[0]!, title }],
          source: { file, hash: base.source.hash },
          sections: { [`s/${id.replace(/\s/g, '')}`]: { score: null, earned: 0, possible: 0 } },
        };
        // Usage and the team's outcome figure where the schema puts them, after the renewal.
        const withUsage = Object.fromEntries(
          Object.entries(vendor).flatMap(([key, value]) =>
            key === 'renewal'
              ? [
                  [key, value],
                  ['usage', { licensed: 40, used: 12.5, unit: 'seats' }],
                  ['outcome', { metric: title, value: id, source: file }],
                ]
              : [[key, value]],
          ),
        ) as VendorFinding;
        for (const v of [vendor, withUsage]) {
          const findings = { ...shipped('2026-Q4'), vendors: [v] };
          expect(findingsYaml(findings, 'x.json')).toBe(referenceFindingsYaml(findings, 'x.json'));
        }
      }),
      // A title `0.` was once written plain and read back as the number 0.
      { numRuns: 150, examples: [['yes', '0.', ' ', ' ']] },
    );
  });
});
