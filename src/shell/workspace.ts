import { existsSync, realpathSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { loadSettings } from '../core/load/load-files.js';
import { settingsSchema, type Settings } from '../core/schema/settings.js';
import { excerpt, quoted } from '../core/problem.js';
import { didYouMean } from '../core/validate/did-you-mean.js';
import type { Context } from './context.js';
import { PACKAGE_ROOT } from './package-root.js';
import { shownPath } from './shown-path.js';
import { writeText } from './write-text.js';
import { readInput } from './read-input.js';
import { ProblemsError, UserError } from './user-error.js';

// Where the user's files are: the nearest aiclaim.yaml up from the current folder, or the
// current folder itself; from the repository with no workspace, the bundled sample portfolio;
// with --sample (context.sample), the bundled sample portfolio wherever the command runs.

export const SETTINGS_FILE = 'aiclaim.yaml';
export const SAMPLE_ROOT = join(PACKAGE_ROOT, 'fixtures', 'sample');

export interface Workspace {
  root: string;
  settings: Settings;
  settingsFile?: string | undefined;
  vendorsDir: string;
  findingsDir: string;
  financeDir: string;
  draftsDir: string;
  /** Machine-written speed-ups (git-ignored; safe to delete). */
  cacheDir: string;
  /** True when running on the bundled sample portfolio. */
  isSample: boolean;
  /** With isSample: asked for (`--sample`), not the fallback of the repository root. */
  sampleAsked: boolean;
}

export async function findWorkspace(context: Context): Promise<Workspace> {
  if (context.sample) return sampleWorkspace(context.cwd, true);
  const settingsFile = findUp(context.cwd, SETTINGS_FILE);
  if (settingsFile) return workspaceAt(dirname(settingsFile), await readSettings(settingsFile, context.cwd), settingsFile, false);
  if (!existsSync(join(context.cwd, 'vendors')) && samePath(context.cwd, PACKAGE_ROOT)) return sampleWorkspace(context.cwd, false);
  return workspaceAt(context.cwd, settingsSchema.parse({ schema: 'aiclaim/settings@1' }), undefined, false);
}

async function sampleWorkspace(cwd: string, asked: boolean): Promise<Workspace> {
  const sampleSettings = join(SAMPLE_ROOT, SETTINGS_FILE);
  return workspaceAt(SAMPLE_ROOT, await readSettings(sampleSettings, cwd), sampleSettings, true, asked);
}

/**
 * What to say when a command runs on the bundled sample: nothing when the user named files or
 * snapshots (`named`, each an existing path), which are then all the command reads.
 */
export function sampleNotice(workspace: Workspace, cwd: string, named: readonly (string | undefined)[] = []): string | undefined {
  if (!workspace.isSample) return undefined;
  if (named.length > 0 && named.every((n) => n !== undefined && existsSync(resolve(cwd, n)))) return undefined;
  if (workspace.sampleAsked) return `Using the bundled sample portfolio (${shownPath(workspace.root, cwd)}), read-only.`;
  return `No workspace here: using the bundled sample portfolio (${shownPath(workspace.root, cwd)}). Run \`aiclaim init\` to start your own.`;
}

/** The sample notice, if there is one, on stderr (wrapped on a terminal). */
export function announceSample(workspace: Workspace, context: Context, named: readonly (string | undefined)[] = []): void {
  const notice = sampleNotice(workspace, context.cwd, named);
  if (notice) writeText(context.stderr, `${notice}\n`);
}

/** A command that writes the workspace refuses the bundled sample: it is read, never written. `hint`: what to do instead. */
export function refuseSample(workspace: Workspace, hint: string): void {
  if (workspace.isSample)
    throw new UserError(`${workspace.sampleAsked ? '--sample' : 'no workspace here'}: the bundled sample portfolio is read, never written`, { hint });
}

/**
 * Where a run that only reads keeps what it has checked (the questionnaire, snapshots as JSON): a
 * workspace of the user's. The bundled sample and bare folders are read, never written to.
 */
export function userCacheDir(workspace: Workspace): string | undefined {
  return workspace.settingsFile !== undefined && !workspace.isSample && !isBundled(workspace.root) ? workspace.cacheDir : undefined;
}

/**
 * Where a run that writes the workspace (a snapshot) keeps the snapshot's cache: any folder of the
 * user's, a bare one too; never the bundled sample or the package's fixtures.
 */
export function snapshotCacheDir(workspace: Workspace): string | undefined {
  return !workspace.isSample && !isBundled(workspace.root) ? workspace.cacheDir : undefined;
}

/** A folder of the package's own fixtures (the sample portfolios): read, never written to. */
function isBundled(root: string): boolean {
  const rel = relative(join(PACKAGE_ROOT, 'fixtures'), resolve(root));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function workspaceAt(root: string, settings: Settings, settingsFile: string | undefined, isSample: boolean, sampleAsked = false): Workspace {
  for (const [key, folder] of Object.entries(settings.folders)) staysInside(root, folder, key, settingsFile);
  return {
    root,
    settings,
    settingsFile,
    vendorsDir: resolve(root, settings.folders.vendors),
    findingsDir: resolve(root, settings.folders.findings),
    financeDir: resolve(root, settings.folders.finance),
    draftsDir: resolve(root, settings.folders.drafts),
    cacheDir: join(root, '.aiclaim', 'cache'),
    isSample,
    sampleAsked,
  };
}

/**
 * The settings check each folder's path; a folder that exists is followed through its links too:
 * a link that leads out of the workspace is refused before anything is read or written there.
 */
function staysInside(root: string, folder: string, key: string, settingsFile: string | undefined): void {
  let real: string;
  let top: string;
  try {
    real = realpathSync(resolve(root, folder));
    top = realpathSync(root);
  } catch {
    return; // not made yet: it will be made where the settings say, inside the workspace
  }
  const rel = relative(top, real);
  if (rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))) return;
  throw new UserError(`${settingsFile ? SETTINGS_FILE : 'the workspace'}: folders.${key} (${folder}) leads out of the workspace, to ${real}`, {
    hint: 'make it a folder inside the workspace rather than a link to elsewhere',
  });
}

async function readSettings(file: string, cwd: string): Promise<Settings> {
  const shown = shownPath(file, cwd);
  const read = await readInput(file, shown);
  if (!read.ok) throw new ProblemsError([read.problem]);
  const loaded = loadSettings(read.text, shown);
  if (!loaded.ok) throw new ProblemsError(loaded.problems);
  return loaded.value;
}

/**
 * The workspace a snapshot file belongs to, whatever the current folder: the folder of the nearest
 * aiclaim.yaml above it, else the folder above its own (findings/ sits in the workspace). Vendor
 * paths in a snapshot are relative to it.
 */
export function snapshotRoot(snapshotPath: string): string {
  const settings = findUp(dirname(snapshotPath), SETTINGS_FILE);
  return settings ? dirname(settings) : dirname(dirname(resolve(snapshotPath)));
}

function findUp(start: string, name: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * The questionnaire a command uses, the one way every command finds it: the one named on the
 * command line (an id, or a path from the current folder), else the one a file declares (an id, or
 * a path from the workspace), else the workspace's.
 */
export function questionnaireInUse(workspace: Workspace, named: string | undefined, cwd: string, declared?: string): Promise<string> {
  if (named) return resolveQuestionnaire(named, workspace, cwd);
  return resolveQuestionnaire(declared ?? workspace.settings.questionnaire, workspace, workspace.root);
}

/** A questionnaire named by id (the workspace's questionnaires/ folder, then the bundled ones) or by path. */
async function resolveQuestionnaire(ref: string, workspace: Workspace, base: string): Promise<string> {
  if (ref.includes('/') || ref.includes('\\') || /\.ya?ml$/.test(ref)) {
    const path = resolve(base, ref);
    if (!existsSync(path))
      throw new UserError(`questionnaire file not found: ${excerpt(ref)}`, { hint: 'check the path, or give a questionnaire id (aiclaim questionnaire list)' });
    return path;
  }
  const candidates = [join(workspace.root, 'questionnaires', `${ref}.yaml`), join(PACKAGE_ROOT, 'questionnaires', `${ref}.yaml`)];
  const found = candidates.find((c) => existsSync(c));
  if (found) return found;
  const known = (await availableQuestionnaires(workspace)).map((q) => q.id);
  throw new UserError(`no questionnaire ${quoted(ref)}`, { hint: didYouMean(ref, known) ?? `available: ${known.join(', ')}` });
}

export async function availableQuestionnaires(workspace: Workspace): Promise<{ id: string; path: string }[]> {
  const found = new Map<string, string>();
  for (const dir of [join(PACKAGE_ROOT, 'questionnaires'), join(workspace.root, 'questionnaires')]) {
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) if (name.endsWith('.yaml')) found.set(name.slice(0, -5), join(dir, name));
  }
  return [...found].map(([id, path]) => ({ id, path }));
}
