#!/usr/bin/env node
// The installed command: everything it does lives in the built dist/. A CommonJS file, so that
// `aiclaim --version` is answered before Node sets up its ES module loader (a tenth of Node's own
// start-up on Node 22 and 24); the command line itself is the ES module dist/cli.js.
'use strict';
const { existsSync, lstatSync, readFileSync } = require('node:fs');

// `aiclaim --version` alone, as scripts and install checks run it: answered from package.json,
// without loading the command line (a third of its start-up). Any other use goes to dist/.
const asked = process.argv.slice(2);
if (asked.length === 1 && ['--version', '-v', '-V'].includes(asked[0])) {
  process.stdout.write(`${JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8')).version}\n`);
  process.exit(0);
}
enableCompileCache();
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
import('../dist/cli.js').then(
  async (cli) => {
    process.exitCode = await cli.main(process.argv);
  },
  (error) => {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
    process.stderr.write('aiclaim is not built yet: run `npm run build` in its folder.\n');
    process.exit(2);
  },
);

/**
 * Why: every run of aiclaim compiles the bundle (dist/cli.js and the chunks of the command) before
 * it does anything, and scripts run it again and again. Node 22.1 and later can keep V8's compiled
 * code on disk and reuse it on the next run; with a bundle this small the gain is small too (at
 * most a few per cent of a run, measured on Node 22 and 24), and it costs nothing. Node 20 has no
 * module.enableCompileCache: there nothing happens.
 *
 * Where: Node's own default, node-compile-cache in the system's temporary folder (one subfolder per
 * Node version, so that versions never share it). Never inside the package (it may be read-only,
 * and is never written) nor in the user's workspace (the current folder, or the nearest one up
 * holding aiclaim.yaml): a TMPDIR that is relative, or points into either, turns the cache off, and
 * so does a folder there that is a link, or another user's, or writable by others (a shared /tmp).
 * NODE_COMPILE_CACHE (a folder the user chose; Node has then enabled it already) and
 * NODE_DISABLE_COMPILE_CACHE are the user's to set. A cache that cannot be written is ignored by
 * Node: the command runs as it would without it.
 */
function enableCompileCache() {
  const module = require('node:module');
  const { tmpdir } = require('node:os');
  const { dirname, isAbsolute, join, relative, resolve } = require('node:path');
  if (typeof module.enableCompileCache !== 'function') return;
  if (process.env.NODE_COMPILE_CACHE || process.env.NODE_DISABLE_COMPILE_CACHE) return;
  try {
    const dir = join(tmpdir(), 'node-compile-cache');
    if (!isAbsolute(dir)) return;
    const inside = (folder) => {
      const rel = relative(resolve(folder), dir);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    };
    const cwd = process.cwd();
    if (inside(resolve(__dirname, '..')) || inside(cwd)) return;
    for (let folder = cwd; ; folder = dirname(folder)) {
      if (existsSync(join(folder, 'aiclaim.yaml'))) {
        if (inside(folder)) return;
        break;
      }
      if (dirname(folder) === folder) break;
    }
    const stat = lstatSync(dir, { throwIfNoEntry: false });
    const uid = process.getuid?.();
    if (stat && (!stat.isDirectory() || (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)))) return;
    module.enableCompileCache(dir);
  } catch {
    /* a speed-up only: without it the command runs as before */
  }
}
