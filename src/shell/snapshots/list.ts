import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { shownPath } from '../shown-path.js';
import { UserError } from '../user-error.js';

// The one way to list a workspace's findings snapshots: the YAML files of the findings folder that
// say near their top that they are findings, each with the quarter it says it holds. diff, trend,
// report and the history later quarters are scored with all list snapshots here.

export interface SnapshotEntry {
  path: string;
  /** As the file's first lines say; undefined when they do not (the file is then read in full). */
  period: string | undefined;
}

/** The findings files of a folder, with the quarter each says it holds near its top. */
export async function listSnapshots(dir: string, cwd: string): Promise<SnapshotEntry[]> {
  const heads: SnapshotEntry[] = [];
  for (const name of await findingsNames(dir, cwd)) {
    const head = await readHead(join(dir, name));
    if (head === undefined || !FINDINGS_HEAD.test(head)) continue;
    heads.push({ path: join(dir, name), period: /^period:\s*["']?(\d{4}-Q[1-4])["']?\s*$/m.exec(head)?.[1] });
  }
  return heads;
}

async function findingsNames(dir: string, cwd: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort();
  } catch {
    throw new UserError(`no findings folder at ${shownPath(dir, cwd)}`, { hint: 'write a snapshot with `aiclaim score --period YYYY-Qn`' });
  }
}

/** Only a file that says near its top that it is findings is read as findings; others in the folder are left alone. */
const FINDINGS_HEAD = /^schema:\s*["']?aiclaim\/findings@/m;

async function readHead(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}
