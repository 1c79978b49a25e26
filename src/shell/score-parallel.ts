import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { InputFile } from './expand-paths.js';
import { scoreFiles, type BatchItem, type BatchSettings, type Keep, type Kept } from './score-batch.js';
import type { WorkerInput } from './score-worker.js';
import { runWorker } from './run-worker.js';

// `score --jobs N`: the files split into N runs of consecutive files, one worker thread each.
// Each worker gets only the history and earlier findings of its own files.

/** Below this many files a worker costs more to start than it saves. */
const MIN_FILES_PER_WORKER = 200;

export function jobsFor(requested: number | undefined): number {
  if (requested === undefined) return 1;
  return requested === 0 ? availableParallelism() : requested;
}

/**
 * `partFiles(i)` names the files worker i appends its snapshot text to, when a snapshot is being
 * written; each item records which.
 */
export async function scoreInParallel<K extends Keep>(
  files: readonly InputFile[],
  settings: Omit<BatchSettings, 'emit'> & { keep: K },
  jobs: number,
  partFiles?: (worker: number) => { yaml: string; json: string },
): Promise<BatchItem<Kept[K]>[]> {
  const workers = Math.max(1, Math.min(jobs, Math.floor(files.length / MIN_FILES_PER_WORKER)));
  const size = Math.ceil(files.length / workers);
  const runs = Array.from({ length: workers }, (_, i) => ({ files: files.slice(i * size, (i + 1) * size), emit: partFiles?.(i) }));
  // The files done across all workers, for one progress count.
  const done = runs.map(() => 0);
  const scored = (worker: number) => (n: number) => {
    done[worker] = n;
    settings.onScored?.(done.reduce((a, b) => a + b, 0));
  };
  const results = await Promise.all(
    runs.map(async (r, i) => {
      if (workers === 1) return scoreFiles(r.files, { ...settings, emit: r.emit });
      const items = await scoreInWorker(r.files, { ...settings, emit: r.emit, onScored: scored(i) });
      // A worker's items each come with a copy of the names of its files: one is enough.
      for (const item of items) if (item.part) item.part = r.emit;
      return items;
    }),
  );
  return results.flat();
}

function scoreInWorker<K extends Keep>(files: InputFile[], settings: BatchSettings & { keep: K }): Promise<BatchItem<Kept[K]>[]> {
  // A vendor file is named after its vendor id: enough to send each worker only what it needs.
  const ids = new Set(files.map((f) => basename(f.path).replace(/\.ya?ml$/i, '')));
  const input: WorkerInput = {
    files,
    questionnaire: settings.questionnaire,
    period: settings.period,
    explain: settings.explain,
    history: [...settings.history].filter(([id]) => ids.has(id)),
    root: settings.root,
    reuse: settings.reuse ? { path: settings.reuse.path, vendors: [...settings.reuse.vendors].filter(([, v]) => ids.has(v.id)) } : undefined,
    emit: settings.emit,
    keep: settings.keep,
  };
  return runWorker<BatchItem<Kept[K]>>('score-worker', input, settings.onScored);
}
