import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { FindingsDiff } from '../../src/core/tracking/diff-findings.js';
import { REPO, run, sampleCopy } from '../helpers/run-cli.js';

// A team that upgrades keeps the snapshots aiclaim 0.2 wrote: those hashed the questionnaire as the
// schema filled it in (221379259c2ff4b3 for ai-claims 2.0.0), where aiclaim now hashes the file as
// written. tests/fixtures/written-by-0.2.0/2026-Q3.yaml is the sample's 2026-Q3 as 0.2 wrote it:
// the same vendors, lines and scores, the old header. Read with the same file, it is the same edition.

const WRITTEN_BEFORE = join(REPO, 'tests', 'fixtures', 'written-by-0.2.0', '2026-Q3.yaml');
const sample = sampleCopy();
afterAll(() => sample.remove());

describe('snapshots written by aiclaim 0.2', () => {
  test('the fixture is the sample quarter with the old header, nothing else', () => {
    const before = parse(readFileSync(WRITTEN_BEFORE, 'utf8'));
    const now = parse(readFileSync(join(REPO, 'fixtures', 'sample', 'findings', '2026-Q3.yaml'), 'utf8'));
    expect(before.questionnaire.hash).toBe('221379259c2ff4b3');
    expect(now.questionnaire.hash).not.toBe(before.questionnaire.hash);
    expect(before.vendors).toEqual(now.vendors);
  });

  test('diff and trend read it as the same edition as a quarter scored now, with the same results', async () => {
    const current = JSON.parse((await run(['diff', '2026-Q3', '2026-Q4', '-f', 'json'], { cwd: sample.dir })).stdout) as FindingsDiff;
    copyFileSync(WRITTEN_BEFORE, join(sample.dir, 'findings', '2026-Q3.yaml'));
    const out = await run(['diff', '2026-Q3', '2026-Q4'], { cwd: sample.dir });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('2026-Q3 → 2026-Q4 · same questionnaire (ai-claims 2.0.0)');
    const diff = JSON.parse((await run(['diff', '2026-Q3', '2026-Q4', '-f', 'json'], { cwd: sample.dir })).stdout) as FindingsDiff;
    expect(diff.comparable).toBe(true);
    expect(diff.vendors).toEqual(current.vendors);
    expect(diff.summary).toEqual(current.summary);

    const trend = JSON.parse((await run(['trend', '-f', 'json'], { cwd: sample.dir })).stdout) as { editions: unknown[]; vendors: { change: number | null }[] };
    expect(trend.editions).toHaveLength(1);
    expect(trend.vendors.filter((v) => v.change !== null).length).toBeGreaterThan(10);
    expect((await run(['validate'], { cwd: sample.dir })).code).toBe(0);
  });

  test('it is still checked against its questionnaire: a score edited by hand is refused', async () => {
    const path = join(sample.dir, 'findings', '2026-Q3.yaml');
    copyFileSync(WRITTEN_BEFORE, path);
    const text = readFileSync(path, 'utf8');
    const edited = text.replace(/( {2}- id: datavane\n(?: {4}.*\n)*? {4}score: )[\d.]+/, '$199.9');
    expect(edited).not.toBe(text);
    writeFileSync(path, edited);
    const out = await run(['diff', '2026-Q3', '2026-Q4'], { cwd: sample.dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/vendor datavane, score: 99\.9 is not what its question lines and the section weights give/);
  });
});
