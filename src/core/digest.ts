import { createHash } from 'node:crypto';

// Digests identify what was scored, so that two snapshots can tell what changed.

/** JSON with keys sorted at every level: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // Plain loops: this runs over every answer of every vendor in a batch.
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** 64 bits of SHA-256, as 16 hex characters: enough to tell files and questionnaires apart. */
export function contentHash(content: string | Uint8Array): string {
  return contentHashOfParts([content]);
}

/** contentHash of the content the parts make, in order, without joining them. */
export function contentHashOfParts(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
}

/** A short, fast digest of one answer (FNV-1a, 32 bits): only compared with the same answer's earlier digest. */
export function answerDigest(value: unknown): string {
  const text = typeof value === 'object' && value !== null ? canonicalJson(value) : (JSON.stringify(value) ?? 'null');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
