import type { Choice, Prompter } from '../interview/prompter.js';
import { InterviewCancelled } from '../interview/prompter.js';
import { terminalLines, terminalText } from '../render/terminal-text.js';
import type { OutputStream } from './context.js';

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
  const shownChoice = <T, C extends Choice<T>>(choice: C): C => ({ ...choice, name: terminalText(choice.name), description: choice.description === undefined ? undefined : terminalLines(choice.description) });
  return {
    select: <T>(message: string, choices: Choice<T>[], options: { default?: T | undefined } = {}) =>
      guard(() => inquirer.select<T>({ message: terminalLines(message), choices: choices.map((c) => shownChoice<T, Choice<T>>(c)), default: options.default, pageSize: 12, loop: false }, context)),
    checkbox: <T>(message: string, choices: Choice<T>[]) =>
      guard(() => inquirer.checkbox<T>({ message: terminalLines(message), choices: choices.map((c) => ({ ...shownChoice<T, Choice<T>>(c), checked: c.checked ?? false })), pageSize: 12, loop: false }, context)),
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
      output.write(`${terminalLines(text)}\n`);
    },
  };
}
