import { afterEach, describe, expect, test, vi } from 'vitest';
import { diff } from '../../src/commands/diff.js';
import { trendCommand } from '../../src/commands/trend.js';
import type { Context } from '../../src/shell/context.js';
import * as editions from '../../src/shell/find-edition.js';
import { REPO, TODAY } from '../helpers/run-cli.js';

// A snapshot's questionnaire is looked up once per snapshot and run: its header, its self-check
// and its edition pair all ask the store, which resolves it the first time only.

vi.mock('../../src/shell/find-edition.js', { spy: true });

function context(): Context & { out: string[] } {
  const out: string[] = [];
  return {
    cwd: REPO,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => out.push(s), isTTY: false },
    stderr: { write: () => true, isTTY: false },
    now: () => new Date(`${TODAY}T12:00:00Z`),
    stdinIsTTY: false,
    sample: true,
    out,
  };
}

/** The calls to findEdition, by the edition asked for. */
const lookups = () => vi.mocked(editions.findEdition).mock.calls.map(([ref]) => `${ref.id} ${ref.version} ${ref.hash ?? ''}`);

describe("a snapshot's questionnaire", () => {
  afterEach(() => vi.mocked(editions.findEdition).mockClear());

  test('diff of two quarters: one lookup per snapshot', async () => {
    const ctx = context();
    expect(await diff({ older: '2026-Q3', newer: '2026-Q4' }, ctx)).toBe(0);
    expect(ctx.out.join('')).toContain('2026-Q3 → 2026-Q4');
    expect(lookups()).toHaveLength(2);
  });

  test('trend over every quarter: one lookup per snapshot', async () => {
    const ctx = context();
    expect(await trendCommand({}, ctx)).toBe(0);
    const quarters = ctx.out.join('').match(/2026-Q[2-4]/g) ?? [];
    expect(new Set(quarters).size).toBe(3);
    expect(lookups()).toHaveLength(3);
  });
});
