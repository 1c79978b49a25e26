import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { TOP_LEVEL, vendorFileText } from '../../src/core/interview/vendor-file.js';
import { vendorSchema, type Vendor } from '../../src/core/schema/vendor.js';
import { syncYaml } from '../../src/core/yaml/sync-document.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'sample', 'vendors');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const order = ['ai-runtime', 'model-origin', 'ml-team', 'trains-models'];

function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

describe('writing a vendor file back', () => {
  test.each(files)('%s: unchanged data gives back the same bytes', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(vendorFileText(text, vendorSchema.parse(parse(text)), order, '#')).toBe(text);
  });

  test.each(files)('%s: one changed answer changes one line, comments and layout stay', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const vendor: Vendor = vendorSchema.parse(parse(text));
    const previous = vendor.answers['ml-team'];
    vendor.answers['ml-team'] = { ...previous, value: 987 };
    const after = vendorFileText(text, vendor, order, '#');
    const { removed, added } = changedLines(text, after);
    // A file with no answers yet (answers: {}) gains its first as a block.
    const empty = /^answers: \{\}$/m.test(text);
    expect(added).toEqual(previous ? [expect.stringMatching(/^\s+value: 987$/)] : [...(empty ? ['answers:'] : []), '  ml-team:', '    value: 987']);
    expect(removed.length).toBeLessThanOrEqual(1);
    expect(after.match(/#/g)?.length).toBe(text.match(/#/g)?.length);
    expect(parse(after)).toEqual(JSON.parse(JSON.stringify(vendor)));
  });

  test('a new answer goes where the questionnaire asks it; a removed one goes, the comments stay', () => {
    const text =
      'schema: aiclaim/vendor@1\nid: acme\nname: Acme # trading name\ncategory: emailing\nanswers:\n  # first\n  ai-runtime: { value: model }\n  trains-models:\n    value: true # checked\n';
    const vendor = vendorSchema.parse(parse(text));
    vendor.answers['ml-team'] = { value: 4 };
    vendor.answers['trains-models'] = { value: false };
    delete vendor.answers['ai-runtime'];
    expect(vendorFileText(text, vendor, order, '#')).toBe(
      'schema: aiclaim/vendor@1\nid: acme\nname: Acme # trading name\ncategory: emailing\nanswers:\n  # first\n  ml-team:\n    value: 4\n  trains-models:\n    value: false # checked\n',
    );
  });

  test('every key a vendor file may hold is written back: nothing recorded is lost', () => {
    const keys = Object.keys(vendorSchema.shape);
    expect([...TOP_LEVEL].sort()).toEqual([...keys].sort());
  });

  test('a new file is written in a tidy order under its schema hint', () => {
    const vendor = vendorSchema.parse({
      schema: 'aiclaim/vendor@1',
      answers: { 'trains-models': { note: 'n', value: true }, 'ai-runtime': { value: 'model' } },
      category: 'crm',
      name: 'N',
      id: 'n',
    });
    expect(vendorFileText(undefined, vendor, order, '# hint')).toBe(
      '# hint\nschema: aiclaim/vendor@1\nid: n\nname: N\ncategory: crm\nanswers:\n  ai-runtime:\n    value: model\n  trains-models:\n    value: true\n    note: n\n',
    );
  });

  test('flow collections and folded text the author wrote keep their exact spelling', () => {
    const text = 'a: [x,y]\nb: { k: 1 }\nc: >-\n  a long\n  folded text\nd: 1\n';
    expect(syncYaml(text, { a: ['x', 'y'], b: { k: 1 }, c: 'a long folded text', d: 2 })).toBe('a: [x,y]\nb: { k: 1 }\nc: >-\n  a long\n  folded text\nd: 2\n');
  });
});

describe('an unchanged line keeps its exact bytes', () => {
  const original =
    'schema: aiclaim/vendor@1\nid: acme\nname: Acme\nowner: Ops   # hand comment\ncategory: crm\t# aligned with a tab\nnote: "x  # y"\nanswers: {}\n';
  const data = { schema: 'aiclaim/vendor@1', id: 'acme', name: 'Acme', owner: 'Ops', category: 'crm', note: 'x  # y', answers: {} };

  test('the alignment of a hand comment survives a change elsewhere', () => {
    const text = syncYaml(original, { ...data, name: 'Acme Two' });
    expect(text).toBe(original.replace('name: Acme\n', 'name: Acme Two\n'));
  });

  test('a # inside a quoted value that changed is not taken for a comment', () => {
    const text = syncYaml(original, { ...data, note: 'x # y' });
    expect(parse(text)).toEqual({ ...data, note: 'x # y' });
    expect(text).toMatch(/^owner: Ops {3}# hand comment$/m);
  });
});
