import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { checkFindings } from '../../src/core/findings/check-findings.js';
import { loadFindings } from '../../src/core/load/load-files.js';
import type { Findings } from '../../src/core/schema/findings.js';
import type { Context } from '../../src/shell/context.js';
import { readingProgress } from '../../src/shell/progress.js';

// After a large snapshot is read, it is cached and checked against itself: each step has its own
// progress line on a terminal, so that a first diff is never silent for seconds.

const REPO = join(import.meta.dirname, '..', '..');

afterEach(() => vi.useRealTimers());

function terminal(): { context: Context; written: string[] } {
  const written: string[] = [];
  const stderr = { isTTY: true, columns: 120, write: (text: string) => written.push(text) };
  return { context: { stderr } as unknown as Context, written };
}

describe('the steps over a snapshot', () => {
  test('each step names itself, the snapshot and its count, once the command has run a second', () => {
    vi.useFakeTimers({ now: 0 });
    const { context, written } = terminal();
    const steps = readingProgress(context);
    vi.setSystemTime(1500);
    for (const step of ['Reading', 'Caching', 'Checking'] as const) {
      const line = steps('findings/2026-Q4.yaml', 15_000, step);
      vi.setSystemTime(Date.now() + 200);
      line.update(3_000);
      line.end();
    }
    expect(written.filter((w) => w.startsWith('\r\x1b[K') && w.length > 4).map((w) => w.slice(4).replace(/ · .*/, ''))).toEqual([
      'Reading findings/2026-Q4.yaml: 3,000 of 15,000 vendors',
      'Caching findings/2026-Q4.yaml: 3,000 of 15,000 vendors',
      'Checking findings/2026-Q4.yaml: 3,000 of 15,000 vendors',
    ]);
    // Each cleared when its step is done.
    expect(written.filter((w) => w === '\r\x1b[K')).toHaveLength(3);
  });

  test('the check tells how far it is, and what it finds is the same with or without being asked', () => {
    const loaded = loadFindings(readFileSync(join(REPO, 'fixtures', 'sample', 'findings', '2026-Q4.yaml'), 'utf8'), '2026-Q4.yaml');
    expect(loaded.ok).toBe(true);
    const one = (loaded as { value: Findings }).value;
    // 600 vendors: the sample's, again under other ids.
    const many: Findings = { ...one, vendors: Array.from({ length: 36 }, (_, i) => one.vendors.map((v) => ({ ...v, id: `${v.id}-${i}` }))).flat() };
    const told: number[] = [];
    const problems = checkFindings(many, 'many.yaml', undefined, (done) => told.push(done));
    expect(told).toEqual([0, 250, 500]);
    expect(problems).toEqual(checkFindings(many, 'many.yaml'));
  });
});
