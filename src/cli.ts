import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { processContext, type Context } from './shell/context.js';
import { packageVersion } from './shell/package-root.js';

// Wiring only: argv to typed options. Each command's module (and its heavy dependencies) is
// imported when the command runs, so --help and --version stay fast.

export type Action = (context: Context) => Promise<number>;

/** A parsed command line: the command, its options as the command module receives them, and how to run it. */
export interface Invocation {
  command: string;
  options: Record<string, unknown>;
  action: Action;
}

function invoke<T extends Record<string, unknown>>(command: string, options: T, run: (options: T, context: Context) => Promise<number>): Invocation {
  return { command, options, action: (context) => run(options, context) };
}

const number = (name: string) => (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${name} takes a number`);
  return n;
};

/** A comma-separated option that may be given more than once. */
const list = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

/** "Examples:" under a command's help: what a user types, and what it does. */
function examples(items: [command: string, what: string][]): string {
  const width = Math.max(...items.map(([command]) => command.length));
  return `\nExamples:\n${items.map(([command, what]) => `  $ ${command.padEnd(width)}  ${what}`).join('\n')}\n`;
}

/** Builds the program; `parsed` receives each parsed command line, so tests see argv → options without running anything. */
export function buildProgram(parsed: (invocation: Invocation) => void): Command {
  // A program option that a command acts on reaches it in its context: --sample.
  const run = (i: Invocation) => parsed({ ...i, action: (context) => i.action(program.opts().sample ? { ...context, sample: true } : context) });
  const program = new Command('aiclaim')
    .description('Audit the AI claims of marketing-technology vendors: interview, score with every point explained, track quarter over quarter.')
    .version(packageVersion(), '-v, --version')
    .option('--debug', 'show stack traces for errors')
    .option('--sample', 'run on the sample portfolio bundled with aiclaim, from any folder (read, never written: commands that would write it refuse)')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .exitOverride();

  program
    .command('interview')
    .description('interview a vendor in the terminal; a draft is saved after every answer and the file keeps your comments')
    .addHelpText(
      'after',
      examples([
        ['aiclaim interview', 'choose a vendor from vendors/, or start a new one'],
        ['aiclaim interview datavane --changed-only', 're-interview: confirm unchanged sections in one keystroke'],
        ['aiclaim interview datavane -p 2026-Q4', "and update this quarter's snapshot"],
      ]),
    )
    .argument('[vendor-id]', 'the vendor to interview (default: choose from vendors/, or a new one)')
    .option('-c, --changed-only', 're-interview: confirm each unchanged section in one keystroke')
    .option('-a, --answers <file>', 'offer this vendor file: its profile, answers, claims and roadmap')
    .option('-p, --period <YYYY-Qn>', "also update this quarter's findings snapshot for the vendor")
    .option('--force', "with --period: update a past quarter's snapshot")
    .option('-q, --questionnaire <id|file>', 'interview with this questionnaire instead of the workspace one')
    .action((id: string | undefined, options: Record<string, unknown>) =>
      run(invoke('interview', { ...options, id }, async (o, context) => (await import('./commands/interview.js')).interview(o, context))),
    );

  program
    .command('score')
    .description('validate and score vendor files, print a ranked table, write a findings snapshot')
    .addHelpText(
      'after',
      examples([
        ['aiclaim score', 'rank every vendor in vendors/'],
        ['aiclaim score vendors/datavane.yaml --explain', 'every point earned and lost, with its reason'],
        ['aiclaim score -p 2026-Q4', 'write findings/2026-Q4.yaml'],
        ['aiclaim score -f csv > scores.csv', 'for a spreadsheet'],
        ['aiclaim score --fail-under 40', 'exit 1 when a vendor scores under 40 (for CI)'],
      ]),
    )
    .argument('[paths...]', 'vendor files, folders or globs (default: the workspace vendors/ folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'yaml', 'markdown', 'csv']))
    .option('-e, --explain', 'show every point earned and lost, with its reason')
    .option('-p, --period <YYYY-Qn>', 'score for this quarter and write its findings snapshot (findings/<period>.yaml)')
    .option('-o, --out <file>', 'with --period: write the snapshot here instead')
    .option('--force', "with --period: replace the snapshot of a past quarter, or a file --out names that is not this quarter's snapshot")
    .option(
      '--fail-under <score>',
      'exit 1 when a vendor scores under this (0-100); vendors not assessed have no score and do not count',
      number('--fail-under'),
    )
    .option('--fail-on <what>', 'exit 1 on: not-assessed (a vendor too little is known of for a verdict)', list)
    .option('-q, --questionnaire <id|file>', 'score against this questionnaire instead of the workspace one')
    .option('-j, --jobs <n>', 'score in n worker threads (0: one per core; default 1)', number('--jobs'))
    .option('--no-reuse', "read every file again, even those unchanged since this quarter's last run")
    .option('--top <n>', 'print the first n vendors of the ranking (the snapshot and the gates count every vendor)', number('--top'))
    .option('--verdict <ids>', 'print only vendors with these verdicts (comma-separated, e.g. weak,unsubstantiated)', list)
    .option('--category <ids>', 'print only vendors of these martech categories (comma-separated)', list)
    .action((paths: string[], options: Record<string, unknown>) =>
      run(invoke('score', { ...options, paths }, async (o, context) => (await import('./commands/score.js')).score(o, context))),
    );

  program
    .command('diff')
    .description('compare two findings snapshots: who improved, who slipped, which promises were kept, and why')
    .addHelpText(
      'after',
      examples([
        ['aiclaim diff 2026-Q3 2026-Q4', 'who improved, who slipped, and why'],
        ['aiclaim diff 2026-Q3 2026-Q4 --vendor datavane', 'one vendor, question by question'],
        ['aiclaim diff 2026-Q3 2026-Q4 --rescore', 'both quarters scored again with one questionnaire'],
        ['aiclaim diff 2026-Q3 2026-Q4 --fail-on regression', 'exit 1 when a vendor fell'],
      ]),
    )
    .argument('<old>', 'the older snapshot: a findings file, or a quarter (2026-Q3) in findings/')
    .argument('<new>', 'the newer snapshot')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'yaml', 'markdown']))
    .option('--vendor <id>', 'one vendor in detail, every changed question side by side')
    .option('--fail-on <what>', 'exit 1 on: regression, new-critical (comma-separated)', list)
    .option('--tolerance <points>', 'score moves within this many points count as unchanged', number('--tolerance'))
    .option('--threshold <score>', 'report the spend in vendors scoring under this (default 55)', number('--threshold'))
    .option('--rescore', 'score both quarters again with the questionnaire in use, from their vendor files')
    .option('--old-vendors <dir>', "with --rescore or --vendor: the folder of the older quarter's vendor files")
    .option('--new-vendors <dir>', "with --rescore or --vendor: the folder of the newer quarter's vendor files")
    .option('-q, --questionnaire <id|file>', 'the questionnaire to rescore with (default: the workspace one)')
    .option(
      '--crosswalk <file>',
      "across editions: the crosswalk file between the snapshots' questionnaires (default: the one in questionnaires/crosswalks/ that joins them, else the newer questionnaire's own)",
    )
    .option('--top <n>', 'print the n vendors that moved most (the counts and the gates cover every vendor)', number('--top'))
    .option('--verdict <ids>', 'print only vendors with these verdicts (comma-separated, e.g. weak,unsubstantiated)', list)
    .option('--category <ids>', 'print only vendors of these martech categories (comma-separated)', list)
    .action((older: string, newer: string, options: Record<string, unknown>) =>
      run(invoke('diff', { ...options, older, newer }, async (o, context) => (await import('./commands/diff.js')).diff(o, context))),
    );

  program
    .command('trend')
    .description('every vendor across every snapshot: score sparkline, verdict history, roadmap delivery record')
    .addHelpText(
      'after',
      examples([
        ['aiclaim trend', 'every vendor across every quarter'],
        ['aiclaim trend -s change', 'biggest movers first'],
        ['aiclaim trend -f markdown > trend.md', 'for a wiki page'],
      ]),
    )
    .argument('[findings-dir]', 'folder of findings snapshots (default: the workspace findings/)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'yaml', 'markdown']))
    .addOption(new Option('-s, --sort <key>', 'order of the vendors').choices(['score', 'change', 'name', 'delivery']))
    .option(
      '--crosswalk <file>',
      "across editions: the crosswalk file from an earlier edition to the latest (default: the ones in questionnaires/crosswalks/, else the latest questionnaire's own)",
    )
    .option('--top <n>', 'print the first n vendors in the --sort order', number('--top'))
    .option('--verdict <ids>', 'print only vendors with these verdicts (comma-separated, e.g. weak,unsubstantiated)', list)
    .option('--category <ids>', 'print only vendors of these martech categories (comma-separated)', list)
    .action((dir: string | undefined, options: Record<string, unknown>) =>
      run(invoke('trend', { ...options, dir }, async (o, context) => (await import('./commands/trend.js')).trendCommand(o, context))),
    );

  program
    .command('report')
    .description('the executive report of a quarter: self-contained HTML (charts, no script) or Markdown')
    .addHelpText(
      'after',
      examples([
        ['aiclaim report -o report.html', 'the latest quarter, for the board'],
        ['aiclaim report 2026-Q3 -o q3.md', 'Markdown'],
      ]),
    )
    .argument('[period]', 'a quarter in findings/ or a findings file (default: the latest snapshot)')
    .option('-o, --out <file>', 'write the report here (default: stdout); .md means Markdown')
    .option('--force', 'with --out: replace a file that is not an aiclaim report')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'markdown']))
    .option('--top <n>', 'list the n best and the n worst vendors, and count the rest (default 10)', number('--top'))
    .action((period: string | undefined, options: Record<string, unknown>) =>
      run(invoke('report', { ...options, period }, async (o, context) => (await import('./commands/report.js')).report(o, context))),
    );

  program
    .command('stack')
    .description("the stack in the board's terms: technology spend against the marketing budget, by category, in weak AI, unused, per new customer")
    .addHelpText(
      'after',
      examples([
        ['aiclaim stack', 'the latest quarter, with finance/<quarter>.yaml'],
        ['aiclaim stack 2026-Q3 -f markdown > stack.md', 'a quarter, for a wiki page'],
        ['aiclaim stack -f json', 'every figure, for a script'],
        ['aiclaim stack -o stack.xlsx', 'a figure a row, for the finance team (or -o stack.csv)'],
      ]),
    )
    .argument('[period]', 'a quarter in findings/ or a findings file (default: the latest snapshot)')
    .addOption(
      new Option('-f, --format <format>', 'output format (default: table; with --out, xlsx for a .xlsx file, else csv)').choices([
        'table',
        'json',
        'markdown',
        'csv',
        'xlsx',
      ]),
    )
    .option('-o, --out <file>', 'write the figures here as CSV or XLSX (default: stdout, which takes CSV but not XLSX)')
    .option('--force', 'with --out: replace a file that is not an aiclaim export of the stack')
    .action((period: string | undefined, options: Record<string, unknown>) =>
      run(invoke('stack', { ...options, period }, async (o, context) => (await import('./commands/stack.js')).stack(o, context))),
    );

  const importCommand = program
    .command('import')
    .description('create vendor stubs from a martech stack spreadsheet (CSV with a header row, or .xlsx)')
    .addHelpText(
      'after',
      examples([
        ['aiclaim import stack.csv --dry-run', 'what would be written'],
        ['aiclaim import stack.xlsx', 'vendor stubs from the workbook'],
      ]),
    )
    .argument('<stack.csv>', 'the spreadsheet: exported as CSV, or the .xlsx workbook')
    .option('--force', 'update the profile of vendors that already have a file (answers are kept)')
    .option('--dry-run', 'say what would be written, write nothing')
    .option('--currency <code>', 'currency of amounts with no symbol or currency column (default: the workspace currency)')
    .addOption(new Option('--date-format <format>', 'how dates like 03/04/2027 are written').choices(['iso', 'dmy', 'mdy']))
    .option('--accept-suggestions', 'take the martech category suggested for a category label close to one')
    .action((file: string, options: Record<string, unknown>) =>
      run(invoke('import', { ...options, file }, async (o, context) => (await import('./commands/import.js')).importStack(o, context))),
    );
  importCommand
    .command('answers')
    .description("read a vendor's returned answer sheet (CSV or .xlsx from `aiclaim questionnaire export`) into vendors/<id>.yaml")
    .addHelpText(
      'after',
      examples([
        ['aiclaim import answers datavane.xlsx --dry-run', 'what the returned sheet would change'],
        ['aiclaim import answers datavane.csv', 'read it into vendors/datavane.yaml'],
      ]),
    )
    .argument('<file.csv>', 'the answer sheet: CSV, or the Excel workbook (.xlsx)')
    .option('--vendor <id>', "the vendor who answered (default: the sheet's first row)")
    .option('--dry-run', 'say what would change, write nothing')
    .action((file: string, options: Record<string, unknown>, command: Command) =>
      run(
        invoke('import answers', { ...command.parent?.opts(), ...options, file }, async (o, context) =>
          (await import('./commands/answer-sheet.js')).importAnswers(o, context),
        ),
      ),
    );

  program
    .command('export')
    .description('findings as CSV: a row per vendor, or --matrix a row per question with a column per vendor')
    .addHelpText(
      'after',
      examples([
        ['aiclaim export -o findings.csv', 'a row per vendor'],
        ['aiclaim export 2026-Q3 --matrix', 'a row per question, a column per vendor'],
      ]),
    )
    .argument('[period]', 'a quarter in findings/ or a findings file (default: the latest snapshot)')
    .option('-o, --out <file>', 'write the CSV here (default: stdout)')
    .option('--force', 'with --out: replace a file that is not an aiclaim CSV export')
    .option('--matrix', 'one row per question, one column per vendor')
    .action((period: string | undefined, options: Record<string, unknown>) =>
      run(invoke('export', { ...options, period }, async (o, context) => (await import('./commands/export.js')).exportFindings(o, context))),
    );

  program
    .command('validate')
    .description('check questionnaires, vendor files, findings and settings, with file:line:col for each problem')
    .addHelpText(
      'after',
      examples([
        ['aiclaim validate', 'the whole workspace'],
        ['aiclaim validate vendors/datavane.yaml', 'one file, with file:line:col for each problem'],
      ]),
    )
    .argument('[paths...]', 'files, folders or globs (default: the whole workspace)')
    .option('-q, --questionnaire <id|file>', 'check vendor answers against this questionnaire')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']))
    .action((paths: string[], options: Record<string, unknown>) =>
      run(invoke('validate', { ...options, paths }, async (o, context) => (await import('./commands/validate.js')).validate(o, context))),
    );

  program
    .command('init')
    .description('create a workspace: settings, a commented example vendor, .gitignore for drafts')
    .addHelpText('after', examples([['aiclaim init my-stack', 'a workspace in ./my-stack']]))
    .argument('[dir]', 'folder to create the workspace in', '.')
    .option('--force', 'overwrite files that already exist')
    .action((dir: string, options: Record<string, unknown>) =>
      run(invoke('init', { ...options, dir }, async (o, context) => (await import('./commands/init.js')).init(o, context))),
    );

  const questionnaire = program
    .command('questionnaire')
    .description('list the available questionnaires, show one as an outline, or export the answer sheet a vendor fills in');
  questionnaire
    .command('list')
    .description('list bundled and workspace questionnaires')
    .addHelpText('after', examples([['aiclaim questionnaire list', 'bundled and workspace questionnaires']]))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'yaml']))
    .action((options: Record<string, unknown>) =>
      run(invoke('questionnaire list', options, async (o, context) => (await import('./commands/questionnaire.js')).listQuestionnaires(o, context))),
    );
  questionnaire
    .command('show')
    .description('show a questionnaire: sections, questions, conditions, points and red flags')
    .addHelpText(
      'after',
      examples([
        ['aiclaim questionnaire show ai-claims', 'the outline'],
        ['aiclaim questionnaire show --for-vendor -f markdown', 'what a vendor may be sent'],
      ]),
    )
    .argument('[id]', 'questionnaire id or file (default: the workspace questionnaire)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json', 'yaml']))
    .option('--for-vendor', 'what a vendor reads: help, how to answer, conditions in words; no points, verdicts or red flags (text or markdown)')
    .action((id: string | undefined, options: Record<string, unknown>) =>
      run(invoke('questionnaire show', { ...options, id }, async (o, context) => (await import('./commands/questionnaire.js')).showQuestionnaire(o, context))),
    );
  questionnaire
    .command('diff')
    .description(
      'two editions of a questionnaire, question by question: the same, changed (and what), renamed, added or removed, with the crosswalk (two different questionnaires: said so, compared by question id alone)',
    )
    .addHelpText('after', examples([['aiclaim questionnaire diff questionnaires/editions/ai-claims-1.0.0.yaml ai-claims', 'what changed between editions']]))
    .argument('<older>', 'the earlier edition: a questionnaire id or file')
    .argument('<newer>', 'the later edition: a questionnaire id or file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'yaml']))
    .option(
      '--crosswalk <file>',
      "a crosswalk file that joins the two (default: the one in questionnaires/crosswalks/ that does, else the newer edition's own)",
    )
    .action((older: string, newer: string, options: Record<string, unknown>) =>
      run(
        invoke('questionnaire diff', { ...options, older, newer }, async (o, context) =>
          (await import('./commands/questionnaire.js')).diffQuestionnairesCommand(o, context),
        ),
      ),
    );
  questionnaire
    .command('export')
    .description('the answer sheet a vendor fills in without writing YAML (CSV or an Excel workbook: a row per question, no points)')
    .addHelpText(
      'after',
      examples([
        ['aiclaim questionnaire export -o sheet.xlsx', 'a blank answer workbook'],
        ['aiclaim questionnaire export --vendor datavane -o datavane.csv', 'prefilled with what is on record'],
      ]),
    )
    .argument('[id]', 'questionnaire id or file (default: the workspace questionnaire)')
    .addOption(
      new Option(
        '-f, --format <format>',
        'csv, or xlsx: a workbook with dropdowns, only the answer cells editable (default: xlsx for an -o name ending .xlsx)',
      ).choices(['csv', 'xlsx']),
    )
    .option('-o, --out <file>', 'write the sheet here (default: stdout)')
    .option('--vendor <id>', "prefill the sheet with this vendor's answers on record")
    .option('--force', 'with --out: replace a file that is not an aiclaim answer sheet')
    .action((id: string | undefined, options: Record<string, unknown>) =>
      run(invoke('questionnaire export', { ...options, id }, async (o, context) => (await import('./commands/answer-sheet.js')).exportAnswerSheet(o, context))),
    );

  program
    .command('completion')
    .description('print the shell completion script (commands, options, vendor ids, quarters)')
    .addHelpText(
      'after',
      examples([
        ['source <(aiclaim completion bash)', 'in ~/.bashrc'],
        ['source <(aiclaim completion zsh)', 'in ~/.zshrc'],
        ['aiclaim completion fish > ~/.config/fish/completions/aiclaim.fish', 'for fish'],
      ]),
    )
    .argument('[shell]', 'bash, zsh or fish (default: from $SHELL)')
    .addOption(new Option('--list <what>', 'the values a script completes: vendors, quarters, questionnaires, verdicts').hideHelp())
    .action((shell: string | undefined, options: Record<string, unknown>) =>
      run(invoke('completion', { ...options, shell }, async (o, context) => (await import('./commands/completion.js')).completion(o, context))),
    );

  return program;
}

export async function main(argv: string[] = process.argv, context: Context = processContext()): Promise<number> {
  let invocation: Invocation | undefined;
  const program = buildProgram((i) => {
    invocation = i;
  });
  program.configureOutput({
    writeOut: (text) => context.stdout.write(text),
    writeErr: (text) => context.stderr.write(text),
  });
  // Bare `aiclaim`: what it does and how to start, on stdout (it is what was asked for), exit 0.
  if (argv.length <= 2) {
    context.stdout.write(program.helpInformation());
    return 0;
  }
  // -V, as many tools spell it, is the version too.
  const args = argv.length === 3 && argv[2] === '-V' ? [...argv.slice(0, 2), '--version'] : argv;
  try {
    await program.parseAsync(args);
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return done ? 0 : 2;
    }
    throw error;
  }
  if (!invocation) return 0;
  const debug = Boolean(program.opts().debug);
  try {
    return await invocation.action(context);
  } catch (error) {
    const { reportError } = await import('./shell/report-error.js');
    return reportError(error, context, debug);
  }
}
