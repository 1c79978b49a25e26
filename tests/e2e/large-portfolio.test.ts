import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { run, sampleCopy } from '../helpers/run-cli.js';

// A portfolio of 320 vendors (the sample's, twenty times over under new ids): --top, --verdict and
// --category choose what score, diff and trend print; the snapshot, the counts and the gates still
// count every vendor, and stderr says what was left out.

const workspace = sampleCopy();
afterAll(() => workspace.remove());
const vendorsDir = join(workspace.dir, 'vendors');
let total = 0;

beforeAll(async () => {
  const originals = readdirSync(vendorsDir).filter((n) => n.endsWith('.yaml'));
  for (const name of originals) {
    const text = readFileSync(join(vendorsDir, name), 'utf8');
    const id = name.replace(/\.yaml$/, '');
    for (let i = 1; i < 20; i++) writeFileSync(join(vendorsDir, `${id}-${i}.yaml`), text.replace(new RegExp(`^id: ${id}$`, 'm'), `id: ${id}-${i}`));
  }
  total = readdirSync(vendorsDir).filter((n) => n.endsWith('.yaml')).length;
  // The current quarter again, with every copy in it: diff and trend then see the whole portfolio.
  rmSync(join(workspace.dir, 'findings', '2026-Q4.yaml'));
  const scored = await run(['score', '--period', '2026-Q4', '-f', 'json'], { cwd: workspace.dir, env: { AICLAIM_TODAY: '2026-11-22' } });
  expect(scored.code, scored.stderr).toBe(0);
}, 120_000);

describe('a large portfolio', () => {
  test('score --top 10 prints ten rows; the snapshot holds every vendor', async () => {
    const out = await run(['score', '--top', '10'], { cwd: workspace.dir });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.split('\n').filter((l) => /^│ +\d+ │/.test(l))).toHaveLength(10);
    expect(out.stderr).toContain(`Showing 10 of ${total} vendors (--top 10).`);
    const snapshot = parse(readFileSync(join(workspace.dir, 'findings', '2026-Q4.yaml'), 'utf8')) as { vendors: unknown[] };
    expect(snapshot.vendors).toHaveLength(total);
  });

  test('filters by verdict and category; JSON holds only those, stderr says so', async () => {
    const out = await run(['score', '--verdict', 'weak,unsubstantiated', '--category', 'dmp,customer-service,crm', '-f', 'json'], { cwd: workspace.dir });
    expect(out.code, out.stderr).toBe(0);
    const vendors = (JSON.parse(out.stdout) as { vendors: { verdict: string; category: string }[] }).vendors;
    expect(vendors.length).toBeGreaterThan(0);
    for (const v of vendors) {
      expect(['weak', 'unsubstantiated']).toContain(v.verdict);
      expect(['dmp', 'customer-service', 'crm']).toContain(v.category);
    }
    expect(out.stderr).toContain(`Showing ${vendors.length} of ${total} vendors (--verdict weak,unsubstantiated, --category dmp,customer-service,crm).`);
  });

  test('the gate counts every vendor, not only those printed', async () => {
    const out = await run(['score', '--top', '1', '--fail-under', '40'], { cwd: workspace.dir });
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/\d+ vendors scored under 40: /);
  });

  test('diff --top 5 prints the five largest moves; the headline counts them all', async () => {
    const all = JSON.parse((await run(['diff', '2026-Q3', '2026-Q4', '-f', 'json'], { cwd: workspace.dir })).stdout) as {
      vendors: { id: string; delta: number; comparable: boolean }[];
      summary: Record<string, number>;
    };
    const out = await run(['diff', '2026-Q3', '2026-Q4', '--top', '5', '-f', 'json'], { cwd: workspace.dir });
    const top = JSON.parse(out.stdout) as typeof all;
    expect(top.vendors).toHaveLength(5);
    expect(top.summary).toEqual(all.summary);
    const largest = Math.max(...all.vendors.filter((v) => v.comparable).map((v) => Math.abs(v.delta)));
    // The five kept are the largest moves, printed in the diff's own order.
    expect(Math.max(...top.vendors.map((v) => Math.abs(v.delta)))).toBe(largest);
    const fifth = [...all.vendors.filter((v) => v.comparable).map((v) => Math.abs(v.delta))].sort((a, b) => b - a)[4]!;
    for (const v of top.vendors) expect(Math.abs(v.delta)).toBeGreaterThanOrEqual(fifth);
    expect(out.stderr).toContain(`Showing 5 of ${all.vendors.length} vendors (--top 5).`);
  });

  test('trend --top 3 --sort change, and a verdict that does not exist is refused', async () => {
    const out = await run(['trend', '--top', '3', '--sort', 'change'], { cwd: workspace.dir });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/· 3 snapshots · 3 vendors/);
    const bad = await run(['trend', '--verdict', 'wek'], { cwd: workspace.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --verdict: no verdict "wek"\nhint: did you mean "weak"?\n');
  });
});
