import type { Argument, Command, Option } from 'commander';
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
};

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
        options: command.options.filter((o) => !o.hidden).map(option),
        args: command.registeredArguments.map((a) => argumentTakes(a, path[0] === 'questionnaire')),
        variadic: command.registeredArguments.at(-1)?.variadic ?? false,
      });
    }
    for (const sub of command.commands) visit(sub, path);
  };
  for (const command of program.commands) visit(command, []);
  // --version is the program's alone: it is offered at the top, not after a command.
  return { name: program.name(), global: program.options.filter((o) => !o.hidden && o.long !== '--version').map(option), commands };
}

function argumentTakes(argument: Argument, underQuestionnaire: boolean): Takes {
  if (underQuestionnaire && QUESTIONNAIRE_ARGUMENTS.has(argument.name())) return { kind: 'questionnaires' };
  return ARGUMENT_TAKES[argument.name()] ?? { file: true };
}

function option(o: Option): CompletionCommand['options'][number] {
  const flags = [o.short, o.long].filter((f): f is string => f !== undefined);
  const takes: Takes = !(o.required || o.optional) ? { flag: true } : o.argChoices ? { choices: o.argChoices } : (OPTION_TAKES[o.long ?? ''] ?? { file: true });
  return { flags, description: o.description, takes };
}
