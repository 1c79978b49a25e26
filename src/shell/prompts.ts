import type { Choice, Prompter } from '../interview/prompter.js';
import { InterviewCancelled } from '../interview/prompter.js';
import { terminalLines, terminalText } from '../render/terminal-text.js';
import { columnsOf, type OutputStream } from './context.js';
import stringWidth from 'string-width';
import { wrapToWidth } from '../render/fit-width.js';
import { CHECKBOX_HELP, listLayout, SELECT_HELP } from './list-layout.js';

// The one place that talks to Inquirer. Prompts go to stderr, so stdout stays for data (the
// score card); Ctrl-C becomes InterviewCancelled, which the interview turns into a clean stop.
// Everything shown passes through terminalText/terminalLines here: vendor names, question texts,
// option labels, help and previous answers come from files, and reach the terminal only shown safe.

export async function terminalPrompter(output: NodeJS.WritableStream & OutputStream): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  const context = { output, clearPromptOnDone: false };
  const guard = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new InterviewCancelled();
      throw error;
    }
  };
  const shownChoice = <T, C extends Choice<T>>(choice: C): C => ({
    ...choice,
    name: terminalText(choice.name),
    description: choice.description === undefined ? undefined : terminalLines(choice.description),
  });
  // A list fitted to the terminal as it is now (it may have been resized since the last question):
  // the question stays on screen while the choices scroll.
  const shownList = <T>(message: string, choices: Choice<T>[], help: string) => {
    const shownMessage = terminalLines(message);
    const shown = choices.map((c) => shownChoice<T, Choice<T>>(c));
    const layout = listLayout(
      output.isTTY ? { rows: output.rows, columns: output.columns } : {},
      shownMessage,
      shown.map((c) => c.description),
      help,
    );
    return {
      message: shownMessage,
      choices: shown.map((c) => ({ ...c, description: layout.description(c.description) })),
      pageSize: layout.pageSize,
      loop: false,
    };
  };
  return {
    select: <T>(message: string, choices: Choice<T>[], options: { default?: T | undefined } = {}) =>
      guard(() => inquirer.select<T>({ ...shownList(message, choices, SELECT_HELP), default: options.default }, context)),
    checkbox: <T>(message: string, choices: Choice<T>[]) =>
      guard(() => {
        const list = shownList(message, choices, CHECKBOX_HELP);
        return inquirer.checkbox<T>({ ...list, choices: list.choices.map((c) => ({ ...c, checked: c.checked ?? false })) }, context);
      }),
    input: (message, options = {}) => {
      // The default is shown safe; taken as it is shown (Enter, or Tab and Enter), it is the value it stands for.
      const original = options.default;
      const shown = original === undefined ? undefined : terminalText(original);
      const meant = (text: string) => (original !== undefined && text === shown ? original : text);
      const validate = options.validate;
      return guard(async () =>
        meant(
          await inquirer.input(
            {
              message: terminalLines(message),
              default: shown,
              validate: validate ? (text: string) => ((result) => (result === true ? true : terminalLines(result)))(validate(meant(text))) : undefined,
            },
            context,
          ),
        ),
      );
    },
    confirm: (message, options = {}) => guard(() => inquirer.confirm({ message: terminalLines(message), default: options.default }, context)),
    note: (text) => {
      // Wrapped at spaces to the terminal's width, as Inquirer wraps its prompts: never mid-word.
      const lines = terminalLines(text).split('\n');
      output.write(`${(output.isTTY ? lines.flatMap((line) => wrapped(line, columnsOf(output))) : lines).join('\n')}\n`);
    },
  };
}

/**
 * A note's line wrapped at spaces, continued under its own indent (an indented list stays one). A
 * line with a word wider than the terminal (a long web address) is left whole for the terminal to
 * wrap: cut, it would lose what it says.
 */
function wrapped(line: string, columns: number): string[] {
  const lead = /^ */.exec(line)![0];
  if (line.split(' ').some((word) => stringWidth(word) > columns - lead.length)) return [line];
  return wrapToWidth(line, columns, lead);
}
