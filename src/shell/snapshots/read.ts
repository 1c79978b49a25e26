import { contentHash } from '../../core/digest.js';
import { loadFindings } from '../../core/load/load-files.js';
import type { Findings, VendorFinding } from '../../core/schema/findings.js';
import { indexFindingsCache, readFindingsCache, readFindingsCacheParts, writeFindingsCache } from './cache.js';
import type { CachedAs } from './self-check-mark.js';
import { findingsByVendorOfBytes } from './parallel-read.js';
import type { ReadingProgress } from '../progress.js';
import { decoded, hashInputSync, readInputBytes, refusedAsText } from '../read-input.js';
import { ProblemsError } from '../user-error.js';

// Reading a findings snapshot: validated, from the workspace cache when its YAML has been read
// before (the cache checked, never trusted: cache.ts), whole or a part of each vendor.
// Listing snapshots is list.ts; writing them, write.ts.

const MAX_FINDINGS_BYTES = 256 * 1024 * 1024;

/** The cache index of a snapshot's vendors, building the cache from the YAML if need be. */
export async function snapshotIndex(path: string, shown: string, cacheDir: string): Promise<ReturnType<typeof indexFindingsCache>> {
  try {
    const read = readSnapshotFile(path, shown, cacheDir);
    // A cache that is missing, or not as it was written, is built again from the YAML.
    const index = indexFindingsCache(cacheDir, read.hash!);
    if (index) return index;
    await parseSnapshot(read, shown, cacheDir);
    return indexFindingsCache(cacheDir, read.hash!);
  } catch (error) {
    // A snapshot that cannot be read is only a snapshot whose findings cannot be reused.
    if (error instanceof ProblemsError) return undefined;
    throw error;
  }
}

/**
 * A snapshot, validated; from the workspace cache when its YAML has been read before. `reading`:
 * a progress line for the YAML, when it has to be read (the cache is read in well under a second).
 */
export async function readSnapshot(path: string, shown: string, cacheDir?: string, reading?: ReadingProgress): Promise<Findings> {
  return (await readSnapshotAndCache(path, shown, cacheDir, reading)).findings;
}

/** readSnapshot, and the cache entry these findings were read from, when they were (not when it was written now). */
export async function readSnapshotAndCache(
  path: string,
  shown: string,
  cacheDir?: string,
  reading?: ReadingProgress,
): Promise<{ findings: Findings; cached?: CachedAs | undefined }> {
  const read = readSnapshotFile(path, shown, cacheDir);
  if (cacheDir && read.hash) {
    const cached = readFindingsCache(cacheDir, read.hash);
    if (cached) return { findings: cached.findings, cached: { dir: cacheDir, yamlHash: read.hash, digest: cached.digest } };
  }
  return { findings: await parseSnapshot(read, shown, cacheDir, reading) };
}

/**
 * A part of each vendor of a snapshot (`pick`), and its header. From the cache, vendors are read
 * one line at a time, so that the history of the whole landscape is not all in memory at once.
 */
export async function readSnapshotPart<T>(
  path: string,
  shown: string,
  cacheDir: string | undefined,
  pick: (vendor: VendorFinding) => T,
): Promise<{ header: Omit<Findings, 'vendors'>; vendors: T[] }> {
  const read = readSnapshotFile(path, shown, cacheDir);
  const cached = cacheDir && read.hash ? readFindingsCacheParts(cacheDir, read.hash, pick) : undefined;
  if (cached) return { header: cached.header, vendors: cached.vendors };
  const { vendors, ...header } = await parseSnapshot(read, shown, cacheDir);
  return { header, vendors: vendors.map(pick) };
}

/** A snapshot file, and with a cache to look it up in, the hash of its bytes. */
interface SnapshotFile {
  path: string;
  hash?: string | undefined;
}

/**
 * The file's hash, read a block at a time: when the cache has the snapshot, its bytes are never
 * held, nor its text needed.
 */
function readSnapshotFile(path: string, shown: string, cacheDir: string | undefined): SnapshotFile {
  if (!cacheDir) return { path };
  const hashed = hashInputSync(path, shown, MAX_FINDINGS_BYTES);
  if (!hashed.ok) throw new ProblemsError([hashed.problem]);
  return { path, hash: hashed.hash };
}

/** The snapshot read from its YAML; cached, with a cache to write to, under the hash of the bytes read. */
async function parseSnapshot(file: SnapshotFile, shown: string, cacheDir: string | undefined, reading?: ReadingProgress): Promise<Findings> {
  const read = await readInputBytes(file.path, shown, MAX_FINDINGS_BYTES);
  if (!read.ok) throw new ProblemsError([read.problem]);
  // What is not text is refused before anything is read into it; a snapshot in the layout aiclaim
  // writes is then read vendor by vendor from its bytes, anything else as one text.
  const notText = refusedAsText(read.bytes, shown, MAX_FINDINGS_BYTES);
  if (notText) throw new ProblemsError([notText]);
  const byVendor = await findingsByVendorOfBytes(read.bytes, shown, reading);
  let findings = typeof byVendor === 'object' ? byVendor : undefined;
  if (!findings) {
    const text = decoded(read.bytes, shown, MAX_FINDINGS_BYTES);
    if (!text.ok) throw new ProblemsError([text.problem]);
    const loaded = loadFindings(text.text, shown);
    if (!loaded.ok) throw new ProblemsError(loaded.problems);
    findings = loaded.value;
  }
  if (cacheDir) {
    const caching = reading?.(shown, findings.vendors.length, 'Caching');
    try {
      await writeFindingsCache(cacheDir, contentHash(read.bytes), findings, caching && ((done) => caching.update(done)));
    } finally {
      caching?.end();
    }
  }
  return findings;
}
