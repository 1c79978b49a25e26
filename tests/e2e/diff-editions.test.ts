import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { FindingsDiff } from '../../src/core/tracking/diff-findings.js';
import { REPO, run, tempDir } from '../helpers/run-cli.js';
import { tree } from '../helpers/tree.js';

// Quarters scored with two editions of the questionnaire, as a team that upgrades has them: the
// sample snapshots scored with ai-claims 1.0.0 (fixtures/sample-ai-claims-1.0.0, kept as written)
// against those of edition 2.0.0. Every command runs from a folder unrelated to either workspace.

const OLD = join(REPO, 'fixtures', 'sample-ai-claims-1.0.0', 'findings', '2026-Q3.yaml');
const NEW = join(REPO, 'fixtures', 'sample', 'findings', '2026-Q4.yaml');
/** A team's crosswalk that declares all seven questions whose definition changed the same measure. */
const ALL_SAME_CROSSWALK = [
  'schema: aiclaim/crosswalk@1',
  'from: { questionnaire: ai-claims, version: 1.0.0 }',
  'to: { questionnaire: ai-claims, version: 2.0.0 }',
  'questions:',
  ...['ai-runtime', 'ai-claims', 'data-provenance', 'last-trained', 'independent-validation', 'certifications', 'funding'].map(
    (id) => `  - { from: ${id}, to: ${id}, meaning: same }`,
  ),
  '',
].join('\n');

const elsewhere = tempDir();
afterAll(() => elsewhere.remove());
// The old edition's workspace is read by this file alone: its cache included, nothing may change.
const oldWorkspace = join(REPO, 'fixtures', 'sample-ai-claims-1.0.0');
const fixturesBefore = tree(oldWorkspace, { cache: true });

const json = async (args: string[]) => {
  const out = await run([...args, '-f', 'json'], { cwd: elsewhere.dir });
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as FindingsDiff;
};

describe('diff across questionnaire editions', () => {
  test('no fake deltas: each vendor "not comparable", with the share on common questions; no counts, no "moved most"', async () => {
    const out = await run(['diff', OLD, NEW], { cwd: elsewhere.dir });
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('2026-Q3 → 2026-Q4 · questionnaire changed: ai-claims 1.0.0 (c725245b) → ai-claims 2.0.0 (60198ae2)');
    expect(lines[1]).toBe('15 not comparable · 2 added · 1 dropped');
    expect(out.stdout).not.toMatch(/improved|regressed|Moved most/);
    // The crosswalk aiclaim ships for this upgrade declares five of the seven changed questions the same measure.
    expect(out.stdout).toContain(
      `Questions: 53 the same, 7 changed (5 the same in meaning, by the crosswalk in ${join(REPO, 'questionnaires', 'crosswalks', 'ai-claims-1.0.0-to-2.0.0.yaml')}), 6 added, 0 removed.`,
    );
    // ai-claims changed in meaning (each claim now asserts something checked) and counts for every vendor: none is restated.
    expect(out.stdout).toContain(
      "No vendor's scores are comparable: a question that counts in their scores is in one edition only, or does not measure the same in both",
    );
    // Outside any workspace, given its files, diff says nothing of the bundled sample.
    expect(out.stderr).not.toMatch(/sample/);
    // The vendors' table, not the stack's figures after it.
    const rows = lines.slice(0, lines.indexOf('Stack economics · 2026-Q3 → 2026-Q4')).filter((l) => /^│ [A-Z]/.test(l) && !l.startsWith('│ Vendor'));
    expect(rows).toHaveLength(15);
    for (const row of rows) expect(row).toMatch(/│ not comparable │.*│ common \d+%: [+−±][\d.]+ pts/);

    const diff = await json(['diff', OLD, NEW]);
    expect(diff.comparable).toBe(false);
    expect(diff.summary).toMatchObject({ improved: 0, regressed: 0, unchanged: 0, notComparable: 15 });
    const changedClasses = diff.questionnaireChanges.questions.filter((q) => q.class === 'changed');
    expect(changedClasses).toHaveLength(7);
    expect(changedClasses.filter((q) => q.declared !== 'same').map((q) => q.id)).toEqual(['ai-claims', 'independent-validation']);
    const changed = new Set(changedClasses.filter((q) => q.declared !== 'same').map((q) => q.id));
    for (const v of diff.vendors) {
      expect(v).toMatchObject({ comparable: false, movement: 'not-comparable', delta: 0, sections: [] });
      expect(v.common!.share).toBeGreaterThan(0.5);
      expect(v.common!.share).toBeLessThanOrEqual(1);
      // A question defined differently in the two editions is never blamed on the vendor's answer.
      for (const q of v.questions.filter((q) => changed.has(q.id) && q.group !== 'unchanged')) expect(q.causes).toEqual(['questionnaire-changed']);
    }
  });

  test('--fail-on regression has nothing to check across editions: exit 2, said in one line', async () => {
    const out = await run(['diff', OLD, NEW, '--fail-on', 'regression'], { cwd: elsewhere.dir });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      "error: --fail-on regression: nothing to check: no vendor's scores are comparable (ai-claims 1.0.0 → ai-claims 2.0.0)\nhint: pass --rescore to score both quarters with one questionnaire\n",
    );
  });

  test('--rescore from another folder finds the vendor files of each snapshot in its own workspace, and says what it compared', async () => {
    const out = await run(['diff', OLD, NEW, '--rescore'], { cwd: elsewhere.dir });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.split('\n').slice(0, 3)).toEqual([
      '2026-Q3 → 2026-Q4 · rescored with ai-claims 2.0.0 (the snapshots: ai-claims 1.0.0 (c725245b) → ai-claims 2.0.0 (60198ae2))',
      '15 vendors rescored for 2026-Q3 and 2026-Q4 with ai-claims 2.0.0: every vendor in both quarters.',
      expect.stringMatching(/^\d+ improved · \d+ regressed · \d+ unchanged · 2 added · 1 dropped$/),
    ]);
    const diff = await json(['diff', OLD, NEW, '--rescore']);
    expect(diff.comparable).toBe(true);
    expect(diff.from.questionnaire.version).toBe('1.0.0');
    expect(diff.rescored).toMatchObject({ questionnaire: { id: 'ai-claims', version: '2.0.0' }, notRescored: [] });
    expect(diff.rescored!.vendors).toHaveLength(15);
  });

  test('--rescore with some files gone: those vendors are named with why, and compared as their snapshots hold them', async () => {
    const folder = join(elsewhere.dir, 'vendors-then');
    cpSync(join(REPO, 'fixtures', 'sample-ai-claims-1.0.0', 'vendors-2026-Q3'), folder, { recursive: true });
    rmSync(join(folder, 'datavane.yaml'));
    // A file that declares another questionnaire is not scored with this one.
    const cohortia = join(folder, 'cohortia.yaml');
    writeFileSync(cohortia, readFileSync(cohortia, 'utf8').replace(/^schema: (.*)$/m, 'schema: $1\nquestionnaire: fmti-2023'));
    const diff = await json(['diff', OLD, NEW, '--rescore', '--old-vendors', folder]);
    expect(diff.comparable).toBe(false);
    expect(diff.rescored!.vendors).toHaveLength(13);
    expect(diff.rescored!.notRescored).toEqual([
      { id: 'cohortia', reason: '2026-Q3: its file declares the questionnaire fmti-2023, not ai-claims' },
      { id: 'datavane', reason: '2026-Q3: no datavane.yaml in the folder named; name the folder with --old-vendors' },
    ]);
    const byId = new Map(diff.vendors.map((v) => [v.id, v]));
    expect(byId.get('datavane')).toMatchObject({ comparable: false, movement: 'not-comparable' });
    expect(byId.get('mailmint')).toMatchObject({ comparable: true });
    expect(diff.summary.notComparable).toBe(2);

    // Asked for, and possible for no vendor: exit 2, with every reason.
    for (const name of readdirSync(folder)) rmSync(join(folder, name));
    const none = await run(['diff', OLD, NEW, '--rescore', '--old-vendors', folder], { cwd: elsewhere.dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /--rescore: no vendor could be scored again for both 2026-Q3 and 2026-Q4: autoflow \(2026-Q3: no autoflow\.yaml in the folder named/,
    );
  });

  test('trend across editions: which edition scored which quarters, and no change measured across them', async () => {
    // A workspace that upgraded: two quarters of 1.0.0, then one of 2.0.0, in one findings folder.
    const ws = join(elsewhere.dir, 'upgraded');
    cpSync(join(REPO, 'fixtures', 'sample'), ws, { recursive: true });
    rmSync(join(ws, 'findings'), { recursive: true });
    cpSync(join(oldWorkspace, 'findings'), join(ws, 'findings'), { recursive: true });
    rmSync(join(ws, 'findings', '2026-Q4.yaml'));
    cpSync(NEW, join(ws, 'findings', '2026-Q4.yaml'));
    const out = await run(['trend'], { cwd: ws });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(
      'The questionnaire changed: ai-claims 1.0.0 2026-Q2–2026-Q3, then ai-claims 2.0.0 2026-Q4. Scores of two editions are different measures',
    );
    const trend = JSON.parse((await run(['trend', '-f', 'json'], { cwd: ws })).stdout) as {
      editions: unknown[];
      vendors: { id: string; change: number | null; changeFrom?: string; points: { period: string; score: number | null; carried: boolean }[] }[];
    };
    expect(trend.editions).toHaveLength(2);
    // Scored in 2026-Q4, one quarter of the new edition: nothing to measure a change against.
    const scoredNow = trend.vendors.filter((v) => v.points.some((p) => p.period === '2026-Q4' && !p.carried && p.score !== null));
    expect(scoredNow.length).toBeGreaterThan(10);
    for (const v of scoredNow) expect(v.change).toBeNull();
    // A vendor last scored with the old edition keeps its change within it.
    for (const v of trend.vendors.filter((v) => v.change !== null)) expect(v.changeFrom).toBe('2026-Q2');
  });

  test('a crosswalk in the new edition declares a reworded question the same measure; questionnaire diff prints it', async () => {
    const ws = join(elsewhere.dir, 'crosswalk');
    cpSync(join(REPO, 'fixtures', 'sample'), ws, { recursive: true });
    const own = readFileSync(join(REPO, 'questionnaires', 'ai-claims.yaml'), 'utf8').replace(
      /^redFlags:/m,
      'crosswalk:\n  - { from: data-provenance, to: data-provenance, meaning: same, note: reworded only }\n  - { from: certifications, to: certifications, meaning: changed }\nredFlags:',
    );
    mkdirSync(join(ws, 'questionnaires'));
    writeFileSync(join(ws, 'questionnaires', 'ai-claims.yaml'), own);
    const shown = await run(['questionnaire', 'diff', join(oldWorkspace, 'questionnaires', 'ai-claims.yaml'), 'ai-claims'], { cwd: ws });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Questions: 53 the same, 7 changed, 0 renamed, 6 added, 0 removed.');
    expect(shown.stdout).toContain('  changed  data-provenance: text changed · the crosswalk says: same meaning (reworded only)');
    expect(shown.stdout).toContain('  changed  certifications: options changed · the crosswalk says: changed meaning');
    expect(shown.stdout).toContain('  ai-substance: weight 15 → 25');

    // diff with the team's crosswalk in use: it takes the place of the one aiclaim ships, entry for entry.
    const withCrosswalk = JSON.parse((await run(['diff', OLD, NEW, '-f', 'json'], { cwd: ws })).stdout) as FindingsDiff;
    const classOf = (d: FindingsDiff, id: string) => d.questionnaireChanges.questions.find((q) => q.id === id);
    expect(classOf(withCrosswalk, 'data-provenance')).toMatchObject({ class: 'changed', declared: 'same' });
    expect(classOf(withCrosswalk, 'certifications')).toMatchObject({ class: 'changed', declared: 'changed' });
    expect(classOf(withCrosswalk, 'ai-runtime')).toEqual({ id: 'ai-runtime', class: 'changed', known: true });
    expect(withCrosswalk.questionnaireChanges.crosswalk).toEqual({ questions: 2 });
    const bundled = await json(['diff', OLD, NEW]);
    expect(classOf(bundled, 'ai-runtime')).toMatchObject({ declared: 'same' });
    const share = (d: FindingsDiff, id: string) => d.vendors.find((v) => v.id === id)!.common!.share;
    expect(share(withCrosswalk, 'autoflow')).toBeLessThan(share(bundled, 'autoflow'));
    const table = await run(['diff', OLD, NEW], { cwd: ws });
    expect(table.stdout).toContain('7 changed (1 the same in meaning, by the crosswalk)');

    // A crosswalk that maps to no question of its edition is refused.
    writeFileSync(join(ws, 'questionnaires', 'ai-claims.yaml'), own.replace('to: certifications', 'to: no-such-question'));
    const bad = await run(['validate', 'questionnaires/ai-claims.yaml'], { cwd: ws });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/questionnaires\/ai-claims\.yaml:\d+:\d+: "no-such-question" is not a question of this questionnaire — the crosswalk maps/);
  });

  test('a crosswalk that declares every changed question the same measure: scores restated in the new weights are compared', async () => {
    const ws = join(elsewhere.dir, 'restated');
    cpSync(join(REPO, 'fixtures', 'sample'), ws, { recursive: true });
    mkdirSync(join(ws, 'questionnaires', 'crosswalks'), { recursive: true });
    // The team judges all seven the same measure (the bundled crosswalk does not: see the test above).
    writeFileSync(join(ws, 'questionnaires', 'crosswalks', 'ours.yaml'), ALL_SAME_CROSSWALK);
    const out = await run(['diff', OLD, NEW, '-f', 'json'], { cwd: ws });
    expect(out.code, out.stderr).toBe(0);
    const diff = JSON.parse(out.stdout) as FindingsDiff;
    expect(diff.questionnaireChanges.crosswalk).toEqual({ questions: 7, file: join('questionnaires', 'crosswalks', 'ours.yaml') });
    const restated = diff.vendors.filter((v) => v.by === 'restated');
    const other = diff.vendors.filter((v) => v.by !== 'restated');
    // Datavane's headline metric and Lumen's outcome claims are questions of 2.0.0 alone that count in their scores.
    expect(other.map((v) => v.id).sort()).toEqual(['datavane', 'lumen-personalize']);
    for (const v of other) expect(v).toMatchObject({ comparable: false, movement: 'not-comparable', delta: 0 });
    expect(restated).toHaveLength(13);
    for (const v of restated) {
      expect(v.comparable).toBe(true);
      expect(v.delta).toBe(Math.round((v.after.score! - v.before.score!) * 10) / 10);
      expect(v.movement).not.toBe('not-comparable');
    }
    // ai-substance weighs 25 in 2.0.0, 15 in 1.0.0: restated, most earlier scores are not the recorded ones.
    expect(restated.filter((v) => v.before.score !== v.before.recorded).length).toBeGreaterThan(5);
    expect(diff.summary.notComparable).toBe(2);
    expect(diff.summary.improved + diff.summary.regressed + diff.summary.unchanged).toBe(13);

    const table = await run(['diff', OLD, NEW], { cwd: ws });
    const lines = table.stdout.split('\n');
    expect(lines[1]).toBe(`${diff.summary.improved} improved · ${diff.summary.regressed} regressed · 0 unchanged · 2 not comparable · 2 added · 1 dropped`);
    expect(table.stdout).toContain(
      `Questions: 53 the same, 7 changed (7 the same in meaning, by the crosswalk in ${join('questionnaires', 'crosswalks', 'ours.yaml')}), 6 added, 0 removed.`,
    );
    expect(table.stdout).toContain(
      "Compared by restating the 2026-Q3 score in ai-claims 2.0.0's sections and weights: 13 vendors. Every question that counts in both their scores is common to both editions",
    );
    expect(table.stdout).toContain("2 of 15 vendors' scores are not comparable: a question that counts in their scores is in one edition only");
    const autoflow = restated.find((v) => v.id === 'autoflow')!;
    const detail = await run(['diff', OLD, NEW, '--vendor', 'autoflow'], { cwd: ws });
    expect(detail.stdout).toContain(
      `the 2026-Q3 score is restated in the newer edition's sections and weights, ${autoflow.before.score!.toFixed(1)} (recorded ${autoflow.before.recorded!.toFixed(1)})`,
    );

    // The gate applies to the compared vendors, and says which it could not check.
    const gate = await run(['diff', OLD, NEW, '--fail-on', 'regression'], { cwd: ws });
    expect(gate.code).toBe(diff.summary.regressed > 0 ? 1 : 0);
    expect(gate.stderr).toContain('--fail-on regression: 2 vendors not checked, their scores not comparable: datavane, lumen-personalize');

    // Named on the command line, a crosswalk must join the two editions compared.
    const wrong = join(ws, 'wrong.yaml');
    writeFileSync(wrong, readFileSync(join(ws, 'questionnaires', 'crosswalks', 'ours.yaml'), 'utf8').replace('version: 1.0.0', 'version: 1.1.0'));
    const refused = await run(['diff', OLD, NEW, '--crosswalk', wrong], { cwd: ws });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'error: --crosswalk wrong.yaml joins ai-claims 1.1.0 → ai-claims 2.0.0, not ai-claims 1.0.0 → ai-claims 2.0.0\nhint: name the crosswalk between the editions these snapshots were scored with\n',
    );
    // A question neither edition has: the file and line, exit 2, nothing printed.
    writeFileSync(
      join(ws, 'questionnaires', 'crosswalks', 'ours.yaml'),
      readFileSync(join(ws, 'questionnaires', 'crosswalks', 'ours.yaml'), 'utf8').replace('from: funding', 'from: fundng'),
    );
    const bad = await run(['diff', OLD, NEW], { cwd: ws });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(
      /^✖ questionnaires\/crosswalks\/ours\.yaml:11:\d+: "fundng" is not a question of ai-claims 1\.0\.0 — from names a question of the earlier edition; did you mean "funding"\?/,
    );
    const validated = await run(['validate'], { cwd: ws });
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain('"fundng" is not a question of ai-claims 1.0.0');
  });

  test('trend with the crosswalk: the change counts from the earlier edition restated, marked †', async () => {
    const ws = join(elsewhere.dir, 'upgraded-crosswalk');
    cpSync(join(REPO, 'fixtures', 'sample'), ws, { recursive: true });
    rmSync(join(ws, 'findings'), { recursive: true });
    cpSync(join(oldWorkspace, 'findings'), join(ws, 'findings'), { recursive: true });
    rmSync(join(ws, 'findings', '2026-Q4.yaml'));
    cpSync(NEW, join(ws, 'findings', '2026-Q4.yaml'));
    const file = join(elsewhere.dir, 'all-same.yaml');
    writeFileSync(file, ALL_SAME_CROSSWALK);
    type TrendJson = {
      editions: { restated?: { crosswalk?: string } }[];
      vendors: { id: string; change: number | null; changeFrom?: string; restated?: { score: number; recorded: number } }[];
    };
    const trend = JSON.parse((await run(['trend', '-f', 'json', '--crosswalk', file], { cwd: ws })).stdout) as TrendJson;
    expect(trend.editions[0]!.restated).toEqual({ crosswalk: file });
    const restated = trend.vendors.filter((v) => v.restated);
    expect(restated.length).toBeGreaterThan(10);
    for (const v of restated) expect(['2026-Q2', '2026-Q3']).toContain(v.changeFrom);
    const diff = JSON.parse((await run(['diff', '2026-Q3', '2026-Q4', '-f', 'json', '--crosswalk', file], { cwd: ws })).stdout) as FindingsDiff;
    // From 2026-Q3 to 2026-Q4, trend's change is diff's move on the same restated score.
    for (const v of restated.filter((r) => r.changeFrom === '2026-Q3')) expect(v.change).toBe(diff.vendors.find((d) => d.id === v.id)!.delta);
    const table = await run(['trend', '--crosswalk', file], { cwd: ws });
    expect(table.stdout).toContain(
      `or, marked †, from a score of ai-claims 1.0.0 (by the crosswalk in ${file}) restated in the latest edition's sections and weights`,
    );
    expect(table.stdout).toMatch(/│ +[+−]\d+\.\d† │/);
    // Without it, the bundled crosswalk leaves ai-claims changed in meaning: no change is measured across.
    const plain = JSON.parse((await run(['trend', '-f', 'json'], { cwd: ws })).stdout) as TrendJson;
    expect(plain.vendors.filter((v) => v.restated)).toEqual([]);
    // A crosswalk from an edition no snapshot was scored with is refused.
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: 1.0.0', 'version: 0.9.0'));
    const refused = await run(['trend', '--crosswalk', file], { cwd: ws });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^error: --crosswalk \S+all-same\.yaml maps from ai-claims 0\.9\.0, an edition none of these snapshots was scored with before the latest/,
    );
  });

  test('nothing in the old workspace was written, not even a cache', () => {
    expect(tree(oldWorkspace, { cache: true })).toEqual(fixturesBefore);
  });
});
