import type { CrosswalkEntry } from '../schema/questionnaire.js';
import { didYouMean } from './did-you-mean.js';
import type { PathIssue } from './path-issue.js';

// A crosswalk's entries against the editions it joins: each maps a question of the earlier edition
// (from), once, to a question of the newer one (to), and no newer question is reached twice.
// `older` is absent where only the newer edition is at hand (a crosswalk inside a questionnaire).

export function checkCrosswalk(
  entries: readonly CrosswalkEntry[],
  base: (string | number)[],
  newer: ReadonlySet<string>,
  older?: ReadonlySet<string>,
  names: { older: string; newer: string } = { older: 'the earlier edition', newer: 'this questionnaire' },
): PathIssue[] {
  const issues: PathIssue[] = [];
  const from = new Set<string>();
  const to = new Set<string>();
  entries.forEach((entry, i) => {
    const path = [...base, i];
    if (older && !older.has(entry.from))
      issues.push({
        path: [...path, 'from'],
        message: `"${entry.from}" is not a question of ${names.older}`,
        hint: withGuess('from names a question of the earlier edition', entry.from, older),
      });
    if (!newer.has(entry.to))
      issues.push({
        path: [...path, 'to'],
        message: `"${entry.to}" is not a question of ${names.newer}`,
        hint: withGuess("the crosswalk maps an earlier edition's question (from) to one of this edition's (to)", entry.to, newer),
      });
    if (from.has(entry.from)) issues.push({ path: [...path, 'from'], message: `"${entry.from}" is mapped twice`, hint: 'map each earlier question once' });
    else if (to.has(entry.to))
      issues.push({
        path: [...path, 'to'],
        message: `"${entry.to}" is reached twice`,
        hint: 'two earlier questions cannot both be the same measure as one newer question: map one, and let the other be removed',
      });
    from.add(entry.from);
    to.add(entry.to);
  });
  return issues;
}

function withGuess(hint: string, id: string, ids: ReadonlySet<string>): string {
  const guess = didYouMean(id, [...ids]);
  return guess ? `${hint}; ${guess}` : hint;
}
