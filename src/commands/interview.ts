import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { draftSchema, type Draft } from '../core/interview/draft.js';
import { vendorFileText } from '../core/interview/vendor-file.js';
import { loadDocument } from '../core/load/load-document.js';
import { loadVendor } from '../core/load/load-files.js';
import { periodOfDate } from '../core/period.js';
import type { QuestionnaireIndex } from '../core/questionnaire-index.js';
import { period as periodSchema } from '../core/schema/common.js';
import type { Vendor } from '../core/schema/vendor.js';
import { evidenceAdvice } from '../core/scoring/evidence-advice.js';
import { scoreVendor } from '../core/scoring/score-vendor.js';
import { checkDates } from '../core/validate/check-dates.js';
import { checkVendor } from '../core/validate/check-vendor.js';
import { answeredIn, conductInterview, type InterviewStore } from '../interview/conduct-interview.js';
import { InterviewCancelled } from '../interview/prompter.js';
import { scoreCard } from '../render/score-card.js';
import { terminalLines, terminalSafe } from '../render/terminal-text.js';
import { schemaHint, yamlText } from '../render/yaml-text.js';
import { writeFileAtomic } from '../shell/atomic-write.js';
import { checkWritableFolder } from '../shell/writable-folder.js';
import { colourFor } from '../shell/colour.js';
import { columnsOf, type Context } from '../shell/context.js';
import { guardSnapshot, historyBefore, snapshotPath, updateSnapshotVendor, vendorHistory } from '../shell/snapshots/store.js';
import { lockHolder } from '../shell/lock.js';
import { readQuestionnaire } from '../shell/load-inputs.js';
import { parseOptions } from '../shell/parse-options.js';
import { terminalPrompter } from '../shell/prompts.js';
import { readInput } from '../shell/read-input.js';
import { schemaPathFor } from '../shell/schema-location.js';
import { EXIT, ProblemsError, UserError } from '../shell/user-error.js';
import { findWorkspace, questionnaireInUse, refuseSample, userCacheDir, type Workspace } from '../shell/workspace.js';
import { shownPath } from '../shell/shown-path.js';
import type { Prompter } from '../interview/prompter.js';

const interviewOptionsSchema = z.object({
  id: z.string().optional(),
  questionnaire: z.string().optional(),
  changedOnly: z.boolean().default(false),
  answers: z.string().optional(),
  period: periodSchema.optional(),
  force: z.boolean().default(false),
});

export type InterviewCommandOptions = z.input<typeof interviewOptionsSchema>;

/** `prompter` is for tests; by default the terminal. */
export async function interview(input: InterviewCommandOptions, context: Context, prompter?: Prompter): Promise<number> {
  const options = parseOptions(interviewOptionsSchema, input);
  if (options.id !== undefined && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(options.id)) {
    throw new UserError(`"${options.id}" is not a vendor id`, { hint: 'vendor ids are lower-case letters, digits and dashes, e.g. harbor-crm' });
  }
  const workspace = await findWorkspace(context);
  // An interview writes a vendor file: never into the bundled sample.
  refuseSample(workspace, 'run `aiclaim init` first, or run the interview inside your workspace');
  if (!prompter && !context.stdinIsTTY) {
    throw new UserError('interview needs a terminal to ask its questions, and standard input is not one', {
      hint: 'for batch use, edit vendors/<id>.yaml and run `aiclaim score`; to start an interview from answers you already have, run it in a terminal with --answers file.yaml',
    });
  }
  const questionnairePath = await questionnaireInUse(workspace, options.questionnaire, context.cwd);
  const { questionnaire, index } = await readQuestionnaire(questionnairePath, context.cwd, userCacheDir(workspace));
  const preload = options.answers ? await readPreload(options.answers, index, context) : undefined;

  const today = context.now().toISOString().slice(0, 10);
  const period = periodOfDate(context.now());
  // A draft is saved after every answer: a drafts folder that cannot be written is said before the first question.
  checkWritableFolder(workspace.draftsDir, shownPath(workspace.draftsDir, context.cwd));
  // So is a snapshot that --period could not update: a quarter not started, a past one without --force, one being written.
  if (options.period) {
    const snapshot = snapshotPath(workspace, options.period);
    const shown = shownPath(snapshot, context.cwd);
    guardSnapshot(snapshot, shown, options.period, period, options.force);
    const holder = lockHolder(snapshot);
    if (holder !== undefined)
      throw new UserError(`another aiclaim (process ${holder}) is writing ${shown} right now`, {
        hint: 'run the interview when it has finished; nothing was asked or written',
      });
  }
  const store = fileStore(workspace, index, context);
  const ask = prompter ?? (await terminalPrompter(process.stderr));
  let draft: Draft;
  try {
    draft = await conductInterview(questionnaire, store, ask, {
      id: options.id,
      changedOnly: options.changedOnly,
      preload,
      currency: workspace.settings.currency,
      period,
      today,
    });
  } catch (error) {
    if (!(error instanceof InterviewCancelled)) throw error;
    const id = store.lastSaved;
    context.stderr.write(
      terminalLines(
        id
          ? `\nInterview ${error.how === 'quit' ? 'saved and stopped' : 'paused'}; every answer so far is kept in ${shownPath(draftPath(workspace, id), context.cwd)}. Run \`aiclaim interview ${id}\` to resume.\n`
          : '\nInterview cancelled before any answer; nothing was written.\n',
      ),
    );
    // Stopped on purpose (save and stop), the command did what was asked; Ctrl-C is an interruption.
    return error.how === 'quit' ? EXIT.ok : EXIT.interrupted;
  }

  const vendor = draft.vendor;
  // What validate would refuse is not written: the file checks as the prompts did, today's dates included.
  const issues = [...checkVendor(vendor, index), ...checkDates(vendor, index, today)].filter((i) => i.severity !== 'warning');
  if (issues.length) {
    throw new UserError(`the answers do not validate: ${issues.map((i) => i.message).join('; ')}`, {
      hint: `the draft is kept in ${shownPath(draftPath(workspace, vendor.id), context.cwd)}`,
    });
  }
  const target = join(workspace.vendorsDir, `${vendor.id}.yaml`);
  const original = existsSync(target) ? await readFile(target, 'utf8') : undefined;
  const hint = schemaHint(schemaPathFor('vendor', workspace.vendorsDir, workspace));
  await writeFileAtomic(
    target,
    vendorFileText(
      original,
      vendor,
      index.questions.map((q) => q.question.id),
      hint,
    ),
  );
  await rm(draftPath(workspace, vendor.id), { force: true });
  context.stderr.write(terminalLines(`\nWrote ${shownPath(target, context.cwd)}.\n\n`));

  const scoringPeriod = options.period ?? period;
  const scoring = {
    period: scoringPeriod,
    history: vendorHistory((await historyBefore(workspace.findingsDir, scoringPeriod, context.cwd, userCacheDir(workspace))).vendors, vendor.id),
  };
  const score = scoreVendor(questionnaire, vendor, scoring);
  // The card shows names, titles and answers from files: made safe for the terminal together.
  const card = terminalSafe({ score, advice: evidenceAdvice(questionnaire, vendor, scoring, score) });
  context.stdout.write(scoreCard(card.score, card.advice, colourFor(context.stdout, context.env), columnsOf(context.stdout)));
  if (options.period) {
    const written = await updateSnapshotVendor({
      workspace,
      questionnaire,
      vendor,
      score,
      sourcePath: target,
      period: options.period,
      currentPeriod: period,
      force: options.force,
    }).catch((error: unknown) => {
      // The vendor file is written: say so, and what was not.
      if (!(error instanceof UserError)) throw error;
      const reason = error instanceof ProblemsError ? error.problems.map((p) => p.message).join('; ') : error.message;
      throw new UserError(
        `wrote ${shownPath(target, context.cwd)}, but ${shownPath(snapshotPath(workspace, options.period!), context.cwd)} was not updated: ${reason}`,
        {
          hint: `run \`aiclaim score --period ${options.period}\` to update the snapshot`,
        },
      );
    });
    context.stderr.write(terminalLines(`Updated ${shownPath(written, context.cwd)} for ${vendor.id}.\n`));
  }
  return EXIT.ok;
}

function draftPath(workspace: Workspace, id: string): string {
  return join(workspace.draftsDir, `${id}.yaml`);
}

function fileStore(workspace: Workspace, index: QuestionnaireIndex, context: Context): InterviewStore & { lastSaved?: string } {
  const store: InterviewStore & { lastSaved?: string } = {
    async listVendors() {
      const names = existsSync(workspace.vendorsDir) ? (await readdir(workspace.vendorsDir)).filter((n) => n.endsWith('.yaml')).sort() : [];
      const out = [];
      for (const name of names) {
        // A file with errors is listed with its first problem: choosing it shows them all.
        const vendor = await readVendorFile(join(workspace.vendorsDir, name), index, context).catch((error: unknown) =>
          error instanceof UserError ? error : undefined,
        );
        const id = name.slice(0, -5);
        if (vendor instanceof UserError) out.push({ id, name: id, problem: firstProblem(vendor) });
        else if (vendor) out.push({ id: vendor.id, name: vendor.name });
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    },
    async readVendor(id) {
      const path = join(workspace.vendorsDir, `${id}.yaml`);
      return existsSync(path) ? readVendorFile(path, index, context) : undefined;
    },
    async listDrafts() {
      const names = existsSync(workspace.draftsDir) ? (await readdir(workspace.draftsDir)).filter((n) => n.endsWith('.yaml')).sort() : [];
      const out = [];
      for (const name of names) {
        const id = name.slice(0, -5);
        // One that cannot be resumed is listed too, with why: its id stays taken, never overwritten.
        const draft = await readDraftFile(join(workspace.draftsDir, name), id, context).catch((error: unknown) =>
          error instanceof UserError ? error : undefined,
        );
        if (draft instanceof UserError) out.push({ id, name: id, answered: 0, problem: firstProblem(draft) });
        else if (draft) out.push({ id: draft.vendor.id, name: draft.vendor.name, answered: answeredIn(draft) });
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    },
    async readDraft(id) {
      const path = draftPath(workspace, id);
      return existsSync(path) ? readDraftFile(path, id, context) : undefined;
    },
    async saveDraft(draft) {
      const path = draftPath(workspace, draft.vendor.id);
      const hint = schemaHint(schemaPathFor('draft', workspace.draftsDir, workspace));
      await writeFileAtomic(path, `${hint}\n# An unfinished aiclaim interview: resume it with \`aiclaim interview ${draft.vendor.id}\`.\n${yamlText(draft)}`);
      store.lastSaved = draft.vendor.id;
    },
  };
  return store;
}

/** What is wrong with a file the picker lists, in a line: the first of its problems. */
function firstProblem(error: UserError): string {
  return error instanceof ProblemsError ? (error.problems[0]?.message ?? error.message) : error.message;
}

/**
 * A draft, for the vendor its file is named after. One that cannot be read, or that holds another
 * vendor's interview, is an error naming both: resumed, it would be lost or written over the other.
 */
async function readDraftFile(path: string, id: string, context: Context): Promise<Draft> {
  const shown = shownPath(path, context.cwd);
  const read = await readInput(path, shown);
  if (!read.ok) throw new ProblemsError([{ ...read.problem, hint: `${read.problem.hint ?? 'fix it'}; the draft is kept as it is` }]);
  const loaded = loadDocument(read.text, shown, 'draft', draftSchema);
  if (!loaded.ok) throw new ProblemsError(loaded.problems);
  if (loaded.value.vendor.id !== id) {
    throw new UserError(
      `${shown} holds an interview of ${loaded.value.vendor.id}, not ${id}: resumed, it would be written to vendors/${loaded.value.vendor.id}.yaml`,
      {
        hint: `rename it to ${loaded.value.vendor.id}.yaml if it is that vendor's, or delete it`,
      },
    );
  }
  return loaded.value;
}

async function readVendorFile(path: string, index: QuestionnaireIndex, context: Context): Promise<Vendor> {
  const shown = shownPath(path, context.cwd);
  const read = await readInput(path, shown);
  if (!read.ok) throw new ProblemsError([read.problem]);
  const loaded = loadVendor(read.text, shown, index, path.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, ''));
  if (!loaded.ok) throw new ProblemsError(loaded.problems);
  return loaded.value;
}

/** --answers: a vendor file whose profile, answers, claims and roadmap are offered. */
async function readPreload(file: string, index: QuestionnaireIndex, context: Context): Promise<Vendor> {
  const path = resolve(context.cwd, file);
  const shown = shownPath(path, context.cwd);
  const read = await readInput(path, shown);
  if (!read.ok) throw new ProblemsError([read.problem]);
  const loaded = loadVendor(read.text, shown, index);
  if (!loaded.ok) throw new ProblemsError(loaded.problems);
  return loaded.value;
}
