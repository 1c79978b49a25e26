import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { QuestionnaireDiff } from '../../src/core/questionnaire-diff.js';
import { REPO, run, tempDir } from '../helpers/run-cli.js';

// `questionnaire diff` given two questionnaires that are not editions of one (their ids differ):
// it still compares them question by question, but says once, under its heading, that they are
// different questionnaires, carries it in the JSON, and applies no crosswalk. Run from a folder
// unrelated to any workspace.

const elsewhere = tempDir();
afterAll(() => elsewhere.remove());
const AI_CLAIMS = join(REPO, 'questionnaires', 'ai-claims.yaml');
const FMTI = join(REPO, 'questionnaires', 'fmti-2023.yaml');
const V1 = join(REPO, 'fixtures', 'sample-ai-claims-1.0.0', 'questionnaires', 'ai-claims.yaml');
const UNRELATED =
  'ai-claims and fmti-2023 are different questionnaires, not two editions of one: the comparison below is question by question only, and no crosswalk applies.';

describe('questionnaire diff of two different questionnaires', () => {
  test('text: said once, right under the heading, by file or by id', async () => {
    for (const args of [
      [AI_CLAIMS, FMTI],
      ['ai-claims', 'fmti-2023'],
    ]) {
      const out = await run(['questionnaire', 'diff', ...args], { cwd: elsewhere.dir });
      expect(out.code, out.stderr).toBe(0);
      const lines = out.stdout.split('\n');
      expect(lines[0]).toMatch(/^ai-claims 2\.0\.0 \([0-9a-f]{8}\) → fmti-2023 1\.0\.0 \([0-9a-f]{8}\)$/);
      expect(lines[1]).toBe(UNRELATED);
      expect(lines[2]).toBe('Questions: 0 the same, 0 changed, 0 renamed, 100 added, 66 removed.');
      expect(lines.filter((l) => l.includes('different questionnaires'))).toHaveLength(1);
    }
  });

  test('json and yaml carry it', async () => {
    const out = await run(['questionnaire', 'diff', AI_CLAIMS, FMTI, '-f', 'json'], { cwd: elsewhere.dir });
    expect(out.code, out.stderr).toBe(0);
    const diff = JSON.parse(out.stdout) as QuestionnaireDiff;
    expect(diff).toMatchObject({ from: { id: 'ai-claims' }, to: { id: 'fmti-2023' }, sameQuestionnaire: false, warnings: ['different-questionnaires'] });
    const yaml = await run(['questionnaire', 'diff', AI_CLAIMS, FMTI, '-f', 'yaml'], { cwd: elsewhere.dir });
    expect(yaml.stdout).toContain('sameQuestionnaire: false\nwarnings:\n  - different-questionnaires\n');
  });

  test("the newer file's crosswalk is not applied to another questionnaire", async () => {
    // ai-claims 2.0.0 with a crosswalk from 1.0.0, once as ai-claims and once under another id.
    const mapped = readFileSync(AI_CLAIMS, 'utf8').replace(
      /^redFlags:/m,
      'crosswalk:\n  - { from: data-provenance, to: data-provenance, meaning: same, note: reworded only }\nredFlags:',
    );
    const edition = join(elsewhere.dir, 'edition.yaml');
    const fork = join(elsewhere.dir, 'fork.yaml');
    writeFileSync(edition, mapped);
    writeFileSync(fork, mapped.replace(/^id: ai-claims$/m, 'id: ai-claims-fork'));

    const same = await run(['questionnaire', 'diff', V1, edition], { cwd: elsewhere.dir });
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout.split('\n')[1]).toBe('Questions: 53 the same, 7 changed, 0 renamed, 6 added, 0 removed.');
    expect(same.stdout).toContain('  changed  data-provenance: text changed · the crosswalk says: same meaning (reworded only)');

    const other = await run(['questionnaire', 'diff', V1, fork], { cwd: elsewhere.dir });
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout.split('\n')[1]).toBe(
      'ai-claims and ai-claims-fork are different questionnaires, not two editions of one: the comparison below is question by question only, and no crosswalk applies.',
    );
    expect(other.stdout).toContain('  changed  data-provenance: text changed\n');
    expect(other.stdout).not.toContain('the crosswalk says');
  });

  test('editions of one questionnaire given newest first: the order looks reversed', async () => {
    const out = await run(['questionnaire', 'diff', AI_CLAIMS, V1], { cwd: elsewhere.dir });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.split('\n').slice(1, 3)).toEqual([
      'The newer edition (1.0.0) has a lower version than the older (2.0.0): the order looks reversed; give the older edition first.',
      'Questions: 53 the same, 7 changed, 0 renamed, 0 added, 6 removed.',
    ]);
    expect(out.stdout).not.toContain('different questionnaires');
  });
});
