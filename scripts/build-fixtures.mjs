// Regenerates the sample portfolio's findings snapshots, oldest quarter first, so that each one
// is scored with the history of the quarters before it. `npm run fixtures`; a test fails on drift.
import { execFileSync } from 'node:child_process';

const quarters = [
  ['2026-Q2', 'fixtures/sample/vendors-2026-Q2'],
  ['2026-Q3', 'fixtures/sample/vendors-2026-Q3'],
  ['2026-Q4', 'fixtures/sample/vendors'],
];

for (const [period, vendors] of quarters) {
  execFileSync(
    process.execPath,
    ['bin/aiclaim.cjs', 'score', vendors, '--period', period, '--out', `fixtures/sample/findings/${period}.yaml`, '--force', '--no-reuse', '--format', 'csv'],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, AICLAIM_TODAY: '2026-11-22' } },
  );
}
