import { basename, relative, sep } from 'node:path';
import { contentHash } from '../core/digest.js';
import { vendorFinding } from '../core/findings/build-findings.js';
import { loadVendor } from '../core/load/load-files.js';
import type { Problem } from '../core/problem.js';
import { indexQuestionnaire } from '../core/questionnaire-index.js';
import type { VendorFinding } from '../core/schema/findings.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import { scoreVendor } from '../core/scoring/score-vendor.js';
import type { FindingSummary } from '../core/scoring/score-rows.js';
import { tableFinding, type TableFinding } from '../core/scoring/table-finding.js';
import type { VendorScore } from '../core/scoring/types.js';
import { vendorFindingYaml } from '../render/findings-yaml.js';
import { ChunkWriter, type ChunkRange } from './chunk-file.js';
import type { InputFile } from './expand-paths.js';
import { readCachedVendor, vendorHistory, type CachedVendor, type HeldHistory } from './snapshots/store.js';
import { readInputSync } from './read-input.js';

// Batch scoring, file after file: read, validate, score, then write the vendor's part of the
// snapshot to disk and keep only a summary, so memory does not grow with the portfolio.
// Runs in the main thread or in a worker.

export interface BatchSettings {
  questionnaire: Questionnaire;
  period: string;
  /** Keep each vendor's full score, with every reason (--explain). */
  explain: boolean;
  history: HeldHistory;
  /** The workspace root: findings name source files relative to it. */
  root: string;
  /**
   * The cached findings of the last run for this quarter, when scored exactly as this run scores:
   * a file whose bytes still hash the same is not parsed again.
   */
  reuse?: { path: string; vendors: ReadonlyMap<string, CachedVendor> } | undefined;
  /** Files to append each vendor's snapshot text (YAML) and cache line (JSON) to. */
  emit?: { yaml: string; json: string } | undefined;
  /** Told how many files are done, after each one (a progress line). */
  onScored?: ((done: number) => void) | undefined;
  /** What each vendor keeps of its finding: all but the per-question lines, or only what the table reads. */
  keep: Keep;
}

/** What a vendor scored keeps of its finding, by what the run prints. */
export interface Kept {
  finding: FindingSummary;
  table: TableFinding;
}
export type Keep = keyof Kept;

export interface BatchItem<S = Kept[Keep]> {
  file: InputFile;
  summary?: S | undefined;
  /** Where this vendor's snapshot text and cache line were written: the files (settings.emit), and where in them. */
  part?: { yaml: string; json: string } | undefined;
  chunks?: { yaml: ChunkRange; json: ChunkRange } | undefined;
  score?: VendorScore | undefined;
  problems: readonly Problem[];
  reused: boolean;
}

/** Shared by every vendor read without a problem. */
const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

export function scoreFiles<K extends Keep>(files: readonly InputFile[], settings: BatchSettings & { keep: K }): BatchItem<Kept[K]>[] {
  return [...scoreEach(files, settings)];
}

/** Each file scored, in order, as it is scored: a worker sends them on without holding them all. */
export function* scoreEach<K extends Keep>(files: readonly InputFile[], settings: BatchSettings & { keep: K }): Generator<BatchItem<Kept[K]>> {
  const index = indexQuestionnaire(settings.questionnaire);
  const yaml = settings.emit ? new ChunkWriter(settings.emit.yaml) : undefined;
  const json = settings.emit ? new ChunkWriter(settings.emit.json) : undefined;
  try {
    let done = 0;
    const scoreOne = (file: InputFile): BatchItem<Kept[K]> => {
      const read = readInputSync(file.path, file.shown);
      if (!read.ok) return { file, problems: [read.problem], reused: false };
      const source = { file: relative(settings.root, file.path).split(sep).join('/'), hash: contentHash(read.bytes) };
      let finding: VendorFinding;
      let score: VendorScore | undefined;
      let problems: Problem[] = [];
      const cached = settings.explain ? undefined : settings.reuse?.vendors.get(source.file);
      const reused = cached?.hash === source.hash;
      if (reused) {
        finding = JSON.parse(readCachedVendor(settings.reuse!.path, cached!.range)) as VendorFinding;
      } else {
        const loaded = loadVendor(read.text, file.shown, index, basename(file.path).replace(/\.ya?ml$/i, ''));
        if (!loaded.ok) return { file, problems: loaded.problems, reused: false };
        score = scoreVendor(settings.questionnaire, loaded.value, {
          period: settings.period,
          history: vendorHistory(settings.history, loaded.value.id),
          explain: settings.explain,
        });
        finding = vendorFinding(loaded.value, score, source);
        problems = loaded.warnings;
      }
      const chunks = yaml && json ? { yaml: yaml.append(vendorFindingYaml(finding)), json: json.append(`${JSON.stringify(finding)}\n`) } : undefined;
      const { questions: _questions, ...kept } = finding;
      // Strings parsed from YAML are slices of the file's whole text: a copy lets the text go (tableFinding makes its own).
      const summary = (settings.keep === 'table' ? tableFinding(kept) : structuredClone(kept)) as Kept[K];
      const explained = settings.explain ? score : undefined;
      return { file, summary, part: settings.emit, chunks, score: explained, problems: problems.length ? problems : NO_PROBLEMS, reused };
    };
    for (const file of files) {
      const item = scoreOne(file);
      settings.onScored?.(++done);
      yield item;
    }
  } finally {
    yaml?.close();
    json?.close();
  }
}
