// Builds dist/: the command line and its two workers (scoring, reading snapshots), bundled with
// their dependencies so that start-up reads a few files rather than hundreds, and the bundled
// questionnaires as checked. Commands stay separate chunks, loaded when run.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', 'score-worker': 'src/shell/score-worker.ts', 'snapshot-worker': 'src/shell/snapshots/worker.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minify: true,
  // Some dependencies are CommonJS and require Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [stripAnsiRegexOnce()],
});
// The bundled questionnaires, checked once here rather than on every run (scripts/check-questionnaires.ts).
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/check-questionnaires.ts'], { stdio: 'inherit', cwd: new URL('..', import.meta.url) });

/**
 * strip-ansi 6 (under cli-table3's string-width) builds ansi-regex's pattern anew on every call,
 * several times per table cell: a third of the time it takes to print a table of 15,000 vendors.
 * The pattern never changes, so it is built once, as strip-ansi 7 does. Any other version of the
 * file is bundled as it is.
 */
function stripAnsiRegexOnce() {
  const known = "module.exports = string => typeof string === 'string' ? string.replace(ansiRegex(), '') : string;";
  return {
    name: 'strip-ansi-regex-once',
    setup(b) {
      b.onLoad({ filter: /[\\/]strip-ansi[\\/]index\.js$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(known)) return undefined;
        return {
          contents: source.replace(
            known,
            "const regex = ansiRegex();\nmodule.exports = string => typeof string === 'string' ? string.replace(regex, '') : string;",
          ),
          loader: 'js',
        };
      });
    },
  };
}
