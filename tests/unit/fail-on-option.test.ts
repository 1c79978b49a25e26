import { describe, expect, test } from 'vitest';
import { DIFF_GATES, SCORE_GATES } from '../../src/core/gates.js';
import { failOnOption } from '../../src/shell/fail-on-option.js';

// --fail-on, for score and diff alike: the gates given, none by default, and an unknown one refused
// with the list to choose from.

describe('--fail-on', () => {
  test.each([
    [SCORE_GATES, ['not-assessed'], ['not-assessed']],
    [DIFF_GATES, ['new-critical', 'regression'], ['new-critical', 'regression']],
    [DIFF_GATES, undefined, []],
  ])('%j: %j reads as %j', (gates, given, read) => {
    expect(failOnOption(gates).parse(given)).toEqual(read);
  });

  test.each([
    [SCORE_GATES, 'everything', '"everything" is not something to fail on: use not-assessed'],
    [DIFF_GATES, 'improvement', '"improvement" is not something to fail on: use regression, new-critical'],
  ])('%j refuses %s', (gates, value, message) => {
    const result = failOnOption(gates).safeParse([value]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});
