import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { BIN, REPO } from '../helpers/run-cli.js';

// `aiclaim … | head -1`: the reader goes away after one line. A closed pipe is not a failure of
// the command: it ends quietly with 0 (exit 1 means "failed a threshold"), with no stack on stderr.
// Run through a real shell pipeline, as a user's terminal or script runs it.

const sh = promisify(execFile);

async function piped(args: string): Promise<{ code: number; stderr: string; first: string }> {
  // PIPESTATUS[0]: aiclaim's own exit status, not head's.
  const script = `node ${JSON.stringify(BIN)} ${args} 2>"$ERR" | head -1; echo "exit=\${PIPESTATUS[0]}"; cat "$ERR"`;
  const { stdout } = await sh('bash', ['-c', `ERR=$(mktemp); ${script}; rm -f "$ERR"`], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
  const [first = '', status = '', ...rest] = stdout.split('\n');
  return { first, code: Number(status.replace('exit=', '')), stderr: rest.join('\n') };
}

describe('a closed pipe ends quietly', () => {
  // Each writes far more than a pipe holds (64 KiB), so the write after head exits meets EPIPE.
  test.each([['score --explain'], ['report 2026-Q4'], ['score --explain -f json']])('aiclaim %s | head -1', async (args) => {
    const out = await piped(args);
    expect(out.first.length).toBeGreaterThan(0);
    expect(out.stderr).not.toMatch(/EPIPE|Error|at .*\.js:\d+/);
    expect(out.code).toBe(0);
  });
});
