import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, test } from 'vitest';
import { loadQuestionnaire } from '../../src/core/load/load-files.js';
import { diffQuestionnaires } from '../../src/core/questionnaire-diff.js';
import type { Questionnaire } from '../../src/core/schema/questionnaire.js';
import { questionnaireDiffText } from '../../src/render/questionnaire-diff-text.js';

// Whether two questionnaire files are editions of one (the same id), and what looks wrong with
// them as an earlier and a later edition: the bundled questionnaires and the sample's 1.0.0
// edition of ai-claims, loaded as `questionnaire diff` loads them, some edited in their text.

const repo = join(import.meta.dirname, '..', '..');
const V2 = join(repo, 'questionnaires', 'ai-claims.yaml');
const V1 = join(repo, 'fixtures', 'sample-ai-claims-1.0.0', 'questionnaires', 'ai-claims.yaml');
const FMTI = join(repo, 'questionnaires', 'fmti-2023.yaml');
const plain = new Chalk({ level: 0 });

function load(path: string, edit: (text: string) => string = (t) => t): Questionnaire {
  const text = edit(readFileSync(path, 'utf8'));
  const loaded = loadQuestionnaire(text, path);
  if (!loaded.ok) throw new Error(`invalid questionnaire ${path}: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded.value;
}

const withVersion = (version: string) => (t: string) => t.replace(/^version: .*$/m, `version: ${version}`);
const withId = (id: string) => (t: string) => t.replace(/^id: .*$/m, `id: ${id}`);
// 2.0.0 declaring its kinship with 1.0.0: a crosswalk, and a question renamed with replaces:.
const withMappings = (t: string) =>
  t
    .replace(/^redFlags:/m, 'crosswalk:\n  - { from: data-provenance, to: data-provenance, meaning: same, note: reworded only }\nredFlags:')
    .replace(/^ {6}- id: certifications$/m, '      - id: ai-certifications\n        replaces: [certifications]');

describe('questionnaire diff: editions of one questionnaire or not', () => {
  test('two different questionnaires: said so, compared by question id alone', () => {
    const diff = diffQuestionnaires(load(V2), load(FMTI));
    expect(diff.sameQuestionnaire).toBe(false);
    expect(diff.warnings).toEqual(['different-questionnaires']);
    const count = (c: string) => diff.questions.filter((q) => q.class === c).length;
    expect([count('same'), count('changed'), count('renamed'), count('added'), count('removed')]).toEqual([0, 0, 0, 100, 66]);
    const lines = questionnaireDiffText(diff, plain).split('\n');
    expect(lines[1]).toBe(
      'ai-claims and fmti-2023 are different questionnaires, not two editions of one: the comparison below is question by question only, and no crosswalk applies.',
    );
    expect(lines[2]).toBe('Questions: 0 the same, 0 changed, 0 renamed, 100 added, 66 removed.');
    expect(lines.filter((l) => l.includes('different questionnaires'))).toHaveLength(1);
  });

  test("the newer file's crosswalk and replaces: apply to an earlier edition of its own questionnaire only", () => {
    const older = load(V1);
    // Control: one questionnaire, so the mappings pair the questions.
    const editions = diffQuestionnaires(older, load(V2, withMappings));
    expect(editions.sameQuestionnaire).toBe(true);
    expect(editions.questions.find((q) => q.id === 'data-provenance')).toMatchObject({ class: 'changed', declared: 'same', note: 'reworded only' });
    expect(editions.questions.find((q) => q.id === 'ai-certifications')).toMatchObject({ class: 'renamed', was: 'certifications' });

    // The same file under another id: another questionnaire, whose mappings name none of these questions.
    const fork = diffQuestionnaires(
      older,
      load(V2, (t) => withId('ai-claims-fork')(withMappings(t))),
    );
    expect(fork.sameQuestionnaire).toBe(false);
    expect(fork.warnings).toEqual(['different-questionnaires']);
    const provenance = fork.questions.find((q) => q.id === 'data-provenance')!;
    expect(provenance.class).toBe('changed');
    expect(provenance).not.toHaveProperty('declared');
    expect(provenance).not.toHaveProperty('note');
    expect(fork.questions.find((q) => q.id === 'ai-certifications')).toMatchObject({ class: 'added' });
    expect(fork.questions.find((q) => q.id === 'certifications')).toMatchObject({ class: 'removed' });
    expect(fork.questions.some((q) => q.class === 'renamed' || q.declared !== undefined)).toBe(false);
    expect(questionnaireDiffText(fork, plain)).not.toContain('the crosswalk says');
  });

  test('an earlier then a later edition: nothing to warn of', () => {
    const diff = diffQuestionnaires(load(V1), load(V2));
    expect(diff.sameQuestionnaire).toBe(true);
    expect(diff.warnings).toEqual([]);
    expect(questionnaireDiffText(diff, plain).split('\n')[1]).toBe('Questions: 53 the same, 7 changed, 0 renamed, 6 added, 0 removed.');
    // Versions compare as numbers, part by part: 2.10.0 comes after 2.9.0.
    expect(diffQuestionnaires(load(V2, withVersion('2.9.0')), load(V2, withVersion('2.10.0'))).warnings).toEqual([]);
  });

  test('the newer file with the lower version: the order looks reversed', () => {
    const diff = diffQuestionnaires(load(V2), load(V1));
    expect(diff.sameQuestionnaire).toBe(true);
    expect(diff.warnings).toEqual(['order-reversed']);
    expect(questionnaireDiffText(diff, plain).split('\n')[1]).toBe(
      'The newer edition (1.0.0) has a lower version than the older (2.0.0): the order looks reversed; give the older edition first.',
    );
    expect(diffQuestionnaires(load(V2, withVersion('2.10.0')), load(V2, withVersion('2.9.0'))).warnings).toEqual(['order-reversed']);
  });

  test('one id and one version, but the content differs: the version was not bumped', () => {
    const older = load(V1);
    const edited = load(V1, (t) => t.replace(/^ {4}weight: 15$/m, '    weight: 16'));
    const diff = diffQuestionnaires(older, edited);
    expect(diff.sameQuestionnaire).toBe(true);
    expect(diff.warnings).toEqual(['version-not-bumped']);
    expect(diff.sections).toEqual([{ key: 'ai-substance', change: 'weight', before: 15, after: 16 }]);
    expect(questionnaireDiffText(diff, plain).split('\n')[1]).toBe('Both files are ai-claims 1.0.0 but their content differs: the version was not bumped.');
    // The very same questionnaire twice: nothing changed, nothing to warn of.
    expect(diffQuestionnaires(older, load(V1)).warnings).toEqual([]);
  });
});
