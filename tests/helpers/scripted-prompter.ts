import { InterviewCancelled, type Choice, type Prompter } from '../../src/interview/prompter.js';

// A prompter that answers from a script, checking each prompt is the one expected.

export const DEFAULT = Symbol('default');
export const CANCEL = Symbol('cancel');

type Reply = unknown | typeof DEFAULT | typeof CANCEL;

export interface Asked {
  kind: 'select' | 'checkbox' | 'input' | 'confirm';
  message: string;
  default?: unknown;
  choices?: Choice<unknown>[];
}

export function scriptedPrompter(script: [RegExp, Reply][]): Prompter & { asked: Asked[]; notes: string[]; remaining: () => number } {
  const steps = [...script];
  const asked: Asked[] = [];
  const notes: string[] = [];
  const next = (prompt: Asked): unknown => {
    asked.push(prompt);
    const step = steps.shift();
    if (!step) throw new Error(`unscripted prompt: ${prompt.message}`);
    const [pattern, reply] = step;
    if (!pattern.test(prompt.message)) throw new Error(`expected a prompt matching ${pattern}, got: ${prompt.message}`);
    if (reply === CANCEL) throw new InterviewCancelled();
    if (reply === DEFAULT) return prompt.default;
    return reply;
  };
  return {
    asked,
    notes,
    remaining: () => steps.length,
    async select<T>(message: string, choices: Choice<T>[], options: { default?: T } = {}) {
      const reply = next({ kind: 'select', message, default: options.default ?? choices[0]?.value, choices: choices as Choice<unknown>[] });
      // A reply may name a choice by its label.
      const byName = choices.find((c) => c.name === reply);
      if (byName) return byName.value;
      if (!choices.some((c) => c.value === reply)) throw new Error(`"${String(reply)}" is not a choice of: ${message}`);
      return reply as T;
    },
    async checkbox<T>(message: string, choices: Choice<T>[]) {
      const reply = next({ kind: 'checkbox', message, default: choices.filter((c) => c.checked).map((c) => c.value), choices: choices as Choice<unknown>[] });
      return reply as T[];
    },
    async input(message: string, options: { default?: string; validate?: (text: string) => true | string } = {}) {
      const reply = next({ kind: 'input', message, default: options.default ?? '' });
      const text = String(reply);
      const valid = options.validate ? options.validate(text) : true;
      if (valid !== true) throw new Error(`the prompt would refuse "${text}": ${valid}`);
      return text;
    },
    async confirm(message: string, options: { default?: boolean } = {}) {
      return next({ kind: 'confirm', message, default: options.default ?? false }) as boolean;
    },
    note(text: string) {
      notes.push(text);
    },
  };
}

/** The steps that create a new vendor and its interview record, answered plainly. */
export function newVendorSteps(name: string, category = 'crm'): [RegExp, Reply][] {
  return [
    [/Vendor name/, name],
    [/Product/, ''],
    [/category/, category],
    [/spend/, ''],
    [/renewal/, ''],
    [/Owner/, ''],
    [/interviewer/, 'Me'],
    [/Who answers/, 'Them'],
    [/role/, ''],
    [/Anyone else/, false],
  ];
}
