import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildFindings, scoredWith, vendorFinding } from '../../core/findings/build-findings.js';
import { contentHash } from '../../core/digest.js';
import { comparePeriods } from '../../core/period.js';
import { indexQuestionnaire } from '../../core/questionnaire-index.js';
import type { Findings } from '../../core/schema/findings.js';
import type { Questionnaire } from '../../core/schema/questionnaire.js';
import type { Vendor } from '../../core/schema/vendor.js';
import { scoreVendor } from '../../core/scoring/score-vendor.js';
import type { VendorScore } from '../../core/scoring/types.js';
import { findingsHead, findingsYaml } from '../../render/findings-yaml.js';
import { writeFileAtomic, writeFileAtomicStream } from '../atomic-write.js';
import { expandPaths } from '../expand-paths.js';
import type { LoadedVendor } from '../load-inputs.js';
import { readVendorFiles } from '../load-inputs.js';
import { toolName } from '../package-root.js';
import { readSnapshot } from './read.js';
import { readInput } from '../read-input.js';
import { schemaPathFor } from '../schema-location.js';
import { writeFindingsCache, writeFindingsCacheStream } from './cache.js';
import { ChunkReader, type ChunkRange } from '../chunk-file.js';
import { historyBefore, vendorHistory } from './history.js';
import { withLock } from '../lock.js';
import { ProblemsError, UserError } from '../user-error.js';
import { snapshotCacheDir, type Workspace } from '../workspace.js';

// Findings snapshots on disk: where they go, when they may be replaced, and how they are written.

export function snapshotPath(workspace: Workspace, period: string): string {
  return join(workspace.findingsDir, `${period}.yaml`);
}

/** A quarter not yet started cannot have findings; a past quarter's are kept unless forced. */
export function guardSnapshot(target: string, shown: string, period: string, currentPeriod: string, force: boolean): void {
  if (comparePeriods(period, currentPeriod) > 0) {
    throw new UserError(`${period} has not started yet (this is ${currentPeriod})`, { hint: 'findings describe a quarter under way or past' });
  }
  if (existsSync(target) && comparePeriods(period, currentPeriod) < 0 && !force) {
    throw new UserError(`${shown} holds the findings of a past quarter (${period}) and is kept as it is`, {
      hint: 'pass --force to replace it, or --out to write elsewhere',
    });
  }
}

/** Where a vendor's source file sits, relative to the workspace: the same wherever aiclaim runs from. */
function sourceRef(workspace: Workspace, vendor: LoadedVendor): { file: string; hash: string } {
  return { file: relative(workspace.root, vendor.file.path).split(sep).join('/'), hash: vendor.hash };
}

export function snapshotOf(
  period: string,
  questionnaire: Questionnaire,
  entries: readonly { vendor: Vendor; score: VendorScore; source: { file: string; hash: string } }[],
  history: string,
): Findings {
  return buildFindings(
    { period, questionnaire, tool: toolName(), history },
    entries.map(({ vendor, score, source }) => vendorFinding(vendor, score, source)),
  );
}

async function writeSnapshot(target: string, findings: Findings, workspace: Workspace): Promise<void> {
  const text = findingsYaml(findings, schemaPathFor('findings', dirname(target), workspace));
  await writeFileAtomic(target, text);
  const cacheDir = snapshotCacheDir(workspace);
  if (cacheDir) await writeFindingsCache(cacheDir, contentHash(text), findings);
}

export interface SnapshotPart {
  id: string;
  part: { yaml: string; json: string };
  chunks: { yaml: ChunkRange; json: ChunkRange };
}

/**
 * Writes a snapshot assembled from the vendors' parts, already written to disk during scoring,
 * in vendor order: memory holds one vendor's text at a time, whatever the size of the portfolio.
 */
export async function writeSnapshotFromParts(
  target: string,
  header: Omit<Findings, 'vendors'>,
  parts: readonly SnapshotPart[],
  workspace: Workspace,
): Promise<void> {
  const sorted = [...parts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const reader = new ChunkReader();
  try {
    const hash = createHash('sha256');
    await writeFileAtomicStream(target, (write) => {
      const emit = (data: string | Uint8Array) => {
        hash.update(data);
        write(data);
      };
      emit(findingsHead({ ...header, vendors: sorted }, schemaPathFor('findings', dirname(target), workspace)));
      for (const p of sorted) emit(reader.bytes(p.part.yaml, p.chunks.yaml));
    });
    const cacheDir = snapshotCacheDir(workspace);
    if (cacheDir) {
      await writeFindingsCacheStream(cacheDir, hash.digest('hex').slice(0, 16), header, (write) => {
        for (const p of sorted) write(reader.bytes(p.part.json, p.chunks.json));
      });
    }
  } finally {
    reader.close();
  }
}

export interface SnapshotUpdate {
  workspace: Workspace;
  questionnaire: Questionnaire;
  vendor: Vendor;
  score: VendorScore;
  sourcePath: string;
  period: string;
  currentPeriod: string;
  force: boolean;
}

/**
 * Puts one vendor's new finding into the period's snapshot. Without a snapshot yet, one is made
 * from every vendor in the workspace, as `score --period` would.
 */
export async function updateSnapshotVendor(update: SnapshotUpdate): Promise<string> {
  const { workspace, questionnaire, vendor, period } = update;
  const target = snapshotPath(workspace, period);
  const shown = relative(workspace.root, target);
  guardSnapshot(target, shown, period, update.currentPeriod, update.force);
  const source = { file: relative(workspace.root, update.sourcePath).split(sep).join('/'), hash: contentHash(await readBytes(update.sourcePath)) };
  // Read, change and write under the lock: a `score --period` at the same time cannot lose this vendor.
  return withLock(target, shown, async () => {
    if (existsSync(target)) {
      const findings = await readSnapshot(target, shown, snapshotCacheDir(workspace));
      if (!scoredWith(questionnaire, findings.questionnaire.hash)) {
        throw new UserError(`${shown} was scored with another version of the questionnaire (${findings.questionnaire.id} ${findings.questionnaire.version})`, {
          hint: `run \`aiclaim score --period ${period}\` to score every vendor with the questionnaire in use`,
        });
      }
      const others = findings.vendors.filter((v) => v.id !== vendor.id);
      const mine = vendorFinding(vendor, update.score, source);
      await writeSnapshot(target, { ...findings, tool: toolName(), vendors: [...others, mine].sort((a, b) => (a.id < b.id ? -1 : 1)) }, workspace);
      return target;
    }
    const { files } = await expandPaths([workspace.vendorsDir], workspace.root);
    const loaded = await readVendorFiles(files, indexQuestionnaire(questionnaire));
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new ProblemsError(errors);
    const history = await historyBefore(workspace.findingsDir, period, workspace.root, snapshotCacheDir(workspace));
    const entries = loaded.vendors.map((v) => ({
      vendor: v.vendor,
      score: scoreVendor(questionnaire, v.vendor, { period, history: vendorHistory(history.vendors, v.vendor.id) }),
      source: sourceRef(workspace, v),
    }));
    await writeSnapshot(target, snapshotOf(period, questionnaire, entries, history.digest), workspace);
    return target;
  });
}

async function readBytes(path: string): Promise<Uint8Array> {
  const read = await readInput(resolve(path), path);
  if (!read.ok) throw new ProblemsError([read.problem]);
  return read.bytes;
}
