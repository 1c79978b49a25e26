import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFileAtomic, writeFileAtomicStream } from '../../src/shell/atomic-write.js';
import { BIN, REPO, run, tempDir, TODAY } from '../helpers/run-cli.js';

// A findings snapshot is never half written: not when the process is killed while writing it,
// not when a write fails, not when two runs write it at once.

const SAMPLE = join(REPO, 'fixtures', 'sample', 'vendors');
const SNAPSHOT = join('findings', '2026-Q4.yaml');

let ws: { dir: string; remove: () => void };

/** A workspace of `copies` times the sample portfolio, under new ids, with its snapshot written. */
beforeAll(async () => {
  ws = tempDir('aiclaim-lost-');
  writeFileSync(join(ws.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: ai-claims\n');
  mkdirSync(join(ws.dir, 'vendors'));
  const copies = 40;
  for (const name of readdirSync(SAMPLE)) {
    const text = readFileSync(join(SAMPLE, name), 'utf8');
    const id = name.replace(/\.yaml$/, '');
    for (let i = 0; i < copies; i++) writeFileSync(join(ws.dir, 'vendors', `${id}-${i}.yaml`), text.replace(/^id: .*$/m, `id: ${id}-${i}`));
  }
  const first = await run(['score', '--period', '2026-Q4'], { cwd: ws.dir });
  expect(first.code, first.stderr).toBe(0);
});

afterAll(() => ws.remove());

function startScore(...extra: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, 'score', '--period', '2026-Q4', '--no-reuse', '--format', 'csv', ...extra], {
    cwd: ws.dir,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', AICLAIM_TODAY: TODAY },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal, stderr })));
}

const temps = () => readdirSync(join(ws.dir, 'findings')).filter((n) => n.endsWith('.tmp'));

describe('a snapshot is never half written', () => {
  test('killed while writing the snapshot, the previous one is intact; the next run cleans up', async () => {
    const before = readFileSync(join(ws.dir, SNAPSHOT));
    let caughtMidWrite = false;
    // The moment the temporary file appears, the child is frozen: if the snapshot is still the old
    // one then, it is being written, and the child is killed there.
    for (let attempt = 0; attempt < 5 && !caughtMidWrite; attempt++) {
      // Each attempt changes every vendor a little, so the new snapshot differs from the old.
      for (const name of readdirSync(join(ws.dir, 'vendors'))) {
        const path = join(ws.dir, 'vendors', name);
        writeFileSync(
          path,
          readFileSync(path, 'utf8').replace(/amount: (\d+)/, (_, a: string) => `amount: ${Number(a) + 1}`),
        );
      }
      const child = startScore();
      const done = exited(child);
      const watcher = watch(join(ws.dir, 'findings'), (_event, name) => {
        if (name?.startsWith('.2026-Q4.yaml.') && name.endsWith('.tmp')) child.kill('SIGSTOP');
      });
      const stopped = await until(() => isStopped(child.pid!), done);
      watcher.close();
      if (stopped && temps().length > 0 && readFileSync(join(ws.dir, SNAPSHOT)).equals(before)) {
        caughtMidWrite = true;
        child.kill('SIGKILL');
        expect((await done).signal).toBe('SIGKILL');
        expect(readFileSync(join(ws.dir, SNAPSHOT)).equals(before)).toBe(true);
        // The killed run's lock and temporary file are left behind, for the next run to clear.
        expect(existsSync(join(ws.dir, 'findings', '.2026-Q4.yaml.lock'))).toBe(true);
        expect(temps().length).toBe(1);
      } else {
        child.kill('SIGKILL');
        await done;
      }
    }
    expect(caughtMidWrite, 'never caught the run between creating and renaming its temporary file').toBe(true);

    const next = await run(['score', '--period', '2026-Q4', '--format', 'csv'], { cwd: ws.dir });
    expect(next.code, next.stderr).toBe(0);
    expect(temps()).toEqual([]);
    expect(existsSync(join(ws.dir, 'findings', '.2026-Q4.yaml.lock'))).toBe(false);
    const valid = await run(['validate', SNAPSHOT], { cwd: ws.dir });
    expect(valid.code, valid.stderr).toBe(0);
  });

  test('a second run while one is writing is refused with a clear message, and the first completes', async () => {
    const first = startScore();
    const firstDone = exited(first);
    const lock = join(ws.dir, 'findings', '.2026-Q4.yaml.lock');
    expect(await until(() => existsSync(lock), firstDone)).toBe(true);
    const second = await run(['score', '--period', '2026-Q4'], { cwd: ws.dir });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`error: another aiclaim (process ${first.pid}) is writing findings/2026-Q4.yaml right now`);
    expect(second.stderr).toMatch(/nothing was written/);
    const result = await firstDone;
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect((await run(['validate', SNAPSHOT], { cwd: ws.dir })).code).toBe(0);
  });

  test('a lock left by a process that no longer runs is taken over', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(ws.dir, 'findings', '.2026-Q4.yaml.lock'), `${gone}\n`);
    const result = await run(['score', '--period', '2026-Q4', '--format', 'csv'], { cwd: ws.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(ws.dir, 'findings', '.2026-Q4.yaml.lock'))).toBe(false);
  });
});

describe('atomic writes', () => {
  test('a write that fails half way leaves the previous file whole, and no temporary file', async () => {
    const dir = tempDir();
    try {
      const path = join(dir.dir, 'file.yaml');
      await writeFileAtomic(path, 'old: true\n');
      await expect(
        writeFileAtomicStream(path, (write) => {
          write('new: ');
          write('x'.repeat(1 << 20));
          throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
      expect(readFileSync(path, 'utf8')).toBe('old: true\n');
      expect(readdirSync(dir.dir)).toEqual(['file.yaml']);
    } finally {
      dir.remove();
    }
  });
});

function isStopped(pid: number): boolean {
  try {
    return /^State:\s+T/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** True once `ready()` holds (checked every few milliseconds), false if the process ends first. */
function until(ready: () => boolean, ended: Promise<unknown>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (ready()) {
        clearInterval(timer);
        resolve(true);
      }
    }, 2);
    void ended.then(() => {
      clearInterval(timer);
      resolve(ready());
    });
  });
}
