import type { Argument, Command, Option } from 'commander';
import { DIFF_GATES, SCORE_GATES } from '../core/gates.js';
import { MARTECH_CATEGORY_IDS } from '../core/martech-categories.js';
import type { CompletionCommand, CompletionModel, Takes } from '../render/completion-scripts.js';

// The command line as completion sees it, read from the program commander builds (cli.ts), so
// that a new command or option is completed without being listed twice. What an argument or an
// option's value takes is told by its name: a vendor id, a quarter, a questionnaire, or a file.

const ARGUMENT_TAKES: Record<string, Takes> = {
  'vendor-id': { kind: 'vendors' },
  old: { kind: 'quarters' },
  new: { kind: 'quarters' },
  period: { kind: 'quarters' },
};
/** Under `questionnaire`, an id or the editions compared are questionnaires. */
const QUESTIONNAIRE_ARGUMENTS = new Set(['id', 'older', 'newer']);
const OPTION_TAKES: Record<string, Takes> = {
  '--vendor': { kind: 'vendors' },
  '--period': { kind: 'quarters' },
  '--questionnaire': { kind: 'questionnaires' },
  '--verdict': { kind: 'verdicts' },
  '--category': { choices: MARTECH_CATEGORY_IDS },
};
/** `--fail-on` takes what the command checks. */
const GATES: Record<string, readonly string[]> = { score: SCORE_GATES, diff: DIFF_GATES };
/** Values of the user's own, by the name the option gives its value: nothing to offer, and never a file. */
const TYPED = new Set(['n', 'score', 'points', 'code', 'format']);

export function completionModel(program: Command): CompletionModel {
  const commands: CompletionCommand[] = [];
  const visit = (command: Command, parents: string[]) => {
    const path = [...parents, command.name()];
    // A group alone (questionnaire) runs nothing: only its subcommands are completed.
    const runs = command.commands.length === 0 || command.registeredArguments.length > 0 || command.options.length > 0;
    if (runs && command.name() !== 'completion') {
      commands.push({
        path: path.join(' '),
        description: command.description(),
        options: command.options.filter((o) => !o.hidden).map((o) => option(o, path[0]!)),
        args: command.registeredArguments.map((a) => argumentTakes(a, path[0] === 'questionnaire')),
        variadic: command.registeredArguments.at(-1)?.variadic ?? false,
      });
    }
    for (const sub of command.commands) visit(sub, path);
  };
  for (const command of program.commands) visit(command, []);
  // --version is the program's alone: it is offered at the top, not after a command.
  return { name: program.name(), global: program.options.filter((o) => !o.hidden && o.long !== '--version').map((o) => option(o, '')), commands };
}

function argumentTakes(argument: Argument, underQuestionnaire: boolean): Takes {
  if (underQuestionnaire && QUESTIONNAIRE_ARGUMENTS.has(argument.name())) return { kind: 'questionnaires' };
  return ARGUMENT_TAKES[argument.name()] ?? { file: true };
}

function option(o: Option, command: string): CompletionCommand['options'][number] {
  const flags = [o.short, o.long].filter((f): f is string => f !== undefined);
  return { flags, description: o.description, takes: optionTakes(o, command) };
}

function optionTakes(o: Option, command: string): Takes {
  if (!(o.required || o.optional)) return { flag: true };
  if (o.argChoices) return { choices: o.argChoices };
  const gates = o.long === '--fail-on' ? GATES[command] : undefined;
  if (gates) return { choices: gates };
  const known = OPTION_TAKES[o.long ?? ''];
  if (known) return known;
  // The name in `--top <n>`: what the value is.
  const value = /<([^>]+)>/.exec(o.flags)?.[1];
  return value !== undefined && TYPED.has(value) ? { typed: true } : { file: true };
}
