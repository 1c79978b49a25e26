import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EconomicsChange } from '../../src/core/economics/quarter-change.js';
import { REPO, run, sampleCopy, tempDir } from '../helpers/run-cli.js';

// The stack's economics in `diff` and `trend` through the built CLI: on the sample's three quarters
// of finance figures, with the vendors that moved the spend; without finance figures; and with
// vendor names that try to take over the terminal or the Markdown.

const economicsOf = (stdout: string) => (JSON.parse(stdout) as { economics: EconomicsChange }).economics;

describe('diff: the stack from one quarter to the next', () => {
  test('the table: each figure, before and after, and what moved the annual spend', async () => {
    const result = await run(['diff', '2026-Q3', '2026-Q4']);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout.slice(result.stdout.indexOf('Stack economics · 2026-Q3 → 2026-Q4'));
    expect(out).toMatch(/│ Technology spend, the quarter\s+│\s+€460,000 → €474,500 \(\+€14,500\) │/);
    expect(out).toMatch(/│ Marketing budget, the quarter\s+│\s+€1,800,000 → €1,750,000 \(−€50,000\) │/);
    expect(out).toMatch(/│ Technology share of the budget\s+│\s+25\.6% → 27\.1% \(\+1\.6 pts\) │/);
    expect(out).toMatch(/│ New customers\s+│\s+1,560 → 1,520 \(−40\) │/);
    expect(out).toMatch(/│ CAC\s+│\s+€1,205 → €1,230 \(\+€25\) │/);
    // The rates aiclaim.yaml sets, with their date: what any amount in another currency was converted at.
    expect(out).toContain('Figures in EUR, converted at the rates of 2026-11-20.');
    // AdNexus left the stack, Pixelcast and Storelink joined: +€58,000 a year between them.
    expect(out).toContain('What moved the annual spend from 2026-Q3 to 2026-Q4 (€1,840,000 → €1,898,000\n(+€58,000)):');
    expect(out.split('\n').filter((l) => l.startsWith('  • '))).toEqual([
      '  • retired AdNexus Media Ltd: −€120,000 a year',
      '  • added Pixelcast Media SA: +€120,000 a year',
      '  • added Storelink SL: +€58,000 a year',
    ]);
    expect(out).toContain('The budget moved too: €1,800,000 → €1,750,000 (−€50,000).');
  });

  test('-f json: the figures as numbers, the causes with their kind; the whole stack whatever --top prints', async () => {
    const all = economicsOf((await run(['diff', '2026-Q3', '2026-Q4', '-f', 'json'])).stdout);
    expect(all.annualSpend).toEqual({ before: 1_840_000, after: 1_898_000, delta: 58_000 });
    expect(all.budget).toEqual({ before: 1_800_000, after: 1_750_000, delta: -50_000 });
    expect(all.cltv).toEqual({ before: 4200, after: 4350, delta: 150 });
    expect(all.causes.map((c) => [c.kind, c.id, c.delta])).toEqual([
      ['retired', 'adnexus', -120_000],
      ['added', 'pixelcast-media-sa', 120_000],
      ['added', 'storelink', 58_000],
    ]);
    const top = await run(['diff', '2026-Q3', '2026-Q4', '-f', 'json', '--top', '1']);
    expect(top.code, top.stderr).toBe(0);
    expect(economicsOf(top.stdout)).toEqual(all);
    const yaml = await run(['diff', '2026-Q3', '2026-Q4', '-f', 'yaml']);
    expect(yaml.stdout).toMatch(/^economics:\n {2}from: 2026-Q3\n/m);
  });

  test('a quarter before the finance figures began: what it does not give is "not given", never a zero', async () => {
    const result = await run(['diff', '2026-Q2', '2026-Q3', '-f', 'json']);
    const e = economicsOf(result.stdout);
    expect(e.cltv).toEqual({ before: undefined, after: 4200 });
    const table = await run(['diff', '2026-Q2', '2026-Q3']);
    expect(table.stdout).toMatch(/│ CLTV\s+│\s+not given → €4,200 │/);
  });

  test('-f markdown: a table a renderer shows, and the causes as a list', async () => {
    const result = await run(['diff', '2026-Q3', '2026-Q4', '-f', 'markdown']);
    const html = await marked.parse(result.stdout);
    const section = html.slice(html.indexOf('<h2>Stack economics, 2026-Q3 → 2026-Q4</h2>'));
    expect(section).toMatch(/<td>Technology share of the budget<\/td>\s*<td align="right">25\.6% → 27\.1% \(\+1\.6 pts\)<\/td>/);
    expect(section).toContain('<li>retired AdNexus Media Ltd: −€120,000 a year</li>');
  });
});

describe('trend: the stack quarter by quarter', () => {
  test('each figure in each quarter, then what moved the spend at each step', async () => {
    const result = await run(['trend']);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout.slice(result.stdout.indexOf('Stack economics, quarter by quarter'));
    expect(out).toMatch(/│ Figure\s+│\s+2026-Q2 │\s+2026-Q3 │\s+2026-Q4 │/);
    expect(out).toMatch(/│ Annual spend of the stack\s+│ €1,720,000 │ €1,840,000 │ €1,898,000 │/);
    expect(out).toMatch(/│ CLTV\s+│\s+not given │\s+€4,200 │\s+€4,350 │/);
    expect(out).toContain('  • added Helpwave Oy: +€96,000 a year');
    expect(out).toContain('  • retired AdNexus Media Ltd: −€120,000 a year');
    const json = JSON.parse((await run(['trend', '-f', 'json'])).stdout) as { economics: EconomicsChange[] };
    expect(json.economics.map((e) => [e.from, e.to, e.annualSpend.delta])).toEqual([
      ['2026-Q2', '2026-Q3', 120_000],
      ['2026-Q3', '2026-Q4', 58_000],
    ]);
  });
});

describe('without finance figures', () => {
  let sample: ReturnType<typeof sampleCopy>;
  beforeAll(() => {
    sample = sampleCopy();
    rmSync(join(sample.dir, 'finance'), { recursive: true });
  });
  afterAll(() => sample.remove());

  test("the vendors' spend still moves; the budget, customers, CAC and CLTV are not given", async () => {
    const result = await run(['diff', '2026-Q3', '2026-Q4'], { cwd: sample.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/│ Annual spend of the stack\s+│ €1,840,000 → €1,898,000 \(\+€58,000\) │/);
    expect(result.stdout).toMatch(/│ Marketing budget, the quarter\s+│\s+not given → not given │/);
    expect(result.stdout).toMatch(/│ Technology share of the budget\s+│\s+not given → not given │/);
    expect(result.stdout).not.toMatch(/The budget moved/);
  });
});

describe('vendor names from files in the causes', () => {
  const HOSTILE = join(REPO, 'tests', 'hostile');
  const LATER = { AICLAIM_TODAY: '2027-02-15' };
  /** A name that tries to retitle the terminal, clear it and turn the text right to left. */
  const ESCAPES = 'Mail\\e]0;pwned\\aMINT\\e[2J\\rOVER\\u202E';
  let workspace: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    workspace = tempDir('aiclaim-economics-');
    writeFileSync(join(workspace.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: ai-claims\n');
    mkdirSync(join(workspace.dir, 'vendors'));
    copyFileSync(join(HOSTILE, 'markdown-injection.yaml'), join(workspace.dir, 'vendors', 'markdown-injection.yaml'));
    const mailmint = readFileSync(join(REPO, 'fixtures', 'sample', 'vendors', 'mailmint.yaml'), 'utf8');
    writeFileSync(join(workspace.dir, 'vendors', 'mailmint.yaml'), mailmint.replace(/^name: .*$/m, `name: "${ESCAPES}"`));
    const q4 = await run(['score', '--period', '2026-Q4'], { cwd: workspace.dir });
    expect(q4.code, q4.stderr).toBe(0);
    // A quarter later both are repriced, so that their names are in the causes.
    for (const id of ['markdown-injection', 'mailmint']) {
      const path = join(workspace.dir, 'vendors', `${id}.yaml`);
      writeFileSync(
        path,
        readFileSync(path, 'utf8').replace(/^(spend:\n {2}amount: )(\d+)$/m, (_, head: string, amount: string) => `${head}${Number(amount) + 1000}`),
      );
    }
    const q1 = await run(['score', '--period', '2027-Q1'], { cwd: workspace.dir, env: LATER });
    expect(q1.code, q1.stderr).toBe(0);
  });
  afterAll(() => workspace.remove());

  test('in a terminal, no control sequence reaches it', async () => {
    const result = await run(['diff', '2026-Q4', '2027-Q1'], { cwd: workspace.dir, env: LATER });
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout.slice(result.stdout.indexOf('Stack economics'));
    expect(out.split('\n').filter((l) => l.startsWith('  • repriced'))).toHaveLength(2);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  test('in Markdown, no element aiclaim did not make', async () => {
    const result = await run(['diff', '2026-Q4', '2027-Q1', '-f', 'markdown'], { cwd: workspace.dir, env: LATER });
    const html = await marked.parse(result.stdout.slice(result.stdout.indexOf('## Stack economics')));
    expect(html.match(/<li>repriced /g)).toHaveLength(2);
    expect(html).not.toMatch(/<(img|a|script|iframe)\b/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
