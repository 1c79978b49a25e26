import { workerData } from 'node:worker_threads';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import type { InputFile } from './expand-paths.js';
import type { CachedVendor, HeldRoadmaps } from './snapshots/store.js';
import { scoreEach, type Keep } from './score-batch.js';
import { sendResults } from './run-worker.js';

// One worker of `score --jobs N`: scores its share of the files and sends the findings back as it goes.

export interface WorkerInput {
  files: InputFile[];
  questionnaire: Questionnaire;
  period: string;
  explain: boolean;
  history: [string, HeldRoadmaps][];
  root: string;
  reuse: { path: string; vendors: [string, CachedVendor][] } | undefined;
  emit: { yaml: string; json: string } | undefined;
  keep: Keep;
}

const input = workerData as WorkerInput;
// Every 50 files, their findings, which the progress line counts.
const SEND_EVERY = 50;
sendResults(
  scoreEach(input.files, {
    questionnaire: input.questionnaire,
    period: input.period,
    explain: input.explain,
    history: new Map(input.history),
    root: input.root,
    reuse: input.reuse ? { path: input.reuse.path, vendors: new Map(input.reuse.vendors) } : undefined,
    emit: input.emit,
    keep: input.keep,
  }),
  SEND_EVERY,
);
