import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
// @ts-expect-error: a plain ES module script of the project, without type declarations
import { calibrationCases, calibrationTable, CALIBRATION_DIR, readmeTable } from '../../scripts/calibration-table.mjs';
import { REPO, run, tempDir } from '../helpers/run-cli.js';

// The calibration set: vendor files written from the public record — regulators' AI-washing cases
// and AI products whose substance is published — scored by the built CLI. The cases must come out
// weak or unsubstantiated for a finding on what was recorded, the documented products plausible or
// better, and the same files with nothing recorded of their substance must get no verdict at all.

interface ScoredVendor {
  id: string;
  score: number | null;
  verdict: string;
  completeness: number;
  redFlags: { id: string; severity: string; rating: string; basis: string }[];
  claims: { checks: { outcome: string }[] }[];
}

type Case = { id: string; file: string; text: string; title?: string; kind?: string; expected?: string };
const cases = calibrationCases() as Case[];
const enforcement = cases.filter((c) => c.kind === 'enforcement');
const documented = cases.filter((c) => c.kind === 'documented');

async function score(dir: string): Promise<Map<string, ScoredVendor>> {
  const result = await run(['score', dir, '--format', 'json', '--explain']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return new Map((JSON.parse(result.stdout) as { vendors: ScoredVendor[] }).vendors.map((v) => [v.id, v]));
}

const scored = score(CALIBRATION_DIR);
const stripped = tempDir('aiclaim-calibration-');
afterAll(() => stripped.remove());

describe('the calibration set', () => {
  test('holds at least 8 enforcement cases and 4 documented products, each citing its sources and saying what it expects', () => {
    expect(enforcement.length).toBeGreaterThanOrEqual(8);
    expect(documented.length).toBeGreaterThanOrEqual(4);
    expect(enforcement.length + documented.length).toBe(cases.length);
    for (const c of cases) {
      expect(c.title, c.file).toBeTruthy();
      expect(c.expected, c.file).toBeTruthy();
      const sources = c.text.slice(c.text.indexOf('# Sources:'), c.text.indexOf('\nschema:'));
      expect(c.text.indexOf('# Sources:'), `${c.file} cites no sources`).toBeGreaterThan(0);
      expect(sources.match(/https?:\/\/\S+/g)?.length ?? 0, `${c.file} cites no source with an address`).toBeGreaterThan(0);
    }
  });

  test.each(enforcement.map((c) => [c.id]))('%s: weak or unsubstantiated, for a critical finding on recorded answers', async (id) => {
    const v = (await scored).get(id)!;
    expect(['weak', 'unsubstantiated']).toContain(v.verdict);
    // Findings only reach the JSON's red flags: what rests on missing answers is under toAsk.
    expect(v.redFlags.filter((f) => f.severity === 'critical' && f.basis === 'answered' && f.rating === 'legitimacy').length).toBeGreaterThan(0);
  });

  test.each(documented.map((c) => [c.id]))('%s: plausible or better', async (id) => {
    const v = (await scored).get(id)!;
    expect(['plausible', 'substantiated']).toContain(v.verdict);
    expect(v.redFlags.filter((f) => f.severity === 'critical')).toEqual([]);
  });

  test('the same files with nothing recorded of their substance (answers and evaluations removed) are not assessed', async () => {
    for (const c of cases) {
      const data = parse(c.text) as Record<string, unknown>;
      data.answers = {};
      delete data.evaluations;
      writeFileSync(join(stripped.dir, c.file), stringify(data));
    }
    const bare = await score(stripped.dir);
    expect(bare.size).toBe(cases.length);
    for (const [id, v] of bare) {
      expect([id, v.verdict, v.score]).toEqual([id, 'not-assessed', null]);
      expect(v.redFlags, id).toEqual([]);
    }
  });

  test('--explain separates them for the reasons on record: contradicted claims, refutations, AI that is not there', async () => {
    const result = await run(['score', 'fixtures/calibration', '--explain']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Claim contradicted by the record: ""AI-based technology,"/);
    expect(result.stdout).toMatch(/Nothing: the AI marketed does not exist \(SEC complaint, SEC v\. Raz/);
    expect(result.stdout).toMatch(/CRITICAL {2}Marketed as AI, run by rules or people/);
    expect(result.stdout).toMatch(/Ask the vendor/);
    const all = await scored;
    // Not one enforcement verdict rests on a question nobody could answer.
    for (const c of enforcement) expect(all.get(c.id)!.redFlags.every((f) => f.basis === 'answered')).toBe(true);
  });

  test('the README shows the table as the scorer gives it (npm run calibration rewrites it)', async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const data = { vendors: [...(await scored).values()] };
    expect(readmeTable(readme)).toBe(calibrationTable(data));
  });
});
