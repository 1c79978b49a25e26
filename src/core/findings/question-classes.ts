import { own } from '../schema/limits.js';
import type { QuestionnaireIndex } from '../questionnaire-index.js';
import type { Findings } from '../schema/findings.js';
import type { CrosswalkEntry } from '../schema/questionnaire.js';
import type { QuestionDefinitions } from './question-definitions.js';

// Every question of two editions of a questionnaire classed against the other: the same
// definition, a changed one, renamed, added or removed; and whether each pair in both is a common
// measure, by its definition or by what the newer edition's crosswalk declares. Pure.

/**
 * A question across two editions. `renamed`: by `replaces:` or the crosswalk, `sameMeaning` when
 * its definition is otherwise unchanged or the crosswalk says so. `declared`: what the crosswalk
 * says of the pair ("same": a reworded question still measures the same). `known`: both editions'
 * definitions were at hand; without them a question in both is `changed`, as nothing shows it is
 * the same.
 */
export interface QuestionComparison {
  id: string;
  class: 'same' | 'changed' | 'renamed' | 'added' | 'removed';
  was?: string | undefined;
  sameMeaning?: boolean | undefined;
  declared?: 'same' | 'changed' | undefined;
  known: boolean;
}

export interface Edition {
  /** The question ids, in the edition's order. */
  ids: readonly string[];
  definitions?: QuestionDefinitions | undefined;
}

/** In the newer edition's order, then the removed ones. `renamed`: new id → old id (`replaces:`). */
export function classifyQuestions(
  older: Edition,
  newer: Edition,
  renamed: ReadonlyMap<string, string>,
  crosswalk: readonly CrosswalkEntry[] = [],
): QuestionComparison[] {
  const oldSet = new Set(older.ids);
  const newSet = new Set(newer.ids);
  const known = older.definitions !== undefined && newer.definitions !== undefined;
  const sameDefinition = (oldId: string, newId: string) =>
    known && own(older.definitions!, oldId) !== undefined && own(older.definitions!, oldId) === own(newer.definitions!, newId);
  const declaredFor = new Map(crosswalk.filter((c) => oldSet.has(c.from)).map((c) => [c.to, c]));
  const out: QuestionComparison[] = [];
  const used = new Set<string>();
  for (const id of newer.ids) {
    const entry = declaredFor.get(id);
    const was = entry?.from ?? (oldSet.has(id) ? id : renamed.get(id));
    if (was === undefined || !oldSet.has(was) || (was !== id && newSet.has(was) && !entry)) {
      out.push({ id, class: 'added', known });
      continue;
    }
    used.add(was);
    const same = sameDefinition(was, id);
    const declared = entry?.meaning;
    if (was !== id) out.push({ id, class: 'renamed', was, sameMeaning: declared ? declared === 'same' : same, ...(declared ? { declared } : {}), known });
    else out.push({ id, class: same ? 'same' : 'changed', ...(declared && !same ? { declared } : {}), known });
  }
  for (const id of older.ids) if (!used.has(id)) out.push({ id, class: 'removed', known });
  return out;
}

/** A pair that measures the same in both editions: scores on it compare like for like. */
export function isCommon(c: QuestionComparison): boolean {
  return c.class === 'same' || (c.class === 'renamed' && c.sameMeaning === true) || (c.class === 'changed' && c.declared === 'same');
}

/** A snapshot's questions as an edition: its definitions when known, else the ids its vendors' lines hold. */
export function snapshotEdition(findings: Findings, definitions?: QuestionDefinitions): Edition {
  const defs = definitions ?? findings.questionnaire.questions;
  return { ids: defs ? Object.keys(defs) : [...new Set(findings.vendors.flatMap((v) => Object.keys(v.questions)))], definitions: defs };
}

/** New id → old id, from the questionnaire's `replaces`: a renamed question keeps its history. */
export function renamesOf(index: QuestionnaireIndex): Map<string, string> {
  const map = new Map<string, string>();
  for (const { question } of index.questions) for (const old of question.replaces ?? []) map.set(question.id, old);
  return map;
}
