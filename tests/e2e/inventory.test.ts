import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'yaml';
import { REPO, run, tempDir } from '../helpers/run-cli.js';

// A martech stack spreadsheet round trip: import, edit, score, export.

const STACK = join(REPO, 'tests', 'fixtures', 'stack.csv');

describe('aiclaim import', () => {
  test('creates vendor stubs, reports unusable rows by line, never overwrites without --force', async () => {
    const temp = tempDir();
    try {
      expect((await run(['init', '.'], { cwd: temp.dir })).code).toBe(0);
      const result = await run(['import', STACK], { cwd: temp.dir });
      expect(result.code).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines.slice(0, 5).map((l) => l.replace(/^.*stack\.csv:/, 'stack.csv:'))).toEqual([
        'stack.csv:1:1: warning: column "Notes" is not used — known columns: id, vendor, product, category, spend, currency, renewal, owner, website',
        'stack.csv:5:1: no vendor name: row skipped — fill in the vendor column',
        'stack.csv:6:1: "Programmatic" is not a martech category — use one of: On-site personalization, A/B testing, CRM, Smart data, DMP, AI & bots, Social media intelligence, Campaign management, Marketing automation, Emailing, Tag management, Social media management, Customer service, Attribution, Web-to-store, Marketplace, Phygital, DSP, SSP, Generative content',
        'stack.csv:7:1: "31/05/2027" is not a date aiclaim can read — write dates as YYYY-MM-DD, or pass --date-format dmy (31/03/2027) or mdy (03/31/2027)',
        'stack.csv:10:1: vendor id "mailmint-ab" is already used on line 3 — give the second one an id column value of its own, or remove the duplicate row',
      ]);
      expect(lines[5]).toBe('4 vendor files created: brightwave-analytics, mailmint-ab, acme-chat, quote-co.');
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
      expect(parse(readFileSync(join(temp.dir, 'vendors', 'acme-chat.yaml'), 'utf8'))).toMatchObject({ category: 'ai-bots', spend: { amount: 24000, currency: 'USD' } });
      // The multi-line product (quoted, across lines 8 and 9) is kept whole.
      expect(parse(readFileSync(join(temp.dir, 'vendors', 'quote-co.yaml'), 'utf8'))).toMatchObject({ name: 'Quote "Co"', product: 'Multi\nline product', category: 'ab-testing' });

      // Answers typed into a file since survive a second import: without --force the file is kept,
      // with --force only its profile changes.
      const file = join(temp.dir, 'vendors', 'mailmint-ab.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('answers: {}', 'answers:\n  # from the call\n  trains-models: { value: true }'));
      const before = readFileSync(file, 'utf8');
      const again = await run(['import', STACK, '--date-format', 'dmy'], { cwd: temp.dir });
      expect(again.stderr).toMatch(/1 vendor file created: tagwise-ltd\.\n4 already existed and were kept as they are \(pass --force to update their profile\)/);
      expect(readFileSync(file, 'utf8')).toBe(before);
      const edited = readFileSync(STACK, 'utf8').replace('Mailmint AB,Mailmint,Emailing,52k', 'Mailmint AB,Mailmint,Emailing,60k');
      writeFileSync(join(temp.dir, 'stack.csv'), edited);
      const forced = await run(['import', 'stack.csv', '--force', '--date-format', 'dmy'], { cwd: temp.dir });
      expect(forced.stderr).toMatch(/5 updated from the spreadsheet \(answers and comments kept\)/);
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
      await run(['import', STACK, '--date-format', 'dmy'], { cwd: temp.dir });
      // An analyst fills in one vendor's answers by hand (copied from a vendor of the sample).
      const sample = parse(readFileSync(join(REPO, 'fixtures', 'sample', 'vendors', 'mailmint.yaml'), 'utf8'));
      const file = join(temp.dir, 'vendors', 'mailmint-ab.yaml');
      const text = readFileSync(file, 'utf8').replace('answers: {}\n', '');
      writeFileSync(file, `${text}${['interview:', '  date: 2026-10-13', '  interviewer: Analyst', '  respondents: [{ name: Vendor }]'].join('\n')}\nanswers: ${JSON.stringify(sample.answers)}\n`);
      const scored = await run(['score', '--period', '2026-Q4', '-f', 'csv'], { cwd: temp.dir });
      expect(scored.code).toBe(0);
      expect(existsSync(join(temp.dir, 'findings', '2026-Q4.yaml'))).toBe(true);

      const exported = await run(['export', '2026-Q4'], { cwd: temp.dir });
      expect(exported.code).toBe(0);
      const rows = parseCsv(exported.stdout, { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => r.vendor_id).sort()).toEqual(['acme-chat', 'brightwave-analytics', 'example-vendor', 'mailmint-ab', 'quote-co', 'tagwise-ltd']);
      const mailmint = rows.find((r) => r.vendor_id === 'mailmint-ab')!;
      expect(mailmint).toMatchObject({ period: '2026-Q4', rank: '1', vendor: 'Mailmint AB', category: 'Emailing', annual_spend: '52000', currency: 'EUR', renewal: '2027-09-30' });
      expect(Number(mailmint.score)).toBeGreaterThan(50);
      // Imported and never interviewed: not assessed, no score and no rank (never a zero).
      expect(rows.find((r) => r.vendor_id === 'brightwave-analytics')).toMatchObject({ rank: '', score: '', verdict: 'not-assessed', completeness: '0' });

      // The report's next step for every vendor only imported is an interview, never "retire".
      const report = await run(['report', '2026-Q4', '-f', 'markdown'], { cwd: temp.dir });
      expect(report.code).toBe(0);
      const steps = report.stdout.split('\n').filter((l) => /^\d+\. \*\*/.test(l));
      for (const name of ['Brightwave Analytics', 'Acme Chat', 'Tagwise Ltd']) {
        expect(steps.filter((l) => l.includes(name))).toEqual([expect.stringMatching(new RegExp(`^\\d+\\. \\*\\*Interview\\*\\* ${name}.*: too little is known for a verdict`))]);
      }
      expect(steps.some((l) => l.includes('**Retire or replace**'))).toBe(false);

      const matrix = await run(['export', '--matrix', '-o', 'matrix.csv'], { cwd: temp.dir });
      expect(matrix.code).toBe(0);
      const grid = parseCsv(readFileSync(join(temp.dir, 'matrix.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
      expect(Object.keys(grid[0]!)).toEqual(['section', 'question_id', 'question', 'max_points', 'acme-chat', 'brightwave-analytics', 'example-vendor', 'mailmint-ab', 'quote-co', 'tagwise-ltd']);
      expect(grid[0]).toMatchObject({ question_id: 'score', 'mailmint-ab': mailmint.score });
      const runtime = grid.find((r) => r.question_id === 'ai-runtime')!;
      // Not asked is an empty cell, never a zero.
      expect(runtime).toMatchObject({ section: 'ai-substance', question: 'At run time, what produces the output of the feature marketed as AI?', max_points: '6', 'mailmint-ab': '6', 'brightwave-analytics': '' });
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
    expect(rows[0]).toMatchObject({ period: '2026-Q4', rank: '1', vendor_id: 'lumen-personalize', score: '96.6', verdict: 'substantiated', risk: 'low', decisive_answered: '7', promises_due: '2', kept_on_time: '2' });
    expect(rows.find((r) => r.vendor_id === 'helpwave')).toMatchObject({ verdict: 'weak', risk: 'high', claims_contradicted: '1' });
    expect(rows.at(-1)).toMatchObject({ vendor_id: 'pixelcast-media-sa', rank: '', score: '', verdict: 'not-assessed', risk: 'not-assessed', decisive_answered: '0', decisive_required: '4' });
  });
});
