import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Runs the built CLI as a user would: a child process, a clean environment, a pinned "today".

export const REPO = resolve(import.meta.dirname, '..', '..');
export const BIN = join(REPO, 'bin', 'aiclaim.cjs');
export const TODAY = '2026-11-22';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Killed after `timeout` milliseconds: it hung. */
  timedOut: boolean;
}

export function run(args: string[], options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? REPO,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', AICLAIM_TODAY: TODAY, ...options.env },
        maxBuffer: 256 * 1024 * 1024,
        timeout: options.timeout ?? 0,
      },
      (error, stdout, stderr) =>
        done({
          code: error ? ((error as { code?: number }).code ?? 1) : 0,
          stdout,
          stderr,
          timedOut: Boolean(error && (error as { killed?: boolean }).killed),
        }),
    );
  });
}

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix = 'aiclaim-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of the bundled sample workspace to run commands in. */
export function sampleCopy(): { dir: string; remove: () => void } {
  const temp = tempDir();
  cpSync(join(REPO, 'fixtures', 'sample'), temp.dir, { recursive: true });
  return temp;
}
