import { afterAll, describe, expect, test } from 'vitest';
import { requires } from '../helpers/requires.js';
import { BIN, REPO, run, sampleCopy } from '../helpers/run-cli.js';
import { TmuxSession } from '../helpers/tmux.js';

// `report` with no -o on a terminal does not pour HTML into it; a quarter with no snapshot gets a
// hint that never suggests a command that would then be refused.

const workspace = sampleCopy();
afterAll(() => workspace.remove());

describe('report on a terminal', () => {
  requires('the report on a terminal', ['tmux']).test(
    'HTML is refused there, with what to do; Markdown is shown',
    async () => {
      const tmux = new TmuxSession();
      try {
        tmux.start(`node ${JSON.stringify(BIN)} report 2026-Q4`, REPO, { columns: 160, rows: 30 });
        for (let i = 0; i < 200 && !tmux.screen().includes('EXIT='); i++) await new Promise((r) => setTimeout(r, 50));
        const screen = tmux.screen();
        expect(screen).toContain('EXIT=2');
        expect(screen).toContain('error: the 2026-Q4 report is HTML, for a browser, not a terminal');
        expect(screen).toContain('hint: write it to a file: aiclaim report 2026-Q4 -o report.html (or read it here as Markdown: -f markdown)');
        expect(screen).not.toContain('<html');
        tmux.start(
          `node ${JSON.stringify(BIN)} report 2026-Q4 -f markdown | head -3; node ${JSON.stringify(BIN)} report 2026-Q4 -f markdown > /dev/null`,
          REPO,
          { columns: 160, rows: 30 },
        );
        for (let i = 0; i < 200 && !tmux.screen().includes('EXIT='); i++) await new Promise((r) => setTimeout(r, 50));
        expect(tmux.screen()).toContain('EXIT=0');
      } finally {
        tmux.stop();
      }
    },
    60_000,
  );

  test('in a pipe the HTML is written as before', async () => {
    const out = await run(['report', '2026-Q4']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^<!doctype html>/i);
  });
});

describe('a quarter with no snapshot', () => {
  test.each([
    // The bundled sample is never written: no `score --period` is suggested there.
    [
      REPO,
      'report',
      '2030-Q1',
      'hint: snapshots there: 2026-Q2, 2026-Q3, 2026-Q4; the bundled sample is read, never written: run `aiclaim init` to score quarters of your own',
    ],
    // A quarter that has not started cannot be scored (it is 2026-Q4).
    ['workspace', 'report', '2030-Q1', 'hint: snapshots there: 2026-Q2, 2026-Q3, 2026-Q4; 2030-Q1 has not started yet (it is 2026-Q4)'],
    ['workspace', 'export', '2026-Q1', 'hint: snapshots there: 2026-Q2, 2026-Q3, 2026-Q4; write one with `aiclaim score --period 2026-Q1`'],
  ])('%s: %s %s', async (where, command, period, hint) => {
    const out = await run([command, period], { cwd: where === 'workspace' ? workspace.dir : where });
    expect(out.code).toBe(2);
    expect(out.stderr.split('\n')).toContain(hint);
  });
});
