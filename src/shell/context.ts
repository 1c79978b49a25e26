// What a command may touch of the outside world, passed in so that tests can supply their own.

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
  rows?: number | undefined;
}

/** The width to lay text out to: a terminal's columns, else 80 (a file or a pipe). */
export function columnsOf(stream: OutputStream): number {
  return (stream.isTTY && stream.columns) || 80;
}

export interface Context {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** The clock, read only to pick the current quarter. */
  now: () => Date;
  stdinIsTTY: boolean;
  /**
   * `--sample`: run on the bundled sample portfolio wherever the command runs (read, never
   * written), rather than the workspace found from `cwd`.
   */
  sample?: boolean | undefined;
}

export function processContext(): Context {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => today(process.env.AICLAIM_TODAY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
  };
}

/** AICLAIM_TODAY=YYYY-MM-DD pins "today", so that scheduled jobs and tests are reproducible. */
function today(pinned: string | undefined): Date {
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return new Date(`${pinned}T12:00:00Z`);
  return new Date();
}

/**
 * `aiclaim score | head -3`: once the reader has gone, nothing written can be read, and it is not a
 * failure of the command (exit 1 means "failed a threshold"). The process ends at once, quietly,
 * with 0; any other stream error is left to fail as it would.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
