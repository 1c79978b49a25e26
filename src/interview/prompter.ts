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
  input(message: string, options?: { default?: string | undefined; validate?: (text: string) => true | string }): Promise<string>;
  confirm(message: string, options?: { default?: boolean | undefined }): Promise<boolean>;
  /** A line of text between prompts: section headers, help, notices. */
  note(text: string): void;
}

/** Thrown when the person stops the interview (Ctrl-C): the draft is kept. */
export class InterviewCancelled extends Error {
  constructor() {
    super('interview cancelled');
    this.name = 'InterviewCancelled';
  }
}
