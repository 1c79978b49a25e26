import { basename } from 'node:path';
import { readdir } from 'node:fs/promises';
import * as z from 'zod';
import { bashScript, fishScript, VALUE_KINDS, zshScript } from '../render/completion-scripts.js';
import { completionModel } from '../shell/completion-model.js';
import type { Context } from '../shell/context.js';
import { parseOptions } from '../shell/parse-options.js';
import { listSnapshots } from '../shell/snapshots/store.js';
import { EXIT, UserError } from '../shell/user-error.js';
import { readQuestionnaire } from '../shell/load-inputs.js';
import { availableQuestionnaires, findWorkspace, questionnaireInUse, userCacheDir } from '../shell/workspace.js';
import { NOT_ASSESSED, verdictsOf } from '../core/schema/questionnaire.js';

// `aiclaim completion bash|zsh|fish` prints the script; `aiclaim completion --list vendors|quarters|
// questionnaires|verdicts` prints the workspace's values, one per line, for the script to offer.

const SHELLS = ['bash', 'zsh', 'fish'] as const;

const completionOptionsSchema = z.object({
  shell: z.string().optional(),
  list: z.enum(VALUE_KINDS, { error: (issue) => `"${String(issue.input)}" cannot be listed: use ${VALUE_KINDS.join(', ')}` }).optional(),
});

export async function completion(input: Record<string, unknown>, context: Context): Promise<number> {
  const options = parseOptions(completionOptionsSchema, input);
  if (options.list) {
    context.stdout.write(listed(await values(options.list, context)));
    return EXIT.ok;
  }
  // The program is read as cli.ts builds it: loaded here, when completion is asked for.
  const { buildProgram } = await import('../cli.js');
  const model = completionModel(buildProgram(() => undefined));
  if (options.shell !== undefined && !(SHELLS as readonly string[]).includes(options.shell)) {
    throw new UserError(`"${options.shell}" is not a shell aiclaim completes`, { hint: `use ${SHELLS.join(', ')}: aiclaim completion bash` });
  }
  const shell = (options.shell as (typeof SHELLS)[number] | undefined) ?? shellOf(context.env.SHELL);
  context.stdout.write(shell === 'fish' ? fishScript(model) : shell === 'zsh' ? zshScript(model) : bashScript(model));
  return EXIT.ok;
}

const listed = (items: readonly string[]) => (items.length ? `${items.join('\n')}\n` : '');

/** Quietly nothing where there is nothing: completion never prints an error into a prompt. */
async function values(kind: (typeof VALUE_KINDS)[number], context: Context): Promise<string[]> {
  try {
    const workspace = await findWorkspace(context);
    if (kind === 'questionnaires') return (await availableQuestionnaires(workspace)).map((q) => q.id);
    if (kind === 'verdicts') {
      // The verdicts of the questionnaire in use, and the one for a vendor too little is known of.
      const { questionnaire } = await readQuestionnaire(await questionnaireInUse(workspace, undefined, context.cwd), context.cwd, userCacheDir(workspace));
      return [...verdictsOf(questionnaire).verdicts.map((v) => v.id), NOT_ASSESSED.id];
    }
    if (kind === 'quarters') return [...new Set((await listSnapshots(workspace.findingsDir, context.cwd)).flatMap((s) => (s.period ? [s.period] : [])))].sort();
    return (await readdir(workspace.vendorsDir))
      .filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.'))
      .map((n) => basename(n).replace(/\.ya?ml$/i, ''))
      .sort();
  } catch {
    return [];
  }
}

function shellOf(shell: string | undefined): (typeof SHELLS)[number] {
  const name = basename(shell ?? '');
  return name === 'zsh' || name === 'fish' ? name : 'bash';
}
