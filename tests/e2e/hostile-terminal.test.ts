import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { BIN, REPO, run, tempDir, type Run } from '../helpers/run-cli.js';
import { requires } from '../helpers/requires.js';
import { TmuxSession } from '../helpers/tmux.js';
import { tree } from '../helpers/tree.js';

// Terminal escapes in files (issue 11, item 4): a vendor named "Tag\e]0;pwned\aWISE\e[2J\rOVER\u202E",
// with claims, roadmap titles, answers and notes to match, scored against a questionnaire whose
// titles and texts carry the same. Whatever aiclaim prints for a terminal (tables, explanations,
// diffs, trends, outlines, problems, errors, the interview) shows every control, bidi and
// zero-width character visibly (tests/hostile/terminal-*), and obeys none of them.

const HOSTILE = join(REPO, 'tests', 'hostile');
const HANG = 30_000;

/** What the vendor name shows as: ESC as \e, BEL as \x07, CR as \r, the override as <U+202E>. */
const NAME = 'Tag\\e]0;pwned\\x07WISE\\e[2J\\rOVER<U+202E>';

/** Anything a terminal would act on, or that reorders or hides text; a newline aside. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/u;
/** The colour codes aiclaim itself writes with FORCE_COLOR: the only escape sequences allowed. */
const SGR = /\u001b\[[0-9;]*m/g;

function expectSafe(text: string, what: string, options: { colour?: boolean } = {}): void {
  const rest = options.colour ? text.replace(SGR, '') : text;
  const found = UNSAFE.exec(rest);
  expect(
    found,
    `${what} holds U+${found?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} near ${JSON.stringify(rest.slice(Math.max(0, (found?.index ?? 0) - 30), (found?.index ?? 0) + 30))}`,
  ).toBeNull();
  // Spelled out, the ones the issue names.
  expect(rest).not.toContain('\u001b');
  expect(rest).not.toContain('\u0007');
  expect(rest).not.toContain('\r');
  expect(rest).not.toContain('\u202e');
  expect(rest).not.toMatch(/[\u0080-\u009f]/);
}

function expectClean(result: Run, options: { colour?: boolean } = {}): void {
  expect(result.timedOut, 'the command hung').toBe(false);
  expectSafe(result.stdout, 'stdout', options);
  expectSafe(result.stderr, 'stderr', options);
  expect(result.stderr).not.toMatch(/^\s+at |internal error|TypeError|RangeError/m);
}

/**
 * Problem messages may quote what they echo as JSON does (ESC as \u001b): visible too. Spelled
 * here in this file's convention (\e, \xNN), so that either reads the same to the test.
 */
function readable(text: string): string {
  return text.replace(/\\u001b/g, '\\e').replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
}

/** Every line of each boxed table in `text` as wide as the others: widths measured on what is shown. */
function expectAligned(text: string): void {
  const plain = text.replace(SGR, '');
  let table: string[] = [];
  const tables: string[][] = [];
  for (const line of plain.split('\n')) {
    if (/^[┌│├└]/.test(line)) table.push(line);
    else if (table.length) {
      tables.push(table);
      table = [];
    }
  }
  if (table.length) tables.push(table);
  expect(tables.length).toBeGreaterThan(0);
  for (const lines of tables) {
    const widths = new Set(lines.map((l) => stringWidth(l)));
    expect(widths.size, lines.join('\n')).toBe(1);
  }
}

const PLAIN_VENDOR = `schema: aiclaim/vendor@1
id: plain-vendor
name: Plain Vendor SA
category: emailing
answers:
  trains: { value: false }
  origin: { value: own }
  advantage: { value: Sends at the best hour for each reader. }
`;

let base: { dir: string; remove: () => void };

beforeAll(async () => {
  // A workspace using the hostile questionnaire, with the hostile vendor (and a plain one) scored
  // in two quarters: 2026-Q3 from the older file, 2026-Q4 from the current one.
  base = tempDir('aiclaim-terminal-');
  writeFileSync(join(base.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: terminal-questionnaire\n');
  mkdirSync(join(base.dir, 'questionnaires'));
  mkdirSync(join(base.dir, 'vendors'));
  copyFileSync(join(HOSTILE, 'terminal-questionnaire.yaml'), join(base.dir, 'questionnaires', 'terminal-questionnaire.yaml'));
  writeFileSync(join(base.dir, 'vendors', 'plain-vendor.yaml'), PLAIN_VENDOR);
  copyFileSync(join(HOSTILE, 'terminal-escapes-2026-Q3.yaml'), join(base.dir, 'vendors', 'tagwise-hostile.yaml'));
  const q3 = await run(['score', '--period', '2026-Q3'], { cwd: base.dir, timeout: HANG });
  expect(q3.code, q3.stderr).toBe(0);
  copyFileSync(join(HOSTILE, 'terminal-escapes.yaml'), join(base.dir, 'vendors', 'tagwise-hostile.yaml'));
  const q4 = await run(['score', '--period', '2026-Q4'], { cwd: base.dir, timeout: HANG });
  expect(q4.code, q4.stderr).toBe(0);
});

afterAll(() => base.remove());

/** Runs a command that only reads in the workspace: it must leave every file as it was. */
async function reading(args: string[], env: Record<string, string> = {}, cwd = base.dir): Promise<Run> {
  const before = tree(cwd);
  const result = await run(args, { cwd, env, timeout: HANG });
  expect(tree(cwd)).toEqual(before);
  return result;
}

describe('terminal escapes from files are shown, never obeyed', () => {
  test('score: the ranked table', async () => {
    const result = await reading(['score']);
    expect(result.code, result.stderr).toBe(0);
    expectClean(result);
    expect(result.stdout).toContain(NAME);
    expect(result.stdout).toContain('Plain Vendor SA');
    expectAligned(result.stdout);
  });

  // Data keeps the names as the files give them, and prints nothing a terminal acts on: JSON and
  // YAML write each such character as their own escape, read back as the same string.
  test.each([
    [['score', '-f', 'json'], 'json'],
    [['score', '-f', 'yaml'], 'yaml'],
    [['diff', '2026-Q3', '2026-Q4', '-f', 'json'], 'json'],
    [['diff', '2026-Q3', '2026-Q4', '-f', 'yaml'], 'yaml'],
    [['trend', '-f', 'json'], 'json'],
  ] as const)('%j: the names as data, escaped, never raw', async (args, format) => {
    const result = await reading([...args]);
    expect(result.code, result.stderr).toBe(0);
    expectClean(result);
    const raw = parse(readFileSync(join(HOSTILE, 'terminal-escapes.yaml'), 'utf8')) as { name: string };
    const data: unknown = format === 'json' ? JSON.parse(result.stdout) : parse(result.stdout);
    expect(JSON.stringify(data)).toContain(JSON.stringify(raw.name));
  });

  test('score --explain: flag titles and reasons, section titles, claims, answers, notes', async () => {
    const result = await reading(['score', '--explain']);
    expect(result.code, result.stderr).toBe(0);
    expectClean(result);
    expect(result.stdout).toContain(`${NAME} (tagwise-hostile)`);
    expect(result.stdout).toContain('Sub\\e[2Jstance<U+202E>');
    expect(result.stdout).toContain('Val\\x9b2Jue');
    expect(result.stdout).toContain('Wrapper\\e]0;pwned\\x07 of an API');
    expect(result.stdout).toContain("The model\\e[2J is someone\\rOVER else's<U+202E>.");
    expect(result.stdout).toContain('"Anomaly\\e[2J detection\\r flags<U+202E> broken tags<U+200B>."');
    // (aiclaim shows a text answer on one line: its own whitespace rule turns the CR into a space.)
    expect(result.stdout).toContain(`"Learns\\e]0;pwned\\x07 each tag's\\e[2J pattern OVER<U+202E>." — an answer earns 2`);
    expect(result.stdout).toContain('because: origin = A third-party<U+202E> API');
    // The explanation keeps its own layout: one line per question, its own newlines.
    expect(result.stdout).toMatch(/\n {2}Legitimacy /);
  });

  test('score --format table with FORCE_COLOR: only aiclaim’s own colour codes', async () => {
    const result = await reading(['score', '--format', 'table', '--explain'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(SGR);
    expectClean(result, { colour: true });
    const escapes = result.stdout.match(/\u001b[^m]{0,12}m?/g) ?? [];
    for (const escape of escapes) expect(escape).toMatch(/^\u001b\[[0-9;]*m$/);
    expect(result.stdout.replace(SGR, '')).toContain(NAME);
    // The file's own colour ("Real\e[5m", a blink) is shown as text, not obeyed.
    expect(result.stdout).not.toContain('\u001b[5m');
    expectAligned(result.stdout);
  });

  test('diff: the table, roadmap commitments', async () => {
    const result = await reading(['diff', '2026-Q3', '2026-Q4']);
    expect(result.code, result.stderr).toBe(0);
    expectClean(result);
    expect(result.stdout).toContain(NAME);
    expect(result.stdout).toContain(`${NAME} · Consent\\e]0;pwned\\x07 checks\\e[2J per tag<U+202E>`);
    expect(result.stdout).toContain('api-wrapper');
    expectAligned(result.stdout);
  });

  test('diff --vendor: flags, roadmap, answers side by side', async () => {
    const result = await reading(['diff', '2026-Q3', '2026-Q4', '--vendor', 'tagwise-hostile']);
    expect(result.code, result.stderr).toBe(0);
    expectClean(result);
    expect(result.stdout).toContain(`${NAME} (tagwise-hostile) · 2026-Q3 → 2026-Q4`);
    expect(result.stdout).toContain('api-wrapper: Wrapper\\e]0;pwned\\x07 of an API');
    expect(result.stdout).toContain('Consent\\e]0;pwned\\x07 checks\\e[2J per tag<U+202E>');
    // An answer value inside a table cell: shown on one line, the table still square.
    expect(result.stdout).toContain('Learns\\e]0;pwned\\x07 each');
    expectAligned(result.stdout);
  });

  test('trend: the table', async () => {
    const result = await reading(['trend']);
    expect(result.code, result.stderr).toBe(0);
    expectClean(result);
    expect(result.stdout).toContain(NAME);
    expectAligned(result.stdout);
  });

  test('questionnaire show: title, description, sections, questions, options, flags', async () => {
    const result = await reading(['questionnaire', 'show']);
    expect(result.code, result.stderr).toBe(0);
    expectClean(result);
    expect(result.stdout).toContain('Quick\\e]0;pwned\\x07CHECK\\e[2J\\rOVER<U+202E> (terminal-questionnaire 1.0.0)');
    expect(result.stdout).toContain('Questions\\e[8m hidden \\e[0mfor\\x9b2J vendors<U+200B>.');
    expect(result.stdout).toContain('1 Sub\\e[2Jstance<U+202E>');
    expect(result.stdout).toContain('Where does\\r the model come from?');
    expect(result.stdout).toContain('api-wrapper: Wrapper\\e]0;pwned\\x07 of an API');
  });

  test('questionnaire list: the table', async () => {
    const result = await reading(['questionnaire', 'list']);
    expect(result.code, result.stderr).toBe(0);
    expectClean(result);
    expect(result.stdout).toContain('Quick\\e]0;pwned\\x07CHECK\\e[2J\\rOVER<U+202E>');
    expectAligned(result.stdout);
  });

  test('validate: unknown keys echoed in problems, and a file name with escapes', async () => {
    const ws = tempDir('aiclaim-terminal-');
    try {
      cpSync(base.dir, ws.dir, { recursive: true });
      mkdirSync(join(ws.dir, 'incoming'));
      copyFileSync(join(HOSTILE, 'terminal-unknown-key.yaml'), join(ws.dir, 'incoming', 'unknown.yaml'));
      // Answers are checked against the questionnaire once the file's own keys are known: here.
      writeFileSync(
        join(ws.dir, 'incoming', 'evil\u001b]0;pwned\u0007\u001b[2J\r.yaml'),
        'schema: aiclaim/vendor@1\nid: evil\nname: Evil\ncategory: emailing\nanswers:\n  "trains\\e[2J\\u200B": { value: true }\n',
      );
      const result = await reading(['validate', 'incoming'], {}, ws.dir);
      expect(result.code).toBe(2);
      expectClean(result);
      const problems = readable(result.stderr)
        .split('\n')
        .filter((l) => l.startsWith('✖'));
      expect(
        problems.some((l) => l.includes('colour\\e]0;pwned\\x07\\e[2J\\rOVER<U+202E>')),
        result.stderr,
      ).toBe(true);
      expect(
        problems.some((l) => l.startsWith('✖ incoming/evil\\e]0;pwned\\x07\\e[2J\\r.yaml') && l.includes('no question "trains\\e[2J<U+200B>"')),
        result.stderr,
      ).toBe(true);
      // Each problem stays on its own line.
      for (const line of problems) expect(line).toMatch(/^✖ incoming\/\S/);
    } finally {
      ws.remove();
    }
  });

  test('import: CSV cells and column names echoed in problems', async () => {
    const result = await reading(['import', join(HOSTILE, 'terminal-stack.csv'), '--dry-run']);
    expect(result.code).toBe(2);
    expectClean(result);
    const stderr = readable(result.stderr);
    expect(stderr).toContain('column "Notes\\e]0;pwned\\x07\\e[2J\\rOVER<U+202E>" is not used');
    expect(stderr).toContain('"Tag\\e[2J\\x9b2Jmanagement<U+202E>" is not a martech category');
    expect(stderr).toContain('"12\\e]0;pwned\\x07k<U+200B>" is not an amount');
    expect(stderr).toContain('Nothing would be imported: ');
  });

  test('errors: file names quoted in an error and its hint', async () => {
    const ws = tempDir('aiclaim-terminal-');
    try {
      writeFileSync(join(ws.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\n');
      mkdirSync(join(ws.dir, 'questionnaires'));
      copyFileSync(join(HOSTILE, 'terminal-questionnaire.yaml'), join(ws.dir, 'questionnaires', 'evil\u001b]0;pwned\u0007\u001b[2J\u202e.yaml'));
      const result = await reading(['questionnaire', 'show', 'zzzz-nothing'], {}, ws.dir);
      expect(result.code).toBe(2);
      expectClean(result);
      expect(result.stderr).toMatch(/^error: no questionnaire "zzzz-nothing"\nhint: available: .*evil\\e\]0;pwned\\x07\\e\[2J<U\+202E>\n$/);
    } finally {
      ws.remove();
    }
  });

  test('errors: a settings value with escapes, refused in a problem line', async () => {
    const ws = tempDir('aiclaim-terminal-');
    try {
      writeFileSync(join(ws.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nfolders:\n  vendors: "v\\e]0;pwned\\a\\e[2J"\n');
      // Where a workspace keeps its cache, made by any run: not the point here.
      mkdirSync(join(ws.dir, '.aiclaim'));
      const result = await reading(['score'], {}, ws.dir);
      expect(result.code).toBe(2);
      expectClean(result);
      expect(readable(result.stderr)).toContain('v\\e]0;pwned\\x07\\e[2J');
    } finally {
      ws.remove();
    }
  });
});

const terminal = requires('the terminal interview test', ['tmux']);

terminal.describe('CSV read on a terminal', () => {
  const tmux = new TmuxSession();
  afterAll(() => tmux.stop());

  test.each([['score -f csv'], ['export']])('aiclaim %s: the names shown, the title and the screen left alone', async (args) => {
    tmux.start(`echo MARKER-BEFORE-CSV; env NO_COLOR=1 AICLAIM_TODAY=2026-11-22 ${process.execPath} ${BIN} ${args}`, base.dir);
    const screen = await tmux.waitFor(/EXIT=\d+/);
    expect(screen).toMatch(/EXIT=0/);
    expect(tmux.title()).not.toMatch(/pwned/);
    expect(screen).toContain('MARKER-BEFORE-CSV');
    expect(screen).toContain(NAME);
    tmux.stop();
  });
});

terminal.describe('the interview in a terminal, with a hostile vendor', () => {
  const workspace = tempDir('aiclaim-terminal-');
  const tmux = new TmuxSession();
  // The visible screen alone (history aside), and the pane's title.
  const visible = () => tmux.visible().join('\n');
  const title = () => tmux.title();

  beforeAll(() => {
    mkdirSync(join(workspace.dir, 'vendors'));
    mkdirSync(join(workspace.dir, 'questionnaires'));
    copyFileSync(join(HOSTILE, 'terminal-questionnaire.yaml'), join(workspace.dir, 'questionnaires', 'terminal-questionnaire.yaml'));
    copyFileSync(join(HOSTILE, 'terminal-escapes.yaml'), join(workspace.dir, 'vendors', 'tagwise-hostile.yaml'));
    writeFileSync(join(workspace.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: terminal-questionnaire\n');
  });
  afterAll(() => {
    tmux.stop();
    workspace.remove();
  });

  test('picker, section summaries and score card show the escapes; the screen and the title are left alone', async () => {
    tmux.start(`echo MARKER-BEFORE-INTERVIEW; env NO_COLOR=1 AICLAIM_TODAY=2026-11-22 ${process.execPath} ${BIN} interview`, workspace.dir);
    const titleBefore = title();
    // The picker lists the vendor by its name: shown, not obeyed.
    await tmux.waitFor(/Which vendor\?[\s\S]*\(tagwise-hostile\)/);
    const picker = visible();
    // OSC 0 did not retitle the pane, \e[2J did not clear the screen (what was printed before is
    // still on it), and the name is shown as it is spelled.
    expect(title()).not.toMatch(/pwned/);
    expect(picker).toContain('MARKER-BEFORE-INTERVIEW');
    expect(picker).toContain(`${NAME} (tagwise-hostile)`);
    await tmux.answer(/Which vendor\?/, 'Down', 'Enter');
    await tmux.answer(/How do you want to go through it\?/, 'Enter');
    // The previous interviewer is the default, shown safe; taken as it is, it stays as the file has it.
    await tmux.answer(/interviewer\) \(Sophie\\e\[2K Lambert\)/, 'Enter');
    await tmux.answer(/Answering for the vendor: Gareth\\e\]0;pwned\\x07 Price \(CTO<U\+202E>\)\. Same people\?/, 'Enter');
    // The section summary: titles and answers from the files.
    await tmux.waitFor(/Section 1\/2 · Sub\\e\[2Jstance<U\+202E>/);
    await tmux.answer(/Nothing changed in this section\?/, 'Enter');
    await tmux.waitFor(/Section 2\/2 · Val\\x9b2Jue/);
    const summary = tmux.screen();
    expect(summary).toContain(`advantage: "Learns\\e]0;pwned\\x07 each tag's\\e[2J pattern OVER<U+202E>." (evidence)`);
    expect(summary).toContain('origin: A third-party<U+202E> API');
    await tmux.answer(/Nothing changed in this section\?/, 'Enter');
    // The review names the sections as the files spell them, shown safe.
    const review = await tmux.waitFor(/review the answers[\s\S]*Sub\\e\[2Jstance<U\+202E>: /);
    expect(review).toContain('Val\\x9b2Jue: ');
    await tmux.answer(/review the answers/, 'Enter');
    const done = await tmux.waitFor(/EXIT=\d+/);
    expect(done).toMatch(/EXIT=0/);
    // The score card.
    expect(done).toContain(`${NAME} (tagwise-hostile)`);
    expect(done).toMatch(/Sub\\e\[2Jstance<U\+202E> +█/);
    expect(done).toContain('Wrapper\\e]0;pwned\\x07 of an API');
    expect(title()).not.toMatch(/pwned/);
    expect(title()).toBe(titleBefore);
    expect(visible()).not.toMatch(/^OVER/m);
    // What was written keeps the file's own text: only the display was made safe.
    const written = parse(readFileSync(join(workspace.dir, 'vendors', 'tagwise-hostile.yaml'), 'utf8')) as { name: string; interview: { interviewer: string } };
    expect(written.name).toBe('Tag\u001b]0;pwned\u0007WISE\u001b[2J\rOVER\u202e');
    expect(written.interview.interviewer).toBe('Sophie\u001b[2K Lambert');
  });
});
