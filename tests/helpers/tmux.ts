import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestSlug } from '../../src/core/interview/parse-answer.js';

// Drives a program in a real terminal: tmux runs it, send-keys types, capture-pane reads the screen.

export function tmuxAvailable(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export class TmuxSession {
  private socket = TmuxSession.newSocket();
  private readonly name = 'main';

  /** Each server its own socket: a new session never races the shutdown of the one before. */
  private static newSocket(): string {
    return `aiclaim-test-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  }

  /** A fresh server running `command` in a terminal of `size` (200 columns by 60 rows unless given). */
  start(command: string, cwd: string, size: { columns: number; rows: number } = { columns: 200, rows: 60 }): void {
    this.submitted = 0;
    this.stop();
    this.socket = TmuxSession.newSocket();
    execFileSync('tmux', [
      '-L',
      this.socket,
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      String(size.columns),
      '-y',
      String(size.rows),
      '-c',
      cwd,
      `${command}; echo "EXIT=$?"; sleep 120`,
    ]);
  }

  /**
   * As start, with every byte the program writes to the terminal recorded to `log` (tmux's
   * pipe-pane), from its first: the command waits until the recording has begun. What a program
   * draws and clears in between two looks at the screen is in the log (read it with waitForRecorded).
   */
  startRecorded(command: string, cwd: string, log: string, size?: { columns: number; rows: number }): void {
    const ready = `${log}.ready`;
    rmSync(ready, { force: true });
    this.start(`until [ -e ${JSON.stringify(ready)} ]; do sleep 0.05; done; rm -f ${JSON.stringify(ready)}; ${command}`, cwd, size);
    execFileSync('tmux', ['-L', this.socket, 'pipe-pane', '-t', this.name, `cat > ${JSON.stringify(log)}`]);
    writeFileSync(ready, '');
  }

  /** The recording of startRecorded once it holds `pattern`: the log, not the screen, which it may trail. */
  async waitForRecorded(log: string, pattern: RegExp, timeoutMs = 15000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} in the recording; the screen shows:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Keys as tmux names them: text, Enter, Down, C-c. */
  send(...keys: string[]): void {
    for (const key of keys)
      execFileSync('tmux', [
        '-L',
        this.socket,
        'send-keys',
        '-t',
        this.name,
        ...(key.length > 1 && /^(Enter|Down|Up|Space|Tab|BSpace|C-[a-z])$/.test(key) ? [key] : ['-l', key]),
      ]);
  }

  /** The scrollback and the screen, lines the terminal wrapped joined back. */
  screen(): string {
    return execFileSync('tmux', ['-L', this.socket, 'capture-pane', '-p', '-J', '-S', '-500', '-t', this.name], { encoding: 'utf8' });
  }

  /** The scrollback and the screen row by row, as the terminal shows them: a wrapped line is two rows. */
  rows(): string[] {
    return execFileSync('tmux', ['-L', this.socket, 'capture-pane', '-p', '-S', '-500', '-t', this.name], { encoding: 'utf8' }).replace(/\n$/, '').split('\n');
  }

  /** Only what is on the screen now, row by row. */
  visible(): string[] {
    return execFileSync('tmux', ['-L', this.socket, 'capture-pane', '-p', '-t', this.name], { encoding: 'utf8' }).replace(/\n$/, '').split('\n');
  }

  /** The pane's title, as a program may set it with an escape sequence. */
  title(): string {
    return execFileSync('tmux', ['-L', this.socket, 'display-message', '-p', '-t', this.name, '#{pane_title}'], { encoding: 'utf8' }).trim();
  }

  /** The terminal's size as tmux has it: "columns rows". */
  size(): string {
    return execFileSync('tmux', ['-L', this.socket, 'display-message', '-p', '-t', this.name, '#{pane_width} #{pane_height}'], { encoding: 'utf8' }).trim();
  }

  /** Waits until the screen matches, and returns it; fails with the screen when it does not. */
  async waitFor(pattern: RegExp, timeoutMs = 15000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private submitted = 0;

  /**
   * Sends keys once the active prompt (the last line starting "? ") matches `pattern` and every
   * earlier answer has been taken (Inquirer marks each with a ✔ line).
   */
  async answer(pattern: RegExp, ...keys: string[]): Promise<void> {
    const expected = this.submitted;
    await this.waitFor({
      test: (screen: string) => {
        const active =
          screen
            .split('\n')
            .filter((l) => l.startsWith('? '))
            .at(-1) ?? '';
        return (screen.match(/^✔/gm) ?? []).length === expected && pattern.test(active);
      },
      toString: () => `an active prompt matching ${pattern} after ${expected} answers`,
    } as RegExp);
    this.send(...keys);
    this.submitted++;
  }

  /**
   * A new vendor's profile and interview record, typed at the prompts of `aiclaim interview` with
   * no id: a field left out is Enter (its default, or left out); the one respondent, no one else.
   */
  async newVendor(profile: {
    name: string;
    product?: string;
    spend?: string;
    renewal?: string;
    interviewer: string;
    respondent: string;
    role?: string;
  }): Promise<void> {
    const typed = (text: string | undefined) => (text === undefined ? ['Enter'] : [text, 'Enter']);
    await this.answer(/Which vendor\?/, 'Enter');
    await this.answer(/Vendor name/, profile.name, 'Enter');
    // The id suggested from the name is offered, and taken.
    await this.answer(new RegExp(`Vendor id .*\\(${suggestSlug(profile.name)}\\)`), 'Enter');
    await this.answer(/Product/, ...typed(profile.product));
    await this.answer(/Martech category/, 'Enter');
    await this.answer(/Annual spend in EUR/, ...typed(profile.spend));
    await this.answer(/renewal date/, ...typed(profile.renewal));
    await this.answer(/Owner/, 'Enter');
    await this.answer(/interviewer/, profile.interviewer, 'Enter');
    await this.answer(/Who answers for the vendor/, profile.respondent, 'Enter');
    await this.answer(/role/, ...typed(profile.role));
    await this.answer(/Anyone else/, 'Enter');
  }

  /** The last answer was refused at the prompt (validation): the same prompt is still waiting. */
  refused(): void {
    this.submitted--;
  }

  stop(): void {
    try {
      execFileSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
    } catch {
      /* already gone */
    }
    // tmux (3.3) leaves the socket file behind when its server exits: one per session otherwise.
    rmSync(join(process.env.TMUX_TMPDIR || '/tmp', `tmux-${process.getuid?.() ?? 0}`, this.socket), { force: true });
  }
}
