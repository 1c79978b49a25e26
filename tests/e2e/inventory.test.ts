import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'yaml';
import { REPO, run, tempDir } from '../helpers/run-cli.js';

// A martech stack spreadsheet round trip: import, edit, score, export.

const STACK = join(REPO, 'tests', 'fixtures', 'stack.csv');
/** The stack spreadsheet with its two unusable rows (no vendor name, a duplicate) fixed by removing them. */
const fixedStack = () => readFileSync(STACK, 'utf8').replace(/^,Orphan product.*\n|^Mailmint AB,Duplicate.*\n/gm, '');

describe('aiclaim import', () => {
  test('creates vendor stubs, reports every problem by row and column, writes nothing while one remains, never overwrites without --force', async () => {
    const temp = tempDir();
    try {
      expect((await run(['init', '.'], { cwd: temp.dir })).code).toBe(0);
      const result = await run(['import', STACK], { cwd: temp.dir });
      expect(result.code).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines.map((l) => l.replace(/^(.).*stack\.csv:/, '$1 stack.csv:').replace(/ in .*stack\.csv,/, ' in stack.csv,'))).toEqual([
        '⚠ stack.csv:1:1: warning: column "Notes" is not used — known columns: id, vendor, product, category, spend, currency, renewal, owner, website',
        '✖ stack.csv:5:1: column "Vendor": no vendor name — fill in the vendor column, or empty the whole row',
        '⚠ stack.csv:6:3: warning: column "Category": "Programmatic" is not a martech category: imported as category "other", its label kept — if it is one of them, map it in aiclaim.yaml: categories: { "Programmatic": <category id> }',
        '✖ stack.csv:10:1: column "Vendor": vendor id "mailmint-ab" is already used on line 3 — give the second one an id column value of its own, or remove the duplicate row',
        'Nothing imported: 2 problems to fix in stack.csv, listed above. Fix them and run the import again.',
      ]);
      // Every problem at once, and nothing written while one remains.
      expect(readdirSync(join(temp.dir, 'vendors'))).toEqual(['example-vendor.yaml']);
      writeFileSync(join(temp.dir, 'stack.csv'), fixedStack());
      const imported = await run(['import', 'stack.csv', '--date-format', 'dmy'], { cwd: temp.dir });
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr.trimEnd().split('\n').at(-1)).toBe(
        '6 vendor files created: brightwave-analytics, mailmint-ab, acme-chat, gizmo, tagwise-ltd, quote-co.',
      );
      const brightwave = parse(readFileSync(join(temp.dir, 'vendors', 'brightwave-analytics.yaml'), 'utf8'));
      expect(brightwave).toEqual({
        schema: 'aiclaim/vendor@1',
        id: 'brightwave-analytics',
        name: 'Brightwave Analytics',
        product: 'Brightwave Personalize',
        category: 'on-site-personalization',
        owner: 'Martin, Claire',
        spend: { amount: 84000, currency: 'EUR' },
        renewal: '2027-03-31',
        answers: {},
      });
      expect(parse(readFileSync(join(temp.dir, 'vendors', 'acme-chat.yaml'), 'utf8'))).toMatchObject({
        category: 'ai-bots',
        spend: { amount: 24000, currency: 'USD' },
      });
      // A category outside the martech categories is kept, with the team's label.
      expect(parse(readFileSync(join(temp.dir, 'vendors', 'gizmo.yaml'), 'utf8'))).toMatchObject({ category: 'other', categoryLabel: 'Programmatic' });
      // The multi-line product (quoted, across lines 8 and 9) is kept whole.
      expect(parse(readFileSync(join(temp.dir, 'vendors', 'quote-co.yaml'), 'utf8'))).toMatchObject({
        name: 'Quote "Co"',
        product: 'Multi\nline product',
        category: 'ab-testing',
      });

      // Answers typed into a file since survive a second import: without --force the file is kept,
      // with --force only its profile changes.
      const file = join(temp.dir, 'vendors', 'mailmint-ab.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('answers: {}', 'answers:\n  # from the call\n  trains-models: { value: true }'));
      const before = readFileSync(file, 'utf8');
      const again = await run(['import', 'stack.csv', '--date-format', 'dmy'], { cwd: temp.dir });
      expect(again.stderr).toMatch(/0 vendor files created\.\n6 already existed and were kept as they are \(pass --force to update their profile\)/);
      expect(readFileSync(file, 'utf8')).toBe(before);
      const edited = fixedStack().replace('Mailmint AB,Mailmint,Emailing,52k', 'Mailmint AB,Mailmint,Emailing,60k');
      writeFileSync(join(temp.dir, 'stack.csv'), edited);
      const forced = await run(['import', 'stack.csv', '--force', '--date-format', 'dmy'], { cwd: temp.dir });
      expect(forced.stderr).toMatch(/6 updated from the spreadsheet \(answers and comments kept\)/);
      const after = readFileSync(file, 'utf8');
      expect(after).toMatch(/amount: 60000/);
      expect(after).toMatch(/answers:\n {2}# from the call\n {2}trains-models: \{ value: true \}/);
    } finally {
      temp.remove();
    }
  });
});

describe('a stack spreadsheet round trip', () => {
  test('import, edit, score, export: every vendor of the spreadsheet comes back with its score', async () => {
    const temp = tempDir();
    try {
      await run(['init', '.'], { cwd: temp.dir });
      writeFileSync(join(temp.dir, 'stack.csv'), fixedStack());
      expect((await run(['import', 'stack.csv', '--date-format', 'dmy'], { cwd: temp.dir })).code).toBe(0);
      // An analyst fills in one vendor's answers by hand (copied from a vendor of the sample).
      const sample = parse(readFileSync(join(REPO, 'fixtures', 'sample', 'vendors', 'mailmint.yaml'), 'utf8'));
      const file = join(temp.dir, 'vendors', 'mailmint-ab.yaml');
      const text = readFileSync(file, 'utf8').replace('answers: {}\n', '');
      writeFileSync(
        file,
        `${text}${['interview:', '  date: 2026-10-13', '  interviewer: Analyst', '  respondents: [{ name: Vendor }]'].join('\n')}\nanswers: ${JSON.stringify(sample.answers)}\n`,
      );
      const scored = await run(['score', '--period', '2026-Q4', '-f', 'csv'], { cwd: temp.dir });
      expect(scored.code).toBe(0);
      expect(existsSync(join(temp.dir, 'findings', '2026-Q4.yaml'))).toBe(true);

      const exported = await run(['export', '2026-Q4'], { cwd: temp.dir });
      expect(exported.code).toBe(0);
      const rows = parseCsv(exported.stdout, { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => r.vendor_id).sort()).toEqual([
        'acme-chat',
        'brightwave-analytics',
        'example-vendor',
        'gizmo',
        'mailmint-ab',
        'quote-co',
        'tagwise-ltd',
      ]);
      const mailmint = rows.find((r) => r.vendor_id === 'mailmint-ab')!;
      expect(mailmint).toMatchObject({
        period: '2026-Q4',
        rank: '1',
        vendor: 'Mailmint AB',
        category: 'emailing',
        category_label: 'Emailing',
        annual_spend: '52000',
        currency: 'EUR',
        renewal: '2027-09-30',
      });
      expect(Number(mailmint.score)).toBeGreaterThan(50);
      // Imported and never interviewed: not assessed, no score and no rank (never a zero).
      expect(rows.find((r) => r.vendor_id === 'brightwave-analytics')).toMatchObject({ rank: '', score: '', verdict: 'not-assessed', completeness: '0' });

      // The report's next step for every vendor only imported is an interview, never "retire".
      const report = await run(['report', '2026-Q4', '-f', 'markdown'], { cwd: temp.dir });
      expect(report.code).toBe(0);
      const steps = report.stdout.split('\n').filter((l) => /^\d+\. \*\*/.test(l));
      for (const name of ['Brightwave Analytics', 'Acme Chat', 'Tagwise Ltd']) {
        expect(steps.filter((l) => l.includes(name))).toEqual([
          expect.stringMatching(new RegExp(`^\\d+\\. \\*\\*Interview\\*\\* ${name}.*: too little is known for a verdict`)),
        ]);
      }
      expect(steps.some((l) => l.includes('**Retire or replace**'))).toBe(false);

      const matrix = await run(['export', '--matrix', '-o', 'matrix.csv'], { cwd: temp.dir });
      expect(matrix.code).toBe(0);
      const grid = parseCsv(readFileSync(join(temp.dir, 'matrix.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
      expect(Object.keys(grid[0]!)).toEqual([
        'section',
        'question_id',
        'question',
        'max_points',
        'acme-chat',
        'brightwave-analytics',
        'example-vendor',
        'gizmo',
        'mailmint-ab',
        'quote-co',
        'tagwise-ltd',
      ]);
      expect(grid[0]).toMatchObject({ question_id: 'score', 'mailmint-ab': mailmint.score });
      const runtime = grid.find((r) => r.question_id === 'ai-runtime')!;
      // Not asked is an empty cell, never a zero.
      expect(runtime).toMatchObject({
        section: 'ai-substance',
        question: 'At run time, what produces the output of the feature marketed as AI?',
        max_points: '6',
        'mailmint-ab': '6',
        'brightwave-analytics': '',
      });
      // A question hidden by its condition is an empty cell.
      expect(grid.find((r) => r.question_id === 'foundation-model-name')!['mailmint-ab']).toBe('');
      // CSV as spreadsheets read it: CRLF line ends.
      expect(readFileSync(join(temp.dir, 'matrix.csv'), 'utf8')).toMatch(/\r\n/);
    } finally {
      temp.remove();
    }
  });

  test('export of the sample portfolio from the repository root', async () => {
    const result = await run(['export']);
    expect(result.code).toBe(0);
    const rows = parseCsv(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(17);
    expect(rows[0]).toMatchObject({
      period: '2026-Q4',
      rank: '1',
      vendor_id: 'lumen-personalize',
      score: '96.6',
      verdict: 'substantiated',
      risk: 'low',
      decisive_answered: '7',
      promises_due: '2',
      kept_on_time: '2',
    });
    expect(rows.find((r) => r.vendor_id === 'helpwave')).toMatchObject({ verdict: 'weak', risk: 'high', claims_contradicted: '1' });
    expect(rows.at(-1)).toMatchObject({
      vendor_id: 'pixelcast-media-sa',
      rank: '',
      score: '',
      verdict: 'not-assessed',
      risk: 'not-assessed',
      decisive_answered: '0',
      decisive_required: '4',
    });
  });
});

describe('the stack spreadsheet as teams keep it', () => {
  const EU = join(REPO, 'fixtures', 'stack-eu.csv');
  const US = join(REPO, 'fixtures', 'stack-us.csv');
  const vendor = (dir: string, id: string) => parse(readFileSync(join(dir, 'vendors', `${id}.yaml`), 'utf8'));

  test('a European spreadsheet (semicolons, € 8.500, 64.000,00 €, quarters, TBD, a label of its own) reads to the right figures, and the report shows them', async () => {
    const temp = tempDir();
    try {
      await run(['init', '.'], { cwd: temp.dir });
      const result = await run(['import', EU, '--date-format', 'dmy'], { cwd: temp.dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/5 vendor files created: brightwave-analytics, mailmint-ab, kundenwerk-gmbh, treuepunkt, acme-chat\./);
      expect(vendor(temp.dir, 'brightwave-analytics')).toMatchObject({ spend: { amount: 8500, currency: 'EUR' }, renewal: '2027-09-30', answers: {} });
      expect(vendor(temp.dir, 'mailmint-ab')).toMatchObject({ spend: { amount: 64000, currency: 'EUR' }, renewal: '2027-03-31' });
      expect(vendor(temp.dir, 'kundenwerk-gmbh')).toMatchObject({ spend: { amount: 12000, currency: 'EUR' }, renewal: '2027-12-31' });
      expect(vendor(temp.dir, 'treuepunkt')).toMatchObject({
        category: 'other',
        categoryLabel: 'Loyalty programme',
        spend: { amount: 12500, currency: 'EUR' },
      });
      expect(vendor(temp.dir, 'treuepunkt').renewal).toBeUndefined();
      expect(vendor(temp.dir, 'acme-chat')).toMatchObject({ spend: { amount: 1200, currency: 'EUR' } });

      expect((await run(['score', '--period', '2026-Q4'], { cwd: temp.dir })).code).toBe(0);
      const report = await run(['report', '2026-Q4', '-f', 'markdown'], { cwd: temp.dir });
      expect(report.code, report.stderr).toBe(0);
      const row = (name: string) => report.stdout.split('\n').find((l) => l.startsWith(`| ${name} |`)) ?? '';
      expect(row('Brightwave Analytics')).toContain('€8,500');
      expect(row('Brightwave Analytics')).not.toContain('€9 ');
      expect(row('Mailmint AB')).toContain('€64,000');
      // A vendor of category other is shown with the team's own label.
      expect(row('Treuepunkt')).toContain('| Loyalty programme |');
      const html = await run(['report', '2026-Q4'], { cwd: temp.dir });
      expect(html.stdout).toContain('€8,500');
      expect(html.stdout).toContain('Loyalty programme');
    } finally {
      temp.remove();
    }
  });

  test('a US spreadsheet ($12,000, 12k, 12.5k, USD 1,200) reads to the right figures in its currency', async () => {
    const temp = tempDir();
    try {
      await run(['init', '.'], { cwd: temp.dir });
      const result = await run(['import', US, '--currency', 'USD'], { cwd: temp.dir });
      expect(result.code, result.stderr).toBe(0);
      expect(vendor(temp.dir, 'lumen-labs')).toMatchObject({ spend: { amount: 12000, currency: 'USD' }, renewal: '2027-09-30' });
      expect(vendor(temp.dir, 'signal-ads')).toMatchObject({ category: 'dsp', spend: { amount: 12000, currency: 'USD' }, renewal: '2027-12-31' });
      expect(vendor(temp.dir, 'copywise')).toMatchObject({ spend: { amount: 12500, currency: 'USD' }, renewal: '2027-06-30' });
      expect(vendor(temp.dir, 'helply')).toMatchObject({ category: 'customer-service', spend: { amount: 1200, currency: 'USD' } });
      expect((await run(['score', '--period', '2026-Q4'], { cwd: temp.dir })).code).toBe(0);
      const report = await run(['report', '2026-Q4', '-f', 'markdown'], { cwd: temp.dir });
      expect(report.stdout.split('\n').find((l) => l.startsWith('| Lumen Labs |'))).toContain('$12,000');
    } finally {
      temp.remove();
    }
  });

  test('an ambiguous amount, an unknown date and a category close to a seed one: every problem at once, nothing written; a mapping or --accept-suggestions settles the category', async () => {
    const temp = tempDir();
    try {
      await run(['init', '.'], { cwd: temp.dir });
      const settings = join(temp.dir, 'aiclaim.yaml');
      writeFileSync(settings, readFileSync(settings, 'utf8').replace('currency: EUR', 'currency: USD'));
      writeFileSync(join(temp.dir, 'stack.csv'), 'Vendor,Category,Annual spend,Renewal\nAcme,Marketing Automation / Email,8.500,soon\nBeta,CRM,"$1,000",TBD\n');
      const refused = await run(['import', 'stack.csv', '--dry-run'], { cwd: temp.dir });
      expect(refused.code).toBe(2);
      expect(
        refused.stderr
          .split('\n')
          .filter((l) => l.startsWith('✖'))
          .map((l) => l.replace(/ — .*/, '')),
      ).toEqual([
        '✖ stack.csv:2:2: column "Category": "Marketing Automation / Email" is not a martech category',
        '✖ stack.csv:2:3: column "Annual spend": "8.500" could be 8,500 or 8.5 USD: aiclaim does not guess',
        '✖ stack.csv:2:4: column "Renewal": "soon" is not a date aiclaim can read',
      ]);
      expect(refused.stderr).toContain('did you mean "Marketing automation"? pass --accept-suggestions to take it');
      expect(readdirSync(join(temp.dir, 'vendors'))).toEqual(['example-vendor.yaml']);

      writeFileSync(
        join(temp.dir, 'stack.csv'),
        'Vendor,Category,Annual spend,Renewal\nAcme,Marketing Automation / Email,8500,Q3 2027\nBeta,CRM,"$1,000",TBD\n',
      );
      const accepted = await run(['import', 'stack.csv', '--accept-suggestions', '--dry-run'], { cwd: temp.dir });
      expect(accepted.code, accepted.stderr).toBe(0);
      expect(accepted.stderr).toContain('2 vendor files would be created: acme, beta.');
      // The mapping as the example init writes has it, uncommented.
      const example = readFileSync(settings, 'utf8');
      expect(example).toContain('# categories:\n#   "Marketing Automation / Email": marketing-automation\n#   Loyalty: other\n');
      writeFileSync(settings, example.replace(/^# (categories:| {2}"Marketing| {2}Loyalty)/gm, '$1'));
      expect((await run(['validate', 'aiclaim.yaml'], { cwd: temp.dir })).code).toBe(0);
      const mapped = await run(['import', 'stack.csv'], { cwd: temp.dir });
      expect(mapped.code, mapped.stderr).toBe(0);
      expect(vendor(temp.dir, 'acme')).toMatchObject({ category: 'marketing-automation', spend: { amount: 8500, currency: 'USD' }, renewal: '2027-09-30' });
      // A mapping to something that is no martech category is refused by the settings schema.
      writeFileSync(settings, readFileSync(settings, 'utf8').replace(': marketing-automation', ': marketing'));
      const invalid = await run(['validate', 'aiclaim.yaml'], { cwd: temp.dir });
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toMatch(/categories.*must be one of the martech categories/);
    } finally {
      temp.remove();
    }
  });
});
