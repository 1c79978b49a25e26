import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The findings snapshot store is one module: everything outside src/shell/snapshots/ reaches
// snapshots through store.ts, and nothing else in the code lists, reads or writes them.

const SRC = join(import.meta.dirname, '..', '..', 'src');
const STORE = join(SRC, 'shell', 'snapshots');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((match) => match[1]!);
}

const outside = sources(SRC).filter((file) => !file.startsWith(STORE + '/'));

describe('the snapshot store', () => {
  it('is reached from outside its folder through store.ts only', () => {
    const strays = outside.flatMap((file) =>
      importsOf(file)
        .filter((spec) => /(^|\/)snapshots\//.test(spec) && !spec.endsWith('snapshots/store.js'))
        .map((spec) => `${relative(SRC, file)} imports ${spec}`),
    );
    expect(strays).toEqual([]);
  });

  it('is used by the commands that list, read or write snapshots', () => {
    const users = outside.filter((file) => importsOf(file).some((spec) => spec.endsWith('snapshots/store.js'))).map((file) => relative(SRC, file));
    expect(users).toEqual(
      expect.arrayContaining([
        'commands/diff.ts',
        'commands/trend.ts',
        'commands/report.ts',
        'commands/export.ts',
        'commands/score.ts',
        'commands/interview.ts',
      ]),
    );
  });

  it('holds the only listing of a findings folder', () => {
    // A second listing would read the folder itself: readdir over a findings directory.
    const listers = outside.filter((file) => /readdir\w*\([^)]*findings/i.test(readFileSync(file, 'utf8'))).map((file) => relative(SRC, file));
    expect(listers).toEqual([]);
  });

  it('has no import cycle among its modules', () => {
    const modules = sources(STORE);
    const edges = new Map(
      modules.map((file) => [
        file,
        importsOf(file)
          .filter((spec) => spec.startsWith('./'))
          .map((spec) => join(STORE, spec.replace(/\.js$/, '.ts'))),
      ]),
    );
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (path.includes(file)) {
        cycles.push([...path.slice(path.indexOf(file)), file].map((step) => relative(STORE, step)).join(' → '));
        return;
      }
      for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
    };
    for (const file of modules) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
