import { execFileSync } from 'node:child_process';

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
  private readonly socket = `aiclaim-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly name = 'main';

  start(command: string, cwd: string): void {
    this.submitted = 0;
    this.stop();
    execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', 'new-session', '-d', '-s', this.name, '-x', '200', '-y', '60', '-c', cwd, `${command}; echo "EXIT=$?"; sleep 120`]);
  }

  /** Keys as tmux names them: text, Enter, Down, C-c. */
  send(...keys: string[]): void {
    for (const key of keys) execFileSync('tmux', ['-L', this.socket, 'send-keys', '-t', this.name, ...(key.length > 1 && /^(Enter|Down|Up|Space|Tab|BSpace|C-[a-z])$/.test(key) ? [key] : ['-l', key])]);
  }

  screen(): string {
    return execFileSync('tmux', ['-L', this.socket, 'capture-pane', '-p', '-J', '-S', '-500', '-t', this.name], { encoding: 'utf8' });
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
        const active = screen.split('\n').filter((l) => l.startsWith('? ')).at(-1) ?? '';
        return (screen.match(/^✔/gm) ?? []).length === expected && pattern.test(active);
      },
      toString: () => `an active prompt matching ${pattern} after ${expected} answers`,
    } as RegExp);
    this.send(...keys);
    this.submitted++;
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
  }
}
