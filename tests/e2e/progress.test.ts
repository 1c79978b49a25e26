import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { progressText } from '../../src/shell/progress.js';
import { requires } from '../helpers/requires.js';
import { BIN, run, sampleCopy, tempDir } from '../helpers/run-cli.js';
import { TmuxSession } from '../helpers/tmux.js';

// Scoring 4,000 files, or importing a stack of 3,000 rows, takes seconds: on a terminal, stderr
// shows how many are done, the rate and the time left, in place, and clears it when done; in a
// pipe, and with -f json, nothing of it.

const sh = promisify(execFile);

/**
 * What a recorded terminal received (TmuxSession.startRecorded), split where a progress line is
 * drawn: each drawing returns to the start of the line and clears it, then writes the line anew.
 * `drawn`: the lines drawn (a clear right after a clear, one step ending as the next begins, draws
 * none); `after`: what came after the last clear (a summary, the shell's EXIT=), where a line never
 * cleared would show.
 */
function recorded(text: string): { drawn: string[]; after: string } {
  const parts = text.split('\r\x1b[K');
  return { drawn: parts.slice(1, -1).filter((part) => part !== ''), after: parts.length > 1 ? parts[parts.length - 1]! : '' };
}

const workspace = sampleCopy();
afterAll(() => workspace.remove());
let total = 0;

beforeAll(() => {
  const dir = join(workspace.dir, 'vendors');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    const id = name.replace(/\.yaml$/, '');
    for (let i = 1; i < 250; i++) writeFileSync(join(dir, `${id}-${i}.yaml`), text.replace(new RegExp(`^id: ${id}$`, 'm'), `id: ${id}-${i}`));
  }
  total = readdirSync(dir).filter((n) => n.endsWith('.yaml')).length;
});

describe('the progress line', () => {
  test('its words: count, rate and time left', () => {
    expect(progressText('Scoring', 'files', 1234, 15000, 0.5)).toBe('Scoring 1,234 of 15,000 files · 2,468 a second · about 6 s left');
    expect(progressText('Scoring', 'files', 100, 15000, 10)).toBe('Scoring 100 of 15,000 files · 10 a second · about 25 min left');
  });

  requires('the progress line in a terminal', ['tmux']).test(
    'on a terminal: shown while scoring, gone when done',
    async () => {
      const tmux = new TmuxSession();
      const log = join(workspace.dir, 'terminal.log');
      try {
        // The table goes to a file: what the terminal receives is stderr alone, every byte recorded.
        // One core, so that the run lasts past the second before the line is first drawn.
        tmux.startRecorded(`node ${JSON.stringify(BIN)} score --jobs 1 > /dev/null`, workspace.dir, log, { columns: 120, rows: 20 });
        const { drawn, after } = recorded(await tmux.waitForRecorded(log, /EXIT=\d+\r?\n/, 100_000));
        expect(drawn.length).toBeGreaterThan(0);
        for (const line of drawn)
          expect(line).toMatch(new RegExp(`^Scoring [\\d,]+ of ${total.toLocaleString('en-US')} files · [\\d,]+ a second( · about \\d+ (s|min) left)?$`));
        // Cleared: the last drawing is followed by a clear, then the shell's line; the screen holds none.
        expect(after).toMatch(/^(\r?\n)*EXIT=0/);
        expect(tmux.visible().some((l) => l.startsWith('Scoring '))).toBe(false);
      } finally {
        tmux.stop();
        rmSync(log, { force: true });
      }
    },
    120_000,
  );

  test('in a pipe: not a byte of it', async () => {
    const { stderr } = await sh('bash', ['-c', `node ${JSON.stringify(BIN)} score 2>&1 >/dev/null | cat >&2`], { cwd: workspace.dir, maxBuffer: 1 << 26 });
    expect(stderr).not.toContain('Scoring');
    expect(stderr).not.toContain('\r');
  }, 120_000);
});

describe('the progress line of an import', () => {
  const ROWS = 3000;
  const stack = ['vendor,category,spend,currency,renewal', ...Array.from({ length: ROWS }, (_, i) => `Vendor ${i},email,${1000 + i},EUR,2027-01-31`)].join(
    '\n',
  );
  let own: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    own = tempDir();
    expect((await run(['init'], { cwd: own.dir })).code).toBe(0);
    writeFileSync(join(own.dir, 'stack.csv'), `${stack}\n`);
  });
  afterAll(() => own.remove());

  test('in a pipe: not a byte of it', async () => {
    const { stderr } = await sh('bash', ['-c', `node ${JSON.stringify(BIN)} import stack.csv --dry-run 2>&1 >/dev/null | cat >&2`], {
      cwd: own.dir,
      maxBuffer: 1 << 26,
    });
    expect(stderr).toContain(`${ROWS} vendor files would be created`);
    expect(stderr).not.toMatch(/Preparing|Checking|\r/);
  }, 120_000);

  requires('the import progress line in a terminal', ['tmux']).test(
    'on a terminal: the steps of a large import counted, then cleared',
    async () => {
      const tmux = new TmuxSession();
      const log = join(own.dir, 'terminal.log');
      try {
        tmux.startRecorded(`node ${JSON.stringify(BIN)} import stack.csv > /dev/null`, own.dir, log, { columns: 120, rows: 20 });
        const { drawn, after } = recorded(await tmux.waitForRecorded(log, /EXIT=\d+\r?\n/, 100_000));
        expect(drawn.length).toBeGreaterThan(0);
        for (const line of drawn)
          expect(line).toMatch(
            new RegExp(
              `^(Preparing|Checking|Writing) [\\d,]+ of ${ROWS.toLocaleString('en-US')} vendor files · [\\d,]+ a second( · about \\d+ (s|min) left)?$`,
            ),
          );
        expect(after).toMatch(/^3,?000 vendor files created/);
        expect(after).toMatch(/\nEXIT=0\r?\n/);
        expect(tmux.visible().some((l) => /^(Preparing|Checking|Writing) /.test(l))).toBe(false);
      } finally {
        tmux.stop();
        rmSync(log, { force: true });
      }
    },
    120_000,
  );
});

describe('the progress line of a first diff', () => {
  // Two snapshots of over 3,000 vendors and no cache, as on a fresh clone: their YAML is read on
  // worker threads, and on a terminal the reading is counted per snapshot.
  const COPIES = 187;
  const big = sampleCopy();
  afterAll(() => big.remove());
  let vendors = 0;
  beforeAll(async () => {
    for (const folder of ['vendors', 'vendors-2026-Q3']) {
      const dir = join(big.dir, folder);
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
        const text = readFileSync(join(dir, name), 'utf8');
        const id = name.replace(/\.yaml$/, '');
        for (let i = 1; i <= COPIES; i++) writeFileSync(join(dir, `${id}-${i}.yaml`), text.replace(new RegExp(`^id: ${id}$`, 'm'), `id: ${id}-${i}`));
      }
    }
    vendors = readdirSync(join(big.dir, 'vendors')).filter((n) => n.endsWith('.yaml')).length;
    for (const file of readdirSync(join(big.dir, 'findings'))) rmSync(join(big.dir, 'findings', file));
    expect((await run(['score', 'vendors-2026-Q3', '--period', '2026-Q3'], { cwd: big.dir, timeout: 120_000 })).code).toBe(0);
    expect((await run(['score', '--period', '2026-Q4'], { cwd: big.dir, timeout: 120_000 })).code).toBe(0);
  }, 240_000);
  // What a fresh clone has: the snapshots, and no cache of them.
  const dropCache = () => rmSync(join(big.dir, '.aiclaim'), { recursive: true, force: true });

  requires('the diff progress line in a terminal', ['tmux']).test(
    'on a terminal: the snapshots being read counted, then cleared',
    async () => {
      dropCache();
      const tmux = new TmuxSession();
      const log = join(big.dir, 'terminal.log');
      try {
        tmux.startRecorded(`node ${JSON.stringify(BIN)} diff 2026-Q3 2026-Q4 > /dev/null`, big.dir, log, { columns: 120, rows: 20 });
        const { drawn, after } = recorded(await tmux.waitForRecorded(log, /EXIT=\d+\r?\n/, 160_000));
        expect(drawn.some((l) => l.startsWith('Reading '))).toBe(true);
        // Read, then cached, then checked against itself: each step counted, none silent.
        for (const line of drawn)
          expect(line).toMatch(
            /^(Reading|Caching|Checking) findings\/2026-Q[34]\.yaml: [\d,]+ of [\d,]+ vendors · [\d,]+ a second( · about \d+ (s|min) left)?$/,
          );
        // The newer snapshot, read second, is read past the first second of the command.
        expect(drawn.some((l) => l.includes(`of ${vendors.toLocaleString('en-US')} vendors`))).toBe(true);
        expect(after).toMatch(/^(\r?\n)*EXIT=0/);
        expect(tmux.visible().some((l) => /^(Reading|Caching|Checking) /.test(l))).toBe(false);
      } finally {
        tmux.stop();
        rmSync(log, { force: true });
      }
    },
    180_000,
  );

  test('in a pipe: not a byte of it, the diff alike', async () => {
    dropCache();
    const piped = await sh('bash', ['-c', `node ${JSON.stringify(BIN)} diff 2026-Q3 2026-Q4 2>&1 >/dev/null | cat >&2`], { cwd: big.dir, maxBuffer: 1 << 26 });
    expect(piped.stderr).not.toMatch(/Reading|Caching|Checking|\r/);
  }, 180_000);
});
