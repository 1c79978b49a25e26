import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from '../core/digest.js';
import type { Problem } from '../core/problem.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import { writeFileAtomic } from './atomic-write.js';
import { buildStamp } from './build-stamp.js';

// Every command reads the questionnaire, and parsing and checking its YAML is most of the time
// `aiclaim score one-file.yaml` takes. Once checked, it is kept as JSON in the workspace's cache,
// one entry per questionnaire file, valid only for the same text and the same aiclaim build, and
// only as written: an entry whose content no longer matches its digest is checked from the YAML again.

export interface CheckedQuestionnaire {
  questionnaire: Questionnaire;
  warnings: Problem[];
}

interface Entry extends CheckedQuestionnaire {
  key: string;
  /** A digest of the checked questionnaire and warnings as written: an edited entry is ignored. */
  digest: string;
}

const digestOf = (checked: CheckedQuestionnaire) => contentHash(JSON.stringify([checked.questionnaire, checked.warnings]));

function entryPath(cacheDir: string, path: string): string {
  return join(cacheDir, `questionnaire-${contentHash(path)}.json`);
}

function keyOf(text: string): string {
  return contentHash(`${buildStamp()}\n${text}`);
}

/** The questionnaire as last checked, if its text has not changed since; warnings name `shown`. */
export function readCheckedQuestionnaire(cacheDir: string, path: string, text: string, shown: string): CheckedQuestionnaire | undefined {
  try {
    const entry = JSON.parse(readFileSync(entryPath(cacheDir, path), 'utf8')) as Entry;
    if (entry.key !== keyOf(text) || entry.digest !== digestOf(entry)) return undefined;
    return { questionnaire: entry.questionnaire, warnings: entry.warnings.map((w) => ({ ...w, file: shown })) };
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only costs speed. */
export async function writeCheckedQuestionnaire(cacheDir: string, path: string, text: string, checked: CheckedQuestionnaire): Promise<void> {
  const entry: Entry = { key: keyOf(text), digest: digestOf(checked), ...checked };
  await writeFileAtomic(entryPath(cacheDir, path), JSON.stringify(entry)).catch(() => undefined);
}
