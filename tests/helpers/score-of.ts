import { expect } from 'vitest';
import { run } from './run-cli.js';

/** A vendor's legitimacy score as `aiclaim score --format json` gives it, run in `cwd`. */
export async function scoreOf(cwd: string, id: string): Promise<number | null> {
  const out = await run(['score', '--format', 'json'], { cwd });
  expect(out.code, out.stderr).toBe(0);
  const { vendors } = JSON.parse(out.stdout) as { vendors: { id: string; score: number | null }[] };
  return vendors.find((v) => v.id === id)!.score;
}
