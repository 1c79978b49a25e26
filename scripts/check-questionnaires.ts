// Writes dist/questionnaires/<digest of the text>.json: each questionnaire bundled with aiclaim (and
// each earlier edition it keeps), checked as a run would check it, so that no run parses them
// again (src/shell/questionnaire-cache.ts). Part of `npm run build`; a bundled questionnaire that
// does not pass its own check stops the build.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadQuestionnaire } from '../src/core/load/load-files.js';
import { BUILT_QUESTIONNAIRES, builtQuestionnaireEntry } from '../src/shell/questionnaire-cache.js';
import { readInput } from '../src/shell/read-input.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const folders = [join(root, 'questionnaires'), join(root, 'questionnaires', 'editions')];
mkdirSync(BUILT_QUESTIONNAIRES, { recursive: true });
for (const folder of folders) {
  const names = readdirSync(folder).filter((n) => n.endsWith('.yaml'));
  for (const name of names.sort()) {
    const shown = relative(root, join(folder, name));
    const read = await readInput(join(folder, name), shown);
    if (!read.ok) throw new Error(`${shown}: ${read.problem.message}`);
    const { text } = read;
    const loaded = loadQuestionnaire(text, shown);
    if (!loaded.ok) {
      for (const p of loaded.problems) console.error(`${p.file}:${p.line ?? 1}:${p.column ?? 1}: ${p.message}`);
      process.exit(1);
    }
    const { path, json } = builtQuestionnaireEntry(BUILT_QUESTIONNAIRES, text, { questionnaire: loaded.value, warnings: loaded.warnings });
    writeFileSync(path, json);
  }
}
