import stringWidth from 'string-width';
import { afterEach, describe, expect, test } from 'vitest';
import { BIN, REPO, run, TODAY } from '../helpers/run-cli.js';
import { TmuxSession, tmuxAvailable } from '../helpers/tmux.js';

// The score, trend and diff tables in a real terminal (tmux, a fresh server per test), on the
// bundled sample: at 60 columns each fits, no row wrapped, and a dim line under it names the
// columns left out; on a wide terminal and in a pipe, the whole table as ever.

const hasTmux = tmuxAvailable();
if (!hasTmux) console.warn('Skipping the narrow table tests: tmux is not installed (.ci/run installs it).');

const cli = (args: string) => `env NO_COLOR=1 AICLAIM_TODAY=${TODAY} ${process.execPath} ${BIN} ${args}`;
const COMMANDS = [
  { args: 'score', kept: ['Vendor', 'Score', 'Verdict'] },
  { args: 'trend', kept: ['Vendor', '2026-Q4', 'Verdicts'] },
  { args: 'diff 2026-Q3 2026-Q4', kept: ['Vendor', 'Score', 'Verdict'] },
];

/** The table's lines: from its top border to its bottom one. */
function tableIn(lines: readonly string[]): string[] {
  const top = lines.findIndex((l) => l.startsWith('┌'));
  const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'));
  expect(top, lines.join('\n')).toBeGreaterThanOrEqual(0);
  expect(bottom, lines.join('\n')).toBeGreaterThan(top);
  return lines.slice(top, bottom + 1).map((l) => l.trimEnd());
}

const cells = (row: string) =>
  row
    .split('│')
    .map((c) => c.trim())
    .filter(Boolean);

describe.skipIf(!hasTmux)('tables in a terminal of 60 columns', () => {
  let tmux: TmuxSession | undefined;
  afterEach(() => tmux?.stop());

  async function inPane(args: string, columns: number): Promise<{ joined: string[]; rows: string[] }> {
    const session = (tmux = new TmuxSession());
    session.start(cli(args), REPO, { columns, rows: 80 });
    expect(session.size()).toBe(`${columns} 80`);
    const screen = await session.waitFor(/EXIT=\d+/);
    expect(screen).toMatch(/EXIT=0/);
    return { joined: screen.replace(/\n$/, '').split('\n'), rows: session.rows() };
  }

  for (const { args, kept } of COMMANDS) {
    test(`aiclaim ${args}: no row of the table wrapped, the columns left out named under it`, async () => {
      const { joined, rows } = await inPane(args, 60);
      // As the program wrote it (lines the terminal wrapped joined back) and as the terminal shows
      // it row by row: the same when nothing wrapped.
      const table = tableIn(joined);
      expect(tableIn(rows)).toEqual(table);
      expect(table.length).toBeGreaterThan(5);
      for (const line of table) {
        expect(stringWidth(line), line).toBeLessThanOrEqual(60);
        expect(line).toMatch(/^[│┌├└]/);
      }
      const head = cells(table[1]!);
      for (const column of kept) expect(head).toContain(column);
      expect(table.join('\n')).toContain('…');

      const after = joined.slice(joined.indexOf(table.at(-1)!) + 1);
      expect(after[0]).toMatch(/^Hidden at 60 columns: /);
      const note = after.slice(0, after.findIndex((l) => l.endsWith('-f json')) + 1);
      expect(note.length).toBeGreaterThan(0);
      for (const line of note) expect(stringWidth(line)).toBeLessThanOrEqual(60);
      const hidden = /^Hidden at 60 columns: (.*) — widen the terminal or use -f json$/.exec(note.join(' '))![1]!.split(', ');
      expect(hidden.length).toBeGreaterThan(0);
      for (const column of hidden) expect(head).not.toContain(column);
      for (const column of kept) expect(hidden).not.toContain(column);
    });
  }

  // Every line a person reads, not only the tables: prose is wrapped at words, nothing is lost.
  const PROSE = [
    'diff 2026-Q3 2026-Q4 --vendor autoflow',
    'diff 2026-Q2 2026-Q3',
    'stack',
    'score --explain',
    'trend',
    'questionnaire show',
    'questionnaire diff questionnaires/editions/ai-claims-1.0.0.yaml ai-claims',
  ];
  for (const args of PROSE) {
    test(`aiclaim ${args}: every line fits 60 columns, wrapped at words`, async () => {
      const { joined, rows } = await inPane(args, 60);
      // Nothing the terminal had to wrap: the lines as written are the rows it shows.
      expect(rows.map((r) => r.trimEnd())).toEqual(joined.map((l) => l.trimEnd()));
      for (const line of joined) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
      if (!args.startsWith('questionnaire')) return;
      // No table in them: the words are the pipe's, in the same order.
      const piped = await run(args.split(' '));
      expect(piped.code, piped.stderr).toBe(0);
      const words = (text: string) => text.split(/\s+/).filter(Boolean);
      // The pane keeps the last screenful and its history: the end of the output, from a whole line.
      const shown = words(joined.join('\n').replace(/EXIT=\d+/, ''));
      expect(shown.length).toBeGreaterThan(100);
      expect(shown).toEqual(words(piped.stdout).slice(-shown.length));
    });
  }

  test("aiclaim trend at 60 columns: the stack's figures keep the latest quarter, the oldest give way", async () => {
    const { joined } = await inPane('trend', 60);
    const table = tableIn(joined.slice(joined.indexOf('Stack economics, quarter by quarter')));
    const head = cells(table[1]!);
    expect(head[0]).toBe('Figure');
    expect(head.at(-1)).toBe('2026-Q4');
    expect(head).not.toContain('2026-Q2');
    expect(table.find((l) => l.includes('Annual spend of the stack'))).toMatch(/€1,898,000 │$/);
  });

  test('aiclaim diff --vendor at 60 columns: the questions that changed become a list, each side whole', async () => {
    const { joined } = await inPane('diff 2026-Q3 2026-Q4 --vendor autoflow', 60);
    const at = joined.findIndex((l) => l.startsWith('Questions that changed'));
    expect(at).toBeGreaterThan(0);
    const list = joined.slice(at + 1);
    expect(list.some((l) => l.startsWith('┌'))).toBe(false);
    expect(list).toContain('  ml-team · changed · Δ −1.0 · answer changed');
    expect(list).toContain('    2026-Q3  2/3 answered');
    expect(list).toContain('    2026-Q4  1/3 answered');
    // The longest side, cut in the table, is here in full.
    expect(list.join(' ').replace(/\s+/g, ' ')).toContain(
      'hidden: asked only when independent-validation is one of customer-pilot, independent, reproducible, regulator',
    );
  });

  test('on a terminal wide enough, and in a pipe even with COLUMNS=60, each table is the whole table, as before', async () => {
    for (const { args } of COMMANDS) {
      const piped = await run(args.split(' '), { env: { COLUMNS: '60' } });
      expect(piped.code, piped.stderr).toBe(0);
      expect(piped.stdout).not.toContain('Hidden at');
      const whole = tableIn(piped.stdout.split('\n'));
      expect(Math.max(...whole.map((l) => stringWidth(l)))).toBeGreaterThan(100);
      const { joined } = await inPane(args, 200);
      expect(tableIn(joined)).toEqual(whole);
      expect(joined.join('\n')).not.toContain('Hidden at');
      tmux?.stop();
    }
  });
});
