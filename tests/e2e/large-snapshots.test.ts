import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { splitFindings } from '../../src/core/load/findings-by-vendor.js';
import { REPO, run, tempDir } from '../helpers/run-cli.js';

// Snapshots of a few thousand vendors are read vendor by vendor, on several cores when the machine
// has them. Whatever the path, what is read must be what the whole-document reader reads.

const COPIES = 140;

/** The sample snapshot of `period`, each vendor repeated under new ids; indented as aiclaim writes it, or not. */
function largeSnapshot(period: string, indented: boolean): string {
  const split = splitFindings(readFileSync(join(REPO, 'fixtures', 'sample', 'findings', `${period}.yaml`), 'utf8'));
  if (!split) throw new Error(`the sample ${period} snapshot is not in the layout aiclaim writes`);
  const items: string[] = [];
  for (const item of split.items) {
    for (let copy = 0; copy < COPIES; copy++) items.push(item.replace(/^ {2}- id: (\S+)/, (_, id: string) => `  - id: ${id}-${String(copy).padStart(3, '0')}`));
  }
  items.sort();
  const body = indented ? items.join('') : items.map((item) => item.replace(/^ {2}/gm, '')).join('');
  const header = stringify(split.header, { lineWidth: 0, minContentWidth: 0 });
  const text = `${header}vendors:\n${body}`;
  // The indented copy must itself be in the layout read vendor by vendor, or the test proves nothing.
  if (indented && JSON.stringify(splitFindings(text)?.header) !== JSON.stringify(split.header)) throw new Error('the copy lost the layout');
  return text;
}

describe('snapshots of thousands of vendors', () => {
  const workspaces = { byVendor: tempDir(), whole: tempDir() };

  beforeAll(() => {
    for (const [name, ws] of Object.entries(workspaces)) {
      writeFileSync(join(ws.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: ai-claims\n');
      mkdirSync(join(ws.dir, 'findings'));
      for (const period of ['2026-Q3', '2026-Q4']) writeFileSync(join(ws.dir, 'findings', `${period}.yaml`), largeSnapshot(period, name === 'byVendor'));
    }
  });
  afterAll(() => {
    for (const ws of Object.values(workspaces)) ws.remove();
  });

  test('are read vendor by vendor to the same diff as read whole', { timeout: 120_000 }, async () => {
    const [byVendor, whole] = await Promise.all(
      Object.values(workspaces).map((ws) => run(['diff', '2026-Q3', '2026-Q4', '-f', 'json'], { cwd: ws.dir, timeout: 110_000 })),
    );
    expect(byVendor!.code, byVendor!.stderr).toBe(0);
    expect(whole!.code, whole!.stderr).toBe(0);
    const diff = JSON.parse(byVendor!.stdout) as { vendors: unknown[]; summary: { improved: number; regressed: number } };
    expect(diff.vendors.length).toBeGreaterThan(2000);
    expect(diff.summary.improved + diff.summary.regressed).toBeGreaterThan(0);
    expect(byVendor!.stdout).toBe(whole!.stdout);
  });
});
