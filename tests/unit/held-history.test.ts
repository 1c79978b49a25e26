import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSnapshot } from '../../src/shell/snapshots/read.js';
import { historyBefore, vendorHistory } from '../../src/shell/snapshots/store.js';
import { roadmapsJson } from '../../src/shell/snapshots/history.js';
import { contentHash } from '../../src/core/digest.js';
import { REPO } from '../helpers/run-cli.js';

// The history a run scores with holds each earlier roadmap as its JSON text (history.ts). Read
// back, it must be the roadmap the snapshot holds; and the digest that keys reuse, recorded in
// every snapshot's header, must stay the digest of the pairs as JSON.stringify writes them.

const FINDINGS = join(REPO, 'fixtures', 'sample', 'findings');

describe('history held as JSON text', () => {
  test('roadmapsJson is JSON.stringify of the pairs, whatever the roadmaps hold', () => {
    const pairs: [string, unknown[]][] = [
      ['a', []],
      ['b-2', [{ id: 'x', title: 'Ünïcode "quoted" \\ and\nnewline', due: '2026-Q1', status: 'planned', state: 'open', quartersLate: 0 }]],
      [
        'c',
        [
          { id: 'y', title: 'y', due: '2026-Q2', status: 'delivered', deliveredIn: '2026-Q2', state: 'kept', quartersLate: 1 },
          { id: 'z', title: '😀', due: '2027-Q1', status: 'planned', state: 'open', quartersLate: 0 },
        ],
      ],
    ];
    expect(roadmapsJson(pairs.map(([id, r]) => [id, JSON.stringify(r)] as const))).toBe(JSON.stringify(pairs));
    expect(roadmapsJson([])).toBe('[]');
  });

  test("each vendor's history is its roadmap in each earlier snapshot, oldest first", async () => {
    const history = await historyBefore(FINDINGS, '2026-Q4', REPO);
    const q2 = await readSnapshot(join(FINDINGS, '2026-Q2.yaml'), '2026-Q2.yaml');
    const q3 = await readSnapshot(join(FINDINGS, '2026-Q3.yaml'), '2026-Q3.yaml');
    const ids = new Set([...q2.vendors, ...q3.vendors].map((v) => v.id));
    expect(ids.size).toBeGreaterThan(5);
    for (const id of ids) {
      const expected = [q2, q3].flatMap((s) => s.vendors.filter((v) => v.id === id).map((v) => ({ period: s.period, roadmap: v.roadmap })));
      expect(vendorHistory(history.vendors, id)).toEqual({ earlier: expected });
    }
    expect(vendorHistory(history.vendors, 'no-such-vendor')).toBeUndefined();
  });

  test('the digest is that of each quarter and the JSON of its pairs', async () => {
    const history = await historyBefore(FINDINGS, '2026-Q4', REPO);
    const parts = [];
    for (const quarter of ['2026-Q2', '2026-Q3']) {
      const snapshot = await readSnapshot(join(FINDINGS, `${quarter}.yaml`), `${quarter}.yaml`);
      parts.push(`${quarter}:${contentHash(JSON.stringify(snapshot.vendors.map((v) => [v.id, v.roadmap])))}`);
    }
    expect(history.digest).toBe(contentHash(parts.join('\n')));
  });
});
