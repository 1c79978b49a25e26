import { GoBack, InterviewCancelled, type Choice } from './prompter.js';

// The moves every list prompt of the interview offers after its answers: back to the previous
// question, and save-and-stop. Chosen, they leave the prompt as GoBack and InterviewCancelled.

export const BACK = Symbol('back');
export const QUIT = Symbol('quit');

export type Move = typeof BACK | typeof QUIT;

export const BACK_CHOICE: Choice<typeof BACK> = {
  name: '← Back to the previous question',
  value: BACK,
  description: 'the question before this one, its answer the default',
};
export const QUIT_CHOICE: Choice<typeof QUIT> = { name: 'Save and stop (resume later)', value: QUIT, description: 'every answer so far is kept in the draft' };

/** The value chosen, unless it is a move: then the move is made. */
export function moved<T>(picked: T | Move): T {
  if (picked === BACK) throw new GoBack();
  if (picked === QUIT) throw new InterviewCancelled('quit');
  return picked;
}
