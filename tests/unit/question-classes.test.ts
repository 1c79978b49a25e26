import { describe, expect, test } from 'vitest';
import { classifyQuestions, isCommon } from '../../src/core/findings/question-classes.js';

// Questions of two editions classed against each other, with replaces: and the crosswalk.

const edition = (defs: Record<string, string>) => ({ ids: Object.keys(defs), definitions: defs });

describe('classifyQuestions', () => {
  const older = edition({ a: '11111111', b: '22222222', c: '33333333', gone: '44444444' });
  const newer = edition({ a: '11111111', b: '2222ffff', c2: '33333333', d: '55555555' });

  test('by definition and replaces:', () => {
    expect(classifyQuestions(older, newer, new Map([['c2', 'c']]))).toEqual([
      { id: 'a', class: 'same', known: true },
      { id: 'b', class: 'changed', known: true },
      { id: 'c2', class: 'renamed', was: 'c', sameMeaning: true, known: true },
      { id: 'd', class: 'added', known: true },
      { id: 'gone', class: 'removed', known: true },
    ]);
  });

  test('the crosswalk declares a reworded question the same, and maps a rename replaces: does not', () => {
    const classes = classifyQuestions(older, newer, new Map(), [
      { from: 'b', to: 'b', meaning: 'same' },
      { from: 'gone', to: 'd', meaning: 'changed' },
    ]);
    expect(classes.find((c) => c.id === 'b')).toEqual({ id: 'b', class: 'changed', declared: 'same', known: true });
    expect(classes.find((c) => c.id === 'd')).toEqual({ id: 'd', class: 'renamed', was: 'gone', sameMeaning: false, declared: 'changed', known: true });
    expect(classes.filter(isCommon).map((c) => c.id)).toEqual(['a', 'b']);
  });

  test('without the older definitions nothing in both is the same', () => {
    const classes = classifyQuestions({ ids: older.ids }, newer, new Map());
    expect(classes.filter((c) => c.class === 'same')).toEqual([]);
    expect(classes.every((c) => !c.known)).toBe(true);
  });
});
