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

/** A workspace with the large 2026-Q3 snapshot, for a 2026-Q4 written by the test. */
function withOlder(): { dir: string; remove: () => void } {
  const ws = tempDir();
  writeFileSync(join(ws.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: ai-claims\n');
  mkdirSync(join(ws.dir, 'findings'));
  writeFileSync(join(ws.dir, 'findings', '2026-Q3.yaml'), largeSnapshot('2026-Q3', true));
  return ws;
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

  test('a vendor that is not UTF-8: the one line the whole-document reader gives, with the line of the byte', { timeout: 120_000 }, async () => {
    const ws = withOlder();
    try {
      const text = largeSnapshot('2026-Q4', true);
      const at = text.indexOf('\n  - ', Math.floor(text.length / 2));
      const bytes = Buffer.concat([Buffer.from(text.slice(0, at + 8), 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(at + 8), 'utf8')]);
      writeFileSync(join(ws.dir, 'findings', '2026-Q4.yaml'), bytes);
      const line = text.slice(0, at + 8).split('\n').length;
      const result = await run(['diff', '2026-Q3', '2026-Q4'], { cwd: ws.dir, timeout: 110_000 });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`findings/2026-Q4.yaml:${line}:1: file is not valid UTF-8 text`);
    } finally {
      ws.remove();
    }
  });

  test('a vendor that cannot be read by itself (an alias to another): the snapshot read whole, to the same diff', { timeout: 120_000 }, async () => {
    const ws = withOlder();
    try {
      const text = largeSnapshot('2026-Q4', true);
      const verdicts = [...text.matchAll(/^ {4}verdict: (\S+)$/gm)];
      const first = verdicts[0]!;
      const last = verdicts.findLast((m) => m[1] === first[1] && m.index > first.index)!;
      const aliased = `${text.slice(0, last.index)}    verdict: *v${text.slice(last.index + last[0].length)}`;
      writeFileSync(
        join(ws.dir, 'findings', '2026-Q4.yaml'),
        `${aliased.slice(0, first.index)}    verdict: &v ${first[1]}${aliased.slice(first.index + first[0].length)}`,
      );
      const [aliasedDiff, plain] = await Promise.all([
        run(['diff', '2026-Q3', '2026-Q4', '-f', 'json'], { cwd: ws.dir, timeout: 110_000 }),
        run(['diff', '2026-Q3', '2026-Q4', '-f', 'json'], { cwd: workspaces.byVendor.dir, timeout: 110_000 }),
      ]);
      expect(aliasedDiff.code, aliasedDiff.stderr).toBe(0);
      expect(aliasedDiff.stdout).toBe(plain.stdout);
    } finally {
      ws.remove();
    }
  });
});
