import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { processContext, type Context } from './shell/context.js';
import { packageVersion } from './shell/package-root.js';

// Wiring only: argv to typed options. Each command's module (and its heavy dependencies) is
// imported when the command runs, so --help and --version stay fast.

export type Action = (context: Context) => Promise<number>;

const number = (name: string) => (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${name} takes a number`);
  return n;
};

/** A comma-separated option that may be given more than once. */
const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

/** Builds the program; `run` receives each parsed command, so tests can see options without running them. */
export function buildProgram(run: (action: Action) => void): Command {
  const program = new Command('aiclaim')
    .description('Audit the AI claims of marketing-technology vendors: interview, score with every point explained, track quarter over quarter.')
    .version(packageVersion(), '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .exitOverride();

  program
    .command('interview')
    .description('interview a vendor in the terminal; a draft is saved after every answer and the file keeps your comments')
    .argument('[vendor-id]', 'the vendor to interview (default: choose from vendors/, or a new one)')
    .option('-c, --changed-only', 're-interview: confirm each unchanged section in one keystroke')
    .option('-a, --answers <file>', 'offer this vendor file: its profile, answers, claims and roadmap')
    .option('-p, --period <YYYY-Qn>', "also update this quarter's findings snapshot for the vendor")
    .option('--force', "with --period: update a past quarter's snapshot")
    .option('-q, --questionnaire <id|file>', 'interview with this questionnaire instead of the workspace one')
    .action((id: string | undefined, options: Record<string, unknown>) =>
      run(async (context) => (await import('./commands/interview.js')).interview({ ...options, id }, context)),
    );

  program
    .command('score')
    .description('validate and score vendor files, print a ranked table, write a findings snapshot')
    .argument('[paths...]', 'vendor files, folders or globs (default: the workspace vendors/ folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'yaml', 'markdown', 'csv']))
    .option('-e, --explain', 'show every point earned and lost, with its reason')
    .option('-p, --period <YYYY-Qn>', 'score for this quarter and write its findings snapshot (findings/<period>.yaml)')
    .option('-o, --out <file>', 'with --period: write the snapshot here instead')
    .option('--force', 'with --period: replace the snapshot of a past quarter, or a file --out names that is not this quarter\'s snapshot')
    .option('--fail-under <score>', 'exit 1 when a vendor scores under this (0-100); vendors not assessed have no score and do not count', number('--fail-under'))
    .option('--fail-on <what>', 'exit 1 on: not-assessed (a vendor too little is known of for a verdict)', list)
    .option('-q, --questionnaire <id|file>', 'score against this questionnaire instead of the workspace one')
    .option('-j, --jobs <n>', 'score in n worker threads (0: one per core; default 1)', number('--jobs'))
    .option('--no-reuse', "read every file again, even those unchanged since this quarter's last run")
    .action((paths: string[], options: Record<string, unknown>) =>
      run(async (context) => (await import('./commands/score.js')).score({ ...options, paths }, context)),
    );

  program
    .command('diff')
    .description('compare two findings snapshots: who improved, who slipped, which promises were kept, and why')
    .argument('<old>', 'the older snapshot: a findings file, or a quarter (2026-Q3) in findings/')
    .argument('<new>', 'the newer snapshot')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'yaml', 'markdown']))
    .option('--vendor <id>', 'one vendor in detail, every changed question side by side')
    .option('--fail-on <what>', 'exit 1 on: regression, new-critical (comma-separated)', list)
    .option('--tolerance <points>', 'score moves within this many points count as unchanged', number('--tolerance'))
    .option('--threshold <score>', 'report the spend in vendors scoring under this (default 55)', number('--threshold'))
    .option('--rescore', 'score both quarters again with the questionnaire in use, from their vendor files')
    .option('--old-vendors <dir>', 'with --rescore or --vendor: the folder of the older quarter\'s vendor files')
    .option('--new-vendors <dir>', 'with --rescore or --vendor: the folder of the newer quarter\'s vendor files')
    .option('-q, --questionnaire <id|file>', 'the questionnaire to rescore with (default: the workspace one)')
    .option('--crosswalk <file>', "across editions: the crosswalk file between the snapshots' questionnaires (default: the one in questionnaires/crosswalks/ that joins them, else the newer questionnaire's own)")
    .action((older: string, newer: string, options: Record<string, unknown>) => run(async (context) => (await import('./commands/diff.js')).diff({ ...options, older, newer }, context)));

  program
    .command('trend')
    .description('every vendor across every snapshot: score sparkline, verdict history, roadmap delivery record')
    .argument('[findings-dir]', 'folder of findings snapshots (default: the workspace findings/)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'yaml', 'markdown']))
    .addOption(new Option('-s, --sort <key>', 'order of the vendors').choices(['score', 'change', 'name', 'delivery']))
    .option('--crosswalk <file>', "across editions: the crosswalk file from an earlier edition to the latest (default: the ones in questionnaires/crosswalks/, else the latest questionnaire's own)")
    .action((dir: string | undefined, options: Record<string, unknown>) => run(async (context) => (await import('./commands/trend.js')).trendCommand({ ...options, dir }, context)));

  program
    .command('report')
    .description('the executive report of a quarter: self-contained HTML (charts, no script) or Markdown')
    .argument('[period]', 'a quarter in findings/ or a findings file (default: the latest snapshot)')
    .option('-o, --out <file>', 'write the report here (default: stdout); .md means Markdown')
    .option('--force', 'with --out: replace a file that is not an aiclaim report')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'markdown']))
    .action((period: string | undefined, options: Record<string, unknown>) => run(async (context) => (await import('./commands/report.js')).report({ ...options, period }, context)));

  const importCommand = program
    .command('import')
    .description('create vendor stubs from a martech stack spreadsheet (CSV with a header row, or .xlsx)')
    .argument('<stack.csv>', 'the spreadsheet: exported as CSV, or the .xlsx workbook')
    .option('--force', 'update the profile of vendors that already have a file (answers are kept)')
    .option('--dry-run', 'say what would be written, write nothing')
    .option('--currency <code>', 'currency of amounts with no symbol or currency column (default: the workspace currency)')
    .addOption(new Option('--date-format <format>', 'how dates like 03/04/2027 are written').choices(['iso', 'dmy', 'mdy']))
    .option('--accept-suggestions', 'take the martech category suggested for a category label close to one')
    .action((file: string, options: Record<string, unknown>) => run(async (context) => (await import('./commands/import.js')).importStack({ ...options, file }, context)));
  importCommand
    .command('answers')
    .description("read a vendor's returned answer sheet (CSV or .xlsx from `aiclaim questionnaire export`) into vendors/<id>.yaml")
    .argument('<file.csv>', 'the answer sheet: CSV, or the Excel workbook (.xlsx)')
    .option('--vendor <id>', "the vendor who answered (default: the sheet's first row)")
    .option('--dry-run', 'say what would change, write nothing')
    .action((file: string, options: Record<string, unknown>, command: Command) =>
      run(async (context) => (await import('./commands/answer-sheet.js')).importAnswers({ ...command.parent?.opts(), ...options, file }, context)),
    );

  program
    .command('export')
    .description('findings as CSV: a row per vendor, or --matrix a row per question with a column per vendor')
    .argument('[period]', 'a quarter in findings/ or a findings file (default: the latest snapshot)')
    .option('-o, --out <file>', 'write the CSV here (default: stdout)')
    .option('--force', 'with --out: replace a file that is not an aiclaim CSV export')
    .option('--matrix', 'one row per question, one column per vendor')
    .action((period: string | undefined, options: Record<string, unknown>) => run(async (context) => (await import('./commands/export.js')).exportFindings({ ...options, period }, context)));

  program
    .command('validate')
    .description('check questionnaires, vendor files, findings and settings, with file:line:col for each problem')
    .argument('[paths...]', 'files, folders or globs (default: the whole workspace)')
    .option('-q, --questionnaire <id|file>', 'check vendor answers against this questionnaire')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']))
    .action((paths: string[], options: Record<string, unknown>) =>
      run(async (context) => (await import('./commands/validate.js')).validate({ ...options, paths }, context)),
    );

  program
    .command('init')
    .description('create a workspace: settings, a commented example vendor, .gitignore for drafts')
    .argument('[dir]', 'folder to create the workspace in', '.')
    .option('--force', 'overwrite files that already exist')
    .action((dir: string, options: Record<string, unknown>) => run(async (context) => (await import('./commands/init.js')).init({ ...options, dir }, context)));

  const questionnaire = program.command('questionnaire').description('list the available questionnaires, show one as an outline, or export the answer sheet a vendor fills in');
  questionnaire
    .command('list')
    .description('list bundled and workspace questionnaires')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'yaml']))
    .action((options: Record<string, unknown>) => run(async (context) => (await import('./commands/questionnaire.js')).listQuestionnaires(options, context)));
  questionnaire
    .command('show')
    .description('show a questionnaire: sections, questions, conditions, points and red flags')
    .argument('[id]', 'questionnaire id or file (default: the workspace questionnaire)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json', 'yaml']))
    .option('--for-vendor', 'what a vendor reads: help, how to answer, conditions in words; no points, verdicts or red flags (text or markdown)')
    .action((id: string | undefined, options: Record<string, unknown>) =>
      run(async (context) => (await import('./commands/questionnaire.js')).showQuestionnaire({ ...options, id }, context)),
    );
  questionnaire
    .command('diff')
    .description('two editions of a questionnaire, question by question: the same, changed (and what), renamed, added or removed, with the crosswalk (two different questionnaires: said so, compared by question id alone)')
    .argument('<older>', 'the earlier edition: a questionnaire id or file')
    .argument('<newer>', 'the later edition: a questionnaire id or file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'yaml']))
    .option('--crosswalk <file>', "a crosswalk file that joins the two (default: the one in questionnaires/crosswalks/ that does, else the newer edition's own)")
    .action((older: string, newer: string, options: Record<string, unknown>) =>
      run(async (context) => (await import('./commands/questionnaire.js')).diffQuestionnairesCommand({ ...options, older, newer }, context)),
    );
  questionnaire
    .command('export')
    .description('the answer sheet a vendor fills in without writing YAML (CSV or an Excel workbook: a row per question, no points)')
    .argument('[id]', 'questionnaire id or file (default: the workspace questionnaire)')
    .addOption(new Option('-f, --format <format>', 'csv, or xlsx: a workbook with dropdowns, only the answer cells editable (default: xlsx for an -o name ending .xlsx)').choices(['csv', 'xlsx']))
    .option('-o, --out <file>', 'write the sheet here (default: stdout)')
    .option('--vendor <id>', "prefill the sheet with this vendor's answers on record")
    .option('--force', 'with --out: replace a file that is not an aiclaim answer sheet')
    .action((id: string | undefined, options: Record<string, unknown>) =>
      run(async (context) => (await import('./commands/answer-sheet.js')).exportAnswerSheet({ ...options, id }, context)),
    );

  return program;
}

export async function main(argv: string[] = process.argv, context: Context = processContext()): Promise<number> {
  let action: Action | undefined;
  const program = buildProgram((a) => {
    action = a;
  });
  program.configureOutput({
    writeOut: (text) => context.stdout.write(text),
    writeErr: (text) => context.stderr.write(text),
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return done ? 0 : 2;
    }
    throw error;
  }
  if (!action) return 0;
  const debug = Boolean(program.opts().debug);
  try {
    return await action(context);
  } catch (error) {
    const { reportError } = await import('./shell/report-error.js');
    return reportError(error, context, debug);
  }
}
