import * as z from 'zod';
import { diffQuestionnaires } from '../core/questionnaire-diff.js';
import { indexQuestionnaire } from '../core/questionnaire-index.js';
import { jsonText } from '../render/json-text.js';
import { questionnaireMarkdown, questionnaireOutline } from '../render/questionnaire-outline.js';
import { questionnaireDiffText } from '../render/questionnaire-diff-text.js';
import { questionnaireForVendor, questionnaireForVendorMarkdown } from '../render/questionnaire-vendor.js';
import { tableText } from '../render/table.js';
import { terminalSafe } from '../render/terminal-text.js';
import { yamlText } from '../render/yaml-text.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import { colourFor } from '../shell/colour.js';
import { crosswalkBetween } from '../shell/crosswalks.js';
import type { Context } from '../shell/context.js';
import { readQuestionnaire } from '../shell/load-inputs.js';
import { PACKAGE_ROOT } from '../shell/package-root.js';
import { parseOptions } from '../shell/parse-options.js';
import { EXIT } from '../shell/user-error.js';
import { availableQuestionnaires, findWorkspace, questionnaireInUse, userCacheDir } from '../shell/workspace.js';
import { shownPath } from '../shell/shown-path.js';
import { writeText } from '../shell/write-text.js';

const listOptionsSchema = z.object({ format: z.enum(['table', 'json', 'yaml']).default('table') });
const showOptionsSchema = z
  .object({ id: z.string().optional(), format: z.enum(['text', 'markdown', 'json', 'yaml']).default('text'), forVendor: z.boolean().default(false) })
  .refine((o) => !o.forVendor || o.format === 'text' || o.format === 'markdown', {
    error: '--for-vendor shows text or markdown: the json and yaml formats hold the points',
  });

export async function listQuestionnaires(input: z.input<typeof listOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(listOptionsSchema, input);
  const workspace = await findWorkspace(context);
  const rows = [];
  for (const { id, path } of await availableQuestionnaires(workspace)) {
    const { questionnaire, index } = await readQuestionnaire(path, context.cwd, userCacheDir(workspace));
    rows.push({
      id,
      version: questionnaire.version,
      title: questionnaire.title,
      sections: questionnaire.sections.length,
      questions: index.questions.length,
      redFlags: questionnaire.redFlags?.length ?? 0,
      source: path.startsWith(PACKAGE_ROOT) && !path.startsWith(workspace.root) ? 'bundled' : shownPath(path, context.cwd),
      inUse: id === workspace.settings.questionnaire,
    });
  }
  if (options.format === 'json') context.stdout.write(jsonText(rows));
  else if (options.format === 'yaml') context.stdout.write(yamlText(rows));
  else {
    const style = colourFor(context.stdout, context.env);
    const cells = terminalSafe(rows).map((r) => [
      r.inUse ? `${r.id} ${style.green('(in use)')}` : r.id,
      r.version,
      r.title,
      String(r.sections),
      String(r.questions),
      String(r.redFlags),
      r.source,
    ]);
    context.stdout.write(`${tableText(['Id', 'Version', 'Title', 'Sections', 'Questions', 'Red flags', 'Source'], cells, style)}\n`);
  }
  return EXIT.ok;
}

export async function showQuestionnaire(input: z.input<typeof showOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(showOptionsSchema, input);
  const workspace = await findWorkspace(context);
  const path = await questionnaireInUse(workspace, options.id, context.cwd);
  const { questionnaire } = await readQuestionnaire(path, context.cwd, userCacheDir(workspace));
  indexQuestionnaire(questionnaire);
  if (options.forVendor) {
    // What a vendor may be sent: no points, weights, bands, caps, red flags, verdicts or mappings.
    if (options.format === 'markdown') context.stdout.write(questionnaireForVendorMarkdown(questionnaire));
    else writeText(context.stdout, questionnaireForVendor(terminalSafe(questionnaire), colourFor(context.stdout, context.env)));
    return EXIT.ok;
  }
  // The file's data as the schema reads it: its identity (digests) is aiclaim's, not the file's.
  const { identity: _identity, ...asRead } = questionnaire;
  switch (options.format) {
    case 'json':
      context.stdout.write(jsonText(asRead));
      break;
    case 'yaml':
      context.stdout.write(yamlText(asRead));
      break;
    case 'markdown':
      context.stdout.write(questionnaireMarkdown(questionnaire));
      break;
    default:
      writeText(context.stdout, questionnaireOutline(terminalSafe(questionnaire), colourFor(context.stdout, context.env)));
  }
  return EXIT.ok;
}

const diffOptionsSchema = z.object({
  older: z.string(),
  newer: z.string(),
  format: z.enum(['text', 'json', 'yaml']).default('text'),
  crosswalk: z.string().optional(),
});

/**
 * Two editions of a questionnaire, question by question (`aiclaim questionnaire diff OLD NEW`). Two
 * different questionnaires are compared too, as the model says they are not editions (its warnings).
 */
export async function diffQuestionnairesCommand(input: z.input<typeof diffOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(diffOptionsSchema, input);
  const workspace = await findWorkspace(context);
  const read = async (ref: string) =>
    (await readQuestionnaire(await questionnaireInUse(workspace, ref, context.cwd), context.cwd, userCacheDir(workspace))).questionnaire;
  const [older, newer] = [await read(options.older), await read(options.newer)];
  // A crosswalk file that joins the two applies: the one named, the workspace's, else the newer edition's own, else a bundled one.
  const edition = (q: Questionnaire) => ({ id: q.id, version: q.version, ids: new Set(indexQuestionnaire(q).byId.keys()) });
  const joined = await crosswalkBetween(
    edition(older),
    edition(newer),
    older.id === newer.id ? newer.crosswalk : undefined,
    workspace,
    context.cwd,
    options.crosswalk,
  );
  const result = diffQuestionnaires(older, newer, joined.file === undefined ? undefined : joined.entries);
  if (options.format === 'json') context.stdout.write(jsonText(result));
  else if (options.format === 'yaml') context.stdout.write(yamlText(result));
  else writeText(context.stdout, questionnaireDiffText(terminalSafe(result), colourFor(context.stdout, context.env)));
  return EXIT.ok;
}
