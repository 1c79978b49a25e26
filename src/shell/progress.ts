import { terminalText } from '../render/terminal-text.js';
import type { Context } from './context.js';

// A progress line on stderr for work that runs over a second: count, rate and time left, redrawn
// in place at most ten times a second and cleared when the work is done. Only on a terminal:
// never in a pipe or a file (CI logs included), and never when the caller asked for data (`-f json`).

const FIRST_AFTER_MS = 1000;
const EVERY_MS = 100;

export interface Progress {
  /** `done` items so far, of the total. */
  update(done: number): void;
  /** Clears the line, if one was drawn. */
  end(): void;
}

const NONE: Progress = { update: () => undefined, end: () => undefined };

/**
 * `what`: "Scoring", with `unit` the plural of what is counted ("files"). `since`: when the work
 * this is a step of began (Date.now()), so that a step of a long job shows from its start.
 */
export function progressLine(context: Context, what: string, unit: string, total: number, options: { quiet?: boolean; since?: number } = {}): Progress {
  if (options.quiet || !context.stderr.isTTY || total <= 1) return NONE;
  const started = Date.now();
  const since = options.since ?? started;
  let drawnAt = 0;
  let drawn = false;
  return {
    update(done) {
      const now = Date.now();
      if (now - since < FIRST_AFTER_MS || now - drawnAt < EVERY_MS) return;
      drawnAt = now;
      drawn = true;
      context.stderr.write(`\r\x1b[K${progressText(what, unit, done, total, (now - started) / 1000)}`);
    },
    end() {
      if (drawn) context.stderr.write('\r\x1b[K');
    },
  };
}

/** "Scoring 1,234 of 15,000 files · 2,400 a second · about 5 s left". Pure. */
export function progressText(what: string, unit: string, done: number, total: number, seconds: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const left = rate > 0 ? Math.ceil((total - done) / rate) : undefined;
  const count = (n: number) => Math.round(n).toLocaleString('en-US');
  return `${what} ${count(done)} of ${count(total)} ${unit} · ${count(rate)} a second${left === undefined ? '' : ` · about ${left < 60 ? `${left} s` : `${Math.ceil(left / 60)} min`} left`}`;
}

/**
 * A progress line for one step over a snapshot's vendors, once their number is known: reading its
 * YAML (the default), caching what was read, checking it against itself. The snapshot store takes one.
 */
export type ReadingProgress = (shown: string, vendors: number, step?: 'Reading' | 'Caching' | 'Checking') => Progress;

/**
 * The progress lines of the steps over snapshots, for commands that read them (the store takes
 * it). Made when the command starts, so that a line shows once the command has run a second.
 */
export function readingProgress(context: Context, options: { quiet?: boolean } = {}): ReadingProgress {
  const since = Date.now();
  return (shown, vendors, step = 'Reading') => progressLine(context, `${step} ${terminalText(shown)}:`, 'vendors', vendors, { ...options, since });
}
