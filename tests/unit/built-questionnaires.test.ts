import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadQuestionnaire } from '../../src/core/load/load-files.js';
import { readQuestionnaire } from '../../src/shell/load-inputs.js';
import { BUILT_QUESTIONNAIRES, readBuiltQuestionnaire } from '../../src/shell/questionnaire-cache.js';
import { REPO } from '../helpers/run-cli.js';

// The questionnaires bundled with aiclaim are checked when it is built (npm run build writes
// dist/questionnaires/): every run reads them as checked, in a workspace or outside one, and what
// it reads is exactly what checking the YAML gives.

const bundled = [join(REPO, 'questionnaires'), join(REPO, 'questionnaires', 'editions')].flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => join(dir, n)),
);
const temp = mkdtempSync(join(tmpdir(), 'aiclaim-built-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the bundled questionnaires, checked by the build', () => {
  test.each(bundled.map((path) => [path.slice(REPO.length + 1), path]))('%s reads as checking its YAML gives', (shown, path) => {
    const text = readFileSync(path, 'utf8');
    const loaded = loadQuestionnaire(text, shown);
    expect(loaded.ok).toBe(true);
    const built = readBuiltQuestionnaire(text, shown);
    expect(built, `no checked copy of ${shown}: run npm run build`).toBeDefined();
    expect(built).toEqual({ questionnaire: loaded.ok && loaded.value, warnings: loaded.ok && loaded.warnings });
  });

  test('a text changed by one character is not one of them', () => {
    const text = readFileSync(join(REPO, 'questionnaires', 'ai-claims.yaml'), 'utf8');
    expect(readBuiltQuestionnaire(`${text} `, 'q.yaml')).toBeUndefined();
  });

  test('an entry edited after the build is not believed', () => {
    const dir = join(temp, 'edited');
    cpSync(BUILT_QUESTIONNAIRES, dir, { recursive: true });
    const text = readFileSync(join(REPO, 'questionnaires', 'ai-claims.yaml'), 'utf8');
    expect(readBuiltQuestionnaire(text, 'q.yaml', dir)).toBeDefined();
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"min":\d+/g, '"min":0'));
    }
    expect(readBuiltQuestionnaire(text, 'q.yaml', dir)).toBeUndefined();
  });

  test("a run reads the bundled questionnaire as built, and keeps only a workspace's own in its cache", async () => {
    const cache = join(temp, 'cache');
    const bundledRead = await readQuestionnaire(join(REPO, 'questionnaires', 'ai-claims.yaml'), REPO, cache);
    expect(bundledRead.questionnaire.id).toBe('ai-claims');
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
    const own = join(temp, 'own.yaml');
    writeFileSync(own, `${readFileSync(join(REPO, 'questionnaires', 'ai-claims.yaml'), 'utf8')}\n# our copy\n`);
    const ownRead = await readQuestionnaire(own, temp, cache);
    expect(ownRead.questionnaire).toEqual(bundledRead.questionnaire);
    expect(readdirSync(cache).filter((n) => n.startsWith('questionnaire-'))).toHaveLength(1);
  });
});
