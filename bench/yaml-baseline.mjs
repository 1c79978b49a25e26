// The baseline of `npm run bench`: a bare yaml parse of every .yaml file in a folder, one after
// another, as a script that did nothing else with them would.
// usage: node bench/yaml-baseline.mjs <dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const dir = process.argv[2];
let files = 0;
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.yaml')) continue;
  parse(readFileSync(join(dir, name), 'utf8'));
  files++;
}
process.stdout.write(`${files}\n`);
