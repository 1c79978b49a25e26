import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Findings, VendorFinding } from '../../core/schema/findings.js';
import { writeFileAtomicStream } from '../atomic-write.js';
import type { ChunkRange } from '../chunk-file.js';
import { eachLine } from '../each-line.js';
import { markedEntry } from './self-check-mark.js';

// Reading a YAML snapshot of thousands of vendors takes the yaml parser tens of seconds; the same
// data as JSON takes well under one. A snapshot, once read or written, is kept as JSON lines (the
// header, then one vendor a line) in the workspace's .aiclaim/cache/, under the content hash of
// its YAML: any edit to the YAML is a new hash, so the cache never answers for another file.
// The cache is checked, never trusted: its last line is a digest of every line before it, and a
// cache whose lines do not match it (edited, cut short, malformed) is ignored, and the snapshot
// read from its YAML again.

type Header = Omit<Findings, 'vendors'>;

function cachePath(cacheDir: string, yamlHash: string): string {
  return join(cacheDir, `findings-${yamlHash}.jsonl`);
}

/** The findings, and the digest of the cache's lines they were read from (CachedAs, self-check-mark.ts). */
export function readFindingsCache(cacheDir: string, yamlHash: string): { findings: Findings; digest: string } | undefined {
  const read = readFindingsCacheParts(cacheDir, yamlHash, (vendor) => vendor);
  return read && { findings: { ...read.header, vendors: read.vendors }, digest: read.digest };
}

/** The header and a part of each vendor, parsing one line at a time; undefined if unreadable or not as written. */
export function readFindingsCacheParts<T>(
  cacheDir: string,
  yamlHash: string,
  pick: (vendor: VendorFinding) => T,
): { header: Header; vendors: T[]; digest: string } | undefined {
  let header: Header | undefined;
  const vendors: T[] = [];
  let digest: string | undefined;
  try {
    digest = checkedLines(cachePath(cacheDir, yamlHash), (line) => {
      if (header) vendors.push(pick(JSON.parse(line) as VendorFinding));
      else header = JSON.parse(line) as Header;
    });
    if (!digest) return undefined;
  } catch {
    return undefined;
  }
  return header?.schema === 'aiclaim/findings@1' ? { header, vendors, digest } : undefined;
}

const TRAILER = '{"digest":"';
const NEWLINE = Buffer.from('\n');

/**
 * Each line of a cache file but its trailer, then the digest of the lines before it if the trailer
 * holds it: undefined for a file edited, cut short or written by an earlier aiclaim.
 */
function checkedLines(path: string, visit: (line: string, start: number, end: number) => void): string | undefined {
  const hash = createHash('sha256');
  let trailer: string | undefined;
  eachLine(path, (line, start, end, bytes) => {
    if (trailer !== undefined) {
      trailer = ''; // a line after the trailer: not as written
      return;
    }
    if (line.startsWith(TRAILER)) {
      trailer = line;
      return;
    }
    // The bytes read, not the line encoded again: the same digest, for a line as written, at a third of the time.
    hash.update(bytes);
    hash.update(NEWLINE);
    visit(line, start, end);
  });
  const digest = hash.digest('hex');
  return trailer === `${TRAILER}${digest}"}` ? digest : undefined;
}

export interface CachedVendor {
  id: string;
  hash: string;
  range: ChunkRange;
}

/** Where each vendor's line is, by source file, without keeping the vendors in memory. */
export function indexFindingsCache(cacheDir: string, yamlHash: string): { path: string; header: Header; vendors: Map<string, CachedVendor> } | undefined {
  const path = cachePath(cacheDir, yamlHash);
  const vendors = new Map<string, CachedVendor>();
  let header: Header | undefined;
  try {
    const intact = checkedLines(path, (line, start, end) => {
      if (!header) header = JSON.parse(line) as Header;
      else {
        const v = JSON.parse(line) as VendorFinding;
        vendors.set(v.source.file, { id: v.id, hash: v.source.hash, range: { start, length: end - start } });
      }
    });
    if (!intact) return undefined;
  } catch {
    return undefined;
  }
  return header?.schema === 'aiclaim/findings@1' ? { path, header, vendors } : undefined;
}

export function readCachedVendor(path: string, range: ChunkRange): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(range.length);
    readSync(fd, buffer, 0, range.length, range.start);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** `written`: told how many vendors are written so far, for a progress line. */
export async function writeFindingsCache(cacheDir: string, yamlHash: string, findings: Findings, written?: (done: number) => void): Promise<void> {
  const { vendors, ...header } = findings;
  await writeFindingsCacheStream(cacheDir, yamlHash, header, (write) => {
    for (let i = 0; i < vendors.length; i++) {
      if (written && i % 250 === 0) written(i);
      write(`${JSON.stringify(vendors[i])}\n`);
    }
  });
}

/**
 * Best effort: a cache that cannot be written (a read-only workspace) only costs speed. Entries of
 * the same quarter made from older versions of the file are removed, so the cache does not grow,
 * and so are the marks of self-checks passed by entries no longer there (self-check-mark.ts).
 */
export async function writeFindingsCacheStream(
  cacheDir: string,
  yamlHash: string,
  header: Header,
  fill: (write: (data: string | Uint8Array) => void) => void,
): Promise<void> {
  try {
    const mine = `findings-${yamlHash}.jsonl`;
    await writeFileAtomicStream(join(cacheDir, mine), (write) => {
      const hash = createHash('sha256');
      const checked = (data: string | Uint8Array) => {
        hash.update(data);
        write(data);
      };
      checked(`${JSON.stringify(header)}\n`);
      fill(checked);
      write(`${TRAILER}${hash.digest('hex')}"}\n`);
    });
    const names = await readdir(cacheDir);
    for (const name of names) {
      if (name === mine || !/^findings-[0-9a-f]+\.jsonl$/.test(name)) continue;
      if (firstLinePeriod(join(cacheDir, name)) === header.period) await rm(join(cacheDir, name), { force: true });
    }
    const kept = new Set((await readdir(cacheDir)).flatMap((name) => /^findings-([0-9a-f]+)\.jsonl$/.exec(name)?.[1] ?? []));
    for (const name of names) {
      const of = markedEntry(name);
      if (of !== undefined && !kept.has(of)) await rm(join(cacheDir, name), { force: true });
    }
  } catch {
    /* the YAML stays the record; the cache is only an index to it */
  }
}

function firstLinePeriod(path: string): string | undefined {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(2048);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return /"period":"(\d{4}-Q[1-4])"/.exec(buffer.subarray(0, n).toString('utf8'))?.[1];
  } finally {
    closeSync(fd);
  }
}
