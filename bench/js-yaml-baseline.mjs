// The second baseline of `npm run bench`: a bare js-yaml load (core schema) of every .yaml file in
// a folder, one after another: the fastest mainstream YAML reader, with no source positions.
// usage: node bench/js-yaml-baseline.mjs <dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';

const dir = process.argv[2];
let files = 0;
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.yaml')) continue;
  load(readFileSync(join(dir, name), 'utf8'), { schema: CORE_SCHEMA });
  files++;
}
process.stdout.write(`${files}\n`);
