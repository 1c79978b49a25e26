import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { questionnaireHash } from '../../src/core/findings/build-findings.js';
import { questionDefinitions } from '../../src/core/findings/question-definitions.js';
import { canonicalJson, contentHash } from '../../src/core/digest.js';
import { loadQuestionnaire } from '../../src/core/load/load-files.js';
import { REPO } from '../helpers/run-cli.js';

// Which edition a questionnaire file is, by what the file says: not by the questionnaire as this
// aiclaim's schema fills it in, so that a default a later aiclaim adds does not make the same file
// another edition (and every question of it "changed").

const text = readFileSync(join(REPO, 'questionnaires', 'ai-claims.yaml'), 'utf8');
const load = (source: string) => {
  const loaded = loadQuestionnaire(source, 'ai-claims.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.value;
};

describe('questionnaire identity', () => {
  const questionnaire = load(text);

  test('the hash is of the data the file holds, before the schema adds its defaults', () => {
    expect(questionnaireHash(questionnaire)).toBe(contentHash(canonicalJson(parse(text))));
    // The schema fills in defaults the file does not write (scoring.method, unverifiedShare…).
    const { identity: _identity, ...filled } = questionnaire;
    expect(contentHash(canonicalJson(filled))).not.toBe(questionnaireHash(questionnaire));
  });

  test('comments, layout and key order do not change it; a word of a question does', () => {
    const relaid = text
      .replace(/^# .*$/gm, '# another comment')
      .replace('schema: aiclaim/questionnaire@1\nid: ai-claims', 'id: ai-claims\nschema: aiclaim/questionnaire@1');
    expect(relaid).not.toBe(text);
    expect(questionnaireHash(load(relaid))).toBe(questionnaireHash(questionnaire));
    const reworded = load(text.replace('At run time, what produces the output', 'At run time, what makes the output'));
    expect(questionnaireHash(reworded)).not.toBe(questionnaireHash(questionnaire));
    // Only that question's definition moved.
    const before = questionDefinitions(questionnaire);
    const after = questionDefinitions(reworded);
    expect(Object.keys(before).filter((id) => before[id] !== after[id])).toEqual(['ai-runtime']);
  });

  test("a question's help does not define it; its points do", () => {
    const defs = questionDefinitions(questionnaire);
    // Each edit below must change the text, or the test would pass on nothing.
    expect(text).toContain('Ask for a walk-through of one real request.');
    expect(text).toContain('label: "A trained model, on every request", points: 6');
    const helpOnly = questionDefinitions(load(text.replace('Ask for a walk-through of one real request.', 'Ask for a walk-through of a real request.')));
    expect(Object.keys(defs).filter((id) => defs[id] !== helpOnly[id])).toEqual([]);
    const repointed = questionDefinitions(
      load(text.replace('label: "A trained model, on every request", points: 6', 'label: "A trained model, on every request", points: 5')),
    );
    expect(Object.keys(defs).filter((id) => defs[id] !== repointed[id])).toEqual(['ai-runtime']);
  });
});
