import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { contentHash } from '../core/digest.js';
import { loadVendor } from '../core/load/load-files.js';
import { readYaml } from '../core/yaml/parse-yaml.js';
import type { QuestionnaireIndex } from '../core/questionnaire-index.js';
import type { Findings } from '../core/schema/findings.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import type { Vendor } from '../core/schema/vendor.js';
import { scoreVendor } from '../core/scoring/score-vendor.js';
import type { VendorScore } from '../core/scoring/types.js';
import { historyBefore, snapshotOf, vendorHistory } from './snapshots/store.js';
import { userCacheDir, type Workspace } from './workspace.js';

// The vendor files behind a snapshot, found again: where the snapshot says they were (when the
// file there is still the same bytes), or in a folder the user names. With them a snapshot can be
// scored again with today's questionnaire, and each answer explained.

export interface SnapshotSources {
  vendors: Map<string, { vendor: Vendor; path: string }>;
  /** Vendors of the snapshot whose files could not be taken, each with why. */
  missing: { id: string; kind: 'missing' | 'changed' | 'declares' | 'invalid'; reason: string }[];
}

/**
 * `root`: the workspace the snapshot belongs to (snapshotRoot), against which its vendor paths
 * resolve; `folder`: a folder the user names instead, where `<id>.yaml` is taken as it is now.
 */
export async function snapshotSources(findings: Findings, root: string, index: QuestionnaireIndex, folder?: string): Promise<SnapshotSources> {
  const vendors = new Map<string, { vendor: Vendor; path: string }>();
  const missing: SnapshotSources['missing'] = [];
  for (const finding of findings.vendors) {
    const path = folder ? join(folder, `${finding.id}.yaml`) : resolve(root, finding.source.file);
    const text = existsSync(path) ? await readFile(path) : undefined;
    if (!text) {
      missing.push({
        id: finding.id,
        kind: 'missing',
        reason: folder ? `no ${finding.id}.yaml in the folder named` : `its file ${finding.source.file} is missing`,
      });
      continue;
    }
    // Without a folder named, only the very file that was scored will do.
    if (!folder && contentHash(text) !== finding.source.hash) {
      missing.push({ id: finding.id, kind: 'changed', reason: `its file ${finding.source.file} changed since the snapshot` });
      continue;
    }
    // Parsed once: what the file declares is read from it, then the same parse is loaded.
    const parsed = readYaml(text.toString('utf8'), path);
    const data = parsed.ok ? (parsed.data as { questionnaire?: unknown } | null) : undefined;
    const declared = data !== null && typeof data === 'object' ? data.questionnaire : undefined;
    if (typeof declared === 'string' && declared !== index.questionnaire.id) {
      missing.push({ id: finding.id, kind: 'declares', reason: `its file declares the questionnaire ${declared}, not ${index.questionnaire.id}` });
      continue;
    }
    const loaded = parsed.ok ? loadVendor(parsed, path, index, finding.id) : parsed;
    if (!loaded.ok) {
      missing.push({
        id: finding.id,
        kind: 'invalid',
        reason: `its file does not load with ${index.questionnaire.id} ${index.questionnaire.version} (${loaded.problems[0]?.message ?? 'invalid'})`,
      });
      continue;
    }
    vendors.set(finding.id, { vendor: loaded.value, path });
  }
  return { vendors, missing };
}

/** The snapshot scored again with `questionnaire`, vendor by vendor where the files were found. */
export async function rescoreSnapshot(
  findings: Findings,
  sources: SnapshotSources,
  questionnaire: Questionnaire,
  workspace: Workspace,
  cwd: string,
): Promise<{ findings: Findings; scores: Map<string, VendorScore> }> {
  const history = await historyBefore(workspace.findingsDir, findings.period, cwd, userCacheDir(workspace));
  const scores = new Map<string, VendorScore>();
  const entries = [];
  for (const finding of findings.vendors) {
    const source = sources.vendors.get(finding.id);
    if (!source) continue;
    const score = scoreVendor(questionnaire, source.vendor, { period: findings.period, history: vendorHistory(history.vendors, finding.id) });
    scores.set(finding.id, score);
    entries.push({ vendor: source.vendor, score, source: finding.source });
  }
  const rescored = snapshotOf(findings.period, questionnaire, entries, history.digest);
  // Vendors whose files are gone keep their finding as it was, so they are not reported as dropped.
  const kept = findings.vendors.filter((v) => !sources.vendors.has(v.id));
  return { findings: { ...rescored, vendors: [...rescored.vendors, ...kept].sort((a, b) => (a.id < b.id ? -1 : 1)) }, scores };
}
