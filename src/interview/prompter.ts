import { MAX_TEXT_LENGTH } from '../core/schema/limits.js';
// What the interview asks through: the terminal in real use, a script in tests.

export interface Choice<T> {
  name: string;
  value: T;
  description?: string | undefined;
  checked?: boolean | undefined;
}

export interface Prompter {
  select<T>(message: string, choices: Choice<T>[], options?: { default?: T | undefined }): Promise<T>;
  /** Several choices at once; nothing chosen returns an empty list. */
  checkbox<T>(message: string, choices: Choice<T>[]): Promise<T[]>;
  /** `maxLength`: the most the file holds there (default: MAX_TEXT_LENGTH), enforced by withLengthLimits. */
  input(
    message: string,
    options?: { default?: string | undefined; validate?: (text: string) => true | string; maxLength?: number | undefined },
  ): Promise<string>;
  confirm(message: string, options?: { default?: boolean | undefined }): Promise<boolean>;
  /** A line of text between prompts: section headers, help, notices. */
  note(text: string): void;
}

/**
 * Thrown when the person stops the interview: Ctrl-C (`interrupted`), or the save-and-stop key
 * (`quit`). Either way the draft is kept.
 */
export class InterviewCancelled extends Error {
  constructor(readonly how: 'interrupted' | 'quit' = 'interrupted') {
    super('interview cancelled');
    this.name = 'InterviewCancelled';
  }
}

/** Thrown when the person asks for the previous question: nothing of the current one is recorded. */
export class GoBack extends Error {
  constructor() {
    super('back to the previous question');
    this.name = 'GoBack';
  }
}

/**
 * The same prompter, refusing typed text longer than the vendor file may hold there: a longer
 * answer is asked for again, never saved to be refused the next time the file is read.
 */
export function withLengthLimits(prompter: Prompter): Prompter {
  return {
    select: (message, choices, options) => prompter.select(message, choices, options),
    checkbox: (message, choices) => prompter.checkbox(message, choices),
    confirm: (message, options) => prompter.confirm(message, options),
    note: (text) => prompter.note(text),
    input: (message, options = {}) => {
      const max = options.maxLength ?? MAX_TEXT_LENGTH;
      const validate = options.validate;
      return prompter.input(message, {
        ...options,
        validate: (text) =>
          text.trim().length > max
            ? `that is ${text.trim().length.toLocaleString('en-US')} characters; at most ${max.toLocaleString('en-US')} fit here`
            : validate
              ? validate(text)
              : true,
      });
    },
  };
}
