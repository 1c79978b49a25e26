import { checkbox, input, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, test } from 'vitest';
import { askAnswer } from '../../src/interview/ask-answer.js';
import type { Prompter } from '../../src/interview/prompter.js';
import { oneSection } from '../helpers/build.js';

// The interview's questions rendered by the real Inquirer prompts (through @inquirer/testing):
// what the person sees, and what their keys produce.

type Events = Awaited<ReturnType<typeof render>>['events'];
type Turn = (screen: () => string, events: Events) => Promise<void> | void;

/** A Prompter whose prompts are real Inquirer prompts, driven by one turn per prompt. */
function inquirerPrompter(turns: Turn[], screens: string[]): Prompter {
  const play = async <T>(rendered: Awaited<ReturnType<typeof render>>) => {
    const turn = turns.shift();
    if (!turn) throw new Error('no turn left for this prompt');
    await turn(() => rendered.getScreen(), rendered.events);
    const value = (await rendered.answer) as T;
    screens.push(rendered.getScreen());
    return value;
  };
  return {
    select: async (message, choices, options = {}) => play(await render(select, { message, choices, default: options.default } as never)),
    checkbox: async (message, choices) => play(await render(checkbox, { message, choices } as never)),
    input: async (message, options = {}) => play(await render(input, { message, default: options.default, validate: options.validate } as never)),
    confirm: async () => {
      throw new Error('not used here');
    },
    note: (text) => screens.push(text),
  };
}

const q = oneSection([
  {
    id: 'origin',
    text: 'Where does the model come from?',
    help: 'Ask whose model it is.',
    type: 'choice',
    evidence: 'none',
    options: [
      { value: 'own', label: 'Trained in-house', points: 3 },
      { value: 'api', label: 'A third-party API', points: 1 },
    ],
  },
  { id: 'records', text: 'How many training records?', help: 'A number with a unit.', type: 'number', unit: 'records', evidence: 'none', min: 0 },
  {
    id: 'sources',
    text: 'Which sources?',
    type: 'multi',
    evidence: 'none',
    options: [
      { value: 'own', label: 'Own data' },
      { value: 'licensed', label: 'Licensed data' },
    ],
  },
]);
const question = (id: string) => q.sections[0]!.questions!.find((x) => x.id === id)!;

describe('interview prompts in Inquirer', () => {
  test('a choice shows the question help under the options, and the three ways of not answering apart', async () => {
    const screens: string[] = [];
    const prompter = inquirerPrompter(
      [
        (screen, events) => {
          expect(screen()).toMatch(/\(1\/3\) Where does the model come from\?/);
          expect(screen()).toMatch(/❯ Trained in-house/);
          expect(screen()).toMatch(/The vendor will not say \(declined\)/);
          expect(screen()).toMatch(/Not asked yet: come back to it later/);
          expect(screen()).toMatch(/Ask whose model it is\./);
          events.keypress('down');
          events.keypress('enter');
        },
      ],
      screens,
    );
    expect(await askAnswer(question('origin'), undefined, { prompter, position: '1/3', today: '2026-11-22' })).toEqual({ value: 'api' });
  });

  test('a number refuses what is not one, explains how to type it, and reads "40 million"', async () => {
    const screens: string[] = [];
    const prompter = inquirerPrompter(
      [
        async (screen, events) => {
          events.type('lots');
          events.keypress('enter');
          await new Promise((r) => setTimeout(r, 10));
          expect(screen()).toMatch(/type a number, e\.g\. 40000000, 40 million or 40M/);
          for (let i = 0; i < 4; i++) events.keypress('backspace');
          events.type('?');
          events.keypress('enter');
        },
        (_, events) => {
          events.type('40 million');
          events.keypress('enter');
        },
      ],
      screens,
    );
    expect(await askAnswer(question('records'), undefined, { prompter, position: '2/3', today: '2026-11-22' })).toEqual({ value: 40000000 });
    expect(screens).toContain('A number with a unit.');
  });

  test('a multiple choice is ticked with the space bar; the previous answer comes ticked', async () => {
    const screens: string[] = [];
    const prompter = inquirerPrompter(
      [
        (screen, events) => {
          expect(screen()).toMatch(/◉ Own data/);
          events.keypress('down');
          events.keypress('space');
          events.keypress('enter');
        },
      ],
      screens,
    );
    expect(await askAnswer(question('sources'), { value: ['own'] }, { prompter, position: '3/3', today: '2026-11-22' })).toEqual({
      value: ['own', 'licensed'],
    });
  });
});
