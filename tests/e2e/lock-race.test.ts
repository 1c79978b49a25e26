import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REPO, tempDir } from '../helpers/run-cli.js';

// Several processes start at the same moment around the project's own withLock, with a stale
// lock left by a process that no longer runs: in every round, at most one holds the lock at once,
// and nothing is left behind but the log.

const ROUNDS = 16;
const CONTENDERS = 5;

let work: { dir: string; remove: () => void };
let contender: string;

beforeAll(async () => {
  work = tempDir('aiclaim-lock-');
  // Bundled, so that each contender starts in milliseconds and they truly meet at the lock.
  contender = join(work.dir, 'contender.cjs');
  await build({
    entryPoints: [join(REPO, 'tests', 'helpers', 'lock-contender.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: contender,
    logLevel: 'silent',
  });
});

afterAll(() => work.remove());

function startTogether(target: string, log: string): Promise<unknown[]> {
  const start = Date.now() + 700;
  return Promise.all(
    Array.from(
      { length: CONTENDERS },
      () => new Promise((done) => spawn(process.execPath, [contender, target, log, String(start)], { stdio: 'ignore' }).on('exit', done)),
    ),
  );
}

test(`a stale lock is taken over by one process of ${CONTENDERS} started together, in each of ${ROUNDS} rounds`, async () => {
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  const overlaps: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const dir = join(work.dir, `round-${round}`);
    spawnSync('mkdir', [dir]);
    const target = join(dir, 'snapshot.yaml');
    writeFileSync(join(dir, '.snapshot.yaml.lock'), `${dead}\n`);
    const log = join(dir, 'log');
    writeFileSync(log, '');
    await startTogether(target, log);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    let inside = 0;
    let most = 0;
    for (const line of lines) {
      if (line.startsWith('enter ')) most = Math.max(most, ++inside);
      if (line.startsWith('leave ')) inside--;
    }
    // Every contender either held the lock or was told it was busy; none failed otherwise.
    expect(lines.filter((l) => l.startsWith('enter ')).length + lines.filter((l) => l.startsWith('busy ')).length, lines.join('\n')).toBe(CONTENDERS);
    expect(
      lines.filter((l) => l.startsWith('busy ') && !/is writing the target right now/.test(l)),
      lines.join('\n'),
    ).toEqual([]);
    overlaps.push(most);
    expect(readdirSync(dir).sort()).toEqual(['log']);
  }
  expect(overlaps).toEqual(Array.from({ length: ROUNDS }, () => 1));
}, 120_000);
