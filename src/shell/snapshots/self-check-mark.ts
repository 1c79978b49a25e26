import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, contentHash } from '../../core/digest.js';
import type { Findings } from '../../core/schema/findings.js';
import type { Questionnaire } from '../../core/schema/questionnaire.js';
import { writeFileAtomic } from '../atomic-write.js';
import { buildStamp } from '../build-stamp.js';

// A snapshot's self-check (check-findings.ts) reads every question line of every vendor: over a
// second for two snapshots of 15,000 vendors, on every diff and trend. It is a pure function of the
// findings and the questionnaire they were scored with, so once findings read from the workspace
// cache have passed it, a mark in the cache says so: the same cache lines (by the digest they were
// read with, and the header they are read with: currentHeader in find.ts), checked by the same
// aiclaim build against the same questionnaire, pass again and are not checked again. Any edit to
// the YAML is another cache entry, and any edit to a cache's lines another digest: neither has a
// mark, and both are checked. Findings read from the YAML (no cache yet) are checked and not
// marked: the mark is only ever for lines read back from the cache.

/** Where a snapshot's findings were read from: the cache's folder, the YAML's hash, and the digest of the lines read. */
export interface CachedAs {
  dir: string;
  yamlHash: string;
  digest: string;
}

/** Cached findings, as they are checked. */
export interface CachedFindings {
  findings: Findings;
  cached: CachedAs;
}

const MARK = /^checked-([0-9a-f]+)-[0-9a-f]+$/;

/** The self-check mark of these cached findings against this questionnaire: whether it is there, and how to make it. */
export function selfCheckMark(
  { findings, cached }: CachedFindings,
  questionnaire: Questionnaire | undefined,
): { passed: boolean; record: () => Promise<void> } {
  const { vendors: _vendors, ...header } = findings;
  const key = contentHash([buildStamp(), cached.digest, canonicalJson(header), questionnaire ? canonicalJson(questionnaire) : 'no questionnaire'].join('\n'));
  const path = join(cached.dir, `checked-${cached.yamlHash}-${key}`);
  return {
    passed: existsSync(path),
    // Best effort: a mark that cannot be written costs only the check next time.
    record: () => writeFileAtomic(path, '').catch(() => undefined),
  };
}

/** The YAML hash of the cache entry a file in the cache is the mark of, if it is a mark. */
export function markedEntry(name: string): string | undefined {
  return MARK.exec(name)?.[1];
}
