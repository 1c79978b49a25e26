import { questionDefinitions, type QuestionDefinitions } from '../core/findings/question-definitions.js';
import { classifyQuestions, renamesOf, snapshotEdition } from '../core/findings/question-classes.js';
import { questionnaireHash } from '../core/findings/build-findings.js';
import { indexQuestionnaire } from '../core/questionnaire-index.js';
import type { Findings } from '../core/schema/findings.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import { bridgeOf, type Bridge } from '../core/tracking/restate-score.js';
import { crosswalkBetween, type ChosenCrosswalk } from './crosswalks.js';
import { questionnaireOf, type LoadedSnapshot } from './snapshots/store.js';
import type { Workspace } from './workspace.js';

// Two snapshots scored with different editions, as diff and trend compare them: each one's
// question definitions (from its questionnaire, for a snapshot written before snapshots carried
// them), the newer edition's questionnaire as it scored its quarter, and the crosswalk between them.

export interface EditionPair {
  definitions: { before?: QuestionDefinitions | undefined; after?: QuestionDefinitions | undefined };
  /** The questionnaire that scored the newer snapshot, when found with its hash. */
  newer?: Questionnaire | undefined;
  crosswalk: ChosenCrosswalk;
}

/**
 * `fallback`: the questionnaire whose crosswalk applies when the newer snapshot's own is not found
 * (the one in use, when it has the newer snapshot's id). `named`: a crosswalk file given by the user.
 */
export async function editionPair(
  older: LoadedSnapshot,
  newer: LoadedSnapshot,
  workspace: Workspace,
  cwd: string,
  options: { named?: string | undefined; fallback?: Questionnaire | undefined } = {},
): Promise<EditionPair> {
  const definitions = { before: await definitionsOf(older, workspace, cwd), after: await definitionsOf(newer, workspace, cwd) };
  const found = await questionnaireOf(newer, workspace, cwd);
  const scoredNewer = found && questionnaireHash(found) === newer.findings.questionnaire.hash ? found : undefined;
  const own = (found ?? (options.fallback?.id === newer.findings.questionnaire.id ? options.fallback : undefined))?.crosswalk;
  const edition = (f: Findings, defs: QuestionDefinitions | undefined) => ({
    id: f.questionnaire.id,
    version: f.questionnaire.version,
    ids: new Set(snapshotEdition(f, defs).ids),
  });
  const crosswalk = await crosswalkBetween(
    edition(older.findings, definitions.before),
    edition(newer.findings, definitions.after),
    own,
    workspace,
    cwd,
    options.named,
  );
  return { definitions, newer: scoredNewer, crosswalk };
}

/** The bridge that restates the older snapshot's scores in the newer edition's terms; undefined without the newer questionnaire. */
export function bridgeFor(older: Findings, newer: Findings, pair: EditionPair): Bridge | undefined {
  if (!pair.newer) return undefined;
  const classes = classifyQuestions(
    snapshotEdition(older, pair.definitions.before),
    snapshotEdition(newer, pair.definitions.after),
    renamesOf(indexQuestionnaire(pair.newer)),
    pair.crosswalk.entries,
  );
  return bridgeOf(pair.newer, classes);
}

/** A snapshot written before snapshots carried question definitions: from its questionnaire, when found. */
async function definitionsOf(snapshot: LoadedSnapshot, workspace: Workspace, cwd: string): Promise<QuestionDefinitions | undefined> {
  if (snapshot.findings.questionnaire.questions) return undefined;
  const scoredWith = await questionnaireOf(snapshot, workspace, cwd);
  return scoredWith ? questionDefinitions(scoredWith) : undefined;
}
