import type { Choice, Prompter } from '../interview/prompter.js';
import { InterviewCancelled } from '../interview/prompter.js';
import type { OutputStream } from './context.js';

// The one place that talks to Inquirer. Prompts go to stderr, so stdout stays for data (the
// score card); Ctrl-C becomes InterviewCancelled, which the interview turns into a clean stop.

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
  return {
    select: <T>(message: string, choices: Choice<T>[], options: { default?: T | undefined } = {}) =>
      guard(() => inquirer.select<T>({ message, choices, default: options.default, pageSize: 12, loop: false }, context)),
    checkbox: <T>(message: string, choices: Choice<T>[]) =>
      guard(() => inquirer.checkbox<T>({ message, choices: choices.map((c) => ({ ...c, checked: c.checked ?? false })), pageSize: 12, loop: false }, context)),
    input: (message, options = {}) => guard(() => inquirer.input({ message, default: options.default, validate: options.validate }, context)),
    confirm: (message, options = {}) => guard(() => inquirer.confirm({ message, default: options.default }, context)),
    note: (text) => {
      output.write(`${text}\n`);
    },
  };
}
