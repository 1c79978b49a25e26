import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { StackEconomics } from '../../src/core/economics/stack-economics.js';
import { run, sampleCopy, tempDir } from '../helpers/run-cli.js';

// `aiclaim stack` through the built CLI, on the sample portfolio: its three quarters of finance
// figures and the usage of some vendors; a quarter without finance figures; and bad input, each
// refused in one line naming the file and the field, with nothing written.

/** Q4 of the sample: 17 vendors, €1,898,000 a year; a budget of €1,750,000 for the quarter; 1,520 new customers. */
const QUARTER_SPEND = 1_898_000 / 4;

describe('aiclaim stack', () => {
  test('the table: every figure of the quarter, the categories, the usage and the quarters before', async () => {
    const result = await run(['stack']);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^The stack in the board's terms · 2026-Q4$/m);
    expect(out).toMatch(/Technology spend, the quarter\s+│\s+€474,500 │ a quarter of the annual spend of 17 vendors \(€1,898,000 a year\)/);
    expect(out).toMatch(/Technology share of the budget\s+│\s+27\.1% │ \+2\.1 pts against the ~25% reference; \+1\.6 pts since 2026-Q3/);
    expect(out).toMatch(/Spend in AI rated weak or unsubstantiated\s+│\s+€505,000 a year │ 8 vendors/);
    expect(out).toMatch(/Technology spend per new customer\s+│\s+€312 │ 25\.4% of CAC/);
    expect(out).toMatch(/│ SocialPulse Inc\. \(shelfware\)\s+│\s+10 seats │\s+3 │\s+30\.0% │\s+€12,600 │/);
    // Spend by category in the seed priority order.
    expect(out.indexOf('│ On-site personalization')).toBeLessThan(out.indexOf('│ A/B testing'));
    expect(out.indexOf('│ A/B testing')).toBeLessThan(out.indexOf('│ CRM '));
    expect(out).toMatch(/│ 2026-Q2 │\s+€430,000 │\s+23\.2% │\s+€291 │ €1,240 │ not given │/);
    expect(out).toMatch(/correlation,\s+not\s+a\s+cause/);
  });

  test('--sample -f json from any folder: the figures as numbers, every one in EUR', async () => {
    const temp = tempDir();
    try {
      const result = await run(['--sample', 'stack', '-f', 'json'], { cwd: temp.dir });
      expect(result.code, result.stderr).toBe(0);
      const e = JSON.parse(result.stdout) as StackEconomics;
      expect(e.currency).toBe('EUR');
      expect(e.technology.quarter).toBe(QUARTER_SPEND);
      expect(e.budget.share).toBeCloseTo(QUARTER_SPEND / 1_750_000, 10);
      expect(e.acquisition.techPerCustomer).toBeCloseTo(QUARTER_SPEND / 1520, 10);
      expect(e.acquisition.cac).toBe(1230);
      expect(e.weakAi.weak).toBe(505_000);
      expect(e.shelfware.rows.filter((r) => r.shelfware).map((r) => r.id)).toEqual(['socialpulse', 'brandloom', 'campaignly', 'genwrite']);
      expect(e.trend.map((p) => p.period)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
      expect(e.trend[0]!.cltv).toBeUndefined();
      expect(result.stderr).toMatch(/bundled sample portfolio/);
    } finally {
      temp.remove();
    }
  });

  test('-f markdown, for an earlier quarter: its own figures, and only the quarters before it', async () => {
    const result = await run(['stack', '2026-Q3', '-f', 'markdown']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# The stack in the board's terms · 2026-Q3$/m);
    expect(result.stdout).toMatch(/^\| Technology share of the budget \| 25\.6% \|/m);
    expect(result.stdout).toMatch(/^## Spend by martech category$/m);
    expect(result.stdout).toMatch(/^\| 2026-Q3 \| €460,000 \|/m);
    expect(result.stdout).not.toMatch(/2026-Q4/);
  });

  test('a quarter without finance figures still reports everything else, "not given" where a figure is missing', async () => {
    const sample = sampleCopy();
    try {
      rmSync(join(sample.dir, 'finance', '2026-Q4.yaml'));
      const result = await run(['stack', '2026-Q4'], { cwd: sample.dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/No finance figures for 2026-Q4/);
      expect(result.stdout).toMatch(/Marketing budget, the quarter\s+│\s+not given │/);
      expect(result.stdout).toMatch(/CAC \(customer acquisition cost\)\s+│\s+not given │/);
      expect(result.stdout).toMatch(/Technology spend, the quarter\s+│\s+€474,500 │/);
      expect(result.stdout).toMatch(/│ CRM\s+│\s+1 │\s+€450,000 │/);
      expect(result.stdout).toMatch(/│ 2026-Q4 │\s+€474,500 │\s+not given │\s+not given │ not given │ not given │/);
      const report = await run(['report', '2026-Q4', '-f', 'markdown'], { cwd: sample.dir });
      expect(report.code, report.stderr).toBe(0);
      expect(report.stdout).toMatch(/^## The portfolio at a glance$/m);
      expect(report.stdout).toMatch(/\*\*No finance figures for 2026-Q4:\*\*/);
    } finally {
      sample.remove();
    }
  });

  const edit = (file: string, from: string | RegExp, to: string) => (dir: string) => {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const changed = text.replace(from, to);
    expect(changed).not.toBe(text);
    writeFileSync(path, changed);
  };

  test.each([
    [
      'a negative budget',
      edit('finance/2026-Q4.yaml', '  amount: 1750000', '  amount: -1750000'),
      /^✖ finance\/2026-Q4\.yaml:\d+:\d+: budget\.amount: must be more than 0/,
    ],
    [
      'a CAC in a currency with no exchange rate',
      edit('finance/2026-Q3.yaml', /(cac:\n {2}amount: 1205\n {2}currency: )EUR/, '$1CHF'),
      /^✖ finance\/2026-Q3\.yaml:\d+:\d+: cac\.currency: no exchange rate for CHF in aiclaim\.yaml/,
    ],
    [
      'customers that are not a whole number',
      edit('finance/2026-Q4.yaml', 'count: 1520', 'count: 1520.5'),
      /^✖ finance\/2026-Q4\.yaml:\d+:\d+: newCustomers\.count: must be a whole number of customers/,
    ],
    [
      'a file named for another quarter',
      edit('finance/2026-Q2.yaml', 'period: 2026-Q2', 'period: 2026-Q1'),
      /^✖ finance\/2026-Q2\.yaml:\d+:\d+: period: the file holds 2026-Q1/,
    ],
  ])('%s: one line naming the file and the field, exit 2, nothing written', async (_, spoil, line) => {
    const sample = sampleCopy();
    try {
      spoil(sample.dir);
      const stack = await run(['stack'], { cwd: sample.dir });
      expect(stack.code).toBe(2);
      expect(stack.stdout).toBe('');
      expect(stack.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)]);
      const report = await run(['report', '2026-Q4', '-o', 'report.html'], { cwd: sample.dir });
      expect(report.code).toBe(2);
      expect(report.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)]);
      expect(existsSync(join(sample.dir, 'report.html'))).toBe(false);
      const validate = await run(['validate', 'finance'], { cwd: sample.dir });
      expect(validate.code).toBe(2);
      expect(validate.stderr.split('\n')[0]).toMatch(line);
    } finally {
      sample.remove();
    }
  });

  test('usage above the licence: one line naming the vendor file and the field, exit 2, no snapshot written', async () => {
    const sample = sampleCopy();
    try {
      edit('vendors/brandloom.yaml', /^ {2}used: 9$/m, '  used: 30')(sample.dir);
      const line = /^✖ vendors\/brandloom\.yaml:\d+:\d+: usage\.used: is more than licensed \(30 used of 25 licensed\)/;
      const validate = await run(['validate', 'vendors/brandloom.yaml'], { cwd: sample.dir });
      expect(validate.code).toBe(2);
      expect(validate.stderr.split('\n')[0]).toMatch(line);
      const score = await run(['score', '-p', '2026-Q4', '-o', 'q4.yaml', '--force'], { cwd: sample.dir });
      expect(score.code).toBe(2);
      expect(score.stderr.split('\n').filter((l) => l.startsWith('✖'))).toEqual([expect.stringMatching(line)]);
      expect(existsSync(join(sample.dir, 'q4.yaml'))).toBe(false);
    } finally {
      sample.remove();
    }
  });
});
