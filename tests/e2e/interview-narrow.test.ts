import { afterEach, expect, test } from 'vitest';
import { BIN, sampleCopy, TODAY } from '../helpers/run-cli.js';
import { quickWorkspace } from '../helpers/quick-workspace.js';
import { requires } from '../helpers/requires.js';
import { TmuxSession } from '../helpers/tmux.js';

// The interview in a narrow terminal (tmux, a fresh server per test): the score card fits the
// columns, and the question being asked stays on screen when the rows are few.

const terminal = requires('the narrow terminal tests', ['tmux']);

const cli = (args: string) => `env NO_COLOR=1 AICLAIM_TODAY=${TODAY} ${process.execPath} ${BIN} ${args}`;
/** "  Title   ██████░░░░  62.3  legitimacy": a section's row of the card. */
const BAR_ROW = /^ {2}\S.*? {2}([█░]+|·+) +(\d+\.\d|—)(?: {2}(legitimacy|risk))?$/;
const flat = (rows: readonly string[]) => rows.join(' ').replace(/\s+/g, ' ');

terminal.describe('aiclaim interview in a narrow terminal', () => {
  let tmux: TmuxSession | undefined;
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    tmux?.stop();
    cleanup?.();
  });

  /** Waits until the rows on screen satisfy `check`; fails with them when they do not. */
  async function onScreen(session: TmuxSession, check: (rows: string[]) => boolean, what: string, timeoutMs = 15000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = session.visible();
      if (check(rows)) return rows;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen shows:\n${rows.join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Takes the default (Enter) at every prompt, each once it is drawn, until the program ends. */
  async function enterToTheEnd(session: TmuxSession, most = 40): Promise<string> {
    for (let answered = 0; answered < most; answered++) {
      const screen = await session.waitFor({
        test: (s: string) => /EXIT=\d+/.test(s) || asking(s, answered),
        toString: () => `a prompt after ${answered} answers, or the end`,
      } as RegExp);
      if (/EXIT=\d+/.test(screen)) return screen;
      session.send('Enter');
    }
    throw new Error(`the interview did not end after ${most} answers`);
  }

  /** A prompt is drawn after the `answered` ones done (Inquirer marks each with a ✔ line). */
  function asking(screen: string, answered: number): boolean {
    const lines = screen.split('\n');
    const done = lines.filter((l) => l.startsWith('✔'));
    return done.length === answered && lines.findLastIndex((l) => l.startsWith('? ')) > lines.findLastIndex((l) => l.startsWith('✔'));
  }

  test('at 60×30 the score card fits the width: no line of it wrapped, each bar row whole on its line', async () => {
    const sample = sampleCopy();
    cleanup = sample.remove;
    const session = (tmux = new TmuxSession());
    session.start(cli('interview campaignly --changed-only'), sample.dir, { columns: 60, rows: 30 });
    expect(session.size()).toBe('60 30');
    // The same people, nothing changed in any section, the file written: Enter at every prompt.
    const joined = (await enterToTheEnd(session)).split('\n');
    expect(joined).toContain('EXIT=0');

    // The card as the program wrote it (lines joined back) and as the terminal shows it, row by
    // row: the same when the terminal had to wrap nothing.
    const card = (lines: string[]) => lines.slice(lines.indexOf('Campaignly BV (campaignly)'), lines.indexOf('EXIT=0')).map((l) => l.trimEnd());
    const written = card(joined);
    const shown = card(session.rows());
    expect(written.length).toBeGreaterThan(20);
    expect(shown).toEqual(written);
    const bars = shown.filter((row) => BAR_ROW.test(row));
    expect(bars).toHaveLength(7);
    for (const row of bars) expect(BAR_ROW.exec(row)![1]!.length).toBeGreaterThanOrEqual(10);
    expect(shown.find((row) => /^Legitimacy /.test(row))).toMatch(/^Legitimacy \d+\.\d · /);
  });

  test('at 40×12 the question of a list prompt stays on screen while its choices scroll', async () => {
    const workspace = quickWorkspace();
    cleanup = workspace.remove;
    const session = (tmux = new TmuxSession());
    session.start(cli('interview'), workspace.dir, { columns: 40, rows: 12 });
    expect(session.size()).toBe('40 12');
    await session.answer(/Which vendor\?/, 'Enter');
    await session.answer(/Vendor name/, 'Acme Data', 'Enter');
    await session.answer(/Vendor id/, 'Enter');
    await session.answer(/Product/, 'Enter');

    // A long list: the message on top, the choices scrolling under it.
    const category = (rows: string[]) => rows.some((r) => r.startsWith('? Martech category')) && rows.some((r) => r.startsWith('❯ '));
    const first = await onScreen(session, category, 'the category list with its question');
    session.send(...Array<string>(10).fill('Down'));
    const scrolled = await onScreen(session, (rows) => category(rows) && !rows.includes(first.find((r) => r.startsWith('❯ '))!), 'the category list scrolled');
    expect(scrolled[0]).toBe('? Martech category');
    await session.answer(/Martech category/, 'Enter');

    await session.answer(/Annual spend/, 'Enter');
    await session.answer(/renewal date/, 'Enter');
    await session.answer(/Owner/, 'Enter');
    await session.answer(/interviewer/, 'Claire Martin', 'Enter');
    await session.answer(/Who answers for the vendor/, 'Ana Ruiz', 'Enter');
    await session.answer(/role/, 'Enter');
    await session.answer(/Anyone else/, 'Enter');
    await session.answer(/Add a claim/, 'n', 'Enter');
    // The interview's own lines wrap at spaces, as its prompts do: never in the middle of a word
    // (rows joined with a space give the line back only then).
    expect(flat(session.rows())).toContain("[question 1 of 5, about 3 min left] (1/4) Record the vendor's AI claims.");

    // A question over three rows, with help under the choices: the question whole on screen.
    const question = (rows: string[]) =>
      rows.some((r) => r.startsWith('? [question 2 of')) &&
      flat(rows).includes('(2/4) Does the vendor train models on data it controls?') &&
      rows.some((r) => r.startsWith('❯ '));
    await onScreen(session, question, 'the whole question above its choices');
    session.send(...Array<string>(6).fill('Down'));
    const down = await onScreen(
      session,
      (rows) => question(rows) && rows.some((r) => r.startsWith('❯ Save and stop')),
      'the last choice, the question still shown',
    );
    expect(down.filter((r) => r.startsWith('❯ '))).toHaveLength(1);
    session.send('C-c');
    expect(await session.waitFor(/EXIT=\d+/)).toMatch(/EXIT=130/);
  });
});
