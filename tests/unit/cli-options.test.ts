import { describe, expect, test } from 'vitest';
import { buildProgram, type Invocation } from '../../src/cli.js';

// argv → the command and the options its module receives, without running anything: the wiring of
// cli.ts, table-driven. A renamed flag, a lost default or a list option that stops accumulating
// fails here before any command runs.

function parse(argv: string[]): Pick<Invocation, 'command' | 'options'> | { error: string } {
  let got: Invocation | undefined;
  const program = buildProgram((invocation) => {
    got = invocation;
  });
  program.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  try {
    program.parse(['node', 'aiclaim', ...argv]);
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  }
  return { command: got!.command, options: got!.options };
}

describe('argv → options', () => {
  test.each<[string[], Pick<Invocation, 'command' | 'options'>]>([
    [['score'], { command: 'score', options: { reuse: true, paths: [] } }],
    [
      ['score', 'vendors/a.yaml', 'b.yaml', '-f', 'json', '-p', '2026-Q4', '--fail-under', '40', '--no-reuse', '-j', '2'],
      { command: 'score', options: { reuse: false, format: 'json', period: '2026-Q4', failUnder: 40, jobs: 2, paths: ['vendors/a.yaml', 'b.yaml'] } },
    ],
    [
      ['score', '--explain', '--fail-on', 'not-assessed', '-q', 'fmti-2023'],
      { command: 'score', options: { reuse: true, explain: true, failOn: ['not-assessed'], questionnaire: 'fmti-2023', paths: [] } },
    ],
    [['diff', '2026-Q3', '2026-Q4'], { command: 'diff', options: { older: '2026-Q3', newer: '2026-Q4' } }],
    [
      ['diff', 'a.yaml', 'b.yaml', '--fail-on', 'regression,new-critical', '--tolerance', '0.5', '--rescore', '--old-vendors', 'then', '--crosswalk', 'x.yaml'],
      {
        command: 'diff',
        options: {
          older: 'a.yaml',
          newer: 'b.yaml',
          failOn: ['regression', 'new-critical'],
          tolerance: 0.5,
          rescore: true,
          oldVendors: 'then',
          crosswalk: 'x.yaml',
        },
      },
    ],
    [
      ['diff', '2026-Q3', '2026-Q4', '--fail-on', 'regression', '--fail-on', 'new-critical'],
      { command: 'diff', options: { older: '2026-Q3', newer: '2026-Q4', failOn: ['regression', 'new-critical'] } },
    ],
    [['trend', 'old-findings', '-s', 'change', '-f', 'markdown'], { command: 'trend', options: { dir: 'old-findings', sort: 'change', format: 'markdown' } }],
    [['trend'], { command: 'trend', options: { dir: undefined } }],
    [['report', '2026-Q4', '-o', 'r.html', '--force'], { command: 'report', options: { period: '2026-Q4', out: 'r.html', force: true } }],
    [['stack'], { command: 'stack', options: { period: undefined } }],
    [['stack', '2026-Q3', '-f', 'markdown'], { command: 'stack', options: { period: '2026-Q3', format: 'markdown' } }],
    [['--sample', 'stack', '-f', 'json'], { command: 'stack', options: { format: 'json' } }],
    [['stack', '2026-Q4', '-f', 'csv'], { command: 'stack', options: { period: '2026-Q4', format: 'csv' } }],
    [
      ['stack', '-f', 'xlsx', '-o', 'stack.xlsx', '--force'],
      { command: 'stack', options: { period: undefined, format: 'xlsx', out: 'stack.xlsx', force: true } },
    ],
    [['stack', '--out', 'stack.csv'], { command: 'stack', options: { period: undefined, out: 'stack.csv' } }],
    [['interview', 'datavane', '-c', '-p', '2026-Q4'], { command: 'interview', options: { id: 'datavane', changedOnly: true, period: '2026-Q4' } }],
    [
      ['import', 'stack.csv', '--currency', 'EUR', '--date-format', 'dmy', '--dry-run'],
      { command: 'import', options: { file: 'stack.csv', currency: 'EUR', dateFormat: 'dmy', dryRun: true } },
    ],
    [['import', 'answers', 'sheet.xlsx', '--vendor', 'datavane'], { command: 'import answers', options: { file: 'sheet.xlsx', vendor: 'datavane' } }],
    [['export', '2026-Q3', '--matrix', '-o', 'm.csv'], { command: 'export', options: { period: '2026-Q3', matrix: true, out: 'm.csv' } }],
    [['validate', 'vendors', '-f', 'json'], { command: 'validate', options: { paths: ['vendors'], format: 'json' } }],
    [['init'], { command: 'init', options: { dir: '.' } }],
    [['questionnaire', 'list', '-f', 'yaml'], { command: 'questionnaire list', options: { format: 'yaml' } }],
    [
      ['questionnaire', 'show', 'fmti-2023', '--for-vendor', '-f', 'markdown'],
      { command: 'questionnaire show', options: { id: 'fmti-2023', forVendor: true, format: 'markdown' } },
    ],
    [
      ['questionnaire', 'diff', 'old.yaml', 'ai-claims', '--crosswalk', 'x.yaml'],
      { command: 'questionnaire diff', options: { older: 'old.yaml', newer: 'ai-claims', crosswalk: 'x.yaml' } },
    ],
    [
      ['questionnaire', 'export', '--vendor', 'datavane', '-o', 'd.xlsx'],
      { command: 'questionnaire export', options: { id: undefined, vendor: 'datavane', out: 'd.xlsx' } },
    ],
    [['completion', 'zsh'], { command: 'completion', options: { shell: 'zsh' } }],
    [['completion', '--list', 'quarters'], { command: 'completion', options: { shell: undefined, list: 'quarters' } }],
  ])('%j', (argv, expected) => {
    expect(parse(argv)).toEqual(expected);
  });

  test.each([
    [['score', '-f', 'pdf'], 'commander.invalidArgument'],
    [['score', '--fail-under', 'high'], 'commander.invalidArgument'],
    [['diff', '2026-Q3'], 'commander.missingArgument'],
    [['scroe'], 'commander.unknownCommand'],
    [['trend', '--sort'], 'commander.optionMissingArgument'],
    [['stack', '-f', 'pdf'], 'commander.invalidArgument'],
    [['stack', '-o'], 'commander.optionMissingArgument'],
  ])('%j is refused before anything runs', (argv, code) => {
    expect(parse(argv)).toEqual({ error: code });
  });
});
